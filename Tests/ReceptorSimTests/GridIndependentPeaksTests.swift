import Foundation
import Testing
import TestSupport

/// Peaks and troughs of `run --summary`, `report` and `compare` come from the solution, not the
/// rows: a 0.1 mg IV fentanyl bolus peaks at a mu occupancy of 0.5599 at 0.1088 h, between the
/// default 0.25 h rows (whose maximum, at 0.25 h, is 0.4664; 0.5498, 0.1072 h and 0.4458 before
/// fentanyl's clearance went from 75.6 to 44.8 L/h).
@Suite struct GridIndependentPeaksTests {
    static let fentanyl = """
        { name: "fentanyl bolus", duration_h: 6,
          doses: [ { drug: "fentanyl", route: "iv_bolus", amount_mg: 0.1, at_h: 0 } ] }
        """

    @Test func runSummaryFindsThePeakBetweenRows() throws {
        let path = try writeTemporaryScenario(Self.fentanyl)
        let directory = try makeTemporaryDirectory()
        let line = "\nmu_occupancy_total    0.5599      0.1088    0.1051      0\n"
        for interval in ["0.25", "0.01"] {
            let output = directory.appendingPathComponent("rows-\(interval).csv").path
            let result = try runReceptorSim(["run", "--quiet", path, "--interval", interval, "-o", output,
                                             "--columns", "mu_occupancy_total", "--summary"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains(line), "\(interval): \(result.stderr)")
        }
        // The rows at 0.25 h alone peak far lower.
        let rows = try String(contentsOfFile: directory.appendingPathComponent("rows-0.25.csv").path, encoding: .utf8)
            .components(separatedBy: "\r\n").dropFirst().compactMap { $0.split(separator: ",").last.flatMap { Double($0) } }
        #expect(rows.count == 25)
        #expect(abs(rows.max()! - 0.4664) < 0.001)
    }

    @Test func reportAndCompareFindThePeakBetweenRows() throws {
        let directory = try makeTemporaryDirectory()
        let a = directory.appendingPathComponent("a.json").path, b = directory.appendingPathComponent("b.json").path
        try Self.fentanyl.write(toFile: a, atomically: false, encoding: .utf8)
        try Self.fentanyl.write(toFile: b, atomically: false, encoding: .utf8)
        let report = directory.appendingPathComponent("r.html").path
        let r = try runReceptorSim(["report", a, "-o", report, "--reproducible", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("""
            <tr data-column="mu_occupancy_total"><th scope="row">mu_occupancy_total</th>
            <td>fraction bound</td>
            <td class="number">0.1051</td>
            <td class="number">0.5599</td>
            <td class="number">0.10878 h</td>
            """))
        let compare = directory.appendingPathComponent("c.html").path
        let c = try runReceptorSim(["compare", a, b, "-o", compare, "--reproducible", "--quiet"])
        #expect(c.status == 0, "\(c.stderr)")
        let page = try String(contentsOfFile: compare, encoding: .utf8)
        #expect(page.components(separatedBy: "<td class=\"number\">0.5599 at 0.10878 h</td>").count == 3)
        // A window after the peak: the summary covers the window only (peak at its start).
        let late = directory.appendingPathComponent("late.html").path
        let w = try runReceptorSim(["report", a, "-o", late, "--reproducible", "--quiet", "--from", "1", "--to", "3"])
        #expect(w.status == 0, "\(w.stderr)")
        let windowed = try String(contentsOfFile: late, encoding: .utf8)
        let row = try #require(windowed.range(of: "<tr data-column=\"mu_occupancy_total\">"))
        let cells = windowed[row.upperBound...].components(separatedBy: "</tr>")[0]
        #expect(cells.contains("<td class=\"number\">1 h</td>"), "\(cells)")
        #expect(!cells.contains("0.5599"))
    }
}
