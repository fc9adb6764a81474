import Foundation

/// Tick marks of one axis: its drawn range, the tick values and how to write them.
package struct AxisTicks: Sendable, Equatable {
    /// The axis runs from `lower` to `upper` (for a log axis: the values, not their logarithms).
    package var lower: Double
    package var upper: Double
    /// Tick positions in axis units, ascending, all within `lower...upper`.
    package var values: [Double]
    /// Decimal places that write every tick exactly (0 for a log axis).
    package var decimals: Int
    package var isLogarithmic: Bool

    /// The tick labels, deterministic (`"0"`, `"0.5"`, `"1e-03"`).
    package var labels: [String] {
        values.map { isLogarithmic ? NiceTicks.decadeLabel($0) : NumberText.fixed($0, decimals) }
    }
}

/// How the time axis is labelled.
package enum TimeUnit: String, Sendable, Equatable {
    case hours
    case days

    package var hoursPerUnit: Double { self == .hours ? 1 : 24 }
    package var axisLabel: String { self == .hours ? "Time (h)" : "Time (days)" }
    package var symbol: String { self == .hours ? "h" : "d" }

    /// Hours for runs up to three days, days beyond: a week in hours is unreadable, a day in
    /// days too coarse.
    package init(spanHours: Double) {
        self = spanHours > 72 ? .days : .hours
    }
}

/// "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten, the choice of most plotting
/// packages since Heckbert's "Nice numbers for graph labels" (Graphics Gems, 1990). Hours use
/// clock-friendly steps instead (1, 2, 3, 6, 12, 24 h) so a day divides evenly.
package enum NiceTicks {
    /// Steps in hours for a time axis in hours; below 1 h, 1-2-5 of the hour fractions.
    static let hourSteps: [Double] = [0.25, 0.5, 1, 2, 3, 6, 12, 24]

    /// The smallest 1-2-5 step at least `span / targetCount`.
    package static func niceStep(span: Double, targetCount: Int) -> Double {
        let raw = span / Double(max(targetCount, 1))
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = NumberText.pow10(Int(raw.log10Floor))
        for multiple in [1.0, 2, 5, 10] where multiple * magnitude >= raw * (1 - 1e-12) {
            return multiple * magnitude
        }
        return 10 * magnitude
    }

    /// Ticks for a value axis covering `minimum...maximum`, extended outwards to whole steps so
    /// every value lies inside. A flat series (range under 1e-12 of its size) is widened by half
    /// its magnitude each way, or to -1...1 around zero, so it draws as a visible line.
    ///
    /// - Parameters:
    ///   - targetCount: about how many intervals to aim for (the result has at most about twice).
    package static func linear(minimum: Double, maximum: Double, targetCount: Int = 5) -> AxisTicks {
        var lower = min(minimum, maximum), upper = max(minimum, maximum)
        if !lower.isFinite || !upper.isFinite { (lower, upper) = (0, 1) }
        if upper - lower <= 1e-12 * max(abs(lower), abs(upper)) {
            let pad = lower == 0 ? 1 : abs(lower) * 0.5
            (lower, upper) = (lower - pad, upper + pad)
            if minimum >= 0, lower < 0 { lower = 0 }
        }
        var step = niceStep(span: upper - lower, targetCount: targetCount)
        // A tiny relative variation on a huge value would need more ticks than an Int counts:
        // fall back to steps of the magnitude (the variation then draws as a flat line).
        let magnitude = max(abs(lower), abs(upper))
        if magnitude / step > 1e12 || !step.isFinite {
            step = niceStep(span: magnitude, targetCount: targetCount)
        }
        // The 1e-9 tolerance keeps a bound that is a step multiple up to rounding on that multiple.
        let firstIndex = Int((lower / step + 1e-9).rounded(.down))
        let lastIndex = Int((upper / step - 1e-9).rounded(.up))
        let values = (firstIndex...max(firstIndex, lastIndex)).map { Double($0) * step }
        return AxisTicks(
            lower: values.first!, upper: values.last!, values: values, decimals: decimals(of: step),
            isLogarithmic: false)
    }

    /// Ticks for a time axis over `span` (hours), in the unit chosen for its length. The axis
    /// keeps the exact span (it is not extended); ticks are the step multiples inside it.
    package static func time(spanHours span: ClosedRange<Double>, targetCount: Int = 8) -> (unit: TimeUnit, ticks: AxisTicks) {
        let length = span.upperBound - span.lowerBound
        let unit = TimeUnit(spanHours: length)
        let lower = span.lowerBound / unit.hoursPerUnit
        let upper = max(span.upperBound, span.lowerBound + 1e-9) / unit.hoursPerUnit
        let step: Double
        if unit == .hours {
            let raw = (upper - lower) / Double(targetCount)
            step = hourSteps.first { $0 >= raw * (1 - 1e-12) } ?? niceStep(span: upper - lower, targetCount: targetCount)
        } else {
            step = niceStep(span: upper - lower, targetCount: targetCount)
        }
        let firstIndex = Int((lower / step - 1e-9).rounded(.up))
        let lastIndex = Int((upper / step + 1e-9).rounded(.down))
        let values = firstIndex <= lastIndex ? (firstIndex...lastIndex).map { Double($0) * step } : []
        return (unit, AxisTicks(lower: lower, upper: upper, values: values, decimals: decimals(of: step), isLogarithmic: false))
    }

    /// Decade ticks for a log axis covering the positive values `minimumPositive...maximum`,
    /// spanning at most `maximumDecades` below the top (smaller values are clipped to the
    /// bottom edge), labelling every decade or every few when there are many.
    package static func logarithmic(minimumPositive: Double, maximum: Double, maximumDecades: Int = 6) -> AxisTicks {
        guard minimumPositive > 0, maximum > 0, minimumPositive.isFinite, maximum.isFinite else {
            return AxisTicks(lower: 0.1, upper: 10, values: [0.1, 1, 10], decimals: 0, isLogarithmic: true)
        }
        var top = Int(maximum.log10Floor)
        if NumberText.pow10(top) < maximum * (1 - 1e-12) { top += 1 }
        var bottom = Int(min(minimumPositive, maximum).log10Floor)
        if bottom >= top { bottom = top - 1 }
        bottom = max(bottom, top - maximumDecades)
        let stride = max(1, (top - bottom + 5) / 6)
        let values = Swift.stride(from: top, through: bottom, by: -stride).reversed().map { NumberText.pow10($0) }
        return AxisTicks(
            lower: NumberText.pow10(bottom), upper: NumberText.pow10(top), values: values, decimals: 0,
            isLogarithmic: true)
    }

    /// Decimal places needed to write multiples of `step` exactly (0.25 → 2, 5 → 0).
    static func decimals(of step: Double) -> Int {
        var scaled = step
        for places in 0...10 {
            if abs(scaled - scaled.rounded()) < 1e-9 * max(1, abs(scaled)) { return places }
            scaled *= 10
        }
        return 10
    }

    /// A decade written plainly from 0.001 to 10000, in scientific notation outside.
    static func decadeLabel(_ value: Double) -> String {
        let exponent = Int(value.log10Floor)
        if exponent >= -3 && exponent <= 4 { return NumberText.fixed(value, max(0, -exponent)) }
        return NumberText.scientific(value, 1)
    }
}
