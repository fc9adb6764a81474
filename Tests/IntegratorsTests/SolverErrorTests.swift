import Foundation
import Testing
@testable import Integrators
import TestSupport

/// Component 1 of the derivative is NaN: every step attempt fails.
struct PoisonedSystem: ODESystem {
    var dimension: Int { 2 }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = -state[0]
        derivative[1] = .nan
    }
}

/// y' = y², y(0) = 1: blows up at t = 1, so an adaptive method's steps shrink to nothing.
struct BlowUp: ODESystem {
    var dimension: Int { 1 }
    var providesJacobian: Bool { true }
    var isAutonomous: Bool { true }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = state[0] * state[0]
    }
    func jacobian(time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        m[0] = 2 * state[0]
    }
}

@Suite struct SolverErrorTests {
    static let adaptive: [IntegrationMethod] = [.rodas5P, .rosenbrock23, .bdf, .tsit5]

    @Test(arguments: adaptive)
    func nonFiniteDerivativeNamesTheComponent(method: IntegrationMethod) {
        var sink = DiscardingSink()
        do {
            _ = try ODESolver.solve(
                ODEProblem(system: PoisonedSystem(), initialState: [1, 1], startTime: 0, endTime: 1),
                method: method, output: .times([]), into: &sink)
            Issue.record("expected nonFiniteState")
        } catch SolverError.nonFiniteState(let component, let time) {
            #expect(component == 1)
            #expect(time >= 0 && time < 1e-3)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func nonFiniteStateAfterAnEventNamesComponentAndTime() {
        let events = TimeEventSchedule<ExponentialDecay>(times: [0.5]) { _, _, _, state in state[0] = .infinity }
        var sink = DiscardingSink()
        #expect(throws: SolverError.nonFiniteState(component: 0, time: 0.5)) {
            try ODESolver.solve(
                ODEProblem(system: ExponentialDecay(rate: 1), initialState: [1], startTime: 0, endTime: 1),
                events: events, output: .times([]), into: &sink)
        }
        #expect(throws: SolverError.nonFiniteState(component: 0, time: 0)) {
            try ODESolver.solve(
                ODEProblem(system: ExponentialDecay(rate: 1), initialState: [.nan], startTime: 0, endTime: 1),
                output: .times([]), into: &sink)
        }
    }

    @Test(arguments: adaptive)
    func blowUpEndsInStepSizeUnderflowNearTheSingularity(method: IntegrationMethod) {
        var sink = DiscardingSink()
        do {
            _ = try ODESolver.solve(
                ODEProblem(system: BlowUp(), initialState: [1], startTime: 0, endTime: 2), method: method,
                output: .times([]), into: &sink)
            Issue.record("expected a failure")
        } catch SolverError.stepSizeUnderflow(let time, let stepSize) {
            // The numerical blow-up time carries the global error (Rosenbrock23: 3e-5).
            #expect(abs(time - 1) < 1e-3, "underflow at \(time)")
            #expect(stepSize < 1e-12)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: adaptive)
    func stepBudgetIsEnforced(method: IntegrationMethod) {
        var sink = DiscardingSink()
        do {
            _ = try ODESolver.solve(
                ODEProblem(system: SmoothTestSystem(), initialState: SmoothTestSystem.initialState, startTime: 0, endTime: 100),
                method: method, options: SolverOptions(maximumSteps: 25), output: .times([]), into: &sink)
            Issue.record("expected stepBudgetExhausted")
        } catch SolverError.stepBudgetExhausted(let time, let steps) {
            #expect(steps == 25)
            #expect(time > 0 && time < 100)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func invalidInputsAreRejectedWithTheirReason() {
        var sink = DiscardingSink()
        let decay = ExponentialDecay(rate: 1)
        #expect(throws: SolverError.invalidInput("initial state has 2 components, system has 1")) {
            try ODESolver.solve(ODEProblem(system: decay, initialState: [1, 2], startTime: 0, endTime: 1), output: .times([]), into: &sink)
        }
        #expect(throws: SolverError.invalidInput("end time 0.0 must be finite and after start 1.0")) {
            try ODESolver.solve(ODEProblem(system: decay, initialState: [1], startTime: 1, endTime: 0), output: .times([]), into: &sink)
        }
        #expect(throws: SolverError.invalidInput("absolute tolerance of component 0 must be finite and >= 0, got -1.0")) {
            try ODESolver.solve(
                ODEProblem(system: decay, initialState: [1], startTime: 0, endTime: 1),
                options: SolverOptions(absoluteTolerance: .scalar(-1)), output: .times([]), into: &sink)
        }
        let unordered = TimeEventSchedule<ExponentialDecay>(times: [0.5, 0.2]) { _, _, _, _ in }
        #expect(throws: SolverError.invalidInput("event times must be ascending: event 1 at 0.2 follows 0.5")) {
            try ODESolver.solve(
                ODEProblem(system: decay, initialState: [1], startTime: 0, endTime: 1), events: unordered,
                output: .times([]), into: &sink)
        }
        #expect(SolverError.stepSizeUnderflow(time: 1, stepSize: 1e-300).description
            == "step size underflow at t = 1.0 (step 1e-300)")
    }
}

/// y' = c y with c = 1/(γ h0): at the first step h0 the Rosenbrock matrix W is exactly
/// singular (Rodas5P: W = I/(γh) − cI; Rosenbrock23: W = I − h d c I).
struct ExactlySingularAtFirstStep: ODESystem {
    var rate: Double
    var dimension: Int { 1 }
    var providesJacobian: Bool { true }
    var isAutonomous: Bool { true }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = rate * state[0]
    }
    func jacobian(time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        m[0] = rate
    }
}

@Suite struct SingularIterationMatrixTests {
    /// A singular W rejects the step and retries a quarter as long (the error-test path would
    /// choose another factor) instead of trapping or failing.
    @Test(arguments: [IntegrationMethod.rodas5P, .rosenbrock23, .bdf])
    func singularMatrixShrinksTheStep(method: IntegrationMethod) throws {
        // Rodas5P factors 1/(γh) − c, Rosenbrock23 1 − h d c, the BDF (order 1) α_1/h − c: zero
        // for these c at h = 1.
        let rate: Double
        switch method {
        case .rodas5P: rate = 1 / (Rodas5PTableau.gamma * 1.0)
        case .bdf: rate = BDFCoefficients.alpha(1) / 1.0
        default: rate = 1 / Rosenbrock23Tableau.d
        }
        var recorder = TrajectoryRecorder(dimension: 1)
        let solution = try ODESolver.solve(
            ODEProblem(system: ExactlySingularAtFirstStep(rate: rate), initialState: [1], startTime: 0, endTime: 1),
            method: method,
            options: SolverOptions(relativeTolerance: .scalar(0.5), absoluteTolerance: .scalar(0.5), initialStepSize: 1),
            output: .everyStep, into: &recorder)
        #expect(solution.statistics.rejectedSteps >= 1)
        #expect(recorder.times.count > 1 && recorder.times[1] == 0.25, "steps at \(recorder.times)")
        #expect(isClose(solution.finalState[0], exp(rate), relative: 0.5))
    }
}
