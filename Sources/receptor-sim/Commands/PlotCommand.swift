import Dispatch
import Foundation
import Pharmacology
import Reports
import ScenarioFiles

/// `receptor-sim plot INPUT -o FILE.svg`: stacked SVG line charts of a scenario (simulated
/// now) or of a CSV written earlier by `run`.
enum PlotCommand: ReceptorSimCommand {
    static let name = "plot"
    static let abstract = "Draw a scenario's time course (or a CSV from run) as an SVG chart."
    static let discussion = """
        INPUT is a scenario file, which is simulated first, or a CSV file (name ending in .csv)
        written by 'receptor-sim run'. Panels share one time axis in hours or days; dose times are
        marked under it and stress, exercise and other events are shaded. Without --panels or
        --columns all five panel presets are drawn (concentrations, occupancy, receptors,
        peptides, signalling), leaving out those with no data. The file is written atomically
        and is byte-identical for the same input. Progress is shown on standard error for runs
        longer than about a second. The lesson's key observables (withdrawal, tolerance,
        occupancy) are drawn thick and solid with their peak marked; --highlight names others.
        --slide draws one 16:9 lecture slide (1920 x 1080, large text) of the highlighted
        columns alone, or of --panels/--columns with the rest in grey. Exit status 1 means the simulation failed or the file could
        not be written; 2 means bad usage or bad input.
        """
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "INPUT", help: "A scenario file (JSON5) or a CSV written by 'run'.")],
        options: [ChartCommandSupport.outputOption(extensions: "svg")] + ChartCommandSupport.chartOptions + [
            OptionSpecification("--scenario", .path("FILE"), help: "For a CSV input: the scenario it came from, for dose marks, event windows and the title."),
            OptionSpecification("--title", .text("TEXT"), help: "Chart title (default: the scenario's name, or the CSV file's name)."),
            ObservationOverlay.option,
            ChartCommandSupport.quietOption,
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let output = try ChartCommandSupport.outputPath(arguments, command: name, extensions: ["svg"])
        let selection = try ChartSelection(arguments, command: name)
        let input = try ChartInput.load(
            arguments.positionals[0], scenarioFile: arguments.value("--scenario"), quiet: arguments.flag("--quiet"),
            reproducible: true, window: selection.window, command: name, extrema: selection.highlights ?? [])
        let table = try selection.window(of: input, command: name)
        let marks = try ObservationOverlay.marks(arguments, available: table.columnNames, scenario: input.scenario)
        let panels = ObservationOverlay.panels(
            try selection.panels(available: table.columnNames, file: input.file, command: name, comparison: false),
            marks: marks, available: table.columnNames, comparison: false)
        let svg = SVGChart.render(
            table: table, panels: panels, annotations: input.annotations,
            options: selection.chartOptions(title: arguments.value("--title") ?? input.label), observations: marks)
        try ChartCommandSupport.write(svg, to: output, console: console)
        return 0
    }
}

// MARK: - Shared by plot, report and compare

/// Input, option and output handling that `plot`, `report` and `compare` share, so the three
/// commands load, validate, simulate and write in exactly one way. (It lives beside `plot`,
/// the simplest of the three.)
enum ChartCommandSupport {
    /// `-o FILE` naming the accepted extensions in its help.
    static func outputOption(extensions: String) -> OptionSpecification {
        OptionSpecification("--output", short: "-o", .path("FILE"), required: true, help: "Write to FILE (.\(extensions)), atomically; '-' writes to standard output.")
    }

    static let chartOptions = [
        OptionSpecification("--panels", .names("p,q"), help: "Panel presets, comma-separated: \(PanelPreset.allCases.map(\.rawValue).joined(separator: ", "))."),
        OptionSpecification("--columns", .names("a,b"), help: "Columns to draw, comma-separated (one panel per unit; with --panels, drawn above the presets)."),
        OptionSpecification("--highlight", .names("COLUMN"), repeatable: true, help: "Draw COLUMN strongest (thick, solid, peak marked); up to 3, repeat the option or separate by commas (default: the lesson's withdrawal, tolerance and occupancy columns)."),
        OptionSpecification("--slide", help: "One 16:9 lecture slide (1920 x 1080, text of 28 px and more): the highlighted columns, the rest grey."),
        OptionSpecification("--log", help: "Logarithmic axis for concentrations (nM, ng/mL)."),
        OptionSpecification("--from", .number("H", .nonNegative), help: "Start of the time window to draw, in hours (default: the start of the run)."),
        OptionSpecification("--to", .number("H", .nonNegative), help: "End of the time window to draw, in hours (default: the end of the run)."),
    ]

