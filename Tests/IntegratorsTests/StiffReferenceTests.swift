import Foundation
import Testing
import StiffTestProblems
@testable import Integrators

/// The IVP Test Set problems against their published reference solutions. The measure is the
/// test set's mixed error, max_i |y_i − ref_i| / (atol + rtol |ref_i|): a global error within a
/// small multiple of the local tolerance. Moderate tolerances keep the debug build fast.
@Suite struct StiffReferenceTests {
    func scaledError<Problem: StiffTestProblem>(
        _ problem: Problem, method: IntegrationMethod, rtol: Double, atol: Double
    ) throws -> (error: Double, statistics: SolverStatistics) {
        var sink = DiscardingSink()
        let solution = try ODESolver.solve(
            problem.problem, method: method,
            options: SolverOptions(relativeTolerance: .scalar(rtol), absoluteTolerance: .scalar(atol)),
            output: .times([]), into: &sink)
        #expect(solution.finalTime == problem.endTime)
        var worst = 0.0
        for (value, reference) in zip(solution.finalState, problem.referenceSolution) {
            worst = max(worst, abs(value - reference) / (atol + rtol * abs(reference)))
        }
        return (worst, solution.statistics)
    }

    @Test func roberWithRodas5P() throws {
        // atol far below y2 (8e-13 at the end) so every component is controlled relatively.
        let result = try scaledError(Robertson(), method: .rodas5P, rtol: 1e-7, atol: 1e-16)
        #expect(result.error < 10, "scaled error \(result.error)")
    }

    @Test func hiresWithRodas5P() throws {
        let result = try scaledError(Hires(), method: .rodas5P, rtol: 1e-7, atol: 1e-10)
        #expect(result.error < 10, "scaled error \(result.error)")
    }

    @Test func vanDerPolWithRodas5P() throws {
        let result = try scaledError(VanDerPol(), method: .rodas5P, rtol: 1e-6, atol: 1e-9)
        #expect(result.error < 10, "scaled error \(result.error)")
    }

    @Test func polluWithRodas5P() throws {
        let result = try scaledError(Pollution(), method: .rodas5P, rtol: 1e-7, atol: 1e-10)
        #expect(result.error < 10, "scaled error \(result.error)")
    }

    @Test func stiffProblemsWithRosenbrock23() throws {
        let rober = try scaledError(Robertson(), method: .rosenbrock23, rtol: 1e-4, atol: 1e-12)
        #expect(rober.error < 10, "ROBER scaled error \(rober.error)")
        let hires = try scaledError(Hires(), method: .rosenbrock23, rtol: 1e-4, atol: 1e-7)
        #expect(hires.error < 10, "HIRES scaled error \(hires.error)")
        let pollu = try scaledError(Pollution(), method: .rosenbrock23, rtol: 1e-4, atol: 1e-7)
        #expect(pollu.error < 10, "POLLU scaled error \(pollu.error)")
    }

    /// One Jacobian per accepted step (reused after rejections), one LU per attempt, eight
    /// evaluations of f per attempt (plus one more per accepted step start).
    @Test func rodas5PWorkCountersFollowTheJacobianPolicy() throws {
        let result = try scaledError(VanDerPol(), method: .rodas5P, rtol: 1e-4, atol: 1e-7)
        let statistics = result.statistics
        #expect(statistics.rejectedSteps > 0)
        #expect(statistics.jacobianEvaluations == statistics.acceptedSteps)
        #expect(statistics.luFactorizations == statistics.acceptedSteps + statistics.rejectedSteps)
        // 2 for the initial step, 1 + 7 per accepted step start, 7 per rejected retry.
        #expect(statistics.rightHandSideEvaluations
            == 2 + 8 * statistics.acceptedSteps + 7 * statistics.rejectedSteps)
    }

    /// At loose tolerances ROBER must not go unstable (CVODE with a difference Jacobian ends
    /// at |error| ~ 4e7 here): the solution stays bounded, nearly nonnegative and conserves
    /// y1 + y2 + y3 = 1 at every step.
    @Test(arguments: [IntegrationMethod.rosenbrock23, .rodas5P, .bdf], [1e-2, 1e-3, 1e-4])
    func roberStaysBoundedAtLooseTolerances(method: IntegrationMethod, rtol: Double) throws {
        var recorder = TrajectoryRecorder(dimension: 3)
        let atol = 1e-3 * rtol
        let solution = try ODESolver.solve(
            Robertson().problem, method: method,
            options: SolverOptions(relativeTolerance: .scalar(rtol), absoluteTolerance: .scalar(atol)),
            output: .everyStep, into: &recorder)
        #expect(solution.finalTime == 1e11)
        for k in 0..<recorder.times.count {
            let state = recorder.state(at: k)
            #expect(abs(state.reduce(0, +) - 1) < 1e-9, "mass at t = \(recorder.times[k])")
            #expect(state.allSatisfy { $0 > -atol && $0 < 1 + atol }, "state \(state) at t = \(recorder.times[k])")
        }
        #expect(abs(solution.finalState[2] - Robertson().referenceSolution[2]) < 10 * rtol)
    }
}
