import Foundation
import Testing
@testable import Integrators
import TestSupport

/// y' = A y with A = [[-1, 1], [0, -100]] (eigenvalues −1 and −100: mildly stiff).
/// exp(At) y0 = (e^{-t} y1 + y2 (e^{-t} − e^{-100t})/99, e^{-100t} y2).
struct TriangularLinearSystem: ODESystem {
    var dimension: Int { 2 }
    var providesJacobian: Bool { true }
    var isAutonomous: Bool { true }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = -state[0] + state[1]
        derivative[1] = -100 * state[1]
    }
    func jacobian(time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        m[0] = -1; m[1] = 1; m[2] = 0; m[3] = -100
    }
    static func exact(_ t: Double, from y0: [Double]) -> [Double] {
        [exp(-t) * y0[0] + y0[1] * (exp(-t) - exp(-100 * t)) / 99, exp(-100 * t) * y0[1]]
    }
}

/// y' = A y with a rotation-and-decay A = [[-0.5, 2], [-2, -0.5]] (eigenvalues −0.5 ± 2i):
/// exp(At) = e^{-t/2} [[cos 2t, sin 2t], [−sin 2t, cos 2t]].
struct RotatingLinearSystem: ODESystem {
    var dimension: Int { 2 }
    var isAutonomous: Bool { true }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = -0.5 * state[0] + 2 * state[1]
        derivative[1] = -2 * state[0] - 0.5 * state[1]
    }
    static func exact(_ t: Double, from y0: [Double]) -> [Double] {
        let decay = exp(-0.5 * t), c = cos(2 * t), s = sin(2 * t)
        return [decay * (c * y0[0] + s * y0[1]), decay * (-s * y0[0] + c * y0[1])]
    }
}

@Suite struct AccuracyTests {
    static let adaptiveMethods: [IntegrationMethod] = [.rodas5P, .rosenbrock23, .bdf, .tsit5]

    /// End state and every dense output point against the matrix exponential, at a tolerance
    /// that each method meets with a margin (global error within 50× the local tolerance).
    @Test(arguments: adaptiveMethods)
    func linearSystemsMatchTheMatrixExponential(method: IntegrationMethod) throws {
        let rtol = method == .rosenbrock23 ? 1e-5 : 1e-8
        let options = SolverOptions(relativeTolerance: .scalar(rtol), absoluteTolerance: .scalar(rtol * 1e-2))
        let y0 = [1.0, 2.0]
        var triangular = TrajectoryRecorder(dimension: 2)
        let first = try ODESolver.solve(
            ODEProblem(system: TriangularLinearSystem(), initialState: y0, startTime: 0, endTime: 2),
            method: method, options: options, output: .uniform(start: 0, interval: 0.01, end: 2), into: &triangular)
        #expect(triangular.times.count == 201)
        var worst = 0.0
        for (k, t) in triangular.times.enumerated() {
            let exact = TriangularLinearSystem.exact(t, from: y0)
            let state = triangular.state(at: k)
            for i in 0..<2 { worst = max(worst, abs(state[i] - exact[i]) / (rtol * 1e-2 + rtol * abs(exact[i]))) }
        }
        // Rosenbrock23's global error accumulates over its many second-order steps.
        let allowed = method == .rosenbrock23 ? 200.0 : 50.0
        #expect(worst < allowed, "\(method): worst scaled error \(worst)")
        #expect(isClose(first.finalState[0], TriangularLinearSystem.exact(2, from: y0)[0], relative: 50 * rtol))

        var rotating = TrajectoryRecorder(dimension: 2)
        _ = try ODESolver.solve(
            ODEProblem(system: RotatingLinearSystem(), initialState: y0, startTime: 0, endTime: 5),
            method: method, options: options, output: .uniform(start: 0, interval: 0.05, end: 5), into: &rotating)
        worst = 0
        for (k, t) in rotating.times.enumerated() {
            let exact = RotatingLinearSystem.exact(t, from: y0)
            worst = max(worst, maximumDifference(rotating.state(at: k), exact))
        }
        #expect(worst < allowed * rtol, "\(method): worst error \(worst) on the rotating system")
    }

