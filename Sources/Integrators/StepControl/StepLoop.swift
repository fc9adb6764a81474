/// The one step loop of every method: step budget, landing on time events, events, restarts,
/// non-finite retries and output, around a `StepPolicy` that proposes, attempts and judges
/// steps.
///
/// Contract, the same for every method:
/// - Steps land exactly on every event time and on the end time (`StepPolicy.plan`; never
///   stepped over). Events at a time are applied in index order (`EventStops`), the state is
///   checked for finiteness, and the method restarts (`StepPolicy.restart`).
/// - Output times inside a step come from the method's dense output; output never shortens a
///   step. A sink that `observesSteps` gets every accepted step with its dense output, before
///   the events at its end. Output times at a step's end are reported after its events.
/// - Every attempt, accepted or rejected, counts against `SolverOptions.maximumSteps`
///   (`stepBudgetExhausted`); a step too small to make progress throws `stepSizeUnderflow`; more
///   than `maximumNonFiniteRetries` non-finite attempts in a row throw `nonFiniteState`.
///
/// Events, output and the sink see rows of `rowLength` values (n, or n(m + 1) for the BDF
/// with sensitivities); only the state's n (`dimension`) are checked for finiteness.
@usableFromInline
enum StepLoop {
    /// Integrates from `start` to `end` and returns the final time (`end`).
    @inlinable
    static func run<Policy: StepPolicy, Sink: SolutionSink>(
        _ policy: inout Policy,
        start t0: Double,
        end tEnd: Double,
        dimension n: Int,
        rowLength rows: Int,
        maximumSteps: Int,
        events: TimeEventSchedule<Policy.System>,
        output cursor: inout OutputCursor,
        into sink: inout Sink,
        statistics: inout SolverStatistics
    ) throws -> Double {
        let observesSteps = sink.observesSteps
        var time = t0
        // Skip events before the start; apply those at the start.
        var stops = EventStops(events, start: t0)
        stops.applyDue(at: t0, to: &policy.system, state: policy.state, dimension: rows, statistics: &statistics)
        try checkFinite(policy.state, dimension: n, time: t0)
        try cursor.emitStart(time: t0, state: UnsafeBufferPointer(start: policy.state, count: rows), into: &sink)
        policy.start(at: t0, statistics: &statistics)
        var nonFiniteRetries = 0

        while time < tEnd {
            if statistics.acceptedSteps + statistics.rejectedSteps >= maximumSteps {
                throw SolverError.stepBudgetExhausted(
                    time: time, steps: statistics.acceptedSteps + statistics.rejectedSteps)
            }
            let stop = stops.nextStop(end: tEnd)
            let (step, newTime, lands) = policy.plan(time: time, stop: stop)
            if policy.underflows(step: step, time: time) {
                throw SolverError.stepSizeUnderflow(time: time, stepSize: step)
            }
            switch policy.attempt(time: time, step: step, newTime: newTime, lands: lands, statistics: &statistics) {
            case .nonFinite:
                nonFiniteRetries += 1
                if nonFiniteRetries > policy.maximumNonFiniteRetries {
                    throw policy.nonFiniteFailure(time: time, newTime: newTime)
                }
                continue
            case .rejected:
                continue
            case .accepted:
                nonFiniteRetries = 0
            }

            statistics.acceptedSteps += 1
            policy.accepted(time: time, step: step, newTime: newTime, lands: lands)
            try policy.emitStep(
                from: time, to: newTime, step: step, cursor: &cursor, into: &sink, observesSteps: observesSteps)
            policy.commit()
            time = newTime

            let eventsDue = lands && stops.due(at: time, end: tEnd)
            if eventsDue {
                stops.applyDue(at: time, to: &policy.system, state: policy.state, dimension: rows, statistics: &statistics)
                try checkFinite(policy.state, dimension: n, time: time)
                policy.restart(afterEventsAt: time, statistics: &statistics)
            }
            try cursor.emitStepEnd(time: time, state: UnsafeBufferPointer(start: policy.state, count: rows), into: &sink)
            if !eventsDue { policy.continueAfterStep() }
        }
        return time
    }

    /// Whether every component is finite, without a branch per component: NaN or ±inf times
    /// zero is NaN.
    @inlinable
    static func allFinite(_ vector: UnsafePointer<Double>, dimension n: Int) -> Bool {
        var sum = 0.0
        for i in 0..<n { sum = sum + vector[i] * 0 }
        return sum == 0
    }

    @inlinable
    static func checkFinite(_ vector: UnsafePointer<Double>, dimension n: Int, time: Double) throws {
        for i in 0..<n where !vector[i].isFinite {
            throw SolverError.nonFiniteState(component: i, time: time)
        }
    }
}
