import Foundation
import Testing
@testable import Integrators

/// y' = -k y, the simplest problem with a known solution.
struct ExponentialDecay: ODESystem {
    var rate: Double
    var dimension: Int { 1 }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = -rate * state[0]
    }
}

@Suite struct FixedStepRK4Tests {
    @Test func decayMatchesExponentialToFourthOrder() throws {
        let problem = ODEProblem(system: ExponentialDecay(rate: 1.0), initialState: [1.0], startTime: 0, endTime: 1)
        var errors: [Double] = []
        for step in [0.1, 0.05] {
            var sink = TrajectoryRecorder(dimension: 1)
            let solution = try ODESolver.solve(
                problem, method: .rk4, options: SolverOptions(fixedStepSize: step),
                output: .times([1.0]), into: &sink)
            errors.append(abs(solution.finalState[0] - exp(-1.0)))
            #expect(sink.times == [1.0])
        }
        let observedOrder = log2(errors[0] / errors[1])
        #expect(abs(observedOrder - 4) < 0.3, "observed order \(observedOrder)")
    }

    @Test func bolusEventAddsExactlyAtItsTime() throws {
        // Two unit boluses into a first-order elimination compartment at t = 0 and t = 2.
        let problem = ODEProblem(system: ExponentialDecay(rate: 0.5), initialState: [0.0], startTime: 0, endTime: 4)
        let events = TimeEventSchedule<ExponentialDecay>(times: [0, 2]) { _, _, _, state in state[0] += 1 }
        var sink = TrajectoryRecorder(dimension: 1)
        let solution = try ODESolver.solve(
            problem, method: .rk4, options: SolverOptions(fixedStepSize: 0.01), events: events,
            output: .uniform(start: 0, interval: 1, end: 4), into: &sink)
        #expect(sink.times == [0, 1, 2, 3, 4])
        // At t = 2 the output reports the state after the second bolus.
        let expectedAtTwo = exp(-1.0) + 1
        #expect(abs(sink.state(at: 2)[0] - expectedAtTwo) < 1e-9)
        let expectedEnd = exp(-2.0) + exp(-1.0)
        #expect(abs(solution.finalState[0] - expectedEnd) < 1e-9)
        #expect(solution.statistics.eventsHandled == 2)
    }
}
