#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Exchange
import Pharmacology
import Reports
import ScenarioFiles

/// `receptor-sim export SCENARIO --format sbml -o FILE`: the compiled model for other simulators.
enum ExportCommand: ReceptorSimCommand {
    static let name = "export"
    static let abstract = "Export a scenario's compiled model (SBML) for other simulators."
    static let usage = "SCENARIO [--format sbml] [-o FILE|-]"
    static let discussion = """
        Writes SBML Level 3 Version 2: every state as a parameter with a rate rule, starting at the
        drug-free steady state; every coefficient as a parameter with its unit; doses, infusions and
        stimulus windows as events at their times; the CSV columns as assignment rules with the same
        names. COPASI, libRoadRunner/Tellurium and other SBML tools can run it. A file is written
        atomically: a failed export leaves no partial file. Exit status 2 means bad usage or a bad
        scenario, 1 that the output could not be written.
        """
    static let formats = ["sbml"]
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "SCENARIO", help: "The scenario file (JSON5).")],
        options: [
            OptionSpecification("--format", value: "FORMAT", help: "Exchange format: sbml (the default and only one)."),
            OptionSpecification("--output", short: "-o", value: "FILE", help: "Write to FILE; '-' or no -o writes to standard output."),
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let file = arguments.positionals[0]
        try OutputOptions.check(command: name, outputs: [("--output", arguments.value("--output") ?? "-")], inputs: [file])
        let format = arguments.value("--format") ?? "sbml"
        guard formats.contains(format) else {
            throw .usage(command: name, message: "unknown format '\(format)' for --format; known: \(formats.joined(separator: ", "))")
        }
        let scenario: Scenario
        do throws(ScenarioError) {
            scenario = try ScenarioReader.load(path: file, vocabulary: ModelBridge.vocabulary).scenario
        } catch {
            throw .scenario(error)
        }
        let document: String
        do {
            let model = try ReceptorModel.compile(scenario, library: ModelBridge.library)
            document = try SBMLExporter.document(for: model)
        } catch {
            throw .model(file: file, message: "\(error)")
        }
        try ChartCommandSupport.write(document, to: arguments.value("--output") ?? "-", console: console)
        return 0
    }
}
