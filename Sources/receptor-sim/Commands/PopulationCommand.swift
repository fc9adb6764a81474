import Pharmacology
import Reports
import ScenarioFiles
import Studies

/// `receptor-sim population SCENARIO --size N --seed S`: N virtual subjects, one row each.
enum PopulationCommand: ReceptorSimCommand {
    static let name = "population"
    static let abstract = "Run N virtual subjects with log-normal variability; one summary row each, percentile bands."
    static let discussion = """
        Each subject's varied quantities are log-normal around the scenario's value (the median):
        value = median * exp(sigma * z), sigma = sqrt(ln(1 + CV^2)), so CV is the coefficient of
        variation. Draws come from a xoshiro256** stream seeded from (--seed, member index) alone,
        so the same seed gives the same subjects and bytes whatever --threads or --shard.

        Without --variability: each dosed drug's clearance_l_per_h (CV 30%) and central_volume_l
        (25%), each receptor's turnover_half_life_h (20%; receptor synthesis and density) and
        each peptide's baseline_nM (25%; endogenous production). These CVs are model assumptions.

        With --events FILE.csv of several subjects (an ID column), member k (from 0) gets the
        regimen of the table's k-th ID (in order of first appearance) and --size must be the
        number of IDs; each member's varied values are drawn as above.

        Rows: member, status, error, the subject's values, then the metrics as in 'sweep'; with
        such a table, subject_id (the member's ID) follows member.
        --bands writes time_h and the 5th, 50th and 95th percentiles of --band-columns (default:
        the summarised columns) at every output time, over the subjects that succeeded. Bands keep
        4 bytes per subject, band column and output row in memory (limit 512 MiB: coarsen
        --interval for more) and are not available with --shard.

        \(StudyCommandSupport.commonDiscussion)
        """
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "SCENARIO", help: "The scenario file (JSON5).")],
        options: [
            OptionSpecification("--size", .integer("N", 1...PopulationDesign.maximumSize), required: true, help: "Number of subjects."),
            OptionSpecification("--seed", .seed("S"), help: "Seed of the draws, a whole number (default 1)."),
            OptionSpecification("--variability", .names("SPECS"), repeatable: true, help: "NAME=CV% items, comma-separated or repeated (default: see above)."),
            OptionSpecification("--bands", .path("FILE"), help: "Write 5th/50th/95th percentile bands over time to FILE."),
            OptionSpecification("--band-columns", .names("a,b"), help: "Columns for --bands (default: the summarised columns)."),
        ] + StudyCommandSupport.commonOptions)

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        guard let size = arguments.integer("--size") else {
            throw .usage(command: name, message: "missing --size N (number of subjects)")
        }
        let seed = arguments.seed("--seed") ?? 1
        let setup = try StudyCommandSupport.Setup(arguments, command: name)
        if !setup.subjectIDs.isEmpty, size != setup.subjectIDs.count {
            throw .usage(command: name, message: "--size \(size) disagrees with --events \(arguments.value("--events") ?? ""), which has "
                + "\(setup.subjectIDs.count) subjects (one member per ID, in order); give --size \(setup.subjectIDs.count)")
        }
        var variabilities: [Variability] = []
        for item in arguments.names("--variability") ?? [] {
            variabilities.append(try StudyOptions.variability(item, command: name))
        }
        if variabilities.isEmpty { variabilities = Variability.defaults(for: setup.base) }
        let bandsPath = arguments.value("--bands")
        var bandColumns: [String] = []
        if bandsPath != nil {
            bandColumns = arguments.names("--band-columns") ?? setup.columns
            if bandsPath == "-", setup.output == nil || setup.output == "-" {
                throw .usage(command: name, message: "--bands - and the summary cannot both go to standard output; give -o FILE or --bands FILE")
            }
            if setup.shard != nil {
                throw .usage(command: name, message: "--bands needs every subject in one process; run it without --shard")
            }
        } else if arguments.value("--band-columns") != nil {
            throw .usage(command: name, message: "--band-columns needs --bands FILE")
        }
        let plan = try StudyCommandSupport.study(name, setup.file, names: setup.parameterNames, knownDrugs: setup.knownDrugs) { () throws(StudyError) in
            let design = try PopulationDesign(size: size, seed: seed, variabilities: variabilities, base: setup.base,
                                              members: setup.memberScenarios.map { Array(zip(setup.subjectIDs, $0)) })
            return try StudyPlan.population(design: design, metricColumns: setup.columns, thresholds: setup.thresholds,
                                            bandColumns: bandColumns, intervalHours: setup.intervalHours, solver: setup.solver,
                                            maximumRowsPerRun: ScenarioReader.maximumOutputRows)
        }
        let format = CSVNumberFormat.roundTrip.format
        let canonical = ["size=\(size)", "seed=\(seed)"] + variabilities.map { "\($0.name)=\(format($0.coefficientOfVariation))" }
        return try StudyCommandSupport.execute(plan, setup: setup, extraFingerprint: canonical, bandsPath: bandsPath, console: console)
    }
}
