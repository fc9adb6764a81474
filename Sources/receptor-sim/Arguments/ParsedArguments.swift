/// The result of parsing one command's arguments.
struct ParsedArguments: Sendable, Equatable {
    /// Option values by long name (`"--interval": "0.5"`).
    var values: [String: String] = [:]
    /// Flags given, by long name.
    var flags: Set<String> = []
    var positionals: [String] = []
    /// `--help` or `-h` was given (everything else is then ignored).
    var helpRequested = false

    func value(_ name: String) -> String? { values[name] }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}
