import Foundation
import Testing

/// `check` and `run` with the caps of `ScenarioLimits` and their overrides.
@Suite struct ScenarioLimitsCommandTests {
    private static let manyDoses = """
        { name: "many", duration_h: 8760,
          doses: [
            { drug: "morphine", route: "oral", amount_mg: 1, start_h: 0, every_h: 0.01, count: 800000 },
            { drug: "morphine", route: "oral", amount_mg: 1, start_h: 0, every_h: 0.01, count: 800000 },
          ],
          output: { interval_h: 0.0001 } }
        """

    @Test func checkRejectsTheCostBeforeExpandingAndTheOverridesLiftIt() throws {
        let path = try writeTemporaryScenario(Self.manyDoses)
        let rejected = try runReceptorSim(["check", path])
        #expect(rejected.status == 2)
        #expect(rejected.stderr == """
            \(path):2: error: doses: this scenario has 1.6 M administrations and events (1.6 M doses, 0 infusion starts and ends, \
            0 stimulus starts and ends); the limit is 1 M; raise --max-administrations or give fewer doses
            \(path):6: error: output.interval_h: this scenario would write 87.6 M rows of 56 columns (4.91 G values, about 98.1 GB); \
            the limit is 10 M rows of 50 columns; raise --max-rows or coarsen output.interval_h

            """)
        let lifted = try runReceptorSim(["check", path, "--max-rows", "100000000", "--max-administrations", "2000000"])
        #expect(lifted.status == 0, "\(lifted.stderr)")
        #expect(lifted.stdout == "\(path): ok: many (8760 h, 1.6 M doses, 0 infusions, 0 events; 87.6 M rows x 56 columns, about 98.1 GB)\n")
        let bad = try runReceptorSim(["check", path, "--max-rows", "0"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("receptor-sim check: error: --max-rows: expected a whole number from 1 to 1099511627776, found '0'"))
    }

    @Test func runChecksTheOutputOptionsAgainstTheRowCap() throws {
        let path = try writeTemporaryScenario("""
            { name: "short", duration_h: 100, doses: [{ drug: "morphine", route: "iv_bolus", amount_mg: 5, at_h: 1 }] }
            """)
        let fine = try runReceptorSim(["run", path, "--interval", "0.001", "--columns", "morphine_plasma_nM", "--max-rows", "50000"])
        #expect(fine.status == 2)
        // The one check of the scenario with the options' interval and columns, as a file's.
        #expect(fine.stderr == """
            \(path): error: output.interval_h: this scenario would write 100001 rows of 2 columns (200002 values, about 4 MB); \
            the limit is 50000 rows of 50 columns; raise --max-rows or coarsen --interval (from --interval)

            """)
    }
}