    /// An output grid never changes the steps: same statistics with and without it.
    @Test(arguments: adaptiveMethods)
    func outputGridDoesNotShortenSteps(method: IntegrationMethod) throws {
        let problem = ODEProblem(system: SmoothTestSystem(), initialState: SmoothTestSystem.initialState, startTime: 0, endTime: 3)
        let options = SolverOptions(relativeTolerance: .scalar(1e-6), absoluteTolerance: .scalar(1e-9))
        var none = DiscardingSink()
        let bare = try ODESolver.solve(problem, method: method, options: options, output: .times([]), into: &none)
        var dense = TrajectoryRecorder(dimension: 2)
        let withGrid = try ODESolver.solve(
            problem, method: method, options: options, output: .uniform(start: 0, interval: 0.001, end: 3), into: &dense)
        #expect(bare.statistics == withGrid.statistics)
        #expect(bare.finalState == withGrid.finalState)
        #expect(dense.times.count == 3001)
        // Dense output between steps is as accurate as the steps themselves.
        var worst = 0.0
        for (k, t) in dense.times.enumerated() {
            worst = max(worst, maximumDifference(dense.state(at: k), SmoothTestSystem.exact(at: t)))
        }
        // Bounds follow each method's global error: the BDF's is larger at the same rtol (2.1e-5
        // here), as multistep methods' are.
        let bound = method == .rosenbrock23 ? 2e-4 : method == .bdf ? 5e-5 : 2e-5
        #expect(worst < bound, "\(method): dense output error \(worst)")
    }

    /// `.everyStep` records the start and every accepted step, and the step never exceeds the
    /// maximum step size.
    @Test(arguments: adaptiveMethods)
    func everyStepOutputRespectsTheMaximumStep(method: IntegrationMethod) throws {
        var recorder = TrajectoryRecorder(dimension: 2)
        let solution = try ODESolver.solve(
            ODEProblem(system: SmoothTestSystem(), initialState: SmoothTestSystem.initialState, startTime: 0, endTime: 2),
            method: method, options: SolverOptions(relativeTolerance: .scalar(1e-3), absoluteTolerance: .scalar(1e-6), maximumStepSize: 0.05),
            output: .everyStep, into: &recorder)
        #expect(recorder.times.count == solution.statistics.acceptedSteps + 1)
        #expect(recorder.times.first == 0 && recorder.times.last == 2)
        let largest = zip(recorder.times.dropFirst(), recorder.times).map { $0 - $1 }.max() ?? 0
        #expect(largest <= 0.05 * (1 + 1e-12))
    }

    /// Per-component tolerances: a looser tolerance on one component is honoured and a vector
    /// of the wrong length is rejected.
    @Test func perComponentTolerances() throws {
        let problem = ODEProblem(system: SmoothTestSystem(), initialState: SmoothTestSystem.initialState, startTime: 0, endTime: 2)
        var sink = DiscardingSink()
        let tight = try ODESolver.solve(
            problem, options: SolverOptions(relativeTolerance: .perComponent([1e-9, 1e-9]), absoluteTolerance: .perComponent([1e-12, 1e-12])),
            output: .times([]), into: &sink)
        let mixed = try ODESolver.solve(
            problem, options: SolverOptions(relativeTolerance: .perComponent([1e-9, 1e-3]), absoluteTolerance: .perComponent([1e-12, 1e-6])),
            output: .times([]), into: &sink)
        #expect(mixed.statistics.acceptedSteps < tight.statistics.acceptedSteps)
        #expect(abs(mixed.finalState[0] - SmoothTestSystem.exact(at: 2)[0]) < 1e-7)
        #expect(throws: SolverError.invalidInput("relative tolerance has 3 components, system has 2")) {
            try ODESolver.solve(problem, options: SolverOptions(relativeTolerance: .perComponent([1, 1, 1])), output: .times([]), into: &sink)
        }
    }
}
