extension ODESolver {
    /// Integrates `problem` and the forward sensitivities s_k = ∂y/∂p_k of the selected
    /// parameters, and streams both at the `output` times into `sink`.
    ///
    /// The sensitivities solve s_k' = J(t, y) s_k + ∂f/∂p_k, s_k(t0) given, by the staggered
    /// direct method in the BDF (`BDFStepper+Sensitivities.swift`; Caracotsios & Stewart 1985,
    /// CVODES of Hindmarsh et al. 2005): after each step of the state, the same NDF formula for
    /// the sensitivities is a linear system solved with the state's LU and the analytic J at the
    /// accepted point, so the result is the exact derivative of the discrete solution with
    /// respect to p along the steps taken (to the corrector tolerance). With
    /// `SensitivityOptions.errorControl` (the default) the sensitivities also take part in the
    /// error test, so the steps differ from those of `solve`; without it the steps are the
    /// state's alone.
    ///
    /// Events: by default the state changes an event makes are taken not to depend on p, so
    /// the sensitivities pass through them unchanged — exact for a dose of a fixed amount added
    /// to a compartment (y⁺ = y⁻ + Δ: ∂y⁺/∂p = ∂y⁻/∂p). For any other jump y⁺ = g(y⁻, p),
    /// `eventSensitivities` is called right after event `index` with the system and the state
    /// after it and must apply s⁺ = g_y s⁻ + g_p to the sensitivities (parameter-major, the
    /// selected parameters in order): add ∂Δ/∂p_k for a dose whose amount depends on p_k, zero
    /// s_ik where y_i is reset to a constant. Event times must not depend on p. Output times
    /// inside a step come from the same interpolating polynomial as the state's.
    ///
    /// The other methods (Rodas5P, Rosenbrock23, Tsit5, RK4) solve the augmented system
    /// [y; s_1; ...; s_m] (`AugmentedSensitivitySystem`): its Jacobian is block lower
    /// triangular with every diagonal block J, and the blocks below need the directional
    /// derivatives (J s_k + ∂f/∂p_k)_y, taken by finite differences (about 8 correct digits), so
    /// a Rosenbrock method's sensitivities carry an extra local error of about 1e-8 of that term
    /// rather than being the exact discrete derivative. Its iteration matrix is the full
    /// n(m + 1) square and every stage evaluates J: correct, affordable for small n and m, and
    /// several times dearer than the BDF's path. Factoring W = I/(γh) − J once per step and
    /// reusing it for every block (block forward substitution) is the efficient form, not yet
    /// written.
    ///
    /// ```swift
    /// /// y' = −k y; the parameters are k and y(0).
    /// struct Decay: ParametricODESystem {
    ///     var rate: Double
    ///     var dimension: Int { 1 }
    ///     var parameterCount: Int { 2 }
    ///     var providesJacobian: Bool { true }
    ///     func evaluate(time: Double, state: UnsafeBufferPointer<Double>,
    ///                   derivative: UnsafeMutableBufferPointer<Double>) {
    ///         derivative[0] = -rate * state[0]
    ///     }
    ///     func jacobian(time: Double, state: UnsafeBufferPointer<Double>,
    ///                   into matrix: UnsafeMutableBufferPointer<Double>) {
    ///         matrix[0] = -rate
    ///     }
    ///     func parameterJacobian(time: Double, state: UnsafeBufferPointer<Double>,
    ///                            into matrix: UnsafeMutableBufferPointer<Double>) {
    ///         matrix[0] = -state[0]  // ∂f/∂k; column 1 (∂f/∂y0) stays zero
    ///     }
    /// }
    ///
    /// let problem = ODEProblem(system: Decay(rate: 0.5), initialState: [2], startTime: 0, endTime: 4)
    /// var sink = SensitivityRecorder(dimension: 1, parameterCount: 2)
    /// let result = try ODESolver.solveWithSensitivities(
    ///     problem, options: SolverOptions(relativeTolerance: .scalar(1e-8), absoluteTolerance: .scalar(1e-10)),
    ///     sensitivities: SensitivityOptions(initialSensitivities: [0, 1], parameterScales: [0.5, 2]),
    ///     output: .uniform(start: 0, interval: 1, end: 4), into: &sink)
    /// result.finalSensitivity(component: 0, parameter: 0)  // ∂y(4)/∂k = −4 · 2 e^{−2}
    /// ```
    ///
    /// - Parameters:
    ///   - problem: the system, its initial state and the interval.
    ///   - method: `.bdf` (staggered direct method, the efficient path) or any other method
    ///     (augmented system).
    ///   - options: tolerances of the state (the sensitivities' follow from them and the
    ///     parameter scales), step bounds and budget.
    ///   - sensitivities: which parameters, their initial sensitivities and scales, and error control.
    ///   - eventSensitivities: the jump of the sensitivities at each event, when it depends on p
    ///     or on y (nil: unchanged). Called once per event, never per step.
    ///   - events: the time events, as for `solve`.
    ///   - output: the output times.
    ///   - sink: receives the state and the sensitivities at every output time.
    /// - Throws: `SolverError` as `solve` does (`.nonFiniteSensitivity` naming the state and the
    ///   parameter when a sensitivity is not finite but the state is), and `.invalidInput` when the system has no
    ///   analytic Jacobian (`providesJacobian`), or the
    ///   sensitivity options do not fit the system; or whatever `sink` throws.
    /// - Complexity: BDF: the state's solve plus, per accepted step, one J, one ∂f/∂p and per
    ///   parameter one product J·s and usually one or two back-substitutions (no f evaluation).
    ///   Other methods: the method's cost on n(m + 1) equations, plus one J per evaluation of f
    ///   and n + 1 per Jacobian.
    @inlinable
    public static func solveWithSensitivities<System: ParametricODESystem, Sink: SensitivitySink>(
        _ problem: ODEProblem<System>,
        method: IntegrationMethod = .bdf,
        options: SolverOptions = SolverOptions(),
        sensitivities: SensitivityOptions = SensitivityOptions(),
        events: TimeEventSchedule<System> = .none,
        eventSensitivities: ((_ index: Int, _ time: Double, _ system: System, _ state: UnsafeBufferPointer<Double>,
                              _ sensitivities: UnsafeMutableBufferPointer<Double>) -> Void)? = nil,
        output: OutputGrid,
        into sink: inout Sink
    ) throws -> SensitivitySolution<System> {
        // Each event, then its jump in the sensitivities, on the row [y; s_1; ...; s_m].
        let n = problem.system.dimension
        let augmentedEvents = TimeEventSchedule<System>(times: events.times) { index, time, system, row in
            events.apply(index, time, &system, UnsafeMutableBufferPointer(rebasing: row[0..<n]))
            eventSensitivities?(
                index, time, system, UnsafeBufferPointer(rebasing: row[0..<n]),
                UnsafeMutableBufferPointer(rebasing: row[n...]))
        }
        if method == .bdf {
            return try BDFSensitivityDriver.solve(
                problem, options: options, sensitivities: sensitivities, rowEvents: augmentedEvents, output: output,
                into: &sink)
        }
        return try AugmentedSensitivitySolver.solve(
            problem, method: method, options: options, sensitivities: sensitivities, rowEvents: augmentedEvents,
            output: output, into: &sink)
    }
}
