import BuiltInLibrary
import Foundation
import Pharmacology
import Reports
import ScenarioFiles
import Studies

/// `receptor-sim sweep SCENARIO --vary NAME=...`: one summary row per grid point.
enum SweepCommand: ReceptorSimCommand {
    static let name = "sweep"
    static let abstract = "Run a scenario over a grid of parameter or dose values; one summary row per point."
    static let discussion = """
        NAME is a parameter of the scenario (morphine.half_life_h, mu.turnover_half_life_h: see
        'receptor-sim drugs DRUG') or a dose field: doses[K].amount_mg, .every_h, .start_h, .at_h,
        .count, .rate_mg_per_h, .duration_h (K counts the scenario's doses from 0). Several
        variations are separated by ';' in one --vary (quote it) and form the full grid, the first
        varying slowest. A range FROM:TO:STEPS has STEPS evenly spaced values from FROM to TO
        inclusive, FROM:TO:STEPS:log geometric ones. Parameter variations reuse one compiled model;
        dose fields change the events, so each point is compiled anew.

        Each row: point, status (ok or failed), error text, the varied values, then per column
        peak, t_peak_h, trough, t_trough_h, auc (trapezoid, unit·h), then the hours above or below
        each threshold. The first line is a '#' study line (read with comment='#').

        \(StudyCommandSupport.commonDiscussion)
        """
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "SCENARIO", help: "The scenario file (JSON5).")],
        options: [
            OptionSpecification("--vary", .text("SPEC"), repeatable: true, required: true, help: "NAME=V1,V2,... or NAME=FROM:TO:STEPS[:log]; repeat the option (or separate by ';') for a grid."),
        ] + StudyCommandSupport.commonOptions)

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let setup = try StudyCommandSupport.Setup(arguments, command: name)
        let texts = arguments.allValues("--vary")
        guard !texts.isEmpty else {
            throw .usage(command: name, message: "missing --vary NAME=V1,V2,... (what to sweep)")
        }
        var variations: [Variation] = []
        for spec in texts.flatMap({ $0.split(separator: ";").map(String.init) }) where !spec.trimmingCharacters(in: .whitespaces).isEmpty {
            variations.append(try StudyOptions.variation(spec, command: name))
        }
        let plan = try StudyCommandSupport.study(name, setup.file, names: setup.parameterNames, knownDrugs: setup.knownDrugs, origin: "--vary") { () throws(StudyError) in
            let grid = try SweepGrid(variations)
            return try StudyPlan.sweep(grid: grid, base: setup.base, metricColumns: setup.columns,
                                       thresholds: setup.thresholds, intervalHours: setup.intervalHours, solver: setup.solver,
                                       maximumRowsPerRun: ScenarioReader.maximumOutputRows)
        }
        let canonical = variations.map { v in v.name + "=" + v.values.map(CSVNumberFormat.roundTrip.format).joined(separator: ",") }
        return try StudyCommandSupport.execute(plan, setup: setup, extraFingerprint: ["vary"] + canonical,
                                               bandsPath: nil, console: console)
    }
}

/// What `sweep` and `population` share: loading and compiling the scenario, the common options,
/// running with progress, writing the outputs and the exit status.
enum StudyCommandSupport {
    /// More worker threads than this is a typing error (`--threads`).
    static let maximumThreads = 1024

    static let commonOptions: [OptionSpecification] = [
        OptionSpecification("--output", short: "-o", .path("FILE"), help: "Write the summary CSV to FILE (atomically); '-' or no -o writes to standard output."),
        OptionSpecification("--columns", .names("a,b,c"), help: "Columns to summarise (default: the scenario's output.columns, else dopamine_tone, dysphoria, withdrawal_signs, cows_equivalent, respiratory_drive, tolerance_index)."),
        OptionSpecification("--threshold", .names("SPECS"), repeatable: true, help: "Time above/below levels: 'col>v' or 'col<v', comma-separated or repeated (quote it: > and < are shell redirections)."),
        OptionSpecification("--interval", .number("H", .any), help: "Hours between the rows the metrics are computed from (default: the scenario's output.interval_h)."),
    ] + ScenarioOverrides.solverSpecifications(for: "every member") + [
        OptionSpecification("--threads", .integer("N", 1...StudyCommandSupport.maximumThreads), help: "Worker threads (default: all cores). The output does not depend on it."),
        OptionSpecification("--shard", .text("I/N"), help: "Run only slice I of N (I counts from 0, as SLURM_ARRAY_TASK_ID with --array=0-(N-1)); join with 'receptor-sim merge'."),
        OptionSpecification("--quiet", short: "-q", help: "No progress on standard error (otherwise a bar on a terminal, a line every 2 s in logs, after the first second)."),
        EventsOption.specification,
        LibraryOption.specification,
        StrictOption.specification,
    ]