    static let quietOption = OptionSpecification("--quiet", short: "-q", help: "Show no progress on standard error.")

    /// `--timing`: the one thing that makes two runs on the same input differ, so it is opt-in.
    static let timingOption = OptionSpecification(
        "--timing", help: "Add the solver's wall-clock time to the solver statistics (the file then differs from run to run).")

    /// Kept so scripts written when the wall time was shown by default still run.
    static let reproducibleOption = OptionSpecification(
        "--reproducible", help: "Leave out the wall-clock time: the default; accepted for older scripts.")

    /// Whether to record the wall time: only with `--timing`, which `--reproducible` contradicts.
    static func recordsWallTime(_ arguments: ParsedArguments, command: String) throws(CommandLineError) -> Bool {
        let timing = arguments.flag("--timing")
        if timing, arguments.flag("--reproducible") {
            throw .usage(command: command, message: "--timing and --reproducible contradict each other; give one")
        }
        return timing
    }

    /// The path of `option` (`-o` by default), required, with one of `extensions` (any case)
    /// unless it is `-`, checked by `OutputOptions` against the inputs (INPUT... and
    /// `--scenario`) before anything runs.
    /// - Throws: `.usage`; `.outputPath` for a path that cannot or must not be written.
    static func outputPath(
        _ arguments: ParsedArguments, command: String, extensions: [String], option: String = "--output"
    ) throws(CommandLineError) -> String {
        guard let path = arguments.value(option) else {
            throw .usage(command: command, message: "missing \(option == "--output" ? "-o" : option) FILE (.\(extensions.joined(separator: " or .")))")
        }
        guard path == "-" || extensions.contains(fileExtension(path)) else {
            throw .usage(command: command, message: "output file '\(path)' must end in .\(extensions.joined(separator: " or ."))")
        }
        let inputs = arguments.positionals + [arguments.value("--scenario")].compactMap { $0 }
        try OutputOptions.check(command: command, outputs: [(option, path)], inputs: inputs)
        return path
    }

    /// Lower-cased extension without the dot (`""` when there is none).
    static func fileExtension(_ path: String) -> String {
        URL(fileURLWithPath: path).pathExtension.lowercased()
    }

    static func isCSV(_ path: String) -> Bool { fileExtension(path) == "csv" }

    /// Writes `text` to `path` by the rules of `AtomicOutputFile` (a file atomically, a device
    /// or FIFO straight through), or to standard output for `-`, every write checked.
    /// - Throws: `.output` (exit 1) when the output cannot be opened, written or renamed.
    static func write(_ text: String, to path: String, console: Console) throws(CommandLineError) {
        do throws(CSVWriterError) {
            try AtomicOutputFile.write(text.hasSuffix("\n") ? text : text + "\n", to: path)
        } catch {
            throw .output(error)
        }
    }

    /// Loads and validates a scenario exactly as `run` does (`ScenarioLoading.read`).
    static func loadScenario(_ file: String) throws(CommandLineError) -> Scenario {
        try ScenarioLoading.read(file).scenario
    }

