import Foundation
import Testing
@testable import Integrators
import TestSupport

/// The shared step loop (`StepLoop`) on its own, under a scripted policy, and through every
/// method: landing on events, applying them once in index order before the output at their
/// time, restarting after them, the step budget and the non-finite limit.
@Suite struct StepLoopTests {
    /// y' = 1 (the system is never evaluated: the policy advances y by the step exactly).
    struct Ramp: ODESystem {
        var dimension: Int { 1 }
        var applied: [Int] = []
        func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
            derivative[0] = 1
        }
    }

    /// Steps of at most 0.3, shortened to land on the next stop; `verdicts` scripts the
    /// attempts (accepted once the script runs out). Records what the loop asked of it.
    struct ScriptedPolicy: StepPolicy {
        var system = Ramp()
        let y: UnsafeMutablePointer<Double>
        var verdicts: [StepVerdict] = []
        var maximumNonFiniteRetries = 2
        var attempts: [(time: Double, step: Double)] = []
        var restarts: [Double] = []
        var starts: [Double] = []
        var pending = 0.0

        var state: UnsafeMutablePointer<Double> { y }
        mutating func start(at time: Double, statistics: inout SolverStatistics) { starts.append(time) }
        mutating func plan(time: Double, stop: Double) -> (step: Double, newTime: Double, lands: Bool) {
            let lands = stop - time <= 0.3
            return lands ? (stop - time, stop, true) : (0.3, time + 0.3, false)
        }
        func underflows(step: Double, time: Double) -> Bool { !(step > 0) }
        mutating func attempt(
            time: Double, step: Double, newTime: Double, lands: Bool, statistics: inout SolverStatistics
        ) -> StepVerdict {
            attempts.append((time, step))
            let verdict = verdicts.isEmpty ? .accepted : verdicts.removeFirst()
            if verdict != .accepted { statistics.rejectedSteps += 1 }
            pending = y[0] + step
            return verdict
        }
        func nonFiniteFailure(time: Double, newTime: Double) -> SolverError {
            .nonFiniteState(component: 0, time: newTime)
        }
        mutating func accepted(time: Double, step: Double, newTime: Double, lands: Bool) {}
        mutating func emitStep<Sink: SolutionSink>(
            from time: Double, to newTime: Double, step: Double, cursor: inout OutputCursor,
            into sink: inout Sink, observesSteps: Bool
        ) throws {
            let start = y[0], end = pending
            try cursor.emitInterior(
                from: time, to: newTime, interpolate: { theta, out in out[0] = start + theta * (end - start) },
                scratch: UnsafeMutableBufferPointer(start: y + 1, count: 1), into: &sink)
        }
        mutating func commit() { y[0] = pending }
        mutating func restart(afterEventsAt time: Double, statistics: inout SolverStatistics) { restarts.append(time) }
        mutating func continueAfterStep() {}
    }

    /// Runs the loop from 0 to 2 with events at 1.0 (two), 1.7 and 2.0 (at the end: never
    /// applied), each adding 10^index to y, and output at 0.5, 1.0, 1.7 and 2.0.
    func run(
        _ policy: inout ScriptedPolicy, maximumSteps: Int = 100, recorder: inout TrajectoryRecorder
    ) throws -> (time: Double, statistics: SolverStatistics) {
        let events = TimeEventSchedule<Ramp>(times: [1.0, 1.0, 1.7, 2.0]) { index, _, system, state in
            system.applied.append(index)
            var power = 1.0
            for _ in 0..<index { power *= 10 }
            state[0] += power
        }
        var cursor = OutputCursor(grid: .times([0.5, 1.0, 1.7, 2.0]), start: 0, end: 2)
        var statistics = SolverStatistics()
        let time = try StepLoop.run(
            &policy, start: 0, end: 2, dimension: 1, rowLength: 1, maximumSteps: maximumSteps,
            events: events, output: &cursor, into: &recorder, statistics: &statistics)
        return (time, statistics)
    }

    @Test func landsOnEveryEventAndAppliesItOnceBeforeItsOutput() throws {
        var memory = [Double](repeating: 0, count: 2)
        try memory.withUnsafeMutableBufferPointer { buffer in
            var policy = ScriptedPolicy(y: buffer.baseAddress!)
            var recorder = TrajectoryRecorder(dimension: 1)
            let (time, statistics) = try run(&policy, recorder: &recorder)
            #expect(time == 2)
            // Steps of 0.3 from 0: 0.3, 0.6, 0.9, then 0.1 lands on 1.0; 1.3, 1.6, then 0.1 lands
            // on 1.7; then 0.3 lands on 2.0 exactly.
            let ends = policy.attempts.map { $0.time + $0.step }
            let expectedEnds = [0.3, 0.6, 0.9, 1.0, 1.3, 1.6, 1.7, 2.0]
            #expect(ends.count == expectedEnds.count)
            for (end, expected) in zip(ends, expectedEnds) { #expect(isClose(end, expected, absolute: 1e-12)) }
            #expect(policy.system.applied == [0, 1, 2], "the event at the end time is not applied")
            #expect(policy.starts == [0] && policy.restarts == [1.0, 1.7])
            #expect(statistics.acceptedSteps == 8 && statistics.rejectedSteps == 0 && statistics.eventsHandled == 3)
            #expect(recorder.times == [0.5, 1.0, 1.7, 2.0])
            // y = t plus the doses applied so far (1 + 10 at t = 1, 100 at 1.7); the outputs at
            // event times report the state after the events.
            let expected = [0.5, 12.0, 112.7, 113.0]
            for k in 0..<4 { #expect(isClose(recorder.state(at: k)[0], expected[k], absolute: 1e-12), "output \(k)") }
        }
    }

    /// Every attempt counts against the budget, rejected ones included.
    @Test func budgetCountsAcceptedAndRejectedAttempts() throws {
        var memory = [Double](repeating: 0, count: 2)
        memory.withUnsafeMutableBufferPointer { buffer in
            var policy = ScriptedPolicy(y: buffer.baseAddress!, verdicts: [.accepted, .rejected, .accepted, .rejected])
            var recorder = TrajectoryRecorder(dimension: 1)
            #expect(throws: SolverError.stepBudgetExhausted(time: 0.6, steps: 4)) {
                _ = try run(&policy, maximumSteps: 4, recorder: &recorder)
            }
            #expect(policy.attempts.count == 4)
        }
    }

    /// Non-finite attempts are retried up to the policy's limit, then fail with its error.
    @Test func nonFiniteAttemptsAreRetriedUpToTheLimit() throws {
        var memory = [Double](repeating: 0, count: 2)
        memory.withUnsafeMutableBufferPointer { buffer in
            var policy = ScriptedPolicy(y: buffer.baseAddress!, verdicts: [.nonFinite, .nonFinite, .accepted, .nonFinite, .nonFinite, .nonFinite])
            var recorder = TrajectoryRecorder(dimension: 1)
            // The first two are tolerated (the limit is 2), the accepted step resets the count,
            // the third in the second run fails.
            #expect(throws: SolverError.nonFiniteState(component: 0, time: 0.6)) {
                _ = try run(&policy, recorder: &recorder)
            }
            #expect(policy.attempts.count == 6)
        }
    }

    /// Through every method: a decay with doses at 0.25 and 0.5 lands exactly on both (the
    /// observed steps end there), and a budget of 3 attempts ends every solve at 3.
    @Test(arguments: IntegrationMethod.allCases)
    func everyMethodLandsOnEventsAndKeepsTheBudget(method: IntegrationMethod) throws {
        struct StepEnds: SolutionSink {
            var ends: [Double] = []
            mutating func record(time: Double, state: UnsafeBufferPointer<Double>) {}
            var observesSteps: Bool { true }
            mutating func observeStep<Step: StepDenseOutput>(_ step: Step) { ends.append(step.endTime) }
        }
        struct Decay: ODESystem {
            var dimension: Int { 1 }
            var providesJacobian: Bool { true }
            func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
                derivative[0] = -2 * state[0]
            }
            func jacobian(time: Double, state: UnsafeBufferPointer<Double>, into matrix: UnsafeMutableBufferPointer<Double>) {
                matrix[0] = -2
            }
        }
        let problem = ODEProblem(system: Decay(), initialState: [1], startTime: 0, endTime: 1)
        let events = TimeEventSchedule<Decay>(times: [0.25, 0.5]) { _, _, _, state in state[0] += 1 }
        var sink = StepEnds()
        let options = SolverOptions(relativeTolerance: .scalar(1e-8), absoluteTolerance: .scalar(1e-10), fixedStepSize: 0.01)
        let solution = try ODESolver.solve(problem, method: method, options: options, events: events, output: .times([]), into: &sink)
        #expect(sink.ends.contains(0.25) && sink.ends.contains(0.5) && sink.ends.last == 1)
        #expect(solution.statistics.eventsHandled == 2)
        // y(1) = e^-2 + e^-1.5 + e^-1 (each dose decays from its time). Global error at rtol
        // 1e-8: within 1e-6 relative, except the second-order Rosenbrock23 (1.7e-6 measured).
        let exact = exp(-2.0) + exp(-1.5) + exp(-1.0)
        let tolerance = method == .rosenbrock23 ? 1e-5 : 1e-6
        #expect(isClose(solution.finalState[0], exact, relative: tolerance), "\(method): \(solution.finalState[0])")

        var limited = options
        limited.maximumSteps = 3
        let error = #expect(throws: SolverError.self) {
            _ = try ODESolver.solve(problem, method: method, options: limited, events: events, output: .times([]), into: &sink)
        }
        guard case .stepBudgetExhausted(let time, let steps)? = error else {
            Issue.record("\(method): expected the step budget to run out, got \(String(describing: error))")
            return
        }
        #expect(steps == 3 && time >= 0 && time < 1, "\(method): \(steps) steps at t = \(time)")
    }
}
