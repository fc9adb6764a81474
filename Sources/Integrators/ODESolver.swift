/// Solves `ODEProblem`s with a chosen `IntegrationMethod`.
///
/// Every method runs in one step loop (budget, exact landing on time events, events, dense
/// output to the sink, errors) and differs only in its step and its accept/reject policy: the
/// one-step adaptive methods (`RodasStepper` with `Rodas5PTableau`, `Rosenbrock23Stepper`,
/// `Tsit5Stepper`) under the error-norm test and a PI controller with mixed per-component
/// tolerances and an automatic initial step; the BDF choosing its own order and step; RK4
/// with a fixed step.
public enum ODESolver {
    /// Integrates `problem` from its start to its end time, stopping exactly at every event
    /// time, and streams the solution at the `output` times into `sink`.
    ///
    /// Everything is generic and `@inlinable`, so a call specializes on the system and the sink
    /// in the caller's module: the right-hand side and Jacobian are direct calls in the step
    /// loop, and a solve allocates only its workspace, once.
    ///
    /// - Parameters:
    ///   - problem: the system, its initial state and the interval.
    ///   - method: the integration method (default Rodas5P).
    ///   - options: tolerances, step bounds and the step budget.
    ///   - events: times at which the solve stops exactly and lets the caller change the state
    ///     or the system.
    ///   - output: the times to report; `.everyStep` for every accepted step.
    ///   - sink: receives the solution at the output times as the solve proceeds.
    /// - Returns: the final time, state and system, and the work done.
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
            return try AdaptiveDriver.solve(
                RodasStepper<System, Rodas5PTableau>.self, problem, options: options, events: events, output: output,
                into: &sink)
        case .rosenbrock23:
            return try AdaptiveDriver.solve(
                Rosenbrock23Stepper<System>.self, problem, options: options, events: events, output: output,
                into: &sink)
        case .bdf:
            return try BDFDriver.solve(problem, options: options, events: events, output: output, into: &sink)
        case .tsit5:
            return try AdaptiveDriver.solve(
                Tsit5Stepper<System>.self, problem, options: options, events: events, output: output,
                into: &sink)
        }
    }
}
