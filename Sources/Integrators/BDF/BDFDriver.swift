import Foundation

/// The step loop of the BDF method (`BDFStepper`): landing on events, restarts, dense output,
/// statistics and errors, with `AdaptiveDriver`'s contract for landing, output and errors.
/// Unlike it, every event restarts the method from order 1 with a fresh initial step (a
/// multistep history does not survive a jump in the state). The loop (`run`) is written once;
/// `BDFSensitivityDriver` runs it with a `BDFSensitivityCompanion` on rows [y; s_1; ...; s_m].
///
/// Steps land exactly on every event time and on the end time (stretched by up to 1 % or
/// halved to avoid a sliver step); after the events at a time the method restarts at order 1
/// with a fresh f, Jacobian and initial step. Output inside a step comes from the
/// interpolating polynomial of the differences. Errors: `nonFiniteState` after
/// `AdaptiveDriver.maximumNonFiniteRetries` non-finite trials in a row, `stepSizeUnderflow`,
/// `stepBudgetExhausted`. Allocation: one `[Double]` and one `[Int]` workspace per solve plus the
/// final state; verified as in `AdaptiveDriver` (malloc-counting `LD_PRELOAD` shim, release
/// build, 2026-12-03): `receptor-bench stiff --method bdf --problem hires --min-seconds 0` makes
/// 203 allocation calls in the whole process at rtol 1e-4 (165 steps and rejections per solve)
/// and at 1e-10 (1289 per solve) alike.
@usableFromInline
enum BDFDriver {
    @inlinable
    static func solve<System: ODESystem, Sink: SolutionSink>(
        _ problem: ODEProblem<System>,
        options: SolverOptions,
        events: TimeEventSchedule<System>,
        output: OutputGrid,
        into sink: inout Sink
    ) throws -> ODESolution<System> {
        var stepper = BDFStepper(system: problem.system)
        let n = stepper.system.dimension
        try SolveInputValidation.validateAdaptive(
            problem, options: options, dimension: n, eventTimes: events.times, output: output)
        var statistics = SolverStatistics()
        var outputCursor = OutputCursor(grid: output, start: problem.startTime, end: problem.endTime)

        var workspace = [Double](repeating: 0, count: BDFStepper<System>.workspaceCount(dimension: n))
        var pivotWorkspace = [Int](repeating: 0, count: BDFStepper<System>.pivotCount(dimension: n))

        let time = try workspace.withUnsafeMutableBufferPointer { buffer in
            try pivotWorkspace.withUnsafeMutableBufferPointer { pivotBuffer in
                stepper.bind(workspace: buffer.baseAddress!, pivots: pivotBuffer.baseAddress!, dimension: n)
                stepper.setInitialState(problem.initialState, options: options)
                return try run(
                    &stepper, companion: BDFStateOnly(), rowLength: n, problem: problem, options: options,
                    events: events, output: &outputCursor, into: &sink, statistics: &statistics)
            }
        }
        let finalState = Array(workspace[0..<n])
        return ODESolution(
            finalTime: time, finalState: finalState, finalSystem: stepper.system, statistics: statistics)
    }

    /// The step loop from a bound stepper whose D_0 holds the initial row: applies the events
    /// due at the start, emits the start, restarts and steps to the end time. Events, output and
    /// the sink see rows of `rowLength` values (n, or n(m + 1) with sensitivities); only the
    /// state's n are checked for finiteness. The companion adds its work after each restart and
    /// after each attempt the state passed. Returns the final time.
    @inlinable
    static func run<System: ODESystem, Sink: SolutionSink, Companion: BDFStepCompanion>(
        _ stepper: inout BDFStepper<System>,
        companion: Companion,
        rowLength rows: Int,
        problem: ODEProblem<System>,
        options: SolverOptions,
        events: TimeEventSchedule<System>,
        output outputCursor: inout OutputCursor,
        into sink: inout Sink,
        statistics: inout SolverStatistics
    ) throws -> Double where Companion.System == System {
        let n = stepper.n
        let t0 = problem.startTime, tEnd = problem.endTime
        let observesSteps = sink.observesSteps
        let maximumStep = min(options.maximumStepSize, tEnd - t0)
        let state = stepper.differences  // D_0 is the current solution.
        var time = t0

        var stops = EventStops(events, start: t0)
        stops.applyDue(at: t0, to: &stepper.system, state: state, dimension: rows, statistics: &statistics)
        try AdaptiveDriver.checkFinite(state, dimension: n, time: t0)
        try outputCursor.emitStart(
            time: t0, state: UnsafeBufferPointer(start: state, count: rows), into: &sink)
        stepper.restart(
            time: t0, initialStep: options.initialStepSize, end: tEnd, maximumStep: maximumStep,
            statistics: &statistics)
        companion.restarted(&stepper, time: t0)
        var nonFiniteRetries = 0

        while time < tEnd {
            if statistics.acceptedSteps + statistics.rejectedSteps >= options.maximumSteps {
                throw SolverError.stepBudgetExhausted(
                    time: time, steps: statistics.acceptedSteps + statistics.rejectedSteps)
            }
            let nextStop = stops.nextStop(end: tEnd)
            let (target, lands) = EventStops<System>.fit(
                step: min(stepper.step, maximumStep), distance: nextStop - time)
            if target != stepper.step { stepper.changeStep(to: target) }
            if !(target > 0) || target < 10 * time.ulp || time + target == time {
                throw SolverError.stepSizeUnderflow(time: time, stepSize: target)
            }
            let newTime = lands ? nextStop : time + target

            var outcome = stepper.attemptStep(to: newTime, statistics: &statistics)
            if outcome == .accepted {
                outcome = companion.accepted(&stepper, to: newTime, statistics: &statistics)
            }
            switch outcome {
            case .nonFinite:
                nonFiniteRetries += 1
                if nonFiniteRetries > AdaptiveDriver.maximumNonFiniteRetries {
                    throw SolverError.nonFiniteState(
                        component: stepper.firstNonFiniteComponent(), time: newTime)
                }
                continue
            case .rejected:
                continue
            case .accepted:
                nonFiniteRetries = 0
            }

            stepper.acceptStep()
            statistics.acceptedSteps += 1
            let previousTime = time
            time = newTime
            if outputCursor.hasInteriorPoint(after: previousTime, before: time) {
                try outputCursor.emitInterior(
                    from: previousTime, to: time, stepper: &stepper, step: target, start: state,
                    end: state, scratch: UnsafeMutableBufferPointer(start: stepper.out, count: rows),
                    into: &sink)
            }
            if observesSteps {
                try withUnsafePointer(to: &stepper) { pointer in
                    try sink.observeStep(InterpolantStep(
                        interpolant: pointer, startTime: previousTime, endTime: time, step: target,
                        start: nil, end: state))
                }
            }
            if lands, stops.due(at: time, end: tEnd) {
                stops.applyDue(at: time, to: &stepper.system, state: state, dimension: rows, statistics: &statistics)
                try AdaptiveDriver.checkFinite(state, dimension: n, time: time)
                try outputCursor.emitStepEnd(
                    time: time, state: UnsafeBufferPointer(start: state, count: rows), into: &sink)
                stepper.restart(
                    time: time, initialStep: nil, end: tEnd, maximumStep: maximumStep,
                    statistics: &statistics)
                companion.restarted(&stepper, time: time)
                continue
            }
            try outputCursor.emitStepEnd(
                time: time, state: UnsafeBufferPointer(start: state, count: rows), into: &sink)
            stepper.chooseStepAndOrder(maximumStep: maximumStep)
        }
        return time
    }
}
