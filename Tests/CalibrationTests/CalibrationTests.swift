import BuiltInLibrary
import Foundation
import Pharmacology
import ScenarioFiles
import Testing
import Validation
@testable import Calibration

@Suite struct CalibrationTests {
    /// Two parameters of a one-compartment IV bolus recovered from noisy synthetic data: each
    /// estimate within two standard errors of the truth, and each SE within a factor of 2 of
    /// the SE the noise implies (computed here from the analytic curve, independently of the
    /// fit's finite differences).
    /// Run with the forward-sensitivity Jacobian (the default) and with central differences.
    @Test(arguments: JacobianMethod.allCases)
    func recoversKnownParametersFromSyntheticData(method: JacobianMethod) throws {
        let (study, truth) = try syntheticStudy()
        var problem = try CalibrationProblem(
            parameters: [FitParameter(name: "morphine.clearance_l_per_h", initial: 60, lower: 10, upper: 1000),
                         FitParameter(name: "morphine.central_volume_l", initial: 500, lower: 20, upper: 5000)],
            studies: [study])
        problem.jacobianMethod = method
        let result = Calibration.fit(problem, starts: 1)
        let fisher = try #require(result.fisher)
        #expect(result.starts[0].termination != .iterationLimit && result.starts[0].termination != .failedStart)
        #expect(fisher.nonIdentifiable.isEmpty)

        // What the noise implies: F = Σ (∂C/∂ln θ / σ)² with C = D/V e^{−kt}, k = CL/V,
        // ∂C/∂ln CL = −C k t, ∂C/∂ln V = C (k t − 1), σ = relativeNoise · C.
        let k = truth[0] / truth[1]
        var f = [0.0, 0.0, 0.0]
        for t in sampleTimes {
            let a = -k * t / relativeNoise, b = (k * t - 1) / relativeNoise
            f[0] += a * a; f[1] += a * b; f[2] += b * b
        }
        let det = f[0] * f[2] - f[1] * f[1]
        let implied = [(f[2] / det).squareRoot(), (f[0] / det).squareRoot()]
        for i in 0..<2 {
            let se = fisher.logStandardErrors[i]
            let error = abs(log(result.estimates[i]) - log(truth[i]))
            #expect(error <= 2 * se, "parameter \(i): |ln estimate − ln truth| = \(error), SE \(se)")
            #expect(se > implied[i] / 2 && se < implied[i] * 2, "parameter \(i): SE \(se), implied \(implied[i])")
        }
        #expect(result.evaluations > 0 && result.failures == 0)
    }

