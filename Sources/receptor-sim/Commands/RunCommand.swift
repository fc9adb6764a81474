import Dispatch
import Integrators
import Pharmacology
import Reports
import ScenarioFiles

/// `receptor-sim run SCENARIO`: simulate and write CSV.
enum RunCommand: ReceptorSimCommand {
    static let name = "run"
    static let abstract = "Simulate a scenario and write its CSV."
    static let discussion = """
        Writes one row per output time: time_h first, then the scenario's columns (all when
        output.columns is not given). A file is written atomically: a failed run leaves no
        partial file and keeps any previous file. Exit status 1 means the simulation failed
        (the message gives the simulated time and the cause); 2 means bad usage or a bad scenario.
        """
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "SCENARIO", help: "The scenario file (JSON5).")],
        options: [
            OptionSpecification("--output", short: "-o", .path("FILE"), help: "Write the CSV to FILE; '-' or no -o writes to standard output."),
            OptionSpecification("--interval", .number("H", .any), help: "Hours between output rows (overrides output.interval_h)."),
            OptionSpecification("--columns", .names("a,b,c"), help: "Columns to write, comma-separated (overrides output.columns)."),
            OptionSpecification("--precision", .integer("N", 1...CSVNumberFormat.maximumSignificantDigits), help: "Print numbers with N significant digits (1-17); default: shortest round-trip."),
        ] + ScenarioOverrides.solverSpecifications(for: "the run") + [
            OptionSpecification("--summary", help: "Print peaks and troughs of the main observables, solver statistics and wall time to standard error."),
            OptionSpecification("--chart", help: "Draw mu_occupancy_total and withdrawal_index (or the first two columns) in the terminal with braille characters after the run; on standard error when the CSV goes to standard output."),
            OptionSpecification("--quiet", short: "-q", help: "Show no progress on standard error (shown for runs longer than about a second)."),
            EventsOption.specification,
            LibraryOption.specification,
            StrictOption.specification,
        ] + ScenarioLimitOptions.specifications)

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let file = arguments.positionals[0]
        try OutputOptions.check(command: name, outputs: [("--output", arguments.value("--output") ?? "-")],
                                inputs: [file] + arguments.paths("--events", "--library"))
        let events = try EventsOption.table(arguments, console: console, command: name)
        let limits = ScenarioLimitOptions.limits(arguments)
        var scenario = try ScenarioLoading.read(file, arguments: arguments, console: console, limits: limits, events: events).scenario
        // The file was checked with its own settings; the options may change the interval, the
        // columns and the solver, and meet the same check (the output caps included).
        // The solver options become the run's settings, passed to the simulation.
        let solver = try ScenarioLoading.apply(ScenarioOverrides(arguments), to: &scenario, file: file, limits: limits)
        let format = arguments.integer("--precision").map(CSVNumberFormat.significantDigits) ?? .roundTrip
        let columns = scenario.output.columns ?? ModelBridge.columnNames(for: scenario)
        let destination: CSVDestination
        switch arguments.value("--output") {
        case nil, "-": destination = .standardOutput
        case let path?: destination = .file(path: path)
        }

        let started = DispatchTime.now()
        let writer: CSVWriter
        do throws(CSVWriterError) {
            writer = try CSVWriter(destination: destination, columns: columns, numberFormat: format)
        } catch {
            throw .output(error)
        }
        let progress = CommandProgress.reporter(label: file.split(separator: "/").last.map(String.init) ?? file,
                                                total: scenario.durationHours, unit: "h", quiet: arguments.flag("--quiet"))
        var sink = ProgressTrackingSink(base: CSVRowSink(writer: writer, chart: arguments.flag("--chart") ? ChartRows(columns: columns) : nil),
                                        progress: progress)
        let statistics: SolverStatistics
        let extremes: [ObservableExtremes]
        do throws(CommandLineError) {
            defer { progress.finish() }
            (statistics, extremes) = try ModelBridge.simulate(
                scenario, solver: solver, file: file, columns: columns,
                extremaOf: arguments.flag("--summary") ? RunSummary.columns(of: columns) : [], into: &sink)
            do throws(CSVWriterError) { try writer.finish() } catch { throw CommandLineError.output(error) }
        } catch {
            writer.abandon()
            throw error
        }
        if let chart = sink.base.chart {
            let text = chart.render()
            if destination == .standardOutput { console.err(text) } else { console.out(text) }
        }
        if arguments.flag("--summary") {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            console.err(RunSummary.render(extremes, statistics: statistics, wallSeconds: seconds, rows: writer.rowCount))
        }
        return 0
    }
}
