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
public enum CSVNumberFormat: Sendable, Equatable {
    case roundTrip
    case significantDigits(Int)

    /// Most significant digits accepted by `.significantDigits` (beyond 17 a `Double` has none).
    public static let maximumSignificantDigits = 17

    /// The text of `value` in this format.
    public func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if value == 0 { return "0" }
        let scientific: String
        switch self {
        case .roundTrip:
            scientific = value.description
        case .significantDigits(let digits):
            let n = max(1, min(digits, Self.maximumSignificantDigits))
            // %e is printed in the C locale (no setlocale call in this process), so '.' is the separator.
            scientific = String(format: "%.\(n - 1)e", value)
        }
        guard let decomposed = Self.decompose(scientific) else { return scientific }
        return Self.layout(negative: value < 0, digits: decomposed.digits, exponent: decomposed.exponent)
    }

    /// Splits `-1.2345e-05`, `123.45` or `1.0` into significant digits (no leading or trailing
    /// zeros) and the decimal exponent of the first digit.
    static func decompose(_ text: String) -> (digits: [UInt8], exponent: Int)? {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let parsed = Int(mantissa[mantissa.index(after: e)...]) else { return nil }
            exponent = parsed
            mantissa = mantissa[..<e]
        }
        if mantissa.hasPrefix("-") || mantissa.hasPrefix("+") { mantissa = mantissa.dropFirst() }
        var digits: [UInt8] = []
        var pointOffset: Int?
        for character in mantissa.utf8 {
            if character == UInt8(ascii: ".") {
                pointOffset = digits.count
            } else if character >= 0x30 && character <= 0x39 {
                digits.append(character - 0x30)
            } else {
                return nil
            }
        }
        // Exponent of the first digit before stripping leading zeros.
        var firstExponent = exponent + (pointOffset ?? digits.count) - 1
        while let first = digits.first, first == 0 {
            digits.removeFirst()
            firstExponent -= 1
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
        guard !digits.isEmpty else { return nil }
        return (digits, firstExponent)
    }

    static func layout(negative: Bool, digits: [UInt8], exponent: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + 24)
        if negative { out.append(UInt8(ascii: "-")) }
        func digit(_ d: UInt8) -> UInt8 { d + 0x30 }
        if exponent >= -6 && exponent < 15 {
            if exponent < 0 {
                out.append(contentsOf: Array("0.".utf8))
                out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -exponent - 1))
                out.append(contentsOf: digits.map(digit))
            } else {
                for i in 0...exponent { out.append(i < digits.count ? digit(digits[i]) : UInt8(ascii: "0")) }
                if digits.count > exponent + 1 {
                    out.append(UInt8(ascii: "."))
                    out.append(contentsOf: digits[(exponent + 1)...].map(digit))
                }
            }
        } else {
            out.append(digit(digits[0]))
            if digits.count > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[1...].map(digit))
            }
            out.append(contentsOf: Array("e\(exponent)".utf8))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