    static let commonDiscussion = """
        Members run in parallel (one worker per core, each with its own copy of the compiled model); rows are written
        in member order, so the bytes do not depend on --threads or on sharding: the shards of
        --shard I/N joined by 'receptor-sim merge' equal the unsharded file. A member whose
        simulation fails is recorded with status 'failed' and its error, and the others run on.
        Exit status: 0 all members ok, 1 some failed (the summary is still written), 2 bad usage,
        scenario or names.
        """

    /// The parsed common options and the compiled scenario.
    struct Setup {
        let command: String
        let file: String
        let scenarioBytes: [UInt8]
        let base: CompiledModel
        let columns: [String]
        let thresholds: [Threshold]
        let intervalHours: Double
        /// The method and tolerances every member is solved with (the scenario's, or `--method`,
        /// `--rtol`, `--atol`): passed to the plan, so `base` is compiled once whatever they are.
        let solver: SolverSpecification
        let threads: Int
        let shard: Shard?
        let output: String?
        let quiet: Bool
        /// The `ID`s of a `--events` table of several subjects, in order (population members).
        let subjectIDs: [String]
        /// Per member, the scenario with its ID's regimen; nil without such a table.
        let memberScenarios: [Scenario]?

        init(_ arguments: ParsedArguments, command: String) throws(CommandLineError) {
            self.command = command
            file = arguments.positionals[0]
            // Every output (the summary, population's --bands) is checked before the run. Both
            // on '-' is left to population, whose message says how to separate them.
            var outputs = [("--output", arguments.value("--output") ?? "-")]
            if let bands = arguments.value("--bands"), !(bands == "-" && outputs[0].1 == "-") { outputs.append(("--bands", bands)) }
            try OutputOptions.check(command: command, outputs: outputs, inputs: [file] + arguments.paths("--events", "--library"))
            let events = try EventsOption.table(arguments, console: Console(), command: command,
                                                severalSubjects: command == PopulationCommand.name)
            // The fingerprint hashes exactly the bytes that were parsed (one read of the file).
            let loaded = try ScenarioLoading.read(file, arguments: arguments, console: Console(), events: events)
            scenarioBytes = loaded.bytes
            var scenario = loaded.scenario
            // --interval and --columns set the scenario's output: the one check holds them to
            // what a file may say (the row cap is the plan's, per member).
            let overrides = ScenarioOverrides(arguments)
            solver = try ScenarioLoading.apply(overrides, to: &scenario, file: file, limits: nil)
            // A table of several subjects (population): member k runs the scenario with the k-th
            // ID's rows; the base above holds every subject's doses, so every drug has its names.
            if let events, events.subjects.count > 1 {
                var scenarios: [Scenario] = []
                for id in events.subjects {
                    var member = try ScenarioLoading.read(file, arguments: arguments, console: Console(), events: events.subject(id)).scenario
                    _ = try ScenarioLoading.apply(overrides, to: &member, file: file, limits: nil)
                    scenarios.append(member)
                }
                subjectIDs = events.subjects
                memberScenarios = scenarios
            } else {
                subjectIDs = []
                memberScenarios = nil
            }
            intervalHours = scenario.output.intervalHours
            let valid = ModelBridge.columnNames(for: scenario) + ModelBridge.vocabulary.optionalColumnNames(scenario)
            columns = scenario.output.columns ?? ["dopamine_tone", "dysphoria", "withdrawal_signs", "cows_equivalent", "respiratory_drive", "tolerance_index"]
            var thresholds: [Threshold] = []
            for item in arguments.names("--threshold") ?? [] {
                thresholds.append(try StudyOptions.threshold(item, command: command))
            }
            self.thresholds = thresholds
            for column in thresholds.map(\.column) where !valid.contains(column) {
                throw .usage(command: command, message: UnknownName(.column, column, valid: valid, place: " for \(file)").description)
            }
            threads = arguments.integer("--threads") ?? StudyExecutor.defaultThreads
            shard = try arguments.value("--shard").map { (text: String) throws(CommandLineError) in try StudyOptions.shard(text, command: command) }
            output = arguments.value("--output")
            quiet = arguments.flag("--quiet")
            base = try ScenarioLoading.compile(scenario, file: file)
        }

        /// Parameter names of the scenario (with the derived half-lives), for suggestions.
        var parameterNames: [String] {
            (try? ReceptorModel.parameterNames(for: base.scenario, library: ModelBridge.library)) ?? base.parameterNames
        }

        /// The library's drugs and those the scenario defines, dosed or not.
        var knownDrugs: Set<String> {
            Set(ModelBridge.library.drugs.map(\.id) + base.scenario.drugs.map(\.id))
        }

