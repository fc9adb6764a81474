/// What a number in a scenario failed to be, as scenario files, studies and the command line
/// all say it.
public enum NumberRequirement: Sendable, Equatable {
    case finite
    case nonNegative
    case positive
    case wholeNumber
    case atMost(Double)
    case atLeast(Double)

    /// "must be a finite number > 0", as messages about a field or an option say it.
    public var phrase: String {
        switch self {
        case .finite: return "must be a finite number"
        case .nonNegative: return "must be a finite number >= 0"
        case .positive: return "must be a finite number > 0"
        case .wholeNumber: return "must be a whole number"
        case .atMost(let limit): return "must be at most \(ScenarioProblem.format(limit))"
        case .atLeast(let limit): return "must be at least \(ScenarioProblem.format(limit))"
        }
    }

    /// True when `value` meets the requirement (`.atMost` and `.atLeast` need it finite too).
    public func isMet(by value: Double) -> Bool {
        guard value.isFinite else { return false }
        switch self {
        case .finite: return true
        case .nonNegative: return value >= 0
        case .positive: return value > 0
        case .wholeNumber: return value == value.rounded()
        case .atMost(let limit): return value <= limit
        case .atLeast(let limit): return value >= limit
        }
    }
}
