import Foundation

/// One row of an observations file: a published value of one observable, the statistic that
/// turns the model's time course into a comparable number, and the acceptance band.
package struct Observation: Sendable, Equatable {
    /// 1-based line in the file (for messages).
    package var line: Int
    /// A CSV column of the paired scenario (`mu_pet_occupancy`).
    package var observable: String
    package var statistic: ObservationStatistic
    /// The time of an `at` comparison, or the start of the window, h from the start of the run.
    package var timeHours: Double
    /// The end of the window; nil for `at`.
    package var endHours: Double?
    /// The published central value, in the observable's unit (h for times and half-lives,
    /// unit × h for an area).
    package var value: Double
    /// The data's standard deviation, when known.
    package var standardDeviation: Double?
    /// Number of subjects, when known.
    package var subjects: Int?
    /// The acceptance band, inclusive.
    package var lower: Double
    package var upper: Double

    package init(
        line: Int, observable: String, statistic: ObservationStatistic, timeHours: Double, endHours: Double?,
        value: Double, standardDeviation: Double?, subjects: Int?, lower: Double, upper: Double
    ) {
        self.line = line
        self.observable = observable
        self.statistic = statistic
        self.timeHours = timeHours
        self.endHours = endHours
        self.value = value
        self.standardDeviation = standardDeviation
        self.subjects = subjects
        self.lower = lower
        self.upper = upper
    }

    /// `at@4h`, `max@0-24h`: the statistic and its time or window, for one-line output.
    package var statisticLabel: String {
        let t = ValidationNumber.text(timeHours)
        guard let endHours else { return statistic.rawValue + "@" + t + "h" }
        return statistic.rawValue + "@" + t + "-" + ValidationNumber.text(endHours) + "h"
    }

    /// `m6g_plasma_nM max@0-6h`: the observable and the statistic label, the name a
    /// `# known_gap_covers:` line gives a comparison.
    package var label: String { observable + " " + statisticLabel }

    /// Whether a model value lies in the band (a NaN never does).
    package func accepts(_ modelValue: Double) -> Bool {
        lower <= modelValue && modelValue <= upper
    }
}

/// Numbers as the validation output prints them: 4 significant digits, no trailing zeros.
package enum ValidationNumber {
    package static func text(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "inf" : "-inf") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e-3 && magnitude < 1e6 {
            let decimals = Swift.max(0, digits - 1 - Int(floor(log10(magnitude))))
            var text = String(format: "%.\(decimals)f", value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text
        }
        return String(format: "%.\(digits - 1)g", value)
    }
}
