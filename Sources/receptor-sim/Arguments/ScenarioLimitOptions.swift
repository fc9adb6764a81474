import Pharmacology
import ScenarioFiles

/// `--max-rows` and `--max-administrations`: the overrides of `ScenarioLimits`, the same for
/// every command that reads a scenario and gives them.
enum ScenarioLimitOptions {
    static let specifications: [OptionSpecification] = [
        OptionSpecification("--max-rows", .integer("N", 1...ScenarioLimits.maximumOverride), help: "Allow up to N output rows (and N x \(ScenarioLimits.columnsPerRow) values) per run; default \(ScenarioLimits.standard.maximumRows)."),
        OptionSpecification("--max-administrations", .integer("N", 1...ScenarioLimits.maximumOverride), help: "Allow up to N doses, infusion starts and ends and stimulus starts and ends per run; default \(ScenarioLimits.standard.maximumAdministrations)."),
    ]

    /// The limits `arguments` ask for (the defaults where they say nothing).
    static func limits(_ arguments: ParsedArguments) -> ScenarioLimits {
        var limits = ScenarioLimits.standard
        if let rows = arguments.integer("--max-rows") { limits.maximumRows = rows }
        if let administrations = arguments.integer("--max-administrations") { limits.maximumAdministrations = administrations }
        return limits
    }
}
