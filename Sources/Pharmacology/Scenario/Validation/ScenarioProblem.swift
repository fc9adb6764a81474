/// One thing wrong with a scenario's values, named by the dotted path of the field
/// (`doses[0].amount_mg`, `parameters["mu.turnover_half_life_h"]`, `solver.rtol`).
///
/// `ScenarioCheck` finds them; a scenario file adds the line (`ScenarioError`), a study names
/// the varied field, the command line prints `file: error: path: message`. The message is the
/// same wherever the value came from.
public struct ScenarioProblem: Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Issue: Sendable, Equatable {
        /// A number that fails `requirement` (range checks of amounts, times, counts, weights).
        case invalidNumber(Double, NumberRequirement)
        /// A parameter or tolerance outside the range that keeps the model or the solution
        /// meaningful; the range carries its reason.
        case outOfRange(Double, ParameterRange)
        /// A dose, the last dose of a schedule, an infusion or an event after the end of the run.
        case afterEndOfRun(timeHours: Double, durationHours: Double)
        /// Route `iv_infusion` without a rate schedule, or a rate schedule by another route.
        case routeScheduleMismatch(route: Route)
        /// A list that must not be empty is.
        case emptyList
        /// A name the model does not know: its category and every valid name.
        case unknownName(category: NameCategory, name: String, valid: [String])
        /// The drug exists but cannot be given by this route.
        case unsupportedRoute(drug: String, route: Route, supported: [Route])
        /// Two settings that cannot be combined; the message says which and why.
        case conflict(String)
        /// More administrations or output than `ScenarioLimits` allow; the message gives the
        /// estimate, the limit and the way out.
        case tooCostly(String)
    }

    /// The dotted path of the field (empty for the whole scenario).
    public var path: String
    public var issue: Issue

    public init(path: String, _ issue: Issue) {
        self.path = path
        self.issue = issue
    }

    /// The message after `path: `, numbers as `format` writes them.
    public var message: String { message(literal: nil) }

    /// The message, quoting `literal` as the value found (the text of a file) instead of the
    /// formatted number.
    public func message(literal: String?) -> String {
        switch issue {
        case .invalidNumber(let value, let requirement):
            return "\(requirement.phrase), found \(literal ?? Self.format(value))"
        case .outOfRange(let value, let range):
            return "\(range.requirement), found \(literal ?? Self.format(value))"
        case .afterEndOfRun(let time, let duration):
            return "starts at \(Self.format(time)) h, after the end of the run (duration_h \(Self.format(duration)))"
        case .routeScheduleMismatch(let route):
            return route == .ivInfusion
                ? "route 'iv_infusion' needs rate_mg_per_h, start_h and duration_h"
                : "rate_mg_per_h needs route 'iv_infusion', found '\(route.rawValue)'"
        case .emptyList:
            return "must not be empty"
        case .unknownName(let category, let name, let valid):
            return UnknownName(category, name, valid: valid).description
        case .unsupportedRoute(let drug, let route, let supported):
            if supported.isEmpty { return "drug '\(drug)' cannot be given directly by any route (it has none; route '\(route.rawValue)')" }
            return "drug '\(drug)' cannot be given by route '\(route.rawValue)' (supported: "
                + supported.map(\.rawValue).joined(separator: ", ") + ")"
        case .conflict(let message), .tooCostly(let message):
            return message
        }
    }

    /// `path: message`.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    /// The same problem under `prefix` (`doses[2]` + `amount_mg` = `doses[2].amount_mg`).
    package func under(_ prefix: String) -> ScenarioProblem {
        guard !prefix.isEmpty else { return self }
        var moved = self
        moved.path = path.isEmpty ? prefix : path.hasPrefix("[") ? prefix + path : prefix + "." + path
        return moved
    }

    /// Numbers in messages: integers without `.0`, others shortest round-trip.
    public static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
