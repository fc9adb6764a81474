import Foundation
import Reports

/// `receptor-sim compare A B ... -o FILE.svg|FILE.html`: the same observables of several runs
/// overlaid, one panel per observable and one line per run.
enum CompareCommand: ReceptorSimCommand {
    static let name = "compare"
    static let abstract = "Overlay the same observables of several scenarios (SVG chart or HTML page)."
    static let discussion = """
        Each INPUT is a scenario file, simulated in turn, or a CSV written by 'run'. Runs are
        keyed A, B, C, ... in the legend and the dose strip, labelled by their file names (short
        enough for the legend; --labels sets others), and drawn in distinct colours and dash
        patterns (readable in grey print). Without --panels or --columns the panels are
        the main teaching observables present in any run: mu occupancy and receptor density,
        endorphin and dynorphin, mu and kappa responses, hedonic tone, withdrawal and tolerance.
        The output's extension chooses the format: .svg for a chart (also for -o -), .html for
        a page that adds each run's regimen, a side-by-side summary and the solver statistics.
        The output is byte-identical for the same inputs; --timing adds the solver's wall time
        (which varies from run to run) to the HTML. Examples: abrupt stop
        versus taper; early versus delayed buprenorphine induction; control versus the
        opioid-deficit phenotype. Exit status 1 means a simulation failed or the file could not
        be written; 2 means bad usage or bad input.
        """
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "INPUT", help: "Two or more scenario files (JSON5) or CSV files written by 'run'.", repeating: true)],
        options: [ChartCommandSupport.outputOption(extensions: "svg or .html")] + ChartCommandSupport.chartOptions + [
            OptionSpecification("--labels", .names("a,b"), help: "Legend labels, one per INPUT, comma-separated (default: the file names without extension)."),
            OptionSpecification("--title", .text("TEXT"), help: "Title (default: the labels joined by 'vs')."),
            ObservationOverlay.option,
            ChartCommandSupport.timingOption,
            ChartCommandSupport.reproducibleOption,
            ChartCommandSupport.quietOption,
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let output = try ChartCommandSupport.outputPath(arguments, command: name, extensions: ["svg", "html", "htm"])
        guard arguments.positionals.count >= 2 else {
            throw .usage(command: name, message: "compare needs at least two inputs, found \(arguments.positionals.count)")
        }
        let selection = try ChartSelection(arguments, command: name)
        let timing = try ChartCommandSupport.recordsWallTime(arguments, command: name)
        var labels = arguments.positionals.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        if let given = arguments.names("--labels") {
            labels = given
            guard labels.count == arguments.positionals.count else {
                throw .usage(command: name, message: "--labels gives \(labels.count) labels for \(arguments.positionals.count) inputs")
            }
        }
        var runs: [ComparisonRun] = []
        var available: [String] = []
        for (file, label) in zip(arguments.positionals, labels) {
            let input = try ChartInput.load(
                file, scenarioFile: nil, quiet: arguments.flag("--quiet"), reproducible: !timing,
                window: selection.window, command: name, extrema: selection.highlights ?? [])
            var run = input.comparisonRun
            run.label = label
            run.table = try selection.window(of: input, command: name)
            for column in run.table.columnNames where !available.contains(column) { available.append(column) }
            runs.append(run)
        }
        let marks = try ObservationOverlay.marks(
            arguments, available: available, scenario: runs.compactMap(\.scenario).max { $0.durationHours < $1.durationHours })
        let panels = ObservationOverlay.panels(
            try selection.panels(
                available: available, file: arguments.positionals.joined(separator: ", "), command: name, comparison: true),
            marks: marks, available: available, comparison: true)
        let title = arguments.value("--title") ?? runs.map(\.label).joined(separator: " vs ")
        let text = ChartCommandSupport.fileExtension(output) == "svg" || output == "-"
            ? SVGChart.renderComparison(runs, panels: panels, options: selection.chartOptions(title: title), observations: marks)
            : HTMLReport.renderComparison(
                runs, panels: panels, title: title, observations: marks, chartOptions: selection.chartOptions(title: nil))
        try ChartCommandSupport.write(text, to: output, console: console)
        return 0
    }
}
