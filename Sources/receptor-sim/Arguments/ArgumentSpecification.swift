/// One `--name VALUE` option or `--flag` of a command, declared once: its names, the kind of
/// its value (which the parser reads and checks, and whose placeholder the usage shows), help.
struct OptionSpecification: Sendable {
    /// Long name with dashes: `--interval`.
    let name: String
    /// Optional short name with one dash: `-o`.
    let short: String?
    /// What the value is (`.flag` for none).
    let kind: OptionKind
    let help: String
    /// May be given several times (`--vary A=1,2 --vary B=3,4`); every value is kept, in order.
    let repeatable: Bool
    /// The command needs it (`sweep --vary`); shown without brackets in the usage line.
    let required: Bool

    init(_ name: String, short: String? = nil, _ kind: OptionKind = .flag, repeatable: Bool = false,
         required: Bool = false, help: String) {
        self.name = name
        self.short = short
        self.kind = kind
        self.repeatable = repeatable
        self.required = required
        self.help = help
    }

    var isFlag: Bool { kind == .flag }

    /// Placeholder for the value (`H`, `FILE`, `{sbml,petab}`); nil for a flag.
    var valueName: String? { kind.placeholder }

    /// `--vary SPEC...`, `[-o FILE]`, `[--quiet]`: the option in a usage line (the short name
    /// for an option with a value, as users type `-o FILE`).
    var usage: String {
        let word = valueName.map { "\(short ?? name) \($0)" } ?? name
        return (required ? word : "[\(word)]") + (repeatable ? "..." : "")
    }
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

    /// The usage line after `receptor-sim COMMAND`, made from the declarations, so it lists
    /// every option the command accepts and cannot drift from them: positionals
    /// (`SCENARIO...`, `[NAME]`), then required options, then the others in declaration order.
    var usageLine: String {
        let words = positionals.map { positional in
            let word = positional.name + (positional.repeating ? "..." : "")
            return positional.optional ? "[\(word)]" : word
        }
        return (words + options.filter(\.required).map(\.usage) + options.filter { !$0.required }.map(\.usage))
            .joined(separator: " ")
    }
}
