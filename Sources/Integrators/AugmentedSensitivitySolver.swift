/// Forward sensitivities with the one-step methods (Rodas5P, Rosenbrock23, Tsit5, RK4): the
/// method solves `AugmentedSensitivitySystem`, z = [y; s_1; ...; s_m], with the tolerances of
/// y for the state and rtol_i, atol_i/|p̄_k| for s_k (CVODES's defaults), or no absolute or
/// relative control of s when `SensitivityOptions.errorControl` is off. `rowEvents` act on
/// [y; s] as in `BDFSensitivityDriver`.
@usableFromInline
enum AugmentedSensitivitySolver {
    @inlinable
    static func solve<System: ParametricODESystem, Sink: SensitivitySink>(
        _ problem: ODEProblem<System>,
        method: IntegrationMethod,
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
        let size = n * (m + 1)

        var relative = [Double](repeating: 0, count: size), absolute = relative
        for i in 0..<n {
            relative[i] = options.relativeTolerance[i]
            absolute[i] = options.absoluteTolerance[i]
            for k in 0..<m {
                relative[(k + 1) * n + i] = sensitivityOptions.errorControl ? relative[i] : 0
                absolute[(k + 1) * n + i] = sensitivityOptions.errorControl
                    ? absolute[i] / scales[k] : Double.greatestFiniteMagnitude
            }
        }
        var augmentedOptions = options
        augmentedOptions.relativeTolerance = .perComponent(relative)
        augmentedOptions.absoluteTolerance = .perComponent(absolute)
        var initialState = problem.initialState
        initialState += sensitivityOptions.initialSensitivities ?? [Double](repeating: 0, count: m * n)

        var indices = parameters + [0]
        var scratch = [Double](
            repeating: 0,
            count: AugmentedSensitivitySystem<System>.scratchCount(dimension: n, sensitivityCount: m, parameterCount: p))
        let innerEvents = events
        let augmentedEvents = TimeEventSchedule<AugmentedSensitivitySystem<System>>(times: events.times) {
            index, time, system, state in
            innerEvents.apply(index, time, &system.inner, state)
        }
        var rowSink = AugmentedRowSink(inner: sink, dimension: n)
        defer { sink = rowSink.inner }
        let solution: ODESolution<AugmentedSensitivitySystem<System>>
        do {
            solution = try indices.withUnsafeMutableBufferPointer { indexBuffer in
                try scratch.withUnsafeMutableBufferPointer { scratchBuffer in
                    let system = AugmentedSensitivitySystem(
                        inner: problem.system, sensitivityCount: m, parameters: indexBuffer.baseAddress!,
                        scratch: scratchBuffer.baseAddress!)
                    return try ODESolver.solve(
                        ODEProblem(system: system, initialState: initialState, startTime: problem.startTime,
                                   endTime: problem.endTime),
                        method: method, options: augmentedOptions, events: augmentedEvents, output: output,
                        into: &rowSink)
                }
            }
        } catch SolverError.nonFiniteState(let component, let time) where component >= n {
            // Component (k + 1)·n + i of z is s_k's entry i: the first found not finite (a NaN
            // spreads to the other entries through J·s within a step).
            throw SolverError.nonFiniteSensitivity(component: component % n, parameter: parameters[component / n - 1], time: time)
        }
        return SensitivitySolution(
            solution: ODESolution(
                finalTime: solution.finalTime, finalState: Array(solution.finalState[0..<n]),
                finalSystem: solution.finalSystem.inner, statistics: solution.statistics),
            parameters: parameters, finalSensitivities: Array(solution.finalState[n...]),
            parameterJacobianEvaluations: indices[m], sensitivityIterations: 0, sensitivityErrorTestFailures: 0)
    }
}
