import Foundation

/// `BDFDriver`'s step loop with forward sensitivities: the same landing on events, restarts,
/// output and errors, with the staggered sensitivity step (`BDFStepper+Sensitivities.swift`)
/// after each accepted state step. Kept apart from `BDFDriver` so that a solve without
/// sensitivities runs exactly the code it ran before.
///
/// Rows of differences and of output are [y; s_1; ...; s_m]; the output cursor and the dense
/// output see one vector of n(m + 1) values and `AugmentedRowSink` splits it for the caller.
///
/// Time events: `rowEvents` act on the whole row [y; s] (`ODESolver.solveWithSensitivities`
/// builds them from the caller's events and sensitivity jumps; by default s passes through
/// unchanged, exact for a jump y⁺ = y⁻ + Δ with Δ independent of p and y). After events the
/// method restarts at order 1 with D_1 = h (J s + ∂f/∂p) from the post-event state.
///
/// Allocation: one `[Double]` and one `[Int]` workspace per solve (plus the validated
/// parameter list and the final values), none per step.
@usableFromInline
enum BDFSensitivityDriver {
    @inlinable
    static func solve<System: ParametricODESystem, Sink: SensitivitySink>(
        _ problem: ODEProblem<System>,
        options: SolverOptions,
        sensitivities sensitivityOptions: SensitivityOptions,
        rowEvents events: TimeEventSchedule<System>,
        output: OutputGrid,
        into sink: inout Sink
    ) throws -> SensitivitySolution<System> {
        var stepper = BDFStepper(system: problem.system)
        let n = stepper.system.dimension
        try SolveInputValidation.validate(
            problem, options: options, dimension: n, eventTimes: events.times, output: output)
        try SolveInputValidation.validateStepControl(options, dimension: n)
        let (parameters, scales) = try SolveInputValidation.validate(
            sensitivities: sensitivityOptions, system: stepper.system, dimension: n)
        let m = parameters.count, p = stepper.system.parameterCount
        let rows = n * (m + 1)
        let t0 = problem.startTime, tEnd = problem.endTime
        var statistics = SolverStatistics()
        var outputCursor = OutputCursor(grid: output, start: t0, end: tEnd)
        let maximumStep = min(options.maximumStepSize, tEnd - t0)
        var rowSink = AugmentedRowSink(inner: sink, dimension: n)
        defer { sink = rowSink.inner }

        let baseCount = BDFStepper<System>.baseWorkspaceCount(dimension: n, sensitivityCount: m)
        let baseIndexCount = BDFStepper<System>.pivotCount(dimension: n)
        var workspace = [Double](
            repeating: 0,
            count: BDFStepper<System>.workspaceCount(dimension: n, sensitivityCount: m, parameterCount: p))
        var pivotWorkspace = [Int](
            repeating: 0, count: BDFStepper<System>.pivotCount(dimension: n, sensitivityCount: m))
        var time = t0

        try workspace.withUnsafeMutableBufferPointer { buffer in
            try pivotWorkspace.withUnsafeMutableBufferPointer { pivotBuffer in
                let base = buffer.baseAddress!, indexBase = pivotBuffer.baseAddress!
                stepper.bind(workspace: base, pivots: indexBase, dimension: n, sensitivityCount: m)
                let state = stepper.differences  // D_0 is the current solution and its sensitivities.
                for i in 0..<n {
                    state[i] = problem.initialState[i]
                    stepper.absolute[i] = options.absoluteTolerance[i]
                    stepper.relative[i] = options.relativeTolerance[i]
                }
                if let initial = sensitivityOptions.initialSensitivities {
                    for i in 0..<(m * n) { state[n + i] = initial[i] }
                }
                // The sensitivity slices follow the base layout of an (m + 1)n-row stepper.
                stepper.bindSensitivities(
                    workspace: base + baseCount, indices: indexBase + baseIndexCount,
                    parameters: parameters, scales: scales, errorControl: sensitivityOptions.errorControl)

                var stops = EventStops(events, start: t0)
                stops.applyDue(at: t0, to: &stepper.system, state: state, dimension: rows, statistics: &statistics)
                try AdaptiveDriver.checkFinite(state, dimension: n, time: t0)
                try outputCursor.emitStart(
                    time: t0, state: UnsafeBufferPointer(start: state, count: rows), into: &rowSink)
                stepper.restart(
                    time: t0, initialStep: options.initialStepSize, end: tEnd, maximumStep: maximumStep,
                    statistics: &statistics)
                stepper.restartSensitivities(time: t0)
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
                        outcome = stepper.correctSensitivities(to: newTime, statistics: &statistics)
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
                            into: &rowSink)
                    }
                    if lands, stops.due(at: time, end: tEnd) {
                        stops.applyDue(at: time, to: &stepper.system, state: state, dimension: rows, statistics: &statistics)
                        try AdaptiveDriver.checkFinite(state, dimension: n, time: time)
                        try outputCursor.emitStepEnd(
                            time: time, state: UnsafeBufferPointer(start: state, count: rows), into: &rowSink)
                        stepper.restart(
                            time: time, initialStep: nil, end: tEnd, maximumStep: maximumStep,
                            statistics: &statistics)
                        stepper.restartSensitivities(time: time)
                        continue
                    }
                    try outputCursor.emitStepEnd(
                        time: time, state: UnsafeBufferPointer(start: state, count: rows), into: &rowSink)
                    stepper.chooseStepAndOrder(maximumStep: maximumStep)
                }
            }
        }
        let solution = ODESolution(
            finalTime: time, finalState: Array(workspace[0..<n]), finalSystem: stepper.system,
            statistics: statistics)
        return SensitivitySolution(
            solution: solution, parameters: parameters, finalSensitivities: Array(workspace[n..<rows]),
            parameterJacobianEvaluations: stepper.sensitivity.parameterJacobianEvaluations,
            sensitivityIterations: stepper.sensitivity.iterations,
            sensitivityErrorTestFailures: stepper.sensitivity.errorTestFailures)
    }
}
