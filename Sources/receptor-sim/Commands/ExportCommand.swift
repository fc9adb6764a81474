#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Exchange
import Pharmacology
import Reports
import ScenarioFiles

/// `receptor-sim export SCENARIO --format sbml -o FILE`: the compiled model for other simulators;
/// `receptor-sim export --format petab STUDY... --parameter ... -o DIR`: a calibration as a
/// PEtab problem (`PEtabExport`).
enum ExportCommand: ReceptorSimCommand {
    static let name = "export"
    static let abstract = "Export a scenario's compiled model (SBML), or a calibration as a PEtab problem."
    static let usage = "SCENARIO [--format sbml] [-o FILE|-]  |  --format petab STUDY... --parameter NAME[=INITIAL][:LOWER:UPPER] ... -o DIR [--dir FOLDER]"
    static let discussion = """
        Writes SBML Level 3 Version 2, starting at the drug-free steady state: drug amounts (nmol),
        effect-site concentrations (nM) and receptor pools (fractions of the drug-free total) as
        species moved by reactions with kinetic laws; the rule-driven states (uncoupling,
        adaptation pools, extrinsic drive, peptides and their feedback) as parameters with rate
        rules; every coefficient as a parameter with its unit, the signalling rules' constants
        named as 'receptor-sim parameters' names them (dots made underscores); doses, infusions
        and stimulus windows as events at their times; the CSV columns as assignment rules with
        the same names. COPASI, libRoadRunner/Tellurium and other SBML tools can run it. A file is written
        atomically: a failed export leaves no partial file. Exit status 2 means bad usage or a bad
        scenario, 1 that the output could not be written.

        --format petab writes a PEtab (v1) problem into the folder DIR (created if missing; a
        file is refused): model.xml (the SBML above, shared by the studies, each study's regimen
        switched on by its condition's regimen_<study> flag), conditions.tsv (one condition per
        study), measurements.tsv (each observation with statistic 'at'; noiseParameters is the
        sigma fit uses: the sd, else half the band), observables.tsv, parameters.tsv (each
        --parameter as fit_<name>, log scale, bounds and start as fit resolves them) and
        problem.yaml; the tables' numbers have 15 significant digits (a default bound of a
        start 1.39 is 0.139, not 0.13899999999999998). Studies are named as for fit; a
        held-back study may be exported. The studies must share one model (same drugs,
        phenotype and subject), else the export is refused naming them. Window statistics
        (max, auc, half_life, ...) have no PEtab form: each is listed in a warning on standard
        error and skipped.
        """
    static let formats = ["sbml", "petab"]
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "SCENARIO", help: "The scenario file (JSON5); for petab, the study ids.", repeating: true)],
        options: [
            OptionSpecification("--format", .choice(kind: "format", label: "formats", formats), help: "Exchange format: sbml (the default) or petab."),
            OptionSpecification("--output", short: "-o", .path("FILE"), help: "Write to FILE; '-' or no -o writes to standard output (petab: the folder DIR)."),
            OptionSpecification("--parameter", short: "-p", .text("NAME[=INITIAL][:LOWER:UPPER]"), repeatable: true,
                                help: "petab: a parameter to estimate, as for fit; give one per parameter."),
            OptionSpecification("--dir", .path("FOLDER"), help: "petab: the folder of studies (default: Scenarios/validation)."),
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        // A name outside `formats` was refused by the parser (`.choice`).
        let format = arguments.value("--format") ?? "sbml"
        if format == "petab" { return try PEtabExport.run(arguments, console: console, command: name) }
        for option in ["--parameter", "--dir"] where arguments.value(option) != nil {
            throw .usage(command: name, message: "option '\(option)' is for --format petab")
        }
        guard arguments.positionals.count == 1 else {
            throw .usage(command: name, message: "unexpected argument '\(arguments.positionals[1])' (--format sbml exports one scenario)")
        }
        let file = arguments.positionals[0]
        try OutputOptions.check(command: name, outputs: [("--output", arguments.value("--output") ?? "-")], inputs: [file])
        let scenario = try ScenarioLoading.read(file).scenario
        let model = try ScenarioLoading.compile(scenario, file: file)
        let exported: ExportedModel
        do {
            exported = try ExportedModel(model)
        } catch {
            throw .model(file: file, message: "\(error)")
        }
        if let warning = Self.inlinedConstantsWarning(file: file, exported) { console.err(warning) }
        let document = SBMLExporter.document(for: exported)
        try ChartCommandSupport.write(document, to: arguments.value("--output") ?? "-", console: console)
        return 0
    }

    /// A warning when this scenario's rules hold constants as plain numbers rather than named
    /// SBML parameters (beyond `respiration.slope`, whose value selects the formula): an override
    /// can fold a constant into the rules' form, and a user changing it in an SBML tool would
    /// then change nothing. Nil when every constant is a parameter.
    static func inlinedConstantsWarning(file: String, _ exported: ExportedModel) -> String? {
        let folded = exported.formDependentConstants.filter { $0 != "respiration.slope" }
        let unnamed = exported.unnamedRuleNumbers
        if folded.isEmpty && unnamed.isEmpty { return nil }
        var parts: [String] = []
        if !folded.isEmpty { parts.append("constants folded into the rules' form: " + folded.joined(separator: ", ")) }
        if !unnamed.isEmpty { parts.append("rule numbers written without a name: " + unnamed.joined(separator: ", ")) }
        return "warning: \(file): written as numbers, not SBML parameters, so changing them in an SBML tool has no effect ("
            + parts.joined(separator: "; ") + ")"
    }
}