        /// Everything that decides the rows, for the study fingerprint (not threads, shard, outputs).
        func fingerprint(_ extra: [String]) -> String {
            let format = CSVNumberFormat.roundTrip.format
            // The version too: shards computed by different builds must not be joined.
            var parts: [[UInt8]] = [Array("receptor-sim \(ReceptorSimCommandLine.version) \(command)".utf8), scenarioBytes]
            parts.append(Array(("columns=" + columns.joined(separator: ",")).utf8))
            parts.append(Array(("thresholds=" + thresholds.map { $0.metricName(format: format) }.joined(separator: ",")).utf8))
            parts.append(Array("interval=\(format(intervalHours)) rtol=\(format(solver.relativeTolerance)) atol=\(format(solver.absoluteTolerance))".utf8))
            parts.append(Array("method=\(solver.method.rawValue)".utf8))
            parts += extra.map { Array($0.utf8) }
            return StudyFingerprint.of(parts)
        }
    }

    /// Turns a `StudyError` from setting up a study into a usage error (exit 2).
    /// - Parameters:
    ///   - names: the valid parameter names, for a "did you mean" on an unknown one.
    ///   - knownDrugs: the library's and the scenario's drug ids, to name a parameter of a drug
    ///     the scenario does not contain as such.
    ///   - origin: the option whose values a value problem comes from (`--vary`), for messages.
    static func study<T>(_ command: String, _ file: String, names: [String] = [], knownDrugs: Set<String> = [], origin: String? = nil,
                         _ body: () throws(StudyError) -> T) throws(CommandLineError) -> T {
        do throws(StudyError) {
            return try body()
        } catch {
            switch error {
            case .invalidValues(let problems):
                // Named by field, as a scenario file's problems are; the option said after (the
                // output interval is the plan's: --interval or the scenario's).
                var origins: [String: String] = [:]
                for problem in problems where problem.path != "output.interval_h" { origins[problem.path] = origin }
                throw .invalidSettings(file: file, problems: problems, origins: origins, texts: [:])
            case .unknownParameter(let name):
                if let drug = AbsentDrugParameter.drug(of: name, validNames: names, isKnownDrug: knownDrugs.contains) {
                    throw .usage(command: command, message: "drug '\(drug)' is not in \(file) (not dosed, nor formed from a dosed drug), "
                                 + "so '\(name)' would change nothing; vary a parameter of a drug it doses")
                }
                throw .usage(command: command, message: UnknownName(.parameter, name, valid: names, place: " for \(file)",
                                                                    fallback: NamePrefix.containing(name, in: names, what: "names")
                                                                        ?? "; see 'receptor-sim drugs DRUG' for the names").description)
            case .unknownColumn(let name, let valid):
                throw .usage(command: command, message: UnknownName(.column, name, valid: valid, place: " for \(file)").description)
            case .model(let message):
                throw .model(file: file, message: message)
            default:
                throw .usage(command: command, message: error.description)
            }
        }
    }

    /// Runs the plan with progress on stderr, writes the summary (and bands), returns the exit status.
    static func execute(_ plan: StudyPlan, setup: Setup, extraFingerprint: [String], bandsPath: String?,
                        console: Console) throws(CommandLineError) -> Int32 {
        let members = (setup.shard ?? .whole).range(of: plan.count).count
        let progress = CommandProgress.reporter(label: setup.command, total: Double(members), unit: "members",
                                                quiet: setup.quiet)
        let callback: @Sendable (Int) -> Void = { _ in progress.advance() }
        let fingerprint = setup.fingerprint(extraFingerprint)
        // Opened before the run, so an unwritable path fails at once; rows stream into it.
        let output: StudyOutput
        do throws(CSVWriterError) { output = try StudyOutput.file(setup.output) } catch { throw .output(error) }
        let result: Study.Result
        do throws(CommandLineError) {
            result = try study(setup.command, setup.file) { () throws(StudyError) -> Study.Result in
                try Study.run(plan, fingerprint: fingerprint, shard: setup.shard, threads: setup.threads,
                              output: output, progress: callback)
            }
        } catch {
            output.abandon()
            throw error
        }
        progress.finish()
        do throws(CSVWriterError) {
            if let bandsPath, let bands = result.bands {
                try bands.write(to: bandsPath == "-" ? CSVDestination.standardOutput : CSVDestination.file(path: bandsPath))
            }
            try output.finish()
        } catch {
            output.abandon()
            throw .output(error)
        }
        if result.failedCount > 0 {
            console.err("receptor-sim \(setup.command): \(result.failedCount) of \(result.memberCount) members failed (status 'failed' in their rows)")
            return 1
        }
        return 0
    }
}
