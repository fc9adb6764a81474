import Foundation
import Testing
import TestSupport

/// Parameter values and tolerances that would make the model or the solution meaningless are
/// rejected at validation (exit 2, field and line), not found later as a non-finite state.
@Suite struct MeaninglessInputCommandTests {
    @Test func zeroVolumeBaselineAndHalfLifeAreRejectedWithFieldAndLine() throws {
        let path = try writeTemporaryScenario("""
            { name: "p", duration_h: 24,
              doses: [{ drug: "morphine", route: "oral", amount_mg: 10, at_h: 1 }],
              parameters: {
                "morphine.central_volume_l": 0,
                "endorphin.baseline_nM": 0,
                "mu.turnover_half_life_h": 0,
                "mu.desensitization_rate_per_h": 0,
              } }
            """)
        let result = try runReceptorSim(["run", path, "-o", "-"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            \(path):4: error: parameters["morphine.central_volume_l"]: must be a finite number > 0 (concentrations are amounts over this volume, infinite at zero), found 0
            \(path):5: error: parameters["endorphin.baseline_nM"]: must be a finite number > 0 (the resting level that release is scaled to and absolute tolerances are relative to), found 0
            \(path):6: error: parameters["mu.turnover_half_life_h"]: must be a finite number > 0 (a half-life sets the rate ln 2 / t½, infinite at zero), found 0

            """)
    }

    @Test func tolerancesTheSolverCannotHonourAreRejected() throws {
        let path = try writeTemporaryScenario("""
            { name: "t", duration_h: 24,
              solver: { rtol: 0.1,
                        atol: 1e-30 } }
            """)
        let result = try runReceptorSim(["check", path])
        #expect(result.status == 2)
        #expect(result.stderr == """
            \(path):2: error: solver.rtol: must be a finite number >= 1e-13 and <= 0.01 (coarser gives results with no correct digit, finer asks for less than the round-off of double precision), found 0.1
            \(path):3: error: solver.atol: must be a finite number >= 1e-20 and <= 0.001 (it is relative to each state's scale: coarser blurs receptor fractions, finer follows decay through twenty orders of magnitude), found 1e-30

            """)
    }

    @Test func sweepOverAZeroHalfLifeIsRejectedBeforeRunning() throws {
        let scenario = shippedScenarios.first { $0.lastPathComponent == "baseline-control.json" }!.path
        let directory = try makeTemporaryDirectory()
        let output = directory.appendingPathComponent("sweep.csv").path
        let result = try runReceptorSim(["sweep", scenario, "--vary", "mu.turnover_half_life_h=0,100", "-o", output, "--quiet"])
        #expect(result.status == 2)
        #expect(result.stderr == "\(scenario): error: parameters[\"mu.turnover_half_life_h\"]: must be a finite number > 0 "
            + "(a half-life sets the rate ln 2 / t½, infinite at zero), found 0 (from --vary)\n")
        #expect(!FileManager.default.fileExists(atPath: output))
        let rtol = try runReceptorSim(["sweep", scenario, "--vary", "mu.turnover_half_life_h=100", "--rtol", "0.5", "-o", output, "--quiet"])
        #expect(rtol.status == 2)
        #expect(rtol.stderr.hasPrefix("\(scenario): error: solver.rtol: must be a finite number >= 1e-13 and <= 0.01"))
        #expect(rtol.stderr.hasSuffix(", found 0.5 (from --rtol)\n"))
    }
}
