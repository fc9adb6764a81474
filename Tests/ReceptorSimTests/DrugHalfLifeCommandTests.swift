import Foundation
import Testing

/// `drugs` shows the terminal half-life of the model's own disposition next to the central
/// elimination half-life, and a half-life override conflicting with a clearance override of the
/// same drug is a scenario error (exit 2) naming both fields (issue 16).
@Suite
struct DrugHalfLifeCommandTests {
    /// Naltrexone: terminal 10.9 h (Licko 1981 IV terminal exponential 0.00106 /min), central
    /// elimination ln 2 x 7.6 L / 210.6 L/h = 0.025 h; buprenorphine terminal 7.41 h, central 2.89 h.
    @Test func drugsListsTerminalAndCentralHalfLives() throws {
        let list = try runReceptorSim(["drugs"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("terminal t½ h"))
        let naltrexone = try #require(list.stdout.split(separator: "\n").first { $0.hasPrefix("naltrexone ") })
        #expect(naltrexone.contains(" 10.9 ") && naltrexone.contains(" 0.025 "), "\(naltrexone)")
        let one = try runReceptorSim(["drugs", "buprenorphine"])
        #expect(one.stdout.contains("terminal half-life: 7.41 h"))
        #expect(one.stdout.contains("central elimination half-life: 2.89 h"))
        #expect(one.stdout.contains("buprenorphine.half_life_h"))
    }

    @Test func halfLifeAndClearanceOverridesConflict() throws {
        let path = try writeTemporaryScenario("""
            {
              name: "conflict", duration_h: 4,
              doses: [{ drug: "morphine", route: "iv_bolus", amount_mg: 10, at_h: 0 }],
              parameters: { "morphine.half_life_h": 3, "morphine.clearance_l_per_h": 50 },
            }
            """)
        let result = try runReceptorSim(["run", path, "-o", "-", "-q"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("morphine.half_life_h") && result.stderr.contains("morphine.clearance_l_per_h"), "\(result.stderr)")
    }
}

/// The CYP2D6 phenotype factors are settable scenario parameters, listed by `parameters` with
/// value, unit, range and source, and a bad value is a scenario error at its line (exit 2).
@Suite
struct CYP2D6ParameterCommandTests {
    @Test func phenotypeFactorsAreListedAndRangeChecked() throws {
        let listed = try runReceptorSim(["parameters", "codeine.morphine"])
        #expect(listed.status == 0)
        let poor = try #require(listed.stdout.split(separator: "\n").first { $0.contains("codeine.morphine.cyp2d6.poor") })
        #expect(poor.contains("0.05") && poor.contains("Yue 1991"), "\(poor)")
        let path = try writeTemporaryScenario("""
            {
              name: "cyp2d6 factor", duration_h: 4, subject: { cyp2d6: "ultrarapid" },
              doses: [{ drug: "codeine", route: "oral", amount_mg: 30, at_h: 0 }],
              parameters: {
                "codeine.morphine.cyp2d6.ultrarapid": 145,
              },
            }
            """)
        let result = try runReceptorSim(["run", path, "-o", "-", "-q"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(":5: error: parameters[\"codeine.morphine.cyp2d6.ultrarapid\"]"), "\(result.stderr)")
        #expect(result.stderr.contains("<= 10"), "\(result.stderr)")
    }
}
