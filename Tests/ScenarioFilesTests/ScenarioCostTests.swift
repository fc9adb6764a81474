import Pharmacology
import Testing
@testable import ScenarioFiles

/// The caps of `ScenarioLimits`, counted from the schedule before anything is expanded.
@Suite struct ScenarioCostTests {
    /// 40 entries of a million doses each (3.8 KB of file): counted, not expanded. `check`
    /// used to expand them into its timeline and ran out of memory.
    private static let fortyMillionDoses = "{\n  name: 'x',\n  duration_h: 876000,\n  doses: [\n"
        + Array(repeating: "    { drug: 'morphine', route: 'oral', amount_mg: 1, start_h: 0, every_h: 0.5, count: 1e6 },", count: 40).joined(separator: "\n")
        + "\n  ],\n  output: { interval_h: 0.01 },\n}\n"

    @Test func administrationsAndRowsOverTheCapsAreRejectedWithTheirEstimates() {
        #expect(errorLines(Self.fortyMillionDoses) == [
            "test.json5:4: error: doses: this scenario has 40 M administrations and events (40 M doses, 0 infusion starts and ends, "
                + "0 stimulus starts and ends); the limit is 1 M; raise --max-administrations or give fewer doses",
            "test.json5:46: error: output.interval_h: this scenario would write 87.6 M rows of 5 columns (438 M values, about 8.76 GB); "
                + "the limit is 10 M rows of 50 columns; raise --max-rows or coarsen output.interval_h",
        ])
    }

    @Test func higherLimitsAcceptTheSameFile() throws {
        let limits = ScenarioLimits(maximumAdministrations: 40_000_000, maximumRows: 100_000_000)
        let loaded = try ScenarioReader.decode(Self.fortyMillionDoses, file: "test.json5", vocabulary: testVocabulary, limits: limits)
        let cost = ScenarioCost(loaded.scenario, columnCount: 4)
        #expect(cost.doses == 40_000_000)
        #expect(cost.rows == 87_600_001)
        #expect(cost.columns == 5)
    }

    /// The total counts every entry: infusions and stimulus windows twice (start and end),
    /// taper steps once each. One more than the cap is rejected, the cap itself is not.
    @Test func totalCountsEveryKindOfEntry() throws {
        let text = """
            { name: 'x', duration_h: 100,
              doses: [
                { drug: 'morphine', route: 'oral', amount_mg: 1, start_h: 0, every_h: 1, count: 5 },
                { drug: 'morphine', route: 'oral', taper: { start_h: 0, every_h: 1, amounts_mg: [3, 2, 1] } },
                { drug: 'morphine', route: 'iv_infusion', rate_mg_per_h: 1, start_h: 0, duration_h: 2 },
                { drug: 'morphine', route: 'oral', amount_mg: 1, at_h: 3 },
              ],
              events: [{ kind: 'stress', start_h: 1, duration_h: 1 }] }
            """
        let loaded = try ScenarioReader.decode(text, file: "t", vocabulary: testVocabulary, limits: ScenarioLimits(maximumAdministrations: 13))
        #expect(ScenarioCost(loaded.scenario, columnCount: 1).scheduledEvents == 13)
        #expect(throws: ScenarioError.tooCostly(
            FieldLocation(file: "t", path: "doses", position: SourcePosition(line: 2, column: 10)),
            message: "this scenario has 13 administrations and events (9 doses, 2 infusion starts and ends, 2 stimulus starts and ends); "
                + "the limit is 12; raise --max-administrations or give fewer doses")) {
            try ScenarioReader.decode(text, file: "t", vocabulary: testVocabulary, limits: ScenarioLimits(maximumAdministrations: 12))
        }
    }

    /// Rows x columns is capped too: 397 rows are within a cap of 1000 rows, and within its
    /// 50,000 values at 11 columns but not at 200.
    @Test func valuesAreCappedAsWellAsRows() {
        let wide = ScenarioLimits(maximumRows: 1_000)
        var scenario = Scenario(name: "x", durationHours: 99)
        scenario.output.intervalHours = 0.25
        #expect(wide.outputProblem(ScenarioCost(scenario, columnCount: 10), coarsen: "x") == nil)
        #expect(wide.outputProblem(ScenarioCost(scenario, columnCount: 199), coarsen: "--interval")
            == "this scenario would write 397 rows of 200 columns (79400 values, about 1.59 MB); the limit is 1000 rows of 50 columns; "
            + "raise --max-rows or coarsen --interval")
    }

    @Test func countsAndSizesAreShortAndExact() {
        #expect(ScenarioCost.count(3361) == "3361")
        #expect(ScenarioCost.count(87_600_001) == "87.6 M")
        #expect(ScenarioCost.count(3.85e9) == "3.85 G")
        #expect(ScenarioCost.count(1_000_000) == "1 M")
        #expect(ScenarioCost.bytes(900) == "900 B")
        #expect(ScenarioCost.bytes(2.957e6) == "2.96 MB")
        #expect(ScenarioCost.bytes(8.0e10) == "80 GB")
    }
}
