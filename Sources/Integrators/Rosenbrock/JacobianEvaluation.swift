/// ∂f/∂y and ∂f/∂t for Rosenbrock methods.
///
/// ∂f/∂y is the system's analytic Jacobian when it provides one, otherwise forward differences
/// column by column (n evaluations of f), with increment δ_j = √ε · max(|y_j|, 1e-5), rounded so
/// that y_j + δ_j − y_j is exactly δ_j: √ε balances truncation (∝ δ) against cancellation
/// (∝ ε/δ) and gives about 8 correct digits, ample for the iteration matrix of a Rosenbrock
/// method whose order conditions assume the exact J only to the accuracy the error control
/// sees. ∂f/∂t (non-autonomous systems only) is a forward difference in t with
/// δ_t = √ε · max(|t|, 1e-5).
@usableFromInline
enum JacobianEvaluation {
    @usableFromInline static let squareRootEpsilon = Double.ulpOfOne.squareRoot()

    /// Writes ∂f/∂y at (t, y) into `matrix` (row-major; with a declared `jacobianSparsity` only
    /// its entries, the rest must be zero already). `f0` holds f(t, y); `scratch` (n) is
    /// overwritten; `y` is perturbed and restored exactly.
    @inlinable
    static func jacobian<System: ODESystem>(
        _ system: System, time: Double, state y: UnsafeMutablePointer<Double>,
        derivative f0: UnsafePointer<Double>, into matrix: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>, dimension n: Int, statistics: inout SolverStatistics
    ) {
        statistics.jacobianEvaluations += 1
        if system.providesJacobian {
            // Entries outside a declared sparsity stay as the zeroed workspace left them.
            system.jacobianEntries(
                time: time, state: UnsafeBufferPointer(start: y, count: n),
                into: UnsafeMutableBufferPointer(start: matrix, count: n * n))
            return
        }
        for j in 0..<n {
            let saved = y[j]
            let perturbed = saved + squareRootEpsilon * max(abs(saved), 1e-5)
            let increment = perturbed - saved
            y[j] = perturbed
            system.evaluate(
                time: time, state: UnsafeBufferPointer(start: y, count: n),
                derivative: UnsafeMutableBufferPointer(start: scratch, count: n))
            y[j] = saved
            let inverse = 1 / increment
            for i in 0..<n { matrix[i * n + j] = (scratch[i] - f0[i]) * inverse }
        }
        statistics.rightHandSideEvaluations += n
    }

    /// Writes ∂f/∂t at (t, y) into `timeDerivative`, or zeros for an autonomous system.
    @inlinable
    static func timeDerivative<System: ODESystem>(
        _ system: System, time: Double, state y: UnsafeMutablePointer<Double>,
        derivative f0: UnsafePointer<Double>, into timeDerivative: UnsafeMutablePointer<Double>,
        dimension n: Int, statistics: inout SolverStatistics
    ) {
        if system.isAutonomous {
            for i in 0..<n { timeDerivative[i] = 0 }
            return
        }
        let shifted = time + squareRootEpsilon * max(abs(time), 1e-5)
        let increment = shifted - time
        system.evaluate(
            time: shifted, state: UnsafeBufferPointer(start: y, count: n),
            derivative: UnsafeMutableBufferPointer(start: timeDerivative, count: n))
        let inverse = 1 / increment
        for i in 0..<n { timeDerivative[i] = (timeDerivative[i] - f0[i]) * inverse }
        statistics.rightHandSideEvaluations += 1
    }
}
