import Pharmacology

/// Where in a scenario file a problem is: the file as the user named it, the field path
/// (`doses[2].amount_mg`, empty for the whole document) and the position of the value.
public struct FieldLocation: Sendable, Equatable, Hashable {
    public var file: String
    public var path: String
    public var position: SourcePosition

    public init(file: String, path: String, position: SourcePosition) {
        self.file = file
        self.path = path
        self.position = position
    }

    public var line: Int { position.line }
}

/// Everything that can be wrong with a scenario file. One case per kind of problem, each with
/// the location it concerns; `.multiple` carries all problems of one file, since validation
/// reports every error at once rather than the first.
///
/// `description` renders the compiler-style `file:line: error: path: message` lines the CLI
/// prints (syntax errors add the column: `file:line:col: error: message`).
public enum ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file is larger than the reader accepts: its size when known (a regular file), nil
    /// when reading stopped at the limit (a FIFO, a device, a file growing while read).
    case fileTooLarge(file: String, bytes: Int?, limitBytes: Int)
    /// The bytes at the position are not valid UTF-8.
    case invalidUTF8(file: String, position: SourcePosition)
    /// The text is not valid JSON5.
    case syntax(file: String, position: SourcePosition, message: String)
    /// Objects and arrays nest deeper than the limit (a guard against stack exhaustion).
    case nestingTooDeep(file: String, position: SourcePosition, limit: Int)
    /// An object repeats a key.
    case duplicateKey(FieldLocation, key: String)
    /// A key the format does not define; `suggestions` are the valid keys it may have meant.
    case unknownKey(FieldLocation, key: String, suggestions: [String])
    /// A required key is absent from the object at the location.
    case missingKey(FieldLocation, key: String)
    /// A value of the wrong JSON type.
    case wrongType(FieldLocation, expected: String, found: String)
    /// A number outside its allowed range.
    case invalidNumber(FieldLocation, literal: String, requirement: NumberRequirement)
    /// A name not in the vocabulary (drug, route, parameter, column, ...): the names it may
    /// have meant, and every valid name (listed in the message for the short, closed lists).
    case unknownName(FieldLocation, category: NameCategory, name: String, suggestions: [String], valid: [String])
    /// A parameter of a known drug that is not in the scenario (not dosed, not formed): it
    /// would change nothing, so it is refused like a typo, but named for what it is.
    case parameterOfAbsentDrug(FieldLocation, parameter: String, drug: String)
    /// The drug exists but cannot be given by this route.
    case unsupportedRoute(FieldLocation, drug: String, route: String, supported: [String])
    /// A dose entry whose keys do not form exactly one schedule.
    case ambiguousSchedule(FieldLocation, keysFound: [String])
    /// Route `iv_infusion` without a rate schedule, or a rate schedule by another route.
    case routeScheduleMismatch(FieldLocation, route: String)
    /// A list that must not be empty is.
    case emptyList(FieldLocation)
    /// A dose, infusion or event that starts after the run has ended.
    case afterEndOfRun(FieldLocation, timeHours: Double, durationHours: Double)
    /// A parameter override or solver tolerance outside the range that keeps the model or the
    /// solution meaningful; the range carries its reason.
    case outOfRange(FieldLocation, literal: String, range: ParameterRange)
    /// Two settings that cannot be combined (`<drug>.half_life_h` with its clearance); the
    /// message says which and why.
    case conflict(FieldLocation, message: String)
    /// The scenario would cost more than `ScenarioLimits` allow (administrations and events,
    /// output rows); the message gives the estimate, the limit and the way out.
    case tooCostly(FieldLocation, message: String)
    /// A row or the header of an event table (`--events`) that does not map onto doses: a
    /// missing amount, an inconsistent RATE and DUR, an unsupported EVID, SS or mixed IDs.
    case eventTable(FieldLocation, message: String)
    /// A drug definition (a scenario's `drugs`, a `--library` file) that is well-formed but
    /// inconsistent: an id taken by the built-in library, two definitions of one id, a
    /// half-life given with a clearance, a metabolite naming its parent.
    case drugDefinition(FieldLocation, message: String)
    /// Keys of which at most one may be given (`amount_mg` and `amount_ug` in one dose).
    case conflictingKeys(FieldLocation, keys: [String], message: String)
    /// A dose above the labelled or commonly used range of its drug and route
    /// (`PlausibleDoseTable`): a warning (`LoadedScenario.warnings`), an error with `--strict`.
    case implausibleDose(FieldLocation, message: String)
    /// All problems of one file, in file order.
    case multiple([ScenarioError])

    /// The individual problems, flattened.
    public var problems: [ScenarioError] {
        if case .multiple(let all) = self { return all.flatMap(\.problems) }
        return [self]
    }

    /// The file the problem concerns.
    public var file: String {
        switch self {
        case .unreadable(let file, _), .fileTooLarge(let file, _, _), .invalidUTF8(let file, _),
            .syntax(let file, _, _), .nestingTooDeep(let file, _, _):
            return file
        case .multiple(let all):
            return all.first?.file ?? ""
        default:
            return fieldLocation?.file ?? ""
        }
    }

    /// The field path the problem concerns (empty for file-level problems).
    public var path: String { fieldLocation?.path ?? "" }

    /// The line the problem is on (0 when the whole file is concerned).
    public var line: Int { position.line }

    /// Where the problem is (line 0 when the whole file is concerned).
    public var position: SourcePosition {
        switch self {
        case .invalidUTF8(_, let position), .syntax(_, let position, _), .nestingTooDeep(_, let position, _):
            return position
        case .multiple(let all):
            return all.first?.position ?? SourcePosition(line: 0, column: 0)
        default:
            return fieldLocation?.position ?? SourcePosition(line: 0, column: 0)
        }
    }

    /// One line per problem; control characters from the file (a key, a name, a stray byte)
    /// are escaped (`TerminalText`), so printing a message never drives the terminal.
    public var description: String {
        if case .multiple(let all) = self { return all.map(\.description).joined(separator: "\n") }
        return TerminalText.escaped(unescapedDescription)
    }

    private var unescapedDescription: String {
        switch self {
        case .multiple(let all):
            return all.map(\.description).joined(separator: "\n")
        case .unreadable(let file, let reason):
            return "\(file): error: cannot read scenario file: \(reason)"
        case .fileTooLarge(let file, let bytes?, let limit):
            return "\(file): error: file is \(bytes) bytes; scenario files are limited to \(limit) bytes"
        case .fileTooLarge(let file, nil, let limit):
            return "\(file): error: file is larger than \(limit) bytes (the limit for scenario files)"
        case .invalidUTF8(let file, let position):
            return "\(file):\(position): error: invalid UTF-8 byte sequence"
        case .syntax(let file, let position, let message):
            return "\(file):\(position): error: \(message)"
        case .nestingTooDeep(let file, let position, let limit):
            return "\(file):\(position): error: objects and arrays nest deeper than \(limit) levels"
        default:
            guard let location = fieldLocation else { return "\(file): error" }
            let subject = location.path.isEmpty ? "" : "\(location.path): "
            return "\(location.file):\(location.line): error: \(subject)\(message)"
        }
    }

    private var fieldLocation: FieldLocation? {
        switch self {
        case .duplicateKey(let location, _), .unknownKey(let location, _, _), .missingKey(let location, _),
            .wrongType(let location, _, _), .invalidNumber(let location, _, _),
            .unknownName(let location, _, _, _, _), .parameterOfAbsentDrug(let location, _, _), .unsupportedRoute(let location, _, _, _),
            .ambiguousSchedule(let location, _), .routeScheduleMismatch(let location, _), .emptyList(let location),
            .afterEndOfRun(let location, _, _), .tooCostly(let location, _),
            .outOfRange(let location, _, _), .eventTable(let location, _), .drugDefinition(let location, _), .implausibleDose(let location, _),
            .conflictingKeys(let location, _, _), .conflict(let location, _):
            return location
        default:
            return nil
        }
    }

    /// The problem as a warning line (`file:line: warning: path: message`), for problems that
    /// do not stop a run unless asked to (`implausibleDose` without `--strict`).
    public var warningDescription: String {
        guard let range = description.range(of: ": error: ") else { return description }
        return description.replacingCharacters(in: range, with: ": warning: ")
    }

    /// The message after `path: `.
    package var message: String {
        switch self {
        case .duplicateKey(_, let key):
            return "duplicate key '\(key)'"
        case .unknownKey(_, let key, let suggestions):
            return "unknown key '\(key)'" + NameSuggestion.didYouMean(suggestions)
        case .missingKey(_, let key):
            return "missing required key '\(key)'"
        case .wrongType(_, let expected, let found):
            return "expected \(expected), found \(found)"
        case .invalidNumber(_, let literal, let requirement):
            return "\(requirement.phrase), found \(literal)"
        case .unknownName(_, let category, let name, _, let valid):
            // The suggestions were found in `valid` by the same search (`NameSuggestion`).
            return UnknownName(category, name, valid: valid).description
        case .parameterOfAbsentDrug(_, let parameter, let drug):
            return "drug '\(drug)' is not in this scenario (not dosed, nor formed from a dosed drug), "
                + "so '\(parameter)' would change nothing; dose \(drug) or remove the override"
        case .unsupportedRoute(_, let drug, let route, let supported):
            if supported.isEmpty { return "drug '\(drug)' cannot be given directly by any route (it has no routes; route '\(route)')" }
            return "drug '\(drug)' cannot be given by route '\(route)' (supported: "
                + supported.joined(separator: ", ") + ")"
        case .ambiguousSchedule(_, let keys):
            let found = keys.isEmpty ? "none" : keys.joined(separator: ", ")
            return "a dose needs exactly one schedule: at_h | start_h, every_h, count | taper | titration"
                + " | rate_mg_per_h, start_h, duration_h | rate_mg_per_h, wear_h, start_h (a patch) (found: \(found))"
        case .routeScheduleMismatch(_, let route):
            return route == "iv_infusion"
                ? "route 'iv_infusion' needs rate_mg_per_h, start_h and duration_h"
                : "rate_mg_per_h needs route 'iv_infusion', found '\(route)'"
        case .emptyList:
            return "must not be empty"
        case .afterEndOfRun(_, let time, let duration):
            return "starts at \(Self.format(time)) h, after the end of the run (duration_h \(Self.format(duration)))"
        case .tooCostly(_, let message), .eventTable(_, let message), .drugDefinition(_, let message), .implausibleDose(_, let message),
             .conflict(_, let message):
            return message
        case .conflictingKeys(_, let keys, let message):
            return "\(message) (found: \(keys.joined(separator: ", ")))"
        case .outOfRange(_, let literal, let range):
            return "\(range.requirement), found \(literal)"
        default:
            return ""
        }
    }

    /// Numbers in messages: integers without `.0`, others shortest round-trip.
    static func format(_ value: Double) -> String { ScenarioProblem.format(value) }

    /// A problem the one check (`ScenarioCheck`) found, at the place in the file it concerns;
    /// `literal` is the number as the file wrote it (nil: the value formatted).
    init(_ problem: ScenarioProblem, at location: FieldLocation, literal: String?) {
        switch problem.issue {
        case .invalidNumber(let value, let requirement):
            self = .invalidNumber(location, literal: literal ?? Self.format(value), requirement: requirement)
        case .outOfRange(let value, let range):
            self = .outOfRange(location, literal: literal ?? Self.format(value), range: range)
        case .afterEndOfRun(let time, let duration):
            self = .afterEndOfRun(location, timeHours: time, durationHours: duration)
        case .routeScheduleMismatch(let route):
            self = .routeScheduleMismatch(location, route: route.rawValue)
        case .emptyList:
            self = .emptyList(location)
        case .unsupportedRoute(let drug, let route, let supported):
            self = .unsupportedRoute(location, drug: drug, route: route.rawValue, supported: supported.map(\.rawValue))
        case .tooCostly(let message):
            self = .tooCostly(location, message: message)
        case .conflict(let message):
            self = .conflict(location, message: message)
        case .unknownName(let category, let name, let valid):
            self = .unknownName(location, category: category, name: name,
                                suggestions: NameSuggestion.suggestions(for: name, in: valid), valid: valid)
        }
    }
}
