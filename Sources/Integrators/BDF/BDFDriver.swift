import Foundation

/// Sets up a BDF solve (`BDFStepper`) and runs it in the shared step loop (`StepLoop`) under
/// the BDF's policy (`BDFPolicy`); `BDFSensitivityDriver` runs the same loop with a
/// `BDFSensitivityCompanion` on rows of y and the interleaved sensitivities
/// (`InterleavedRows`). Errors: `nonFiniteState` after
/// `AdaptiveDriver.maximumNonFiniteRetries` non-finite trials in a row, `stepSizeUnderflow`,
/// `stepBudgetExhausted`. Allocation: one `[Double]` and one `[Int]` workspace per solve plus
/// the final state, none per step (counts in Benchmarks/RESULTS.md).
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
        let n = problem.system.dimension
        try SolveInputValidation.validateAdaptive(
            problem, options: options, dimension: n, eventTimes: events.times, output: output)
        var statistics = SolverStatistics()
        var outputCursor = OutputCursor(grid: output, start: problem.startTime, end: problem.endTime)

        var allocator = WorkspaceAllocator()
        let layout = BDFStepper<System>.Layout(dimension: n, allocator: &allocator)
        var workspace = Workspace(allocator)

        let (time, finalSystem) = try workspace.withMemory { memory in
            var policy = BDFPolicy(
                stepper: BDFStepper(system: problem.system, layout: layout, memory: memory),
                companion: BDFStateOnly(), rowLength: n, problem: problem, options: options)
            policy.stepper.setInitialState(problem.initialState, options: options)
            let time = try run(
                &policy, problem: problem, options: options, events: events, output: &outputCursor,
                into: &sink, statistics: &statistics)
            return (time, policy.stepper.system)
        }
        let finalState = workspace.values(layout.differences, 0..<n)
        return ODESolution(
            finalTime: time, finalState: finalState, finalSystem: finalSystem, statistics: statistics)
    }

    /// The shared step loop (`StepLoop`) under the BDF's policy, from a stepper whose D_0
    /// holds the initial row. Events, output and the sink see rows of the policy's
    /// `rowLength` (n, or n(m + 1) with sensitivities); only the state's n are checked for
    /// finiteness. Returns the final time.
    @inlinable
    static func run<System: ODESystem, Sink: SolutionSink, Companion: BDFStepCompanion>(
        _ policy: inout BDFPolicy<System, Companion>,
        problem: ODEProblem<System>,
        options: SolverOptions,
        events: TimeEventSchedule<System>,
        output outputCursor: inout OutputCursor,
        into sink: inout Sink,
        statistics: inout SolverStatistics
    ) throws -> Double where Companion.System == System {
        try StepLoop.run(
            &policy, start: problem.startTime, end: problem.endTime, dimension: policy.stepper.n,
            rowLength: policy.rows, maximumSteps: options.maximumSteps, events: events, output: &outputCursor,
            into: &sink, statistics: &statistics)
    }
}