    /// Clearance and volume seen only through a half-life (which depends on CL/V alone) are
    /// reported as not identifiable, and so is a parameter the observations do not depend on.
    @Test func flagsNonIdentifiableParameters() throws {
        let ratioOnly = try study(rows: ["morphine_plasma_nM,half_life,1,8,2.5,0.2,,2,3"])
        let problem = try CalibrationProblem(
            parameters: [FitParameter(name: "morphine.clearance_l_per_h", lower: 10, upper: 1000),
                         FitParameter(name: "morphine.central_volume_l", lower: 20, upper: 5000),
                         FitParameter(name: "morphine.kappa.efficacy", lower: 0.05, upper: 1)],
            studies: [ratioOnly])
        let result = Calibration.fit(problem, starts: 1)
        let fisher = try #require(result.fisher)
        #expect(fisher.nonIdentifiable == [0, 1, 2])
        #expect(fisher.conditionRatio < FisherInformation.conditionThreshold)
        #expect(fisher.logStandardErrors[2] == .infinity)
        // The half-life itself is fitted: the model now meets it.
        let row = try #require(FitReport(problem: problem, result: result, seed: 1).rows.first)
        #expect(abs(row.model - 2.5) < 0.01)
        #expect(FitReport(problem: problem, result: result, seed: 1).text.contains(
            "identifiability: NOT IDENTIFIABLE: morphine.clearance_l_per_h, morphine.central_volume_l, morphine.kappa.efficacy"))
    }

    /// Evaluations that fail during the search (injected through the objective seam) are
    /// rejected steps: counted, and the search goes on to the optimum. A start that cannot be
    /// evaluated at all is a failed start; the next start still runs.
    @Test func survivesFailedEvaluations() throws {
        let (study, truth) = try syntheticStudy()
        let problem = try CalibrationProblem(
            parameters: [FitParameter(name: "morphine.clearance_l_per_h", initial: 60, lower: 10, upper: 1000),
                         FitParameter(name: "morphine.central_volume_l", initial: 500, lower: 20, upper: 5000)],
            studies: [study])
        // Calls 2 and 3 are the first two trial steps (the Jacobian comes from the wrapper).
        let failing = FailingObjective(base: problem, failingCalls: [2, 3])
        let result = Calibration.fit(failing, starts: 1)
        #expect(result.failures == 2)
        #expect(result.failureMessages == ["injected failure"])
        #expect(result.starts[0].termination.rawValue.hasPrefix("converged"), "\(result.starts[0].termination)")
        for i in 0..<2 { #expect(abs(log(result.estimates[i] / truth[i])) < 0.1) }

        // Start 0 in a region that always fails; start 1 (seeded, drawn outside it) finds the optimum.
        let region = FailingObjective(base: problem, failingCalls: [], failingClearances: 0...40, initialClearance: 20)
        let twoStarts = Calibration.fit(region, starts: 2, seed: 3)
        try #require(twoStarts.starts[1].from[0] > 40, "seed 3 should draw start 1 outside the failing region")
        #expect(twoStarts.starts[0].termination == .failedStart)
        #expect(twoStarts.best == 1)
        #expect(twoStarts.failures >= 1)
        #expect(abs(log(twoStarts.estimates[0] / truth[0])) < 0.1)
    }

    /// The `parameters:` block written by a fit is accepted by a scenario, with the estimates
    /// read back exactly.
    @Test func parametersBlockLoadsIntoAScenario() throws {
        let (study, _) = try syntheticStudy()
        let problem = try CalibrationProblem(
            parameters: [FitParameter(name: "morphine.clearance_l_per_h", initial: 100, lower: 10, upper: 1000)],
            studies: [study])
        let result = Calibration.fit(problem, starts: 1)
        let block = FitReport(problem: problem, result: result, seed: 1).parametersBlock
        #expect(block.contains("// SE(ln) "))
        #expect(block.contains("studies: synthetic"))
        let text = """
            { name: "read back", duration_h: 2, doses: [ { drug: "morphine", route: "iv_bolus", amount_mg: 10, at_h: 0 } ],
              parameters: \(block) }
            """
        let scenario = try ScenarioReader.decode(text, file: "back.json", vocabulary: testVocabulary).scenario
        #expect(scenario.parameterOverrides == ["morphine.clearance_l_per_h": result.estimates[0]])
        _ = try ReceptorModel.compile(scenario)
    }

    /// Across studies a parameter applies to the studies whose scenario has it and is left out
    /// of the others (a scenario file would refuse it: its drug is not in that scenario); only a
    /// name no study has is an error.
    @Test func aParameterAppliesOnlyToTheStudiesThatHaveIt() throws {
        let fentanylText = """
            { name: "fentanyl IV fit test", duration_h: 8,
              doses: [ { drug: "fentanyl", route: "iv_bolus", amount_mg: 0.1, at_h: 0 } ], output: { interval_h: 1 } }
            """
        let morphine = try study("morphine-study", rows: ["morphine_plasma_nM,at,1,,1,1,,0,2"])
        let fentanyl = try study("fentanyl-study", scenario: fentanylText, rows: ["fentanyl_plasma_nM,at,1,,1,1,,0,2"])
        let problem = try CalibrationProblem(parameters: [FitParameter(name: "fentanyl.clearance_l_per_h")], studies: [morphine, fentanyl])
        #expect(problem.studies.map(\.parameterIndices) == [[], [0]])
        // The morphine study's statistic does not move with fentanyl's clearance; fentanyl's does.
        let low = try problem.statistics(values: [problem.initial[0] / 2]).get()
        let high = try problem.statistics(values: [problem.initial[0] * 2]).get()
        #expect(low[0] == high[0] && low[1] > high[1] * 1.1, "\(low) \(high)")
        #expect(throws: CalibrationError.unknownParameter(name: "heroin.clearance_l_per_h", suggestions: ["morphine.clearance_l_per_h"])) {
            try CalibrationProblem(parameters: [FitParameter(name: "heroin.clearance_l_per_h")], studies: [morphine, fentanyl])
        }
    }

    @Test(arguments: [
        ("morphine.clearance_l_per_h=60:10:500", FitParameter(name: "morphine.clearance_l_per_h", initial: 60, lower: 10, upper: 500)),
        ("morphine.half_life_h", FitParameter(name: "morphine.half_life_h")),
        ("morphine.central_volume_l:1e1:1e4", FitParameter(name: "morphine.central_volume_l", lower: 10, upper: 10000)),
        ("morphine.ke0_per_h=0.3", FitParameter(name: "morphine.ke0_per_h", initial: 0.3)),
    ])
    func parsesParameterSpecifications(text: String, expected: FitParameter) throws {
        #expect(try FitParameter.parse(text) == expected)
    }

    @Test(arguments: [
        ("a.b:5:5", "invalid --parameter 'a.b:5:5': lower bound 5 must be below upper bound 5"),
        ("a.b:9:2", "invalid --parameter 'a.b:9:2': lower bound 9 must be below upper bound 2"),
        ("a.b=0", "invalid --parameter 'a.b=0': initial value must be a finite number > 0 (the fit works on its logarithm), got 0"),
        ("a.b=x", "invalid --parameter 'a.b=x': initial value 'x' is not a number"),
        ("a.b:1", "invalid --parameter 'a.b:1': bounds are ':LOWER:UPPER' (two numbers)"),
        ("a.b=20:1:10", "invalid --parameter 'a.b=20:1:10': initial value 20 is outside the bounds [1, 10]"),
        ("=3", "invalid --parameter '=3': expected NAME[=INITIAL][:LOWER:UPPER]"),
    ])
    func rejectsBadParameterSpecifications(text: String, message: String) {
        #expect(throws: CalibrationError.invalidParameter(text: text, reason: String(message.split(separator: ": ", maxSplits: 1)[1]))) {
            try FitParameter.parse(text)
        }
        do { _ = try FitParameter.parse(text) } catch { #expect(error.description == message) }
    }

    /// An optimum outside the box: the search stops on the bound (by projection) and the other
    /// parameter still reaches its own optimum.
    @Test func boundsHoldTheSearchInTheBox() {
        // r = (ln θ − ln target) / 0.1 per parameter; target 50 is above its upper bound 5.
        let problem = LogDistance(targets: [50, 2], initial: [1, 1], lower: [0.5, 0.1], upper: [5, 10])
        let result = Calibration.fit(problem, starts: 3, seed: 11)
        #expect(abs(result.estimates[0] - 5) < 1e-12)
        #expect(abs(result.estimates[1] - 2) < 1e-6)
        for start in result.starts { #expect(start.termination.rawValue.hasPrefix("converged"), "\(start.termination)") }
        // Three starts: the initial point, then two seeded log-uniform draws inside the box.
        let points = Calibration.startPoints(problem, count: 3, seed: 11)
        #expect(points[0] == [1, 1] && points == Calibration.startPoints(problem, count: 3, seed: 11))
        #expect(points.dropFirst().allSatisfy { $0[0] > 0.5 && $0[0] < 5 && $0[1] > 0.1 && $0[1] < 10 })
    }

    @Test func symmetricEigenMatchesAKnownMatrix() {
        // [[2, 1], [1, 2]]: eigenvalues 1 and 3, vectors (1, −1)/√2 and (1, 1)/√2.
        let eigen = SymmetricEigen([2, 1, 1, 2], n: 2)
        #expect(abs(eigen.values[0] - 1) < 1e-14 && abs(eigen.values[1] - 3) < 1e-14)
        #expect(abs(abs(eigen.vector(1, 0)) - 0.5.squareRoot()) < 1e-14)
        #expect(abs(eigen.vector(0, 0) + eigen.vector(0, 1)) < 1e-14)
    }
}

