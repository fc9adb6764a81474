import Foundation
import Testing
@testable import Reports

/// A year at one-minute output (525,601 rows) through the CSV writer, the CSV reader, the
/// SVG chart and the HTML report, with timings printed. Opt-in (`REPORTS_LARGE=1`): it writes
/// a few hundred MB and takes tens of seconds in a debug build.
@Suite struct LargeOutputTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["REPORTS_LARGE"] == "1"))
    func oneYearAtOneMinute() throws {
        let rows = 365 * 24 * 60 + 1
        let names = [
            "morphine_plasma_nM", "morphine_brain_nM", "mu_occupancy_total", "mu_total_rel", "endorphin_nM",
            "dynorphin_nM", "dopamine_tone", "hedonic_tone", "withdrawal_index", "tolerance_index",
        ]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reports-year-\(UInt64.random(in: 0...UInt64.max)).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var clock = ProcessInfo.processInfo.systemUptime
        func lap(_ what: String) {
            let now = ProcessInfo.processInfo.systemUptime
            print("\(what): \(NumberText.fixed(now - clock, 2)) s")
            clock = now
        }
        let writer = try CSVWriter(destination: .file(path: path), columns: names, numberFormat: .significantDigits(8))
        var row = [Double](repeating: 0, count: names.count)
        for index in 0..<rows {
            let t = Double(index) / 60
            for j in row.indices { row[j] = 1 + Double(j) + sin(t / Double(j + 3)) * exp(-t / 5000) }
            try writer.writeRow(time: t, values: row)
        }
        try writer.finish()
        lap("write CSV (\((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0) / 1_000_000) MB)")
        let table = try TimeSeriesTable.readCSV(contentsOf: URL(fileURLWithPath: path))
        lap("read CSV")
        #expect(table.rowCount == rows)
        let svg = SVGChart.render(table: table, panels: try PanelSpecification.panels(available: table.columnNames))
        lap("SVG (\(svg.utf8.count / 1000) kB)")
        #expect(svg.utf8.count < 1_000_000)
        #expect(XMLSummary.parse(svg).error == nil)
        let chart = try TerminalChart(widthColumns: 100).render(table: table, columns: ["withdrawal_index"])
        lap("terminal chart")
        #expect(chart.contains("365 d"))
    }
}
