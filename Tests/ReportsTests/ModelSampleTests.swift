import BuiltInLibrary
import Foundation
import Pharmacology
import Testing
@testable import Reports

/// Runs the real model on two teaching scenarios (built as values, mirroring
/// Scenarios/naloxone-precipitated.json and buprenorphine-standard-induction.json) and writes
/// a report and a comparison to `$REPORTS_SAMPLE_DIR`. Skipped unless the variable is set:
/// it simulates two weeks of dosing, which is slow in debug builds.
@Suite struct ModelSampleTests {
    static let directory = ProcessInfo.processInfo.environment["REPORTS_SAMPLE_DIR"]

    static let morphine = DoseRegimen(
        drug: "morphine", route: .oral, schedule: .repeated(startHours: 0, everyHours: 6, count: 56, amountMilligrams: 30))

    static let naloxone = Scenario(
        name: "Naloxone-precipitated withdrawal",
        description: "Morphine 30 mg oral every 6 h for 14 days; naloxone 2 mg IV bolus 3 h after the last dose.",
        durationHours: 360,
        doses: [morphine, DoseRegimen(drug: "naloxone", route: .ivBolus, schedule: .single(atHours: 333, amountMilligrams: 2))],
        output: OutputSpecification(intervalHours: 0.1))

    static let abrupt = Scenario(
        name: "Abrupt stop after two weeks of morphine",
        description: "Morphine 30 mg oral every 6 h for 14 days, then nothing.",
        durationHours: 360, doses: [morphine], output: OutputSpecification(intervalHours: 0.1))

    static func run(_ scenario: Scenario) throws -> (TimeSeriesTable, SolverSummary) {
        let model = try ReceptorModel.compile(scenario)
        let columns = try ReceptorModel.columnNames(for: scenario)
        var builder = TimeSeriesTableBuilder(columnNames: columns)
        let start = ProcessInfo.processInfo.systemUptime
        let statistics = try ReceptorModel.simulate(model, columns: columns, into: &builder)
        let seconds = ProcessInfo.processInfo.systemUptime - start
        let solver = SolverSummary(
            method: scenario.solver.method.rawValue, relativeTolerance: scenario.solver.relativeTolerance,
            absoluteTolerance: scenario.solver.absoluteTolerance, acceptedSteps: statistics.acceptedSteps,
            rejectedSteps: statistics.rejectedSteps, rightHandSideEvaluations: statistics.rightHandSideEvaluations,
            jacobianEvaluations: statistics.jacobianEvaluations, luFactorizations: statistics.luFactorizations,
            eventsHandled: statistics.eventsHandled, wallTimeSeconds: seconds)
        return (try builder.build(), solver)
    }

    @Test(.enabled(if: directory != nil)) func writeModelSamples() throws {
        let directory = URL(fileURLWithPath: try #require(Self.directory))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let (table, solver) = try Self.run(Self.naloxone)
        let panels = try PanelSpecification.panels(available: table.columnNames)
        let report = HTMLReport.render(scenario: Self.naloxone, table: table, solver: solver, panels: panels)
        try Data(report.utf8).write(to: directory.appendingPathComponent("model-report.html"))
        let zoomed = table.restricted(toHours: 320...360)
        let zoom = SVGChart.render(
            table: zoomed,
            panels: try PanelSpecification.panels(
                available: zoomed.columnNames, presets: [.concentrations, .occupancy, .signalling], logarithmicConcentrations: true),
            annotations: PlotAnnotations(scenario: Self.naloxone), options: ChartOptions(title: Self.naloxone.name + ", 320-360 h"))
        try Data(zoom.utf8).write(to: directory.appendingPathComponent("model-zoom.svg"))
        let (abruptTable, abruptSolver) = try Self.run(Self.abrupt)
        let runs = [
            ComparisonRun(scenario: Self.abrupt, table: abruptTable, solver: abruptSolver),
            ComparisonRun(scenario: Self.naloxone, table: table, solver: solver),
        ]
        let compare = HTMLReport.renderComparison(
            runs, panels: try PanelSpecification.comparisonPanels(available: table.columnNames),
            title: "Abrupt stop versus naloxone")
        try Data(compare.utf8).write(to: directory.appendingPathComponent("model-compare.html"))
        let chart = try TerminalChart(widthColumns: 100, heightRows: 8).render(
            table: table, columns: TerminalChart.defaultColumns(available: table.columnNames))
        try Data(chart.utf8).write(to: directory.appendingPathComponent("model-terminal.txt"))
    }
}