/// A problem that fails on chosen calls (counted in order; its Jacobian comes from central
/// differences of the base, uncounted, so the counted calls are the optimizer's own sequence),
/// and wherever the clearance lies in a range.
struct FailingObjective: LeastSquaresObjective, CalibrationBounds {
    let base: CalibrationProblem
    let failingCalls: Set<Int>
    var failingClearances: ClosedRange<Double>?
    var initialClearance: Double?
    let counter = CallCounter()

    var parameterCount: Int { base.parameterCount }
    var residualCount: Int { base.residualCount }
    var initial: [Double] { [initialClearance ?? base.initial[0]] + base.initial.dropFirst() }
    var lower: [Double] { base.lower }
    var upper: [Double] { base.upper }

    func residuals(at x: [Double]) -> Result<[Double], EvaluationFailure> {
        let call = counter.next()
        if failingCalls.contains(call) || failingClearances?.contains(exp(x[0])) == true { return .failure(EvaluationFailure("injected failure")) }
        return base.residuals(at: x)
    }

    func jacobian(at x: [Double], residuals r: [Double]) -> [Double]? {
        CentralDifferenceJacobian().jacobian(of: base, at: x, residuals: r, ledger: EvaluationLedger())
    }
}

final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
}

/// r_i = (ln θ_i − ln target_i) / 0.1: a quadratic in log space with a known optimum.
struct LogDistance: LeastSquaresObjective, CalibrationBounds {
    let targets: [Double]
    let initial: [Double]
    let lower: [Double]
    let upper: [Double]
    var parameterCount: Int { targets.count }
    var residualCount: Int { targets.count }
    func residuals(at x: [Double]) -> Result<[Double], EvaluationFailure> {
        .success(zip(x, targets).map { ($0 - log($1)) / 0.1 })
    }
}
