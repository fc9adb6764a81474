/// Classical fourth-order Runge-Kutta with a fixed step, for teaching and reference runs.
///
/// The step is `SolverOptions.fixedStepSize` (default: 1/1000 of the interval), shortened only
/// to land exactly on event and end times; the shared step loop (`StepLoop`) runs it under
/// `FixedStepPolicy`, which also holds the step itself. Output between steps uses cubic Hermite
/// interpolation from the step's end-point derivatives (third order, C1).
@usableFromInline
enum FixedStepRK4 {
    @inlinable
    static func solve<System: ODESystem, Sink: SolutionSink>(
        _ problem: ODEProblem<System>,
        options: SolverOptions,
        events: TimeEventSchedule<System>,
        output: OutputGrid,
        into sink: inout Sink
    ) throws -> ODESolution<System> {
        let system = problem.system
        let n = system.dimension
        // The same checks as the adaptive methods, except tolerances and step-size bounds,
        // which a fixed step ignores.
        try SolveInputValidation.validate(
            problem, options: options, dimension: n, eventTimes: events.times, output: output)
        let t0 = problem.startTime, tEnd = problem.endTime
        let nominalStep = options.fixedStepSize ?? (tEnd - t0) / 1000
        guard nominalStep > 0, nominalStep.isFinite else {
            throw SolverError.invalidInput("fixed step size must be positive, got \(nominalStep)")
        }
        var statistics = SolverStatistics()
        var outputCursor = OutputCursor(grid: output, start: t0, end: tEnd)
        var allocator = WorkspaceAllocator()
        let layout = Layout(dimension: n, allocator: &allocator)
        var workspace = Workspace(allocator)
        let (time, finalSystem) = try workspace.withMemory { memory in
            var policy = FixedStepPolicy(system: system, nominalStep: nominalStep, layout: layout, memory: memory)
            for i in 0..<n { policy.y[i] = problem.initialState[i] }
            let time = try StepLoop.run(
                &policy, start: t0, end: tEnd, dimension: n, rowLength: n, maximumSteps: options.maximumSteps,
                events: events, output: &outputCursor, into: &sink, statistics: &statistics)
            return (time, policy.system)
        }
        let finalState = workspace.values(layout.y)
        return ODESolution(
            finalTime: time, finalState: finalState, finalSystem: finalSystem, statistics: statistics)
    }

    /// The named slices of an RK4 solve: the state y, the step's end y1, the stages k1..k4, the
    /// stage point and f at the step's end.
    @usableFromInline
    struct Layout {
        @usableFromInline let y, y1, k1, k2, k3, k4, scratch, f1: WorkspaceSlice<Double>

        @inlinable
        init(dimension n: Int, allocator: inout WorkspaceAllocator) {
            y = allocator.doubles(n, "rk4.y")
            y1 = allocator.doubles(n, "rk4.y1")
            k1 = allocator.doubles(n, "rk4.k1")
            k2 = allocator.doubles(n, "rk4.k2")
            k3 = allocator.doubles(n, "rk4.k3")
            k4 = allocator.doubles(n, "rk4.k4")
            scratch = allocator.doubles(n, "rk4.scratch")
            f1 = allocator.doubles(n, "rk4.f1")
        }
    }
}
