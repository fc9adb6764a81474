import Foundation

/// One fitted parameter: its dotted name (as a scenario's `parameters:` block writes it), where
/// the search starts and the bounds it stays within. The search works on ln(value), so every
/// number must be finite and > 0.
package struct FitParameter: Sendable, Equatable {
    package var name: String
    /// The first start's value; nil for the scenario's current value (clamped into the bounds).
    package var initial: Double?
    /// Bounds; nil for initial / `defaultSpan` and initial × `defaultSpan`.
    package var lower: Double?
    package var upper: Double?

    /// Default bounds around the starting value when none are given: a factor of 10 each way.
    package static let defaultSpan = 10.0

    package init(name: String, initial: Double? = nil, lower: Double? = nil, upper: Double? = nil) {
        self.name = name
        self.initial = initial
        self.lower = lower
        self.upper = upper
    }

    /// Parses `NAME[=INITIAL][:LOWER:UPPER]` (`morphine.clearance_l_per_h=60:10:500`).
    /// - Throws: `CalibrationError.invalidParameter` for a missing name, a number that is not
    ///   finite and > 0, `LOWER >= UPPER`, or an initial value outside the bounds.
    package static func parse(_ text: String) throws(CalibrationError) -> FitParameter {
        var rest = Substring(text)
        let nameEnd = rest.firstIndex { $0 == "=" || $0 == ":" } ?? rest.endIndex
        let name = String(rest[..<nameEnd]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw .invalidParameter(text: text, reason: "expected NAME[=INITIAL][:LOWER:UPPER]") }
        rest = rest[nameEnd...]
        var parameter = FitParameter(name: name)
        if rest.first == "=" {
            let end = rest.firstIndex(of: ":") ?? rest.endIndex
            parameter.initial = try number(rest[rest.index(after: rest.startIndex)..<end], what: "initial value", text: text)
            rest = rest[end...]
        }
        if rest.first == ":" {
            let parts = rest.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw .invalidParameter(text: text, reason: "bounds are ':LOWER:UPPER' (two numbers)")
            }
            let lower = try number(parts[0], what: "lower bound", text: text)
            let upper = try number(parts[1], what: "upper bound", text: text)
            guard lower < upper else {
                throw .invalidParameter(text: text, reason: "lower bound \(format(lower)) must be below upper bound \(format(upper))")
            }
            parameter.lower = lower
            parameter.upper = upper
            if let initial = parameter.initial, initial < lower || initial > upper {
                throw .invalidParameter(text: text, reason: "initial value \(format(initial)) is outside the bounds [\(format(lower)), \(format(upper))]")
            }
        } else if !rest.isEmpty {
            throw .invalidParameter(text: text, reason: "expected NAME[=INITIAL][:LOWER:UPPER]")
        }
        return parameter
    }

    /// The start and bounds given the scenario's current value `current`.
    func resolved(current: Double) -> (initial: Double, lower: Double, upper: Double) {
        let centre = initial ?? current
        let lower = self.lower ?? centre / Self.defaultSpan
        let upper = self.upper ?? centre * Self.defaultSpan
        return (min(max(centre, lower), upper), lower, upper)
    }

    private static func number(_ text: Substring, what: String, text whole: String) throws(CalibrationError) -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
            throw .invalidParameter(text: whole, reason: "\(what) '\(text)' is not a number")
        }
        guard value.isFinite, value > 0 else {
            throw .invalidParameter(text: whole, reason: "\(what) must be a finite number > 0 (the fit works on its logarithm), got \(format(value))")
        }
        return value
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