    /// Reads a CSV written by `run` through a `TimeSeriesReducer` (the file read in 1 MiB chunks;
    /// rows outside `window` dropped, the rest reduced past `TimeSeriesReducer.defaultMaximumRows`);
    /// problems are reported as `file:line: error: message`.
    static func readTable(csv file: String, window: ClosedRange<Double>?) throws(CommandLineError) -> (table: TimeSeriesTable, spanHours: ClosedRange<Double>?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw .model(file: file, message: "cannot read CSV file: no such file")
        }
        if isDirectory.boolValue { throw .model(file: file, message: "cannot read CSV file: is a directory") }
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw .model(file: file, message: "cannot read CSV file: not readable")
        }
        defer { try? handle.close() }
        do {
            let reducer = try TimeSeriesTable.reduceCSV(reading: handle, window: window, maximumRows: TimeSeriesReducer.defaultMaximumRows)
            guard reducer.rowsSeen > 0 else { throw ReportsError.emptyTable }
            return (try reducer.build(), reducer.spanHours)
        } catch let error as ReportsError {
            throw inputError(error, file: file)
        } catch {
            throw .model(file: file, message: "\(error)")
        }
    }

    /// A `ReportsError` about an input file as `file:line: error: message` (exit 2).
    static func inputError(_ error: ReportsError, file: String) -> CommandLineError {
        let line: Int?
        switch error {
        case .csvFieldCount(let number, _, _), .csvInvalidNumber(let number, _, _), .csvUnterminatedQuote(let number),
            .csvTextAfterQuote(let number), .csvTimeNotIncreasing(let number, _, _):
            line = number
        case .csvEmpty, .csvMissingTimeColumn, .csvDuplicateColumn:
            line = 1
        default:
            line = nil
        }
        var message = error.description
        if let line, message.hasPrefix("line \(line): ") { message.removeFirst("line \(line): ".count) }
        return .model(file: line.map { "\(file):\($0)" } ?? file, message: message)
    }

    /// Simulates `scenario` into a table of all its columns, with progress on stderr unless
    /// `quiet`, and the solver's work (wall time NaN when `reproducible`).
    ///
    /// The rows go through a `TimeSeriesReducer` (only those inside `window`; reduced to their
    /// min/max envelope past `TimeSeriesReducer.defaultMaximumRows`), so memory does not grow
    /// with the run; the peaks and troughs of the main observables within `window` are found on
    /// the solution itself (`table.exactExtremes`), so the summaries do not depend on the rows.
    ///
    /// `extrema` adds columns whose peaks are wanted besides the main ones (the highlighted
    /// columns, annotated with their peak); names not in the table are ignored.
    static func simulate(
        _ scenario: Scenario, file: String, quiet: Bool, reproducible: Bool, window: ClosedRange<Double>?,
        extrema: [String] = []
    ) throws(CommandLineError) -> (table: TimeSeriesTable, solver: SolverSummary) {
        let columns = ModelBridge.columnNames(for: scenario)
        let progress = CommandProgress.reporter(
            label: URL(fileURLWithPath: file).lastPathComponent, total: scenario.durationHours, unit: "h",
            quiet: quiet)
        defer { progress.finish() }
        var sink = ProgressTrackingSink(base: TimeSeriesReducer(columnNames: columns, window: window), progress: progress)
        let started = DispatchTime.now()
        let (statistics, extremes) = try ModelBridge.simulate(
            scenario, file: file, columns: columns, extremaOf: extremaColumns(of: columns, adding: extrema), window: window,
            into: &sink)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        var table: TimeSeriesTable
        do {
            table = try sink.base.build()
            for e in extremes { table.exactExtremes[e.column] = e }
        } catch let error as ReportsError {
            throw inputError(error, file: file)
        } catch {
            throw .model(file: file, message: "\(error)")
        }
        let solver = SolverSummary(
            method: scenario.solver.method.rawValue, relativeTolerance: scenario.solver.relativeTolerance,
            absoluteTolerance: scenario.solver.absoluteTolerance, acceptedSteps: statistics.acceptedSteps,
            rejectedSteps: statistics.rejectedSteps, rightHandSideEvaluations: statistics.rightHandSideEvaluations,
            jacobianEvaluations: statistics.jacobianEvaluations, luFactorizations: statistics.luFactorizations,
            eventsHandled: statistics.eventsHandled, wallTimeSeconds: reproducible ? .nan : seconds)
        return (table, solver)
    }
}

