/// Moving a problem found by the scenario decoder to where the user wrote the value: an event
/// table's row is decoded as a dose entry, and its problems must name the table's column.
extension ScenarioError {
    /// The same problem with its location passed through `transform` (file-level problems and
    /// `.multiple`'s members likewise).
    func relocated(_ transform: (FieldLocation) -> FieldLocation) -> ScenarioError {
        switch self {
        case .multiple(let all): return .multiple(all.map { $0.relocated(transform) })
        case .duplicateKey(let l, let key): return .duplicateKey(transform(l), key: key)
        case .unknownKey(let l, let key, let suggestions): return .unknownKey(transform(l), key: key, suggestions: suggestions)
        case .missingKey(let l, let key): return .missingKey(transform(l), key: key)
        case .wrongType(let l, let expected, let found): return .wrongType(transform(l), expected: expected, found: found)
        case .invalidNumber(let l, let literal, let requirement):
            return .invalidNumber(transform(l), literal: literal, requirement: requirement)
        case .unknownName(let l, let category, let name, let suggestions, let valid):
            return .unknownName(transform(l), category: category, name: name, suggestions: suggestions, valid: valid)
        case .parameterOfAbsentDrug(let l, let parameter, let drug):
            return .parameterOfAbsentDrug(transform(l), parameter: parameter, drug: drug)
        case .unsupportedRoute(let l, let drug, let route, let supported):
            return .unsupportedRoute(transform(l), drug: drug, route: route, supported: supported)
        case .ambiguousSchedule(let l, let keys): return .ambiguousSchedule(transform(l), keysFound: keys)
        case .routeScheduleMismatch(let l, let route): return .routeScheduleMismatch(transform(l), route: route)
        case .emptyList(let l): return .emptyList(transform(l))
        case .afterEndOfRun(let l, let time, let duration): return .afterEndOfRun(transform(l), timeHours: time, durationHours: duration)
        case .outOfRange(let l, let literal, let range): return .outOfRange(transform(l), literal: literal, range: range)
        case .tooCostly(let l, let message): return .tooCostly(transform(l), message: message)
        case .conflict(let l, let message): return .conflict(transform(l), message: message)
        case .eventTable(let l, let message): return .eventTable(transform(l), message: message)
        case .drugDefinition(let l, let message): return .drugDefinition(transform(l), message: message)
        case .implausibleDose(let l, let message): return .implausibleDose(transform(l), message: message)
        case .conflictingKeys(let l, let keys, let message): return .conflictingKeys(transform(l), keys: keys, message: message)
        case .unreadable, .fileTooLarge, .invalidUTF8, .syntax, .nestingTooDeep: return self
        }
    }
}
