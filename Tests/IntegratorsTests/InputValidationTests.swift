import Foundation
import Testing
@testable import Integrators

/// Throws once more points than any valid grid in these tests arrive, so that a grid the
/// engine fails to reject ends the solve with this error instead of hanging the test run.
/// (A negative interval hung without validation in the cursor's skip loop, before any record,
/// so only validation ends that case.)
struct BoundedSink: SolutionSink {
    struct TooManyRecords: Error {}
    var count = 0
    mutating func record(time: Double, state: UnsafeBufferPointer<Double>) throws {
        count += 1
        if count > 1000 { throw TooManyRecords() }
    }
}

/// A system with no components.
struct EmptySystem: ODESystem {
    var dimension: Int { 0 }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {}
}

@Suite struct InputValidationTests {
    static let methods: [IntegrationMethod] = [.rodas5P, .bdf, .rk4]
    static var decay: ODEProblem<ExponentialDecay> {
        ODEProblem(system: ExponentialDecay(rate: 1), initialState: [1], startTime: 0, endTime: 1)
    }

    static let badGrids: [(OutputGrid, String)] = [
        (.uniform(start: 0, interval: 0, end: 1), "uniform output grid interval must be finite and > 0, got 0.0"),
        (.uniform(start: 0, interval: -0.1, end: 1), "uniform output grid interval must be finite and > 0, got -0.1"),
        (.uniform(start: 0, interval: .nan, end: 1), "uniform output grid interval must be finite and > 0, got nan"),
        (.uniform(start: 0, interval: .infinity, end: 1),
         "uniform output grid interval must be finite and > 0, got inf"),
        (.uniform(start: .nan, interval: 0.1, end: 1), "uniform output grid start nan and end 1.0 must be finite"),
        (.uniform(start: 0, interval: 0.1, end: .infinity),
         "uniform output grid start 0.0 and end inf must be finite"),
        (.times([0.2, .nan, 0.8]), "output time 1 must be finite, got nan"),
        (.times([0.5, 0.2]), "output times must be ascending: time 1 at 0.2 follows 0.5"),
        (.times([0.5, 1.5]), "output time 1 at 1.5 is outside the interval [0.0, 1.0]"),
        (.times([-0.5, 0.5]), "output time 0 at -0.5 is outside the interval [0.0, 1.0]"),
    ]

    @Test(arguments: methods)
    func badOutputGridIsRejectedBeforeAnyOutput(method: IntegrationMethod) {
        for (grid, message) in Self.badGrids {
            var sink = BoundedSink()
            #expect(throws: SolverError.invalidInput(message), "\(grid)") {
                try ODESolver.solve(Self.decay, method: method, output: grid, into: &sink)
            }
            #expect(sink.count == 0)
        }
    }

    @Test(arguments: methods)
    func validGridsStillReportEveryPoint(method: IntegrationMethod) throws {
        var sink = TrajectoryRecorder(dimension: 1)
        _ = try ODESolver.solve(
            Self.decay, method: method, output: .times([0, 0.5, 0.5, 1]), into: &sink)
        #expect(sink.times == [0, 0.5, 0.5, 1])
        var uniform = TrajectoryRecorder(dimension: 1)
        _ = try ODESolver.solve(
            Self.decay, method: method, output: .uniform(start: 0, interval: 0.25, end: 1), into: &uniform)
        #expect(uniform.times == [0, 0.25, 0.5, 0.75, 1])
    }

    @Test func rk4RejectsUnsortedAndNonFiniteEventTimes() {
        let cases: [([Double], String)] = [
            ([0.6, 0.3], "event times must be ascending: event 1 at 0.3 follows 0.6"),
            ([0.3, .nan], "event time 1 must be finite, got nan"),
            ([.infinity], "event time 0 must be finite, got inf"),
        ]
        for (times, message) in cases {
            let events = TimeEventSchedule<ExponentialDecay>(times: times) { _, _, _, state in state[0] += 1 }
            var sink = DiscardingSink()
            #expect(throws: SolverError.invalidInput(message)) {
                try ODESolver.solve(Self.decay, method: .rk4, events: events, output: .times([]), into: &sink)
            }
        }
    }

    @Test func rk4RejectsEmptySystemAndZeroStepBudget() {
        var sink = DiscardingSink()
        #expect(throws: SolverError.invalidInput("system dimension must be positive, got 0")) {
            try ODESolver.solve(
                ODEProblem(system: EmptySystem(), initialState: [], startTime: 0, endTime: 1),
                method: .rk4, output: .times([]), into: &sink)
        }
        #expect(throws: SolverError.invalidInput("maximum steps must be positive, got 0")) {
            try ODESolver.solve(
                Self.decay, method: .rk4, options: SolverOptions(maximumSteps: 0), output: .times([]), into: &sink)
        }
    }

    /// RK4 takes fixed steps, so tolerances that the adaptive methods reject do not matter to it.
    @Test func rk4IgnoresTolerances() throws {
        let options = SolverOptions(
            relativeTolerance: .scalar(0), absoluteTolerance: .scalar(0), fixedStepSize: 0.01)
        var sink = DiscardingSink()
        let solution = try ODESolver.solve(Self.decay, method: .rk4, options: options, output: .times([]), into: &sink)
        #expect(abs(solution.finalState[0] - exp(-1.0)) < 1e-9)
        #expect(throws: SolverError.invalidInput("component 0 has zero absolute and relative tolerance")) {
            try ODESolver.solve(Self.decay, method: .rodas5P, options: options, output: .times([]), into: &sink)
        }
    }
}