extension ChartCommandSupport {
    /// The main observables, the lesson's key observables and `extra`, once each, all in `columns`.
    static func extremaColumns(of columns: [String], adding extra: [String]) -> [String] {
        var result = ObservableSummary.mainColumns(of: columns)
        for name in KeyObservables.defaults(available: columns) + extra where columns.contains(name) && !result.contains(name) {
            result.append(name)
        }
        return result
    }
}

/// One run to draw: a scenario simulated now, or a CSV read back (with its scenario if given).
struct ChartInput {
    /// The input file as the user wrote it (used in messages).
    let file: String
    let scenario: Scenario?
    /// The rows (inside the `--from`/`--to` window when one was given, reduced as
    /// `TimeSeriesReducer` does for long runs).
    let table: TimeSeriesTable
    /// First and last time of the whole input, before the window (for messages).
    let spanHours: ClosedRange<Double>?
    /// Solver work; nil for a CSV input.
    let solver: SolverSummary?

    /// Doses, infusions and events of the scenario; none for a CSV without `--scenario`.
    var annotations: PlotAnnotations { scenario.map { PlotAnnotations(scenario: $0) } ?? PlotAnnotations() }

    /// Legend and title text: the scenario's name, else the CSV's file name without extension.
    var label: String {
        if let scenario { return scenario.name }
        return URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }

    var comparisonRun: ComparisonRun {
        ComparisonRun(label: label, table: table, annotations: annotations, scenario: scenario, solver: solver)
    }

    /// Reads or simulates `file`.
    /// - Parameters:
    ///   - scenarioFile: for a CSV input, the scenario it came from (`--scenario`); not
    ///     allowed with a scenario input.
    ///   - window: the `--from`/`--to` window (`ChartSelection.window`), or nil.
    static func load(
        _ file: String, scenarioFile: String?, quiet: Bool, reproducible: Bool, window: ClosedRange<Double>?,
        command: String, extrema: [String] = []
    ) throws(CommandLineError) -> ChartInput {
        if ChartCommandSupport.isCSV(file) {
            let scenario = try scenarioFile.map { (path) throws(CommandLineError) in try ChartCommandSupport.loadScenario(path) }
            let (table, span) = try ChartCommandSupport.readTable(csv: file, window: window)
            return ChartInput(file: file, scenario: scenario, table: table, spanHours: span, solver: nil)
        }
        if scenarioFile != nil {
            throw .usage(command: command, message: "--scenario is for CSV inputs; '\(file)' is simulated from its own scenario")
        }
        let scenario = try ChartCommandSupport.loadScenario(file)
        let (table, solver) = try ChartCommandSupport.simulate(
            scenario, file: file, quiet: quiet, reproducible: reproducible,
            window: window.map { $0.clamped(to: 0...scenario.durationHours) }, extrema: extrema)
        return ChartInput(file: file, scenario: scenario, table: table, spanHours: 0...scenario.durationHours, solver: solver)
    }
}

/// What to draw: `--panels`, `--columns`, `--log`, `--from`, `--to`, checked up front so a bad
/// option fails before a long simulation.
struct ChartSelection {
    var presets: [PanelPreset]?
    var columns: [String]?
    var logarithmic: Bool
    var fromHours: Double?
    var toHours: Double?
    /// `--slide`: a 16:9 lecture figure.
    var slide: Bool
    /// `--highlight` columns in order (nil without the option: the lesson defaults).
    var highlights: [String]?

    init(_ arguments: ParsedArguments, command: String) throws(CommandLineError) {
        if let names = arguments.names("--panels") {
            let available = PanelPreset.allCases.map(\.rawValue)
            presets = []
            for name in names {
                guard let preset = PanelPreset(rawValue: name) else {
                    throw .usage(command: command, message: UnknownName("panel preset", name, valid: available, place: " in --panels",
                                                                        hint: UnknownName.listing("presets", available)).description)
                }
                presets?.append(preset)
            }
        }
        columns = arguments.names("--columns")
        logarithmic = arguments.flag("--log")
        slide = arguments.flag("--slide")
        if let highlighted = arguments.names("--highlight") {
            var names: [String] = []
            for name in highlighted where !names.contains(name) { names.append(name) }
            guard names.count <= KeyObservables.maximumHighlights else {
                throw .usage(command: command, message: "--highlight takes at most \(KeyObservables.maximumHighlights) columns "
                    + "(more strong lines are no emphasis), found \(names.count): \(names.joined(separator: ", "))")
            }
            highlights = names
        }
        fromHours = arguments.number("--from")
        toHours = arguments.number("--to")
        if let fromHours, let toHours, fromHours >= toHours {
            throw .usage(command: command, message: "--from \(CheckCommand.format(fromHours)) must be before --to \(CheckCommand.format(toHours))")
        }
    }

