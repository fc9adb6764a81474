import Foundation

/// A BDF solve with forward sensitivities: the shared loop (`BDFDriver.run`) with a
/// `BDFSensitivityCompanion`, which adds the staggered sensitivity step
/// (`BDFStepper+Sensitivities.swift`) after each accepted state step. A solve without
/// sensitivities runs the loop with `BDFStateOnly` and so exactly the code it ran before.
///
/// Rows of differences and of output are y followed by the sensitivities interleaved (entry i
/// of parameter k at n + i·m + k, `InterleavedRows`); the output cursor and the dense output see
/// one vector of n(m + 1) values, and the caller's events and sink see [y; s_1; ...; s_m].
///
/// Time events: `rowEvents` act on the whole row [y; s] (`ODESolver.solveWithSensitivities`
/// builds them from the caller's events and sensitivity jumps; by default s passes through
/// unchanged, exact for a jump y⁺ = y⁻ + Δ with Δ independent of p and y). After events the
/// method restarts at order 1 with D_1 = h (J s + ∂f/∂p) from the post-event state.
///
/// Allocation: one `[Double]` and one `[Int]` workspace per solve, two rows for converting
/// at events and output (plus the validated parameter list and the final values), none per step.
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
        let n = problem.system.dimension
        let (parameters, scales) = try SolveInputValidation.validate(
            problem, options: options, sensitivities: sensitivityOptions, eventTimes: events.times,
            output: output)
        let m = parameters.count, p = problem.system.parameterCount
        let rows = n * (m + 1)
        var statistics = SolverStatistics()
        var outputCursor = OutputCursor(grid: output, start: problem.startTime, end: problem.endTime)
        var rowSink = InterleavedRowSink(
            inner: AugmentedRowSink(inner: sink, dimension: n), dimension: n, sensitivityCount: m)
        defer { sink = rowSink.inner.inner }
        // The caller's events see [y; s_1; ...; s_m]; the stepper's rows interleave the
        // sensitivities. Once per event, so the two transpositions cost nothing per step.
        var eventRow = [Double](repeating: 0, count: rows)
        let interleavedEvents = TimeEventSchedule<System>(times: events.times) { index, time, system, row in
            eventRow.withUnsafeMutableBufferPointer { external in
                InterleavedRows.deinterleave(
                    UnsafePointer(row.baseAddress!), into: external.baseAddress!, dimension: n, count: m)
                events.apply(index, time, &system, external)
                InterleavedRows.interleave(
                    UnsafePointer(external.baseAddress!), into: row.baseAddress!, dimension: n, count: m)
            }
        }

        var allocator = WorkspaceAllocator()
        let layout = BDFStepper<System>.Layout(
            dimension: n, sensitivityCount: m, parameterCount: p, allocator: &allocator)
        var workspace = Workspace(allocator)

        let (time, stepper) = try workspace.withMemory { memory in
            var policy = BDFPolicy(
                stepper: BDFStepper(system: problem.system, layout: layout, memory: memory),
                companion: BDFSensitivityCompanion(), rowLength: rows, problem: problem, options: options)
            policy.stepper.setInitialState(problem.initialState, options: options)
            if let initial = sensitivityOptions.initialSensitivities, m > 0 {
                initial.withUnsafeBufferPointer {
                    InterleavedRows.interleave(
                        sensitivities: $0.baseAddress!, into: policy.stepper.differences + n, dimension: n, count: m)
                }
            }
            policy.stepper.prepareSensitivities(
                parameters: parameters, scales: scales, errorControl: sensitivityOptions.errorControl)
            let time = try BDFDriver.run(
                &policy, problem: problem, options: options, events: interleavedEvents, output: &outputCursor,
                into: &rowSink, statistics: &statistics)
            return (time, policy.stepper)
        }
        let finalRow = workspace.values(layout.differences, n..<rows)
        var finalSensitivities = [Double](repeating: 0, count: n * m)
        if m > 0 {
            finalRow.withUnsafeBufferPointer { block in
                finalSensitivities.withUnsafeMutableBufferPointer {
                    InterleavedRows.deinterleave(sensitivities: block.baseAddress!, into: $0.baseAddress!, dimension: n, count: m)
                }
            }
        }
        let solution = ODESolution(
            finalTime: time, finalState: workspace.values(layout.differences, 0..<n), finalSystem: stepper.system,
            statistics: statistics)
        return SensitivitySolution(
            solution: solution, parameters: parameters, finalSensitivities: finalSensitivities,
            parameterJacobianEvaluations: stepper.sensitivity.parameterJacobianEvaluations,
            sensitivityIterations: stepper.sensitivity.iterations,
            sensitivityErrorTestFailures: stepper.sensitivity.errorTestFailures)
    }
}
