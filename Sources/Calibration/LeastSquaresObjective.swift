/// A weighted least-squares problem on a box in log-parameter space: the seam between the
/// optimizer and the model. `CalibrationProblem` evaluates the studies; tests wrap it to inject
/// failures; `CalibrationProblem` supplies `jacobian` from forward sensitivities.
package protocol LeastSquaresObjective: Sendable {
    /// Number of fitted parameters (the length of `x`).
    var parameterCount: Int { get }
    /// Number of weighted residuals.
    var residualCount: Int { get }
    /// The weighted residuals (model − value) / sigma at `x` (natural logarithms of the values),
    /// or why they could not be computed (a failed simulation, an undefined statistic).
    func residuals(at x: [Double]) -> Result<[Double], EvaluationFailure>
    /// The Jacobian of the residuals at `x` (row-major, `residualCount × parameterCount`), with
    /// `r` the residuals there; nil to let the optimizer estimate it by central differences
    /// (`CentralDifferenceJacobian`).
    func jacobian(at x: [Double], residuals r: [Double]) -> [Double]?
}

extension LeastSquaresObjective {
    package func jacobian(at x: [Double], residuals r: [Double]) -> [Double]? { nil }
}

/// A residual evaluation that did not produce numbers: the optimizer treats it as an infinite
/// cost (a rejected step) and counts it.
package struct EvaluationFailure: Error, Sendable, Equatable {
    package var message: String
    package init(_ message: String) { self.message = message }
}
