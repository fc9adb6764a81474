import ScenarioFiles

/// `--strict`: the plausibility warnings of a scenario (a dose above its drug's labelled or
/// commonly used range, `PlausibleDoseTable`) become errors (exit 2). Without it they are
/// printed on standard error and the command goes on.
enum StrictOption {
    static let specification = OptionSpecification(
        "--strict", help: "Treat plausibility warnings (a dose above the labelled or commonly used range of its drug and route) as errors (exit 2).")

    /// Prints the warnings of `loaded` on standard error, or throws them with `--strict`.
    /// - Throws: `.scenario` with every warning as an error, when `--strict` is given.
    static func report(_ loaded: LoadedScenario, _ arguments: ParsedArguments, console: Console) throws(CommandLineError) {
        try report(loaded.warnings, arguments, console: console)
    }

    /// Prints `warnings` on standard error, or throws them with `--strict`.
    static func report(_ warnings: [ScenarioError], _ arguments: ParsedArguments, console: Console) throws(CommandLineError) {
        guard !warnings.isEmpty else { return }
        if arguments.flag("--strict") {
            throw .scenario(warnings.count == 1 ? warnings[0] : .multiple(warnings))
        }
        for warning in warnings { console.err(warning.warningDescription) }
    }
}
