import Pharmacology

/// The typed reads of JSON values that record a problem (wrong type, unknown key, out of
/// range) instead of failing: the decoder's one way to read a value.
extension ScenarioDecoder {
    func location(_ path: String, _ position: SourcePosition) -> FieldLocation {
        FieldLocation(file: file, path: path, position: position)
    }

    /// The members of an object in file order, or nil with a wrong-type problem; `expected`
    /// says what the object maps (`an object (route name: its parameters)`).
    mutating func members(_ value: JSONValue, path: String, expected: String = "an object") -> [JSONMember]? {
        guard case .object(let members) = value.kind else {
            problems.append(.wrongType(location(path, value.position), expected: expected, found: value.typeName))
            return nil
        }
        return members
    }

    func literalOf(_ value: JSONValue) -> String {
        if case .number(_, let literal) = value.kind { return literal }
        return value.typeName
    }

    /// The members of an object by key, after reporting unknown keys; nil (and a problem) if
    /// the value is not an object.
    mutating func object(_ value: JSONValue, path: String, allowed: [String]) -> [String: JSONValue]? {
        guard let members = self.members(value, path: path) else { return nil }
        var byKey: [String: JSONValue] = [:]
        for member in members {
            if allowed.contains(member.key) {
                byKey[member.key] = member.value
                positions[path.isEmpty ? member.key : "\(path).\(member.key)"] = member.value.position
            } else {
                let memberPath = path.isEmpty ? member.key : "\(path).\(member.key)"
                problems.append(.unknownKey(location(memberPath, member.keyPosition), key: member.key,
                                            suggestions: NameSuggestion.suggestions(for: member.key, in: allowed)))
            }
        }
        return byKey
    }

    mutating func array(_ value: JSONValue, path: String) -> [JSONValue]? {
        guard case .array(let elements) = value.kind else {
            problems.append(.wrongType(location(path, value.position), expected: "an array", found: value.typeName))
            return nil
        }
        return elements
    }

    mutating func string(_ value: JSONValue?, path: String) -> String? {
        guard let value else { return nil }
        guard case .string(let text) = value.kind else {
            problems.append(.wrongType(location(path, value.position), expected: "a string", found: value.typeName))
            return nil
        }
        return text
    }

    /// The number `value` holds (any, `NaN` and infinities included: what it must be is
    /// `ScenarioCheck`'s to say), with its position and text recorded under `path`; nil (and a
    /// problem) for another JSON type.
    mutating func number(_ value: JSONValue, path: String) -> Double? {
        guard case .number(let number, let literal) = value.kind else {
            problems.append(.wrongType(location(path, value.position), expected: "a number", found: value.typeName))
            return nil
        }
        positions[path] = value.position
        literals[path] = literal
        return number
    }

    /// A number that meets `requirement` (and `limit`), judged by `ScenarioCheck.number`; nil
    /// and a problem otherwise. For the fields no scenario-wide check covers (drug definitions,
    /// an amount in the unit the file wrote).
    mutating func number(
        _ value: JSONValue, path: String, _ requirement: NumberRequirement, atMost limit: Double? = nil
    ) -> Double? {
        guard let number = number(value, path: path) else { return nil }
        return report(ScenarioCheck.number(number, path, requirement, atMost: limit), at: value.position) ? number : nil
    }

    /// A number inside `range` (finite), or nil and a problem that quotes the range and its reason.
    mutating func number(_ value: JSONValue, path: String, within range: ParameterRange) -> Double? {
        guard let number = number(value, path: path, .finite) else { return nil }
        guard range.contains(number) else {
            problems.append(.outOfRange(location(path, value.position), literal: literalOf(value), range: range))
            return nil
        }
        return number
    }

    mutating func unknownName(_ name: String, category: NameCategory, candidates: [String], at here: FieldLocation) {
        problems.append(.unknownName(here, category: category, name: name,
                                     suggestions: NameSuggestion.suggestions(for: name, in: candidates), valid: candidates))
    }
}
