/// Solves `ODEProblem`s with a chosen `IntegrationMethod`.
///
/// The one-step adaptive methods share one step loop (`AdaptiveDriver`: mixed per-component
/// tolerances, step-size control (PI for explicit methods, the standard controller for
/// Rosenbrock methods), automatic initial step, exact landing on events, dense output) and differ
/// only in their step (`RodasStepper` with `Rodas5PTableau`, `Rosenbrock23Stepper`,
/// `Tsit5Stepper`). The BDF chooses its own order and step (`BDFDriver`, `BDFStepper`) under the
/// same contract for events, output and errors; `FixedStepRK4` is the fixed-step reference.
public enum ODESolver {
    /// Integrates `problem` from its start to its end time, stopping exactly at every event
    /// time, and streams the solution at the `output` times into `sink`.
    ///
    /// Everything is generic and `@inlinable`, so a call specializes on the system and the sink
    /// in the caller's module: the right-hand side and Jacobian are direct calls in the step
    /// loop, and a solve allocates only its workspace (see `AdaptiveDriver`).
    ///
    /// - Throws: `SolverError` when the solve fails, or whatever `sink` throws.
    /// - Complexity: O(steps · cost of f) for explicit methods; O(steps · (n³ + s · n²)) for
    ///   Rosenbrock methods with n states and s stages; for the BDF O(steps · n²) plus
    ///   O(n³) per change of step or order.
    @inlinable
    public static func solve<System: ODESystem, Sink: SolutionSink>(
        _ problem: ODEProblem<System>,
        method: IntegrationMethod = .defaultForStiffModels,
        options: SolverOptions = SolverOptions(),
        events: TimeEventSchedule<System> = .none,
        output: OutputGrid,
        into sink: inout Sink
    ) throws -> ODESolution<System> {
        switch method {
        case .rk4:
            return try FixedStepRK4.solve(
                problem, options: options, events: events, output: output, into: &sink)
        case .rodas5P:
            var stepper = RodasStepper<System, Rodas5PTableau>(system: problem.system)
            return try AdaptiveDriver.solve(
                stepper: &stepper, problem, options: options, events: events, output: output,
                into: &sink)
        case .rosenbrock23:
            var stepper = Rosenbrock23Stepper(system: problem.system)
            return try AdaptiveDriver.solve(
                stepper: &stepper, problem, options: options, events: events, output: output,
                into: &sink)
        case .bdf:
            return try BDFDriver.solve(problem, options: options, events: events, output: output, into: &sink)
        case .tsit5:
            var stepper = Tsit5Stepper(system: problem.system)
            return try AdaptiveDriver.solve(
                stepper: &stepper, problem, options: options, events: events, output: output,
                into: &sink)
        }
    }
}
