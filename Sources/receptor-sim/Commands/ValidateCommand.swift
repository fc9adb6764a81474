import Foundation
import Pharmacology
import Reports
import ScenarioFiles
import Validation
import Calibration

/// `receptor-sim validate [STUDY ...]`: every validation study (a scenario and its published
/// observations) run and compared, one line per comparison, with totals and an exit status a
/// test can assert on.
enum ValidateCommand: ReceptorSimCommand {
    static let name = "validate"
    static let abstract = "Run the validation studies and compare the model with published data."
    static let discussion = """
        A study is a scenario <id>.json and its observations <id>.csv side by side (format in
        Scenarios/validation/README.md). Every study in the folder is run, or those named (by
        id, or by the path of either file). One line per comparison: study, observable,
        statistic@time(s), the model's value, the data (± SD), the acceptance band and the
        verdict (met, NOT MET, or known gap for a comparison its study's file states the model
        misses: every comparison of the study, or those its known_gap_covers lines name), then
        the totals. Exit status 0 when every comparison is met or covered by a known gap, 1 when
        another comparison is not met or a run fails, 2 for a missing or malformed study file.
        --report writes one self-contained HTML page with a chart per study, the observations as
        markers with error bars over the model's curve.
        """
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(
            name: "STUDY", help: "Study ids in the folder, or paths to a study's .json or .csv (default: every study).",
            optional: true, repeating: true)],
        options: [
            OptionSpecification("--dir", .path("FOLDER"), help: "The folder of studies (default: Scenarios/validation)."),
            OptionSpecification("--report", .path("FILE"), help: "Also write an HTML report (.html), atomically."),
            ChartCommandSupport.quietOption,
        ])

    static let defaultFolder = "Scenarios/validation"

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let report = arguments.value("--report") == nil
            ? nil : try ChartCommandSupport.outputPath(arguments, command: name, extensions: ["html", "htm"], option: "--report")
        if report == "-" { throw .usage(command: name, message: "--report needs a file name ending in .html") }
        let locations = try locateStudies(arguments, command: name)

        guard let studies = StudyFiles.read(locations, console: console) else { return 2 }

        var results: [StudyResult] = []
        for study in studies {
            let result = try run(study.location, study.scenario, study.file, quiet: arguments.flag("--quiet"), console: console)
            results.append(result)
        }
        let totals = ValidationTotals(results)
        console.out((ValidationListing.lines(results) + [totals.line]).joined(separator: "\n"))
        if let report {
            let html = ValidationReport.render(results, totals: totals)
            try ChartCommandSupport.write(html, to: report, console: console)
        }
        return totals.exitStatus
    }

    /// Reads and checks an observations file against its scenario's columns and duration.
    static func readObservations(
        _ path: String, columns: [String], drugIDs: Set<String>?, durationHours: Double?
    ) throws(CommandLineError) -> ObservationFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .validation(.unreadable(file: path, reason: "not a readable UTF-8 text file"))
        }
        do throws(ValidationError) {
            return try ObservationFile.parse(text, file: path, columns: columns, drugIDs: drugIDs, durationHours: durationHours)
        } catch {
            throw .validation(error)
        }
    }

    /// Simulates one study on its grid, finding its window extremes on the solution in the same
    /// solve, and compares; a solver failure becomes a failed study
    /// (its comparisons not met), reported on standard error, and the others still run.
    private static func run(
        _ location: StudyLocation, _ scenario: Scenario, _ file: ObservationFile, quiet: Bool, console: Console
    ) throws(CommandLineError) -> StudyResult {
        var columns: [String] = []
        for observation in file.observations where !columns.contains(observation.observable) {
            columns.append(observation.observable)
        }
        let times = StudyGrid.times(
            observations: file.observations, durationHours: scenario.durationHours, intervalHours: scenario.output.intervalHours)
        let progress = CommandProgress.reporter(label: location.id, total: scenario.durationHours, unit: "h", quiet: quiet)
        defer { progress.finish() }
        var sink = ProgressTrackingSink(base: TimeSeriesTableBuilder(columnNames: columns, reservingRows: times.count), progress: progress)
        let requests = file.extremaRequests
        let extremes: [WindowExtremes]
        do throws(CommandLineError) {
            extremes = try ModelBridge.simulate(
                scenario, file: location.scenarioPath, columns: columns, outputTimes: times,
                extremaOf: requests.map { (column: $0.column, window: Optional($0.window)) }, into: &sink
            ).extremes.map(WindowExtremes.init)
        } catch {
            guard case .simulation = error else { throw error }
            console.err(error.description)
            var result = StudyResult(id: location.id, file: file, failure: error.description)
            result.annotations = PlotAnnotations(scenario: scenario)
            return result
        }
        do {
            var result = StudyResult(id: location.id, file: file, table: try sink.base.build(), extremes: extremes)
            result.annotations = PlotAnnotations(scenario: scenario)
            return result
        } catch {
            throw .model(file: location.scenarioPath, message: "\(error)")
        }
    }
}

extension ValidateCommand {
    /// The studies named on the command line (all of `--dir`, default `defaultFolder`, when none
    /// is named), for `validate`, `fit` and `export --format petab`: an unknown study or an empty
    /// folder is a usage error naming `command`.
    static func locateStudies(_ arguments: ParsedArguments, command: String) throws(CommandLineError) -> [StudyLocation] {
        let folder = arguments.value("--dir") ?? defaultFolder
        do throws(ValidationError) {
            return try StudyLocation.resolve(names: arguments.positionals, folder: folder)
        } catch {
            switch error {
            case .unknownStudy(let study, let folder, let suggestions):
                throw .usage(command: command, message: "no study '\(study)' in \(folder)" + NameSuggestion.didYouMean(suggestions))
            case .noStudies(let folder):
                throw .usage(command: command, message: "no studies (<id>.json with <id>.csv) in \(folder)")
            default:
                throw .validation(error)
            }
        }
    }
}
