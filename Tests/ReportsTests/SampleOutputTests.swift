import Foundation
import Testing
@testable import Reports

/// Writes sample charts and a report from the synthetic run to `$REPORTS_SAMPLE_DIR`, for the
/// look-at-it check (Tests/ReportsTests/render-sample-report.sh renders them with headless
/// Chromium). Skipped unless the variable is set.
@Suite struct SampleOutputTests {
    static let directory = ProcessInfo.processInfo.environment["REPORTS_SAMPLE_DIR"]

    @Test(.enabled(if: directory != nil)) func writeSamples() throws {
        let directory = URL(fileURLWithPath: try #require(Self.directory))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let table = Synthetic.table()
        let annotations = PlotAnnotations(scenario: Synthetic.scenario)
        let svg = SVGChart.render(
            table: table, panels: try PanelSpecification.panels(available: table.columnNames), annotations: annotations,
            options: ChartOptions(title: Synthetic.scenario.name))
        try Data(svg.utf8).write(to: directory.appendingPathComponent("sample-plot.svg"))
    }
}
