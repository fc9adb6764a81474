import Foundation
import Pharmacology
import Testing
@testable import Reports

/// Writes sample charts and reports from the synthetic run to `$REPORTS_SAMPLE_DIR`, for the
/// look-at-it check (Tests/ReportsTests/render-sample-report.sh renders them with headless
/// Chromium and checks two processes write identical bytes). Skipped unless the variable is set.
@Suite struct SampleOutputTests {
    static let directory = ProcessInfo.processInfo.environment["REPORTS_SAMPLE_DIR"]

    @Test(.enabled(if: directory != nil)) func writeSamples() throws {
        let directory = URL(fileURLWithPath: try #require(Self.directory))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in try Samples.all() {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
    }
}

/// The sample outputs, shared with the HTML tests.
enum Samples {
    static let solver = SolverSummary(
        method: "rodas5p", relativeTolerance: 1e-6, absoluteTolerance: 1e-9, acceptedSteps: 1234, rejectedSteps: 56,
        rightHandSideEvaluations: 9876, jacobianEvaluations: 1290, luFactorizations: 1290, eventsHandled: 9,
        wallTimeSeconds: 0.0421)

    static var taperScenario: Scenario {
        var scenario = Synthetic.scenario
        scenario.name = "Synthetic taper"
        scenario.description = "Same total exposure, falling doses."
        scenario.doses = [
            DoseRegimen(drug: "morphine", route: .oral, schedule: .stepped(startHours: 0, everyHours: 6, amountsMilligrams: [15, 15, 12, 12, 9, 6, 3, 1])),
        ]
        return scenario
    }

    static var taperTable: TimeSeriesTable {
        let table = Synthetic.table()
        return try! TimeSeriesTable(timeHours: table.timeHours, columns: table.columns.map { column in
            let scale = column.name == "withdrawal_index" || column.name == "hedonic_tone" ? 0.45 : 1
            return TimeSeriesColumn(name: column.name, values: column.values.map { $0 * scale })
        })
    }

    static func all() throws -> [(String, String)] {
        let table = Synthetic.table()
        let scenario = Synthetic.scenario
        let panels = try PanelSpecification.panels(available: table.columnNames)
        let svg = SVGChart.render(
            table: table, panels: panels, annotations: PlotAnnotations(scenario: scenario),
            options: ChartOptions(title: scenario.name))
        let report = HTMLReport.render(scenario: scenario, table: table, solver: solver, panels: panels)
        let runs = [
            ComparisonRun(scenario: scenario, table: table, solver: solver),
            ComparisonRun(scenario: taperScenario, table: taperTable, solver: solver),
        ]
        let comparePanels = try PanelSpecification.comparisonPanels(available: table.columnNames)
        let compareSVG = SVGChart.renderComparison(runs, panels: comparePanels, options: ChartOptions(title: "Abrupt stop versus taper"))
        let compareHTML = HTMLReport.renderComparison(runs, panels: comparePanels, title: "Abrupt stop versus taper")
        return [
            ("sample-plot.svg", svg), ("sample-report.html", report), ("sample-compare.svg", compareSVG),
            ("sample-compare.html", compareHTML),
        ]
    }
}

extension SampleOutputTests {
    @Test(.enabled(if: directory != nil)) func writeTerminalSample() throws {
        let directory = URL(fileURLWithPath: try #require(Self.directory))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let table = Synthetic.table()
        let chart = try TerminalChart(widthColumns: 80, heightRows: 6).render(
            table: table, columns: ["morphine_brain_nM", "withdrawal_index"])
        try Data(chart.utf8).write(to: directory.appendingPathComponent("sample-terminal.txt"))
    }
}
