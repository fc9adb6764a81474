import Integrators
import Pharmacology
import Reports
import ScenarioFiles

/// The one place the command line reads a scenario, sets what its options override, checks
/// the result and compiles it; and the one mapping of the model's errors onto messages and
/// exit statuses (`CommandLineError.init(_:file:)`), so every command that simulates or
/// exports a scenario agrees: a bad setting exits 2 naming its field, an unsolvable scenario
/// (no steady state, a solver failure) exits 1.
enum ScenarioLoading {
    /// A scenario file read and checked, with the bytes that were parsed (a study's fingerprint
    /// hashes exactly them, the event table's appended).
    struct Loaded {
        var scenario: Scenario
        var bytes: [UInt8]
        var resolvedDefaults: [ResolvedDefault]
        /// Doses above their drug's plausible range (`StrictOption`).
        var warnings: [ScenarioError]
    }

    /// Reads and validates the scenario at `file` (`ScenarioReader`) with the drugs of
    /// `vocabulary` and the doses of `events`.
    /// - Parameter libraryPath: the `--library` file the vocabulary came from, whose bytes join
    ///   the fingerprint's (shards run with different drug definitions must not join).
    /// - Throws: `.scenario` (exit 2) with every problem of the file.
    static func read(_ file: String, vocabulary: ScenarioVocabulary = ModelBridge.vocabulary, libraryPath: String? = nil,
                     limits: ScenarioLimits = .standard, events: EventTable? = nil) throws(CommandLineError) -> Loaded {
        do throws(ScenarioError) {
            var bytes = try ScenarioReader.readBytes(path: file)
            let loaded = try ScenarioReader.decode(bytes, file: file, vocabulary: vocabulary, limits: limits, events: events)
            // The table's doses decide the rows too: shards run with different tables must not join.
            if let path = events?.file { bytes += Array("\n--events\n".utf8) + (try ScenarioReader.readBytes(path: path)) }
            if let libraryPath { bytes += Array("\n--library\n".utf8) + (try ScenarioReader.readBytes(path: libraryPath)) }
            return Loaded(scenario: loaded.scenario, bytes: bytes, resolvedDefaults: loaded.resolvedDefaults, warnings: loaded.warnings)
        } catch {
            throw .scenario(error)
        }
    }

    /// `read` with the drugs of `--library` and the plausibility warnings printed, or thrown
    /// with `--strict`: what every command taking those options calls.
    static func read(_ file: String, arguments: ParsedArguments, console: Console, limits: ScenarioLimits = .standard,
                     events: EventTable? = nil) throws(CommandLineError) -> Loaded {
        let loaded = try read(file, vocabulary: try LibraryOption.vocabulary(arguments), libraryPath: arguments.value("--library"),
                              limits: limits, events: events)
        try StrictOption.report(loaded.warnings, arguments, console: console)
        return loaded
    }

    /// Sets the output settings of `overrides` in `scenario`, makes the run's solver settings
    /// (the scenario's with the options' in their place), and holds both to the one check of
    /// every setting (`Scenario.problems`, the caps of `limits` included when given;
    /// `ScenarioCheck.tolerances` for the solver settings).
    /// - Returns: the solver settings to pass to the simulation (`ModelBridge.simulate`, a
    ///   study plan); the scenario's `solver` stays what its file says.
    /// - Throws: `.invalidSettings` (exit 2), each problem naming the field and the option.
    @discardableResult
    static func apply(_ overrides: ScenarioOverrides, to scenario: inout Scenario, file: String,
                      limits: ScenarioLimits?) throws(CommandLineError) -> SolverSpecification {
        overrides.apply(to: &scenario)
        let solver = overrides.solver(scenario.solver)
        let problems = scenario.problems(library: ModelBridge.library, limits: limits,
                                         intervalOption: overrides.intervalHours == nil ? "output.interval_h" : "--interval")
            + ScenarioCheck.tolerances(solver)
        guard !problems.isEmpty else { return solver }
        var origins: [String: String] = [:], texts: [String: String] = [:]
        for problem in problems {
            origins[problem.path] = overrides.option(for: problem.path)
            texts[problem.path] = overrides.text(for: problem.path)
        }
        throw .invalidSettings(file: file, problems: problems, origins: origins, texts: texts)
    }

    /// Compiles `scenario` over the built-in library.
    /// - Throws: the model's error as `CommandLineError(_:file:)` maps it.
    static func compile(_ scenario: Scenario, file: String) throws(CommandLineError) -> CompiledModel {
        do {
            return try ReceptorModel.compile(scenario, library: ModelBridge.library)
        } catch {
            throw CommandLineError(error, file: file)
        }
    }
}

extension CommandLineError {
    /// The one mapping of an error from compiling or simulating the scenario in `file` onto
    /// what the command line prints and its exit status: settings that break the one check
    /// exit 2 naming their fields; a steady state not found, a solver failure or a negative
    /// amount exit 1 as a failed simulation (at the time it happened); other model errors exit
    /// 2; output errors keep their own status.
    init(_ error: any Error, file: String) {
        switch error {
        case let error as CommandLineError:
            self = error
        case let error as CSVWriterError:
            self = .output(error)
        case let error as ModelError:
            switch error {
            case .invalidScenario(let problems):
                self = .invalidSettings(file: file, problems: problems, origins: [:], texts: [:])
            case .solverFailed(let solverError):
                self = .simulation(file: file, timeHours: Self.time(of: solverError), cause: solverError.description)
            case .steadyStateNotFound, .periodicSteadyStateNotFound:
                self = .simulation(file: file, timeHours: 0, cause: error.description)
            case .negativeValue(_, let time, _, _):
                self = .simulation(file: file, timeHours: time, cause: error.description)
            default:
                self = .model(file: file, message: error.description)
            }
        default:
            self = .simulation(file: file, timeHours: nil, cause: "\(error)")
        }
    }

    private static func time(of error: SolverError) -> Double? {
        switch error {
        case .nonFiniteState(_, let time), .nonFiniteSensitivity(_, _, let time), .stepSizeUnderflow(let time, _),
             .stepBudgetExhausted(let time, _): return time
        case .invalidInput: return nil
        }
    }
}
