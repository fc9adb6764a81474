/// One `--name VALUE` option or `--flag` of a command.
struct OptionSpecification: Sendable {
    /// Long name with dashes: `--interval`.
    let name: String
    /// Optional short name with one dash: `-o`.
    let short: String?
    /// Placeholder for the value (`H`, `FILE`); nil for a flag that takes none.
    let valueName: String?
    let help: String
    /// May be given several times (`--vary A=1,2 --vary B=3,4`); every value is kept, in order.
    let repeatable: Bool

    init(_ name: String, short: String? = nil, value valueName: String? = nil, repeatable: Bool = false, help: String) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.repeatable = repeatable
        self.help = help
    }

    var isFlag: Bool { valueName == nil }
}

/// One positional argument of a command.
struct PositionalSpecification: Sendable {
    let name: String
    let help: String
    var optional = false
    /// Accepts one or more values (`check SCENARIO...`).
    var repeating = false
}

/// Everything a command accepts; used to parse and to print `--help`.
struct ArgumentSpecification: Sendable {
    var positionals: [PositionalSpecification] = []
    var options: [OptionSpecification] = []

    func option(named name: String) -> OptionSpecification? {
        options.first { $0.name == name || $0.short == name }
    }
}
