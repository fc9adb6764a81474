import Foundation
import Testing
import TestSupport

/// `receptor-sim validate` end to end on tiny studies in a temporary folder, and on the shipped
/// `Scenarios/validation/` studies (the suite fails when a change moves the model out of a band).
@Suite struct ValidateCommandTests {
    static let scenario = """
        // A test study: morphine 10 mg IV at 0 h.
        { name: "morphine IV", duration_h: 6,
          doses: [ { drug: "morphine", route: "iv_bolus", amount_mg: 10, at_h: 0 } ],
          output: { interval_h: 0.5 }, solver: { rtol: 1e-6, atol: 1e-9 } }
        """

    static func observations(rows: [String], knownGap: String? = nil, covers: [String] = []) -> String {
        """
        # title: Morphine IV test
        # citation: none
        # obtained: invented for a test
        # population: none
        # drug: morphine
        # evidence: plasma_pk
        # acceptance: wide or impossible bands by design

        """ + (knownGap.map { "# known_gap: \($0)\n" } ?? "") + covers.map { "# known_gap_covers: \($0)\n" }.joined() + """
        observable,statistic,time_h,end_h,value,sd,n,lower,upper

        """ + rows.joined(separator: "\n") + "\n"
    }

    /// A folder with one study `morphine-test` of the given rows.
    func folder(rows: [String], knownGap: String? = nil, covers: [String] = []) throws -> URL {
        let directory = try makeTemporaryDirectory()
        try Self.scenario.write(to: directory.appendingPathComponent("morphine-test.json"), atomically: true, encoding: .utf8)
        try Self.observations(rows: rows, knownGap: knownGap, covers: covers)
            .write(to: directory.appendingPathComponent("morphine-test.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func metStudyExitsZeroAndWritesAReport() throws {
        let directory = try folder(rows: [
            "morphine_plasma_nM,at,0.25,,100,10,8,0,1000000",
            "morphine_plasma_nM,max,0,6,100,,,0,1000000",
            "morphine_plasma_nM,time_of_max,0,6,0,,,0,0.01",
            "morphine_plasma_nM,half_life,2,6,3,,,0.1,100",
        ])
        let report = directory.appendingPathComponent("report.html").path
        let result = try runReceptorSim(["validate", "--dir", directory.path, "--report", report, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("morphine-test  morphine_plasma_nM  at@0.25h "))
        #expect(lines[0].contains("data 100 ± 10") && lines[0].contains("band [0, 1e+06]") && lines[0].hasSuffix("met"))
        #expect(lines[2].contains("time_of_max@0-6h") && lines[2].contains("model 0 ") && lines[2].hasSuffix("met"))
        #expect(lines[4] == "4 of 4 comparisons met (1 studies of 1); held-back studies: 0 of 0 comparisons met; known gaps: 0 studies")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(MarkupDocument.parse(html).parseError == nil)
        #expect(!html.contains("<script") && !html.contains("src=\"http"))
        // at, and max with time_of_max as one marker; the half-life as its shaded window.
        #expect(html.components(separatedBy: "class=\"marker\"").count - 1 == 2)
        #expect(html.components(separatedBy: "class=\"window\"").count - 1 == 1)
        #expect(html.contains("half-life 3 h, band [0.1, 100]; model "))
        #expect(html.components(separatedBy: "class=\"error-bar\"").count - 1 == 1)
        #expect(html.contains("data-verdict=\"met\""))
        #expect(html.contains("id=\"morphine-test\""))
    }

    /// Oral morphine 30 mg (one compartment, F 0.24, ka 3.4/h, V 276 L, CL 95 L/h, 285.34 g/mol)
    /// peaks at the Bateman tmax = ln(ka/k)/(ka − k) = 0.7495 h, between the 0.5 h rows (and
    /// `max` windows no longer get fine rows): `validate` finds the analytic Cmax and tmax on the
    /// solution itself, to 1e-6 relative (bands that narrow, on either side).
    @Test func windowPeakBetweenRowsIsTheAnalyticBatemanPeak() throws {
        let f = 0.24, ka = 3.4, v = 276.0, k = 95.0 / 276, doseNanomole = 30 * 1e6 / 285.34
        let tmax = log(ka / k) / (ka - k)
        let cmax = f * doseNanomole * ka / (v * (ka - k)) * (exp(-k * tmax) - exp(-ka * tmax))
        func band(_ x: Double) -> String { "\(x * (1 - 1e-6)),\(x * (1 + 1e-6))" }
        let directory = try makeTemporaryDirectory()
        try """
            { name: "morphine oral", duration_h: 3,
              doses: [ { drug: "morphine", route: "oral", amount_mg: 30, at_h: 0 } ],
              output: { interval_h: 0.5 }, solver: { rtol: 1e-10, atol: 1e-12 } }
            """.write(to: directory.appendingPathComponent("bateman.json"), atomically: true, encoding: .utf8)
        try Self.observations(rows: [
            "morphine_plasma_nM,max,0,3,\(cmax),,,\(band(cmax))",
            "morphine_plasma_nM,time_of_max,0,3,\(tmax),,,\(band(tmax))",
            // A window ending before the peak: its maximum is at the window's end (a row).
            "morphine_plasma_nM,time_of_max,0,0.5,0.5,,,\(band(0.5))",
        ]).write(to: directory.appendingPathComponent("bateman.csv"), atomically: true, encoding: .utf8)
        let result = try runReceptorSim(["validate", "--dir", directory.path, "-q"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4 && lines.prefix(3).allSatisfy { $0.hasSuffix(" met") }, "\(result.stdout)")
    }

    @Test func unmetStudyExitsOneAndKnownGapExitsZero() throws {
        let rows = ["morphine_plasma_nM,at,1,,100,,,1000000,2000000", "morphine_plasma_nM,auc,0,6,50,,,0,1000000"]
        let failing = try runReceptorSim(["validate", "--dir", try folder(rows: rows).path, "-q"])
        #expect(failing.status == 1)
        let lines = failing.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasSuffix("NOT MET") && lines[1].hasSuffix("met"))
        #expect(lines.last == "1 of 2 comparisons met (0 studies of 1); held-back studies: 0 of 0 comparisons met; known gaps: 0 studies")

        let gap = try runReceptorSim(["validate", "--dir", try folder(rows: rows, knownGap: "model too slow").path, "-q"])
        #expect(gap.status == 0, "\(gap.stderr)")
        let gapLines = gap.stdout.split(separator: "\n").map(String.init)
        #expect(gapLines[0].hasSuffix("known gap") && gapLines[1].hasSuffix("known gap (now in band)"))
        // A known gap counts as not met in the total.
        #expect(gapLines.last == "0 of 2 comparisons met (0 studies of 1); held-back studies: 0 of 0 comparisons met; known gaps: 1 study")
    }

    /// `known_gap_covers` limits a study's known gap to the comparisons it names: a covered miss
    /// exits 0, a miss it does not cover exits 1 (the study's gap does not excuse it), and a
    /// covers line naming no comparison of the study exits 2 with its file, line and text.
    @Test func knownGapCoversOnlyWhatItNames() throws {
        let rows = ["morphine_plasma_nM,at,1,,100,,,1000000,2000000", "morphine_plasma_nM,auc,0,6,50,,,0,1000000"]
        func validate(covering covers: [String]) throws -> (result: (status: Int32, stdout: String, stderr: String), lines: [String], directory: URL) {
            let directory = try folder(rows: rows, knownGap: "model too slow", covers: covers)
            let result = try runReceptorSim(["validate", "--dir", directory.path, "-q"])
            return (result, result.stdout.split(separator: "\n").map(String.init), directory)
        }
        let (covered, coveredLines, _) = try validate(covering: ["morphine_plasma_nM at@1h"])
        #expect(covered.status == 0, "\(covered.stdout)\(covered.stderr)")
        #expect(coveredLines.count == 3)
        #expect(coveredLines[0].hasSuffix("known gap") && coveredLines[1].hasSuffix("  met"), "\(covered.stdout)")
        #expect(coveredLines.last
            == "1 of 2 comparisons met (0 studies of 1); held-back studies: 0 of 0 comparisons met; known gaps: 1 study")

        let (uncovered, uncoveredLines, _) = try validate(covering: ["morphine_plasma_nM auc@0-6h"])
        #expect(uncovered.status == 1, "\(uncovered.stdout)\(uncovered.stderr)")
        #expect(uncoveredLines[0].hasSuffix("NOT MET") && uncoveredLines[1].hasSuffix("known gap (now in band)"), "\(uncovered.stdout)")
        #expect(uncoveredLines.last
            == "0 of 2 comparisons met (0 studies of 1); held-back studies: 0 of 0 comparisons met; known gaps: 1 study")

        let (wrong, _, directory) = try validate(covering: ["morphine_plasma_nM at@2h"])
        #expect(wrong.status == 2)
        #expect(wrong.stdout.isEmpty)
        let csv = directory.appendingPathComponent("morphine-test.csv").path
        #expect(wrong.stderr == """
            \(csv):9: error: known_gap_covers: unknown comparison 'morphine_plasma_nM at@2h' in this study; did you mean 'morphine_plasma_nM at@1h'?

            """)
    }

    /// A solver failure is reported and its comparisons listed as not met; the other studies
    /// still run; exit 1.
    @Test func failedRunExitsOneAndOthersStillRun() throws {
        let directory = try folder(rows: ["morphine_plasma_nM,at,1,,100,,,0,1000000"])
        try ChartFixtures.failing.write(to: directory.appendingPathComponent("failing.json"), atomically: true, encoding: .utf8)
        try Self.observations(rows: ["morphine_plasma_nM,at,2,,100,,,0,1000000"])
            .write(to: directory.appendingPathComponent("failing.csv"), atomically: true, encoding: .utf8)
        let result = try runReceptorSim(["validate", "--dir", directory.path, "-q"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("failing.json: error: simulation failed at t = "))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("failing ") && lines[0].contains("model n/a") && lines[0].hasSuffix("NOT MET (run failed)"))
        #expect(lines[1].hasPrefix("morphine-test ") && lines[1].hasSuffix("met"))
    }

    @Test func badStudyFilesExitTwo() throws {
        let directory = try folder(rows: ["morphine_plasma_nM,at,1,,100,,,2,1", "morphine_plasma,at,1,,100,,,0,1"])
        let result = try runReceptorSim(["validate", "--dir", directory.path, "-q"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let csv = directory.appendingPathComponent("morphine-test.csv").path
        #expect(result.stderr == """
            \(csv):9: error: lower 2 is above upper 1
            \(csv):10: error: observable: unknown column 'morphine_plasma' for this scenario; did you mean 'morphine_plasma_nM'?

            """)
        // A scenario without its observations is not skipped silently.
        try Self.scenario.write(to: directory.appendingPathComponent("orphan.json"), atomically: true, encoding: .utf8)
        let orphan = try runReceptorSim(["validate", "orphan", "--dir", directory.path])
        #expect(orphan.status == 2)
        #expect(orphan.stderr.contains("orphan.csv: error: study 'orphan' needs this file"))
        let unknown = try runReceptorSim(["validate", "morphine-tset", "--dir", directory.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no study 'morphine-tset' in \(directory.path); did you mean 'morphine-test'?"))
    }

    /// Every shipped study runs and each comparison is met or covered by its study's known gap
    /// (a comparison its study's `known_gap_covers` lines do not name is guarded like any
    /// other); the report draws a chart per study.
    @Test func shippedStudiesAreMetOrKnownGaps() throws {
        let folder = repositoryRoot.appendingPathComponent("Scenarios/validation")
        let studies = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        #expect(studies.count >= 3)
        let report = try makeTemporaryDirectory().appendingPathComponent("validation.html").path
        let result = try runReceptorSim(["validate", "--dir", folder.path, "--report", report, "-q"])
        let misses = result.stdout.split(separator: "\n").filter { $0.hasSuffix("NOT MET") || $0.contains("NOT MET (") }
        #expect(result.status == 0, "out of band and not covered by a known gap:\n\(misses.joined(separator: "\n"))\n\(result.stderr)")
        #expect(misses.isEmpty)
        #expect(result.stdout.contains("comparisons met (") && result.stdout.contains("studies of \(studies.count));"))
        let html = try String(contentsOfFile: report, encoding: .utf8)
        for study in studies { #expect(html.contains("id=\"\(study.dropLast(4))\"")) }
        #expect(MarkupDocument.parse(html).parseError == nil)
    }
}
