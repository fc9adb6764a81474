import Foundation

/// One swept quantity and the values it takes: `NAME=V1,V2,...` or `NAME=FROM:TO:STEPS[:log]`.
package struct Variation: Sendable, Equatable {
    /// A scenario parameter name (`morphine.half_life_h`) or dose field (`doses[0].amount_mg`).
    package var name: String
    /// The values in the order given (lists) or ascending from FROM to TO (ranges).
    package var values: [Double]

    package init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }

    /// Parses `NAME=V1,V2,...` (an explicit list) or `NAME=FROM:TO:STEPS` (STEPS evenly spaced
    /// values including both ends) or `NAME=FROM:TO:STEPS:log` (geometrically spaced, FROM and
    /// TO > 0). STEPS = 1 gives FROM alone.
    /// - Throws: `StudyError.invalidSpecification` naming what is wrong.
    package static func parse(_ text: String) throws(StudyError) -> Variation {
        func bad(_ reason: String) -> StudyError { .invalidSpecification(option: "--vary", text: text, reason: reason) }
        guard let equals = text.firstIndex(of: "=") else { throw bad("expected NAME=V1,V2,... or NAME=FROM:TO:STEPS[:log]") }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        let spec = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw bad("missing NAME before '='") }
        guard !spec.isEmpty else { throw bad("missing values after '='") }
        if spec.contains(":") {
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 3 || (parts.count == 4 && parts[3] == "log") else {
                throw bad("a range is FROM:TO:STEPS or FROM:TO:STEPS:log")
            }
            guard let from = Double(parts[0]), from.isFinite, let to = Double(parts[1]), to.isFinite else {
                throw bad("FROM and TO must be finite numbers")
            }
            guard let steps = Int(parts[2]), steps >= 1 else { throw bad("STEPS must be a whole number >= 1") }
            // Checked before the values are made: the grid limit would come too late for memory.
            guard steps <= SweepGrid.maximumPoints else {
                throw bad("STEPS must be at most \(SweepGrid.maximumPoints) (the largest sweep grid)")
            }
            let logarithmic = parts.count == 4
            if logarithmic, !(from > 0 && to > 0) { throw bad("a log range needs FROM and TO > 0") }
            return Variation(name: name, values: Self.range(from: from, to: to, steps: steps, logarithmic: logarithmic))
        }
        var values: [Double] = []
        for item in spec.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            guard let value = Double(trimmed), value.isFinite else { throw bad("'\(trimmed)' is not a finite number") }
            values.append(value)
        }
        return Variation(name: name, values: values)
    }

    /// `steps` values from `from` to `to` inclusive; the ends are exact.
    static func range(from: Double, to: Double, steps: Int, logarithmic: Bool) -> [Double] {
        guard steps > 1 else { return [from] }
        let last = Double(steps - 1)
        return (0..<steps).map { k in
            if k == 0 { return from }
            if k == steps - 1 { return to }
            let fraction = Double(k) / last
            return logarithmic ? from * Foundation.pow(to / from, fraction) : from + (to - from) * fraction
        }
    }
}
