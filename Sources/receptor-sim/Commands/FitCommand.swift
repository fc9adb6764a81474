import Calibration
import Pharmacology
import Reports
import ScenarioFiles
import Validation

/// `receptor-sim fit STUDY... --parameter NAME[=INITIAL][:LOWER:UPPER] ...`: calibrates named
/// parameters to the observations of one or more validation studies (the work is in the
/// Calibration module; this file reads the inputs, checks the outputs and prints).
enum FitCommand: ReceptorSimCommand {
    static let name = "fit"
    static let abstract = "Fit named parameters to the observations of validation studies (weighted least squares)."
    static let discussion = """
        Fits the named parameters (any name a scenario's parameters: block accepts, e.g.
        morphine.clearance_l_per_h or morphine.half_life_h; see 'receptor-sim drugs DRUG') to every
        observation of the named studies at once: a parameter takes the same value in every
        study whose scenario has it. Studies are named as for validate; a study marked
        held_back: true is refused (exit 2): it is kept for independent validation.

        Objective: weighted least squares, residual = (model statistic - value) / sigma, sigma the
        observation's sd when given, else half the width of its acceptance band. The model is
        run as validate runs it (same grid and statistics). Search: Levenberg-Marquardt on
        ln(value), bounds by projection (a parameter at a bound with the gradient pointing out is
        held for the step; trial points are clipped to the box). Bounds default to a factor of 10
        either side of the start; the start defaults to the scenario's current value.
        Gradients (--gradient): by default forward sensitivities of the model (solved with the
        state by the BDF, sensitivity error control off as in CVODES) for every observation
        that is a value at a time, a mean or an AUC, one solve per study; central differences
        in ln(value), step 0.01, in parallel, for window extremes (max, min, time_of_max,
        time_of_min) and half-lives, which move between output rows. The report says which
        observations took which. --gradient differences uses central differences throughout.
        Starts: start 0 at the initial values, then N-1 drawn log-uniformly in the bounds from
        --seed (the same seed gives the same starts and result). A simulation that fails during
        the search is a rejected step (infinite cost), counted and reported.

        Report: per start its cost and why it stopped; the number of model evaluations (each
        simulates every study once) and of failed ones; each estimate with its standard error
        on the log scale SE(ln) (about the relative SE), the factor x/÷ exp(SE(ln)) and a 95 %
        range, from the Fisher information J^T W J at the optimum (sigmas taken as known); the
        correlation matrix; parameters NOT IDENTIFIABLE (smallest/largest eigenvalue of the
        information below 1e-6, or |correlation| > 0.95); every observation at the estimates
        with its band. -o writes the estimates as a JSON5 object for a scenario's parameters:
        block (comments give the SE and studies); --residuals a CSV of weighted residuals.
        --evaluate-only runs no search: it prints every observation's residual at the start
        values, S, S restricted to the 'at' observations, and PEtab's negative log-likelihood of
        those, S_at/2 + sum ln(sqrt(2 pi) sigma) (for checking an export --format petab problem),
        and the gradient of S/2 and of that negative log-likelihood with respect to ln(value)
        of each parameter (by --gradient).
        Exit status 0 when a start succeeded (whether or not the bands are met), 1 when every
        start failed, 2 for bad input.
        """
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(
            name: "STUDY", help: "Study ids in the folder, or paths to a study's .json or .csv.", repeating: true)],
        options: [
            OptionSpecification("--parameter", short: "-p", .text("NAME[=INITIAL][:LOWER:UPPER]"), repeatable: true,
                                required: true, help: "A parameter to fit, its start and bounds (all > 0); give one per parameter."),
            OptionSpecification("--starts", .integer("N", 1...maximumStarts), help: "Number of starts, 1 to 1000 (default \(Calibration.defaultStarts)): the initial values, then N-1 seeded draws."),
            OptionSpecification("--seed", .seed("S"), help: "Seed of the start draws, a whole number (default \(Calibration.defaultSeed))."),
            OptionSpecification("--output", short: "-o", .path("FILE"), help: "Write the estimates as a parameters: block (.json5), atomically."),
            OptionSpecification("--residuals", .path("FILE"), help: "Write the residuals at the estimates (.csv), atomically."),
            OptionSpecification("--dir", .path("FOLDER"), help: "The folder of studies (default: Scenarios/validation)."),
            ChartCommandSupport.quietOption,
            OptionSpecification("--evaluate-only", help: "Print the residuals, objective and gradient at the start values; no search."),
            OptionSpecification("--gradient", .choice(kind: "gradient method", label: "methods", JacobianMethod.allCases.map(\.rawValue)), help: "sensitivities (default: forward sensitivities, central differences for window statistics) or differences (central differences throughout)."),
        ])

    /// More starts than this is a typing error, not a plan (each start is a full search).
    static let maximumStarts = 1000

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let specs = arguments.allValues("--parameter")
        guard !specs.isEmpty else { throw .usage(command: name, message: "missing --parameter NAME[=INITIAL][:LOWER:UPPER]") }
        var parameters: [FitParameter] = []
        for spec in specs {
            do throws(CalibrationError) { parameters.append(try FitParameter.parse(spec)) } catch { throw .usage(command: name, message: error.description) }
        }
        let starts = arguments.integer("--starts") ?? Calibration.defaultStarts
        // As `population --seed`: any UInt64.
        let seed = arguments.seed("--seed") ?? Calibration.defaultSeed

        let locations = try ValidateCommand.locateStudies(arguments, command: name)
        let outputs = try checkOutputs(arguments, inputs: locations.flatMap { [$0.scenarioPath, $0.observationsPath] })

        guard let read = StudyFiles.read(locations, refusingHeldBack: true, console: console) else { return 2 }
        let studies = read.map(\.calibrationInput)

        var problem: CalibrationProblem
        do throws(CalibrationError) {
            problem = try CalibrationProblem(parameters: parameters, studies: studies)
        } catch {
            switch error {
            case .model(let file, let message): throw .model(file: file, message: message)
            case .noWeight: console.err(error.description); return 2
            default: throw .usage(command: name, message: error.description)
            }
        }

        if let method = arguments.choice("--gradient", as: JacobianMethod.self) { problem.jacobianMethod = method }
        if arguments.flag("--evaluate-only") { return evaluate(problem, console: console) }
        let progress = CommandProgress.reporter(label: name, total: Double(starts), unit: "starts", quiet: arguments.flag("--quiet"))
        let result = Calibration.fit(problem, starts: starts, seed: seed) { _ in progress.advance() }
        progress.finish()
        let report = FitReport(problem: problem, result: result, seed: seed)
        console.out(report.text)
        guard result.best != nil else { return 1 }
        if let path = outputs.estimates { try ChartCommandSupport.write(report.parametersBlock, to: path, console: console) }
        if let path = outputs.residuals { try ChartCommandSupport.write(report.residualsCSV, to: path, console: console) }
        return 0
    }

    /// `-o` (.json5) and `--residuals` (.csv), checked against each other and the study files
    /// before anything runs.
    private static func checkOutputs(_ arguments: ParsedArguments, inputs: [String]) throws(CommandLineError) -> (estimates: String?, residuals: String?) {
        var outputs: [(option: String, path: String)] = []
        for (option, ext) in [("--output", "json5"), ("--residuals", "csv")] {
            guard let path = arguments.value(option) else { continue }
            let shown = OutputOptions.displayName(option)
            guard path != "-" else { throw .usage(command: name, message: "\(shown) needs a file name ending in .\(ext) (standard output carries the report)") }
            guard ChartCommandSupport.fileExtension(path) == ext else {
                throw .usage(command: name, message: "\(shown) file '\(path)' must end in .\(ext)")
            }
            outputs.append((option, path))
        }
        try OutputOptions.check(command: name, outputs: outputs, inputs: inputs)
        return (arguments.value("--output"), arguments.value("--residuals"))
    }
}
