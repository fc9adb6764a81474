import ScenarioFiles

/// The result of parsing one command's arguments: every option's value already read and
/// checked by its `OptionKind`, so commands take typed values and convert no text themselves.
struct ParsedArguments: Sendable, Equatable {
    /// Option texts by long name (`"--interval": "0.5"`); a repeatable option's last text.
    var values: [String: String] = [:]
    /// Every text of each repeatable option, in the order given.
    var repeatedValues: [String: [String]] = [:]
    /// Option values as their kinds read them, by long name; a repeatable option's every value.
    var typed: [String: [OptionValue]] = [:]
    /// Flags given, by long name.
    var flags: Set<String> = []
    var positionals: [String] = []
    /// `--help` or `-h` was given (everything else is then ignored).
    var helpRequested = false

    /// The text given (a `.text` or `.path` option's value, a `.choice`'s name).
    func value(_ name: String) -> String? { values[name] }
    /// All texts of a repeatable option (empty when not given).
    func allValues(_ name: String) -> [String] { repeatedValues[name] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The paths given with the `.path` options `names` (`--events`, `--library`), in order,
    /// those not given left out: the inputs an output must not overwrite (`OutputOptions.check`).
    func paths(_ names: String...) -> [String] { names.compactMap { values[$0] } }

    /// A `.number` option's value.
    func number(_ name: String) -> Double? {
        if case .number(let value)? = typed[name]?.last { return value }
        return nil
    }

    /// An `.integer` option's value.
    func integer(_ name: String) -> Int? {
        if case .integer(let value)? = typed[name]?.last { return value }
        return nil
    }

    /// A `.seed` option's value.
    func seed(_ name: String) -> UInt64? {
        if case .seed(let value)? = typed[name]?.last { return value }
        return nil
    }

    /// A `.names` option's list; for a repeatable one, every list given joined in order.
    func names(_ name: String) -> [String]? {
        guard let values = typed[name] else { return nil }
        return values.flatMap { value -> [String] in
            if case .names(let names) = value { return names }
            return []
        }
    }

    /// A `.numbers` option's list, each number with its text.
    func numbers(_ name: String) -> [GivenNumber]? {
        if case .numbers(let numbers)? = typed[name]?.last { return numbers }
        return nil
    }

    /// A `.choice` option's value as the type whose raw values are the choices.
    func choice<Choice: RawRepresentable>(_ name: String, as type: Choice.Type) -> Choice? where Choice.RawValue == String {
        values[name].flatMap(Choice.init(rawValue:))
    }
}
