/// The result of parsing one command's arguments.
struct ParsedArguments: Sendable, Equatable {
    /// Option values by long name (`"--interval": "0.5"`); a repeatable option's last value.
    var values: [String: String] = [:]
    /// Every value of each repeatable option, in the order given.
    var repeatedValues: [String: [String]] = [:]
    /// Flags given, by long name.
    var flags: Set<String> = []
    var positionals: [String] = []
    /// `--help` or `-h` was given (everything else is then ignored).
    var helpRequested = false

    func value(_ name: String) -> String? { values[name] }
    /// All values of a repeatable option (empty when not given).
    func allValues(_ name: String) -> [String] { repeatedValues[name] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}
