import Foundation
import Testing
import StiffTestProblems
@testable import Integrators
import TestSupport

@Suite struct StiffTestProblemsTests {
    /// Central differences of f against the analytic Jacobian at a generic positive state, so a
    /// transcription error in either shows up. Every state variable of these problems enters f
    /// at most quadratically, so central differences are exact up to rounding for any step: a
    /// large step (a quarter of the value) keeps the rounding error far below the tolerance.
    func checkJacobian<Problem: StiffTestProblem>(_ problem: Problem) {
        let n = problem.dimension
        let state = (0..<n).map { 0.01 + 0.37 * Double(($0 * 7) % 11) / 11 }
        let analytic = analyticJacobian(problem, time: 0, state: state)
        let rowScale = (0..<n).map { i in (0..<n).map { abs(analytic[i * n + $0]) }.max() ?? 0 }
        for j in 0..<n {
            let step = 0.25 * state[j]
            var plus = state, minus = state
            plus[j] += step
            minus[j] -= step
            let fPlus = rightHandSide(problem, time: 0, state: plus)
            let fMinus = rightHandSide(problem, time: 0, state: minus)
            for i in 0..<n {
                let difference = (fPlus[i] - fMinus[i]) / (2 * step)
                let entry = analytic[i * n + j]
                #expect(
                    isClose(entry, difference, relative: 1e-9, absolute: 1e-11 * (1 + rowScale[i])),
                    "\(Problem.name) J[\(i),\(j)] = \(entry), differences give \(difference)")
            }
        }
    }

    @Test func jacobiansMatchFiniteDifferences() {
        checkJacobian(Robertson())
        checkJacobian(Hires())
        checkJacobian(VanDerPol())
        checkJacobian(Pollution())
    }

    @Test func shapesAreConsistent() {
        func check<Problem: StiffTestProblem>(_ problem: Problem) {
            #expect(problem.initialState.count == problem.dimension)
            #expect(problem.referenceSolution.count == problem.dimension)
            #expect(problem.providesJacobian && problem.isAutonomous)
        }
        check(Robertson()); check(Hires()); check(VanDerPol()); check(Pollution())
    }

    /// Mass balances of the chemistry: ROBER conserves y1 + y2 + y3, HIRES conserves y7 + y8,
    /// and these hold for the reference solutions too.
    @Test func conservationLawsHold() {
        let rober = rightHandSide(Robertson(), time: 0, state: [0.3, 2e-5, 0.6])
        #expect(abs(rober.reduce(0, +)) < 1e-12)
        #expect(abs(Robertson().referenceSolution.reduce(0, +) - 1) < 1e-13)
        let hires = rightHandSide(Hires(), time: 0, state: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8])
        #expect(hires[6] + hires[7] == 0)
        let reference = Hires().referenceSolution
        #expect(abs(reference[6] + reference[7] - 0.0057) < 1e-15)
    }
}

@Suite struct StiffErrorMeasureTests {
    @Test func nonFiniteStateIsNeverReportedAsAccurate() {
        var state = Hires().referenceSolution
        #expect(Hires().maximumRelativeError(of: state, absoluteTolerance: 1e-10) == 0)
        state[3] = .nan
        #expect(Hires().maximumRelativeError(of: state, absoluteTolerance: 1e-10).isNaN)
        #expect(Hires().maximumAbsoluteError(of: state).isNaN)
    }
}
