import Foundation
import Testing
@testable import Integrators

/// Evaluates a system's right-hand side into a new array (tests only).
func rightHandSide<System: ODESystem>(_ system: System, time: Double, state: [Double]) -> [Double] {
    var derivative = [Double](repeating: 0, count: system.dimension)
    state.withUnsafeBufferPointer { y in
        derivative.withUnsafeMutableBufferPointer { f in
            system.evaluate(time: time, state: y, derivative: f)
        }
    }
    return derivative
}

/// Evaluates a system's analytic Jacobian into a new row-major array (tests only).
func analyticJacobian<System: ODESystem>(_ system: System, time: Double, state: [Double]) -> [Double] {
    let n = system.dimension
    var matrix = [Double](repeating: .nan, count: n * n)
    state.withUnsafeBufferPointer { y in
        matrix.withUnsafeMutableBufferPointer { m in
            system.jacobian(time: time, state: y, into: m)
        }
    }
    return matrix
}

/// Discards the output (for solves where only the final state matters).
struct DiscardingSink: SolutionSink {
    mutating func record(time: Double, state: UnsafeBufferPointer<Double>) {}
}

/// y1' = cos(t) y1, y2' = −y2²: non-autonomous and nonlinear, with the exact solution
/// y1 = y1(0) e^{sin t}, y2 = y2(0) / (1 + y2(0) t).
struct SmoothTestSystem: ODESystem {
    var dimension: Int { 2 }
    var providesJacobian: Bool { true }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = cos(time) * state[0]
        derivative[1] = -state[1] * state[1]
    }
    func jacobian(time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        m[0] = cos(time); m[1] = 0
        m[2] = 0; m[3] = -2 * state[1]
    }
    static let initialState = [1.0, 1.0]
    static func exact(at t: Double) -> [Double] { [exp(sin(t)), 1 / (1 + t)] }
}

/// The same system without its Jacobian, to exercise finite differences.
struct SmoothTestSystemWithoutJacobian: ODESystem {
    var dimension: Int { 2 }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        SmoothTestSystem().evaluate(time: time, state: state, derivative: derivative)
    }
}

/// Drives a stepper with a fixed step h from `initial` over `steps` steps, accepting every
/// step, and returns the final state; `interpolateAt` (theta in the first step) also returns
/// the dense output there. Used to measure orders without the step-size controller.
func fixedStepRun<Stepper: AdaptiveStepper>(
    _ type: Stepper.Type, system: Stepper.System, initial: [Double], start: Double, step h: Double, steps: Int,
    interpolateAt theta: Double? = nil
) -> (final: [Double], dense: [Double]?) {
    let n = initial.count
    var allocator = WorkspaceAllocator()
    let state0 = allocator.doubles(n, "state"), trial0 = allocator.doubles(n, "trial")
    let absoluteSlice = allocator.doubles(n, "absolute"), relativeSlice = allocator.doubles(n, "relative")
    let outSlice = allocator.doubles(n, "out")
    let layout = Stepper.Layout(dimension: n, allocator: &allocator)
    var workspace = Workspace(allocator)
    var dense: [Double]? = nil
    var statistics = SolverStatistics()
    workspace.withMemory { memory in
        var stepper = Stepper(system: system, layout: layout, memory: memory)
        var state = memory[state0], trial = memory[trial0]
        let absolute = memory[absoluteSlice], relative = memory[relativeSlice], out = memory[outSlice]
        for i in 0..<n { state[i] = initial[i]; absolute[i] = 1; relative[i] = 0 }
        stepper.restart()
        let tolerances = ToleranceVectors(absolute: absolute, relative: relative)
        var time = start
        for index in 0..<steps {
            _ = stepper.attemptStep(
                time: time, step: h, state: state, trial: trial, tolerances: tolerances,
                statistics: &statistics)
            if index == 0, let theta {
                stepper.prepareDenseOutput(step: h)
                let output = UnsafeMutableBufferPointer(start: out, count: n)
                stepper.interpolate(theta: theta, step: h, start: state, end: trial, into: output)
                dense = Array(output)
            }
            stepper.acceptStep()
            swap(&state, &trial)
            time = start + Double(index + 1) * h
        }
        for i in 0..<n { out[i] = state[i] }
    }
    return (workspace.values(outSlice), dense)
}

func maximumDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
}
