import Foundation

/// Number formatting that never depends on locale, platform printf or Foundation's formatters,
/// so the same numbers always give the same bytes (charts and reports are compared byte for
/// byte across runs and machines).
package enum NumberText {
    /// `value` rounded half away from zero to `decimals` places, as written (`fixed(2.5, 0)` is
    /// `"3"`, `fixed(-0.04, 1)` is `"0.0"`: negative zero is written without a sign).
    /// Non-finite values are written `NaN`, `inf`, `-inf`.
    package static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        let decimals = min(max(decimals, 0), 15)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return scientific(value, 6) }
        let integer = UInt64(scaled)
        let unit = UInt64(scale)
        let whole = integer / unit
        var text = (value < 0 && integer != 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let fraction = String(integer % unit)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// Like `fixed` with trailing zeros of the fraction (and a bare point) removed.
    package static func trimmed(_ value: Double, _ decimals: Int) -> String {
        trimZeros(fixed(value, decimals))
    }

    /// A compact SVG coordinate: one decimal, trimmed (`12.0` → `12`).
    @inline(__always)
    package static func coordinate(_ value: Double) -> String {
        trimmed(value, 1)
    }

    /// `value` to `digits` significant digits, plain for magnitudes 1e-4 ..< 1e9 and
    /// scientific (`1.5e-07`) outside, with trailing zeros removed.
    package static func significant(_ value: Double, _ digits: Int = 4) -> String {
        guard value.isFinite else { return fixed(value, 0) }
        if value == 0 { return "0" }
        let exponent = Int((abs(value)).log10Floor)
        if exponent < -4 || exponent >= 9 { return scientific(value, digits) }
        return trimmed(value, max(0, digits - 1 - exponent))
    }

    /// `value` as `m.mmme±XX` with `digits` significant digits, trailing zeros removed.
    package static func scientific(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return fixed(value, 0) }
        if value == 0 { return "0" }
        var exponent = Int(abs(value).log10Floor)
        // Scale in two steps so subnormals (1e-320) do not divide by an underflowed 10^e.
        var mantissa = exponent < -300 ? abs(value) * 1e300 / pow10(exponent + 300) : abs(value) / pow10(exponent)
        // Rounding can carry the mantissa to 10.
        if Double(fixed(mantissa, digits - 1))! >= 10 {
            exponent += 1
            mantissa /= 10
        }
        let sign = value < 0 ? "-" : ""
        let exponentText = (exponent < 0 ? "-" : "+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
        return sign + trimmed(mantissa, digits - 1) + "e" + exponentText
    }

    /// 10 to an integer power, exact for the range charts use.
    package static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 {
            for _ in 0..<exponent { result *= 10 }
        } else {
            for _ in 0..<(-exponent) { result /= 10 }
        }
        return result
    }

    private static func trimZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.hasSuffix("0") { result = result.dropLast() }
        if result.hasSuffix(".") { result = result.dropLast() }
        if result == "-0" { return "0" }
        return String(result)
    }
}

extension Double {
    /// floor(log10(self)) for positive finite values, corrected for the rounding of log10 near
    /// exact powers of ten (log10(1000) may come out as 2.9999999999999996).
    package var log10Floor: Double {
        var exponent = Int(log10(self).rounded(.down))
        if NumberText.pow10(exponent + 1) <= self { exponent += 1 }
        if NumberText.pow10(exponent) > self { exponent -= 1 }
        return Double(exponent)
    }
}
