import Reports

/// `receptor-sim report SCENARIO -o FILE.html`: one self-contained HTML page per run.
enum ReportCommand: ReceptorSimCommand {
    static let name = "report"
    static let abstract = "Write a self-contained HTML report of a scenario: regimen, charts, summary, solver."
    static let discussion = """
        The report holds the scenario's name and description, the regimen as a table, the chart
        panels (as in 'plot'), a summary of peaks and troughs with their times, tolerance and
        withdrawal figures, and the solver's statistics. Everything is inline (SVG and CSS, no
        scripts, no fonts or files from the network), so the page opens offline and prints.
        INPUT is a scenario file, simulated first, or a CSV written by 'run' together with
        --scenario FILE (the report then has no solver section). With --from/--to the charts and
        the summary cover only that window. The file is byte-identical for the same input; --timing
        adds the solver's wall time, which varies from run to run.
        Exit status 1 means the simulation failed or the file could not be written; 2 means bad
        usage or bad input.
        """
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "INPUT", help: "A scenario file (JSON5), or a CSV written by 'run' with --scenario.")],
        options: [ChartCommandSupport.outputOption(extensions: "html")] + ChartCommandSupport.chartOptions + [
            OptionSpecification("--scenario", .path("FILE"), help: "For a CSV input: the scenario it came from (required with a CSV)."),
            ChartCommandSupport.timingOption,
            ChartCommandSupport.reproducibleOption,
            ChartCommandSupport.quietOption,
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let output = try ChartCommandSupport.outputPath(arguments, command: name, extensions: ["html", "htm"])
        let selection = try ChartSelection(arguments, command: name)
        let timing = try ChartCommandSupport.recordsWallTime(arguments, command: name)
        let file = arguments.positionals[0]
        if ChartCommandSupport.isCSV(file), arguments.value("--scenario") == nil {
            throw .usage(command: name, message: "a report of a CSV needs the scenario it came from: --scenario FILE")
        }
        let input = try ChartInput.load(
            file, scenarioFile: arguments.value("--scenario"), quiet: arguments.flag("--quiet"),
            reproducible: !timing, window: selection.window, command: name, extrema: selection.highlights ?? [])
        guard let scenario = input.scenario else {
            throw .usage(command: name, message: "a report of a CSV needs the scenario it came from: --scenario FILE")
        }
        let table = try selection.window(of: input, command: name)
        let panels = try selection.panels(available: table.columnNames, file: file, command: name, comparison: false)
        let html = HTMLReport.render(
            scenario: scenario, table: table, solver: input.solver, panels: panels,
            chartOptions: selection.chartOptions(title: selection.slide ? scenario.name : nil))
        try ChartCommandSupport.write(html, to: output, console: console)
        return 0
    }
}
