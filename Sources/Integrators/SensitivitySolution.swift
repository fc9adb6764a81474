/// The outcome of a successful forward-sensitivity solve: the solution, and the sensitivities
/// at the final time. The trajectory and its sensitivities went to the sink.
public struct SensitivitySolution<System: ParametricODESystem> {
    /// The state solve: final time, state, system and statistics (the steps, f, J and LU counts
    /// include the work done for the sensitivities).
    public var solution: ODESolution<System>
    /// The selected parameters, in the order of `finalSensitivities`.
    public var parameters: [Int]
    /// ∂y_i(t_end)/∂p_{parameters[k]} at `finalSensitivities[k * n + i]`.
    public var finalSensitivities: [Double]
    /// Evaluations of ∂f/∂p (one per accepted state step and per restart).
    public var parameterJacobianEvaluations: Int
    /// Linear corrector iterations of the sensitivities, summed over the steps (each is one
    /// back-substitution per parameter).
    public var sensitivityIterations: Int
    /// Steps rejected by the sensitivities' error test after the state's passed.
    public var sensitivityErrorTestFailures: Int

    /// Made by the solver; public so that callers can build results for tests.
    @inlinable
    public init(
        solution: ODESolution<System>, parameters: [Int], finalSensitivities: [Double],
        parameterJacobianEvaluations: Int, sensitivityIterations: Int, sensitivityErrorTestFailures: Int
    ) {
        self.solution = solution
        self.parameters = parameters
        self.finalSensitivities = finalSensitivities
        self.parameterJacobianEvaluations = parameterJacobianEvaluations
        self.sensitivityIterations = sensitivityIterations
        self.sensitivityErrorTestFailures = sensitivityErrorTestFailures
    }

    /// ∂y_i(t_end)/∂p for the k-th selected parameter.
    @inlinable
    public func finalSensitivity(component i: Int, parameter k: Int) -> Double {
        finalSensitivities[k * solution.finalState.count + i]
    }
}