    /// The `--from`/`--to` window as a range (an open end reaches to infinity), or nil
    /// without them: `ChartInput.load` keeps only the rows inside it.
    var window: ClosedRange<Double>? {
        guard fromHours != nil || toHours != nil else { return nil }
        return (fromHours ?? -.infinity)...(toHours ?? .infinity)
    }

    /// The input's rows to draw: those inside `--from`/`--to` (`ChartInput.load` kept only
    /// those), all rows without them.
    /// - Throws: `.usage` when fewer than two rows are left to draw.
    func window(of input: ChartInput, command: String) throws(CommandLineError) -> TimeSeriesTable {
        let file = input.file, restricted = input.table
        guard fromHours != nil || toHours != nil, let span = input.spanHours else { return restricted }
        guard restricted.rowCount >= 2 else {
            let asked = [fromHours.map { "--from \(CheckCommand.format($0))" }, toHours.map { "--to \(CheckCommand.format($0))" }]
                .compactMap { $0 }.joined(separator: " ")
            throw .usage(command: command, message: "fewer than two output rows of \(file) lie in the window \(asked) "
                + "(its rows span \(CheckCommand.format(span.lowerBound))-\(CheckCommand.format(span.upperBound)) h)")
        }
        return restricted
    }

    /// The chart's size and emphasis: a slide or a page figure, with the `--highlight` columns.
    func chartOptions(title: String?) -> ChartOptions {
        ChartOptions(title: title, slide: slide, highlightedColumns: highlights)
    }

    /// The panels to draw from `available` columns; unknown columns get a "did you mean".
    ///
    /// A slide without `--panels` or `--columns` draws the highlighted columns alone (one
    /// panel per quantity); a highlighted column no panel draws gets a panel of its own.
    func panels(available: [String], file: String, command: String, comparison: Bool) throws(CommandLineError) -> [PanelSpecification] {
        for column in columns ?? [] where !available.contains(column) {
            throw .usage(command: command, message: UnknownName(.column, column, valid: available, place: " in --columns for \(file)").description)
        }
        for column in highlights ?? [] where !available.contains(column) {
            throw .usage(command: command, message: UnknownName(.column, column, valid: available, place: " in --highlight for \(file)").description)
        }
        let emphasised = highlights ?? KeyObservables.defaults(available: available)
        do {
            if slide, presets == nil, columns == nil {
                return comparison
                    ? try PanelSpecification.comparisonPanels(
                        available: available, columns: emphasised, logarithmicConcentrations: logarithmic)
                    : try PanelSpecification.slidePanels(columns: emphasised, logarithmicConcentrations: logarithmic)
            }
            var panels = try unemphasisedPanels(available: available, comparison: comparison)
            for name in highlights ?? [] where !panels.contains(where: { $0.columnNames.contains(name) }) {
                panels += comparison
                    ? try PanelSpecification.comparisonPanels(available: available, columns: [name])
                    : try PanelSpecification.slidePanels(columns: [name])
            }
            return panels
        } catch let error as ReportsError {
            throw .usage(command: command, message: "\(file): \(error)")
        } catch {
            throw .usage(command: command, message: "\(file): \(error)")
        }
    }

    private func unemphasisedPanels(available: [String], comparison: Bool) throws -> [PanelSpecification] {
        comparison
            ? try PanelSpecification.comparisonPanels(
                available: available, presets: presets, columns: columns, logarithmicConcentrations: logarithmic)
            : try PanelSpecification.panels(
                available: available, presets: presets, columns: columns, logarithmicConcentrations: logarithmic)
    }
}
