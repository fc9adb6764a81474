import Pharmacology
import ScenarioFiles

/// `--max-rows` and `--max-administrations`: the overrides of `ScenarioLimits`, the same for
/// every command that reads a scenario and gives them.
enum ScenarioLimitOptions {
    static let specifications = [
        OptionSpecification("--max-rows", value: "N", help: "Allow up to N output rows (and N x \(ScenarioLimits.columnsPerRow) values) per run; default \(ScenarioLimits.standard.maximumRows)."),
        OptionSpecification("--max-administrations", value: "N", help: "Allow up to N doses, infusion starts and ends and stimulus starts and ends per run; default \(ScenarioLimits.standard.maximumAdministrations)."),
    ]

    /// The limits `arguments` ask for (the defaults where they say nothing).
    static func limits(_ arguments: ParsedArguments, command: String) throws(CommandLineError) -> ScenarioLimits {
        var limits = ScenarioLimits.standard
        let range = 1...ScenarioLimits.maximumOverride
        if let text = arguments.value("--max-rows") {
            limits.maximumRows = try ArgumentParser.integer(text, option: "--max-rows", in: range, command: command)
        }
        if let text = arguments.value("--max-administrations") {
            limits.maximumAdministrations = try ArgumentParser.integer(text, option: "--max-administrations", in: range, command: command)
        }
        return limits
    }
}
