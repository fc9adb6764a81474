import Foundation
import Testing
@testable import Integrators

/// Observed orders of every method on a problem with a known solution, with the step size
/// fixed (the controller bypassed), so the slope of log(error) against log(h) is the order.
/// y1' = y2, y2' = −y1: solution (sin t, cos t) from (0, 1).
struct HarmonicOscillator: ODESystem {
    var dimension: Int { 2 }
    var isAutonomous: Bool { true }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = state[1]
        derivative[1] = -state[0]
    }
}

@Suite struct ConvergenceOrderTests {
    /// log2(error(h) / error(h/2)) for a fixed-step run to t = 1.
    func observedOrder<Stepper: AdaptiveStepper>(
        _ type: Stepper.Type, _ system: Stepper.System, coarseSteps: Int
    ) -> Double {
        var errors: [Double] = []
        for steps in [coarseSteps, 2 * coarseSteps] {
            let result = fixedStepRun(
                type, system: system, initial: SmoothTestSystem.initialState, start: 0, step: 1 / Double(steps),
                steps: steps)
            errors.append(maximumDifference(result.final, SmoothTestSystem.exact(at: 1)))
        }
        return log2(errors[0] / errors[1])
    }

    @Test func rodas5PIsFifthOrder() {
        let order = observedOrder(RodasStepper<SmoothTestSystem, Rodas5PTableau>.self, SmoothTestSystem(), coarseSteps: 8)
        #expect(abs(order - 5) < 0.3, "observed order \(order)")
    }

    @Test func rosenbrock23IsSecondOrder() {
        let order = observedOrder(Rosenbrock23Stepper<SmoothTestSystem>.self, SmoothTestSystem(), coarseSteps: 32)
        #expect(abs(order - 2) < 0.3, "observed order \(order)")
    }

    /// Tsitouras minimized the 5th-order error coefficients, so 6th- and 7th-order terms
    /// compete with them at moderate steps (on y' = y² the error even changes sign between
    /// h = 1/32 and 1/64). The harmonic oscillator over [0, 10] is in the asymptotic range at
    /// 32 to 64 steps with errors far above rounding (2e-6, 5e-8).
    @Test func tsit5IsFifthOrder() {
        var errors: [Double] = []
        for steps in [32, 64] {
            let result = fixedStepRun(
                Tsit5Stepper<HarmonicOscillator>.self, system: HarmonicOscillator(), initial: [0, 1], start: 0, step: 10 / Double(steps), steps: steps)
            errors.append(maximumDifference(result.final, [sin(10.0), cos(10.0)]))
        }
        let order = log2(errors[0] / errors[1])
        #expect(abs(order - 5) < 0.3, "observed order \(order)")
    }

    @Test func rk4IsFourthOrderOnTheSmoothSystem() throws {
        var errors: [Double] = []
        for step in [0.1, 0.05] {
            var sink = DiscardingSink()
            let solution = try ODESolver.solve(
                ODEProblem(system: SmoothTestSystem(), initialState: SmoothTestSystem.initialState, startTime: 0, endTime: 1),
                method: .rk4, options: SolverOptions(fixedStepSize: step), output: .times([]), into: &sink)
            errors.append(maximumDifference(solution.finalState, SmoothTestSystem.exact(at: 1)))
        }
        let order = log2(errors[0] / errors[1])
        #expect(abs(order - 4) < 0.3, "observed order \(order)")
    }

    /// The local error of the dense output at an interior θ of a single step scales as
    /// h^(q+1) for an interpolant of order q: Rodas5P 4, Rosenbrock23 2, Tsit5 4.
    func denseOutputOrder<Stepper: AdaptiveStepper>(_ type: Stepper.Type, _ system: Stepper.System, step: Double) -> Double {
        let theta = 0.37
        var errors: [Double] = []
        for h in [step, step / 2] {
            let result = fixedStepRun(
                type, system: system, initial: SmoothTestSystem.initialState, start: 0.3, step: h, steps: 1,
                interpolateAt: theta)
            // Exact solution through the same initial value at t = 0.3.
            let t = 0.3 + theta * h
            let exact = [exp(sin(t) - sin(0.3)), 1 / (1 + (t - 0.3))]
            errors.append(maximumDifference(result.dense!, exact))
        }
        return log2(errors[0] / errors[1]) - 1
    }

    @Test func denseOutputOrders() {
        let rodas = denseOutputOrder(RodasStepper<SmoothTestSystem, Rodas5PTableau>.self, SmoothTestSystem(), step: 0.05)
        #expect(abs(rodas - 4) < 0.3, "Rodas5P dense output order \(rodas)")
        let rosenbrock = denseOutputOrder(Rosenbrock23Stepper<SmoothTestSystem>.self, SmoothTestSystem(), step: 0.05)
        #expect(abs(rosenbrock - 2) < 0.3, "Rosenbrock23 dense output order \(rosenbrock)")
        let tsit = denseOutputOrder(Tsit5Stepper<SmoothTestSystem>.self, SmoothTestSystem(), step: 0.05)
        #expect(abs(tsit - 4) < 0.3, "Tsit5 dense output order \(tsit)")
    }

    /// Finite-difference Jacobians keep the order (the increments are well below the error).
    @Test func rodas5PWithDifferenceJacobianKeepsItsOrder() {
        let order = observedOrder(RodasStepper<SmoothTestSystemWithoutJacobian, Rodas5PTableau>.self, SmoothTestSystemWithoutJacobian(), coarseSteps: 8)
        #expect(abs(order - 5) < 0.3, "observed order \(order)")
    }
}
