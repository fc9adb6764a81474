import Foundation

/// How the CSV writer prints numbers. The format is fixed and locale-free, so output is
/// byte-identical across runs and machines:
///
/// - `.` is the decimal separator; no grouping; `-` only for negative values (`-0` prints `0`).
/// - Plain decimal notation for `1e-6 <= |x| < 1e15` (`0.25`, `8760`, `-3.5`); integers without
///   a decimal point.
/// - Scientific notation outside that range, with a bare exponent: `1.5e-9`, `2e20`.
/// - Non-finite values (only possible after a solver failure) print as `nan`, `inf`, `-inf`.
///
/// `.roundTrip` prints the fewest digits that read back as exactly the same `Double`
/// (Swift's shortest round-trip algorithm); `.significantDigits(n)` rounds to n digits and
/// drops trailing zeros.
package enum CSVNumberFormat: Sendable, Equatable {
    case roundTrip
    case significantDigits(Int)

    /// Most significant digits accepted by `.significantDigits` (beyond 17 a `Double` has none).
    package static let maximumSignificantDigits = 17

    /// The text of `value` in this format.
    package func format(_ value: Double) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the text of `value` to `out`, the hot path of the CSV writer: apart from the
    /// text Swift (or `%e`) produces, it allocates nothing.
    /// - Complexity: O(1) (at most 17 digits and a 4-digit exponent).
    package func append(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(contentsOf: value.isNaN ? Self.nanText : (value < 0 ? Self.negativeInfinityText : Self.infinityText))
            return
        }
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        var text = value.description
        if case .significantDigits(let digits) = self {
            let n = max(1, min(digits, Self.maximumSignificantDigits))
            let rounded = text.withUTF8 { utf8 in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
                    guard n <= Self.maximumDigitsRoundedFromShortest, value.isNormal,
                          let (count, exponent) = Self.decompose(utf8, into: buffer),
                          let (kept, roundedExponent) = Self.round(buffer, count: count, exponent: exponent, toDigits: n)
                    else { return false }
                    Self.layout(negative: value < 0, digits: UnsafeBufferPointer(rebasing: buffer[0..<kept]), exponent: roundedExponent, into: &out)
                    return true
                }
            }
            if rounded { return }
            // %e is printed in the C locale (no setlocale call in this process), so '.' is the separator.
            text = String(format: "%.\(n - 1)e", value)
        }
        text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
                guard let (count, exponent) = Self.decompose(utf8, into: digits) else {
                    out.append(contentsOf: utf8)
                    return
                }
                Self.layout(negative: value < 0, digits: UnsafeBufferPointer(rebasing: digits[0..<count]), exponent: exponent, into: &out)
            }
        }
    }

    /// Up to this many significant digits, rounding the shortest round-trip digits gives what
    /// `%e` gives from the exact binary value, except at a tie. The shortest digits lie within
    /// half an ulp (at most 1.2e-16 relative) of the value. With n digits or fewer they are the
    /// nearest n-digit decimal, since half the spacing of 15-digit decimals is at least 5e-16
    /// relative. With more, no rounding boundary (n + 1 digits ending in 5) lies strictly between
    /// them and the value, because that boundary would be a shorter or a closer round-trip string
    /// and Swift returns the closest of the shortest; one can only coincide with the digits (a 5
    /// after the n-th digit and nothing else), which `round` leaves to `%e`. Subnormal values,
    /// whose ulp is relatively larger, go to `%e` too. Saves `String(format:)` (about 13,000
    /// instructions a number) for the `time_h` column of every row.
    static let maximumDigitsRoundedFromShortest = 15

    /// Rounds significant digit values (first digit at decimal `exponent`) to at most `n`
    /// digits, half away from zero, and drops trailing zeros; returns the digit count and
    /// exponent, or nil at an exact tie (the digits after the n-th are a single 5).
    static func round(
        _ digits: UnsafeMutableBufferPointer<UInt8>, count: Int, exponent: Int, toDigits n: Int
    ) -> (count: Int, exponent: Int)? {
        guard count > n else { return (count, exponent) }
        let first = digits[n]
        if first == 5 && count == n + 1 { return nil }
        var kept = n
        var exponent = exponent
        if first >= 5 {
            var i = n - 1
            while i >= 0 && digits[i] == 9 { digits[i] = 0; i -= 1 }
            if i >= 0 {
                digits[i] += 1
            } else {
                digits[0] = 1
                kept = 1
                exponent += 1
            }
        }
        while kept > 1 && digits[kept - 1] == 0 { kept -= 1 }
        return (kept, exponent)
    }

    private static let nanText = Array("nan".utf8)
    private static let infinityText = Array("inf".utf8)
    private static let negativeInfinityText = Array("-inf".utf8)

    /// Reads `-1.2345e-05`, `123.45` or `1.0` into significant digit values (no leading or
    /// trailing zeros) and returns their count and the decimal exponent of the first digit.
    static func decompose(_ text: UnsafeBufferPointer<UInt8>, into digits: UnsafeMutableBufferPointer<UInt8>) -> (count: Int, exponent: Int)? {
        var count = 0
        var pointOffset = -1
        var exponent = 0
        var i = 0
        if i < text.count, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") { i += 1 }
        var leadingZeros = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: ".") {
                pointOffset = count + leadingZeros
            } else if c >= 0x30 && c <= 0x39 {
                if count == 0 && c == 0x30 {
                    leadingZeros += 1
                } else {
                    guard count < digits.count else { return nil }
                    digits[count] = c - 0x30
                    count += 1
                }
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                i += 1
                var negative = false
                if i < text.count, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
                    negative = text[i] == UInt8(ascii: "-")
                    i += 1
                }
                guard i < text.count else { return nil }
                while i < text.count {
                    let d = text[i]
                    guard d >= 0x30 && d <= 0x39, exponent < 100_000 else { return nil }
                    exponent = exponent * 10 + Int(d - 0x30)
                    i += 1
                }
                if negative { exponent = -exponent }
                break
            } else {
                return nil
            }
            i += 1
        }
        // Position of the point counted over all mantissa digits, leading zeros included.
        let point = pointOffset >= 0 ? pointOffset : leadingZeros + count
        while count > 0 && digits[count - 1] == 0 { count -= 1 }
        guard count > 0 else { return nil }
        return (count, exponent + point - 1 - leadingZeros)
    }

    static func layout(negative: Bool, digits: UnsafeBufferPointer<UInt8>, exponent: Int, into out: inout [UInt8]) {
        if negative { out.append(UInt8(ascii: "-")) }
        let zero = UInt8(ascii: "0")
        if exponent >= -6 && exponent < 15 {
            if exponent < 0 {
                out.append(zero)
                out.append(UInt8(ascii: "."))
                for _ in 0..<(-exponent - 1) { out.append(zero) }
                for d in digits { out.append(d + zero) }
            } else {
                for i in 0...exponent { out.append(i < digits.count ? digits[i] + zero : zero) }
                if digits.count > exponent + 1 {
                    out.append(UInt8(ascii: "."))
                    for i in (exponent + 1)..<digits.count { out.append(digits[i] + zero) }
                }
            }
        } else {
            out.append(digits[0] + zero)
            if digits.count > 1 {
                out.append(UInt8(ascii: "."))
                for i in 1..<digits.count { out.append(digits[i] + zero) }
            }
            out.append(UInt8(ascii: "e"))
            out.append(contentsOf: String(exponent).utf8)
        }
    }
}
