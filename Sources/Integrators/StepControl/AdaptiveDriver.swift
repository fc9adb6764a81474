import Foundation

/// Sets up a solve with an adaptive one-step method (`AdaptiveStepper`: Rodas5P,
/// Rosenbrock23, Tsit5) and runs it in the shared step loop (`StepLoop`) under the PI
/// controller's accept/reject policy (`AdaptivePolicy`).
///
/// A trial step that produces non-finite numbers is rejected and retried with a step five
/// times smaller; after `maximumNonFiniteRetries` such retries in a row the solve throws
/// `SolverError.nonFiniteState` naming the first non-finite component.
///
/// Allocation: one `[Double]` and one `[Int]` workspace per solve (`Workspace`, sized by the
/// `WorkspaceAllocator` from the loop's `Slices` and the stepper's `Layout`), entered once,
/// plus the final-state array; the step loop, the right-hand side, the Jacobian, the LU and the
/// dense output allocate nothing (the malloc counts are in Benchmarks/RESULTS.md).
@usableFromInline
enum AdaptiveDriver {
    /// Consecutive non-finite trial steps tolerated (each shrinks h by 5: 5^8 ≈ 4e5) before
    /// the solve reports `nonFiniteState`.
    @usableFromInline static let maximumNonFiniteRetries = 8

    @inlinable
    static func solve<Stepper: AdaptiveStepper, Sink: SolutionSink>(
        _ method: Stepper.Type,
        _ problem: ODEProblem<Stepper.System>,
        options: SolverOptions,
        events: TimeEventSchedule<Stepper.System>,
        output: OutputGrid,
        into sink: inout Sink
    ) throws -> ODESolution<Stepper.System> {
        let n = problem.system.dimension
        try SolveInputValidation.validateAdaptive(
            problem, options: options, dimension: n, eventTimes: events.times, output: output)
        let t0 = problem.startTime, tEnd = problem.endTime
        var statistics = SolverStatistics()
        var outputCursor = OutputCursor(grid: output, start: t0, end: tEnd)
        let maximumStep = min(options.maximumStepSize, tEnd - t0)

        var allocator = WorkspaceAllocator()
        let slices = Slices(dimension: n, allocator: &allocator)
        let stepperLayout = Stepper.Layout(dimension: n, allocator: &allocator)
        var workspace = Workspace(allocator)
        var time = t0
        var finalIsInTrialSlot = false

        let finalSystem = try workspace.withMemory { memory in
            let state = memory[slices.state]
            let out = UnsafeMutableBufferPointer(start: memory[slices.out], count: n)
            let absolute = memory[slices.absolute], relative = memory[slices.relative]
            for i in 0..<n {
                state[i] = problem.initialState[i]
                absolute[i] = options.absoluteTolerance[i]
                relative[i] = options.relativeTolerance[i]
            }
            let tolerances = ToleranceVectors(
                absolute: UnsafePointer(absolute), relative: UnsafePointer(relative))

            var policy = AdaptivePolicy(
                stepper: Stepper(system: problem.system, layout: stepperLayout, memory: memory),
                state: state, trial: memory[slices.trial], out: out,
                initialStepScratch: memory[slices.initialStepScratch], tolerances: tolerances, dimension: n,
                end: tEnd, maximumStep: maximumStep, initialStepSize: options.initialStepSize)
            time = try StepLoop.run(
                &policy, start: t0, end: tEnd, dimension: n, rowLength: n, maximumSteps: options.maximumSteps,
                events: events, output: &outputCursor, into: &sink, statistics: &statistics)
            finalIsInTrialSlot = policy.stateIsInTrialSlot
            return policy.stepper.system
        }
        let finalState = workspace.values(finalIsInTrialSlot ? slices.trial : slices.state)
        return ODESolution(
            finalTime: time, finalState: finalState, finalSystem: finalSystem, statistics: statistics)
    }

    /// The loop's own slices: the current and trial states (swapped on acceptance), the dense
    /// output row, the expanded tolerances and `initialStep`'s scratch.
    @usableFromInline
    struct Slices {
        @usableFromInline let state, trial, out, absolute, relative, initialStepScratch: WorkspaceSlice<Double>

        @inlinable
        init(dimension n: Int, allocator: inout WorkspaceAllocator) {
            state = allocator.doubles(n, "loop.state")
            trial = allocator.doubles(n, "loop.trial")
            out = allocator.doubles(n, "loop.out")
            absolute = allocator.doubles(n, "loop.absolute")
            relative = allocator.doubles(n, "loop.relative")
            initialStepScratch = allocator.doubles(3 * n, "loop.initialStepScratch")
        }
    }

    /// Hairer-Nørsett-Wanner I, Sec. II.4 (`ode_determine_initdt` in OrdinaryDiffEq): the step
    /// whose explicit Euler error estimate meets the tolerance, from f at the start and after
    /// one trial Euler step: d0 = ‖y0‖, d1 = ‖f0‖, h0 = 0.01 d0/d1, d2 = ‖f(y0 + h0 f0) − f0‖/h0,
    /// h = min(100 h0, (0.01 / max(d1, d2))^(1/k)). Costs two evaluations of f.
    @inlinable
    static func initialStep<System: ODESystem>(
        system: System, time t0: Double, state y0: UnsafeMutablePointer<Double>, end tEnd: Double,
        maximumStep: Double, errorOrder: Double, tolerances: ToleranceVectors, dimension n: Int,
        scratch: UnsafeMutablePointer<Double>, statistics: inout SolverStatistics
    ) -> Double {
        let span = tEnd - t0
        let f0 = scratch, y1 = scratch + n, f1 = scratch + 2 * n
        system.evaluate(
            time: t0, state: UnsafeBufferPointer(start: y0, count: n),
            derivative: UnsafeMutableBufferPointer(start: f0, count: n))
        statistics.rightHandSideEvaluations += 1
        let d0 = ErrorNorm.weighted(
            y0, reference: y0, absoluteTolerance: tolerances.absolute,
            relativeTolerance: tolerances.relative, dimension: n)
        let d1 = ErrorNorm.weighted(
            f0, reference: y0, absoluteTolerance: tolerances.absolute,
            relativeTolerance: tolerances.relative, dimension: n)
        guard d0.isFinite, d1.isFinite else { return min(1e-6 * span, maximumStep) }
        var h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1
        h0 = min(h0, maximumStep, span)
        for i in 0..<n { y1[i] = y0[i] + h0 * f0[i] }
        system.evaluate(
            time: t0 + h0, state: UnsafeBufferPointer(start: y1, count: n),
            derivative: UnsafeMutableBufferPointer(start: f1, count: n))
        statistics.rightHandSideEvaluations += 1
        for i in 0..<n { f1[i] = f1[i] - f0[i] }
        let d2 = ErrorNorm.weighted(
            f1, reference: y0, absoluteTolerance: tolerances.absolute,
            relativeTolerance: tolerances.relative, dimension: n) / h0
        let largest = max(d1, d2)
        let h1: Double
        if !largest.isFinite {
            h1 = 1e-3 * h0
        } else if largest <= 1e-15 {
            h1 = max(1e-6, 1e-3 * h0)
        } else {
            h1 = pow(0.01 / largest, 1 / errorOrder)
        }
        return min(100 * h0, h1, maximumStep, span)
    }
}
