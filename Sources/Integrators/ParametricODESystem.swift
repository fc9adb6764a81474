/// A system y' = f(t, y, p) whose derivatives with respect to its parameters p are known, so
/// that the engine can solve the forward sensitivity equations s_k' = J s_k + ∂f/∂p_k alongside
/// the state (`ODESolver.solveWithSensitivities`).
///
/// The parameters are whatever the system says they are: rate constants, doses, or an initial
/// value (a parameter that appears only in y(0) has a zero column here and a nonzero initial
/// sensitivity, `SensitivityOptions.initialSensitivities`). The engine never reads or changes
/// their values; it only asks for ∂f/∂p at the accepted states.
///
/// As with `ODESystem.evaluate`, the derivative is written into a caller-owned buffer and the
/// solver is generic over the conforming type, so the call is specialized into the step loop
/// (no existential, no closure, no allocation per step).
public protocol ParametricODESystem: ODESystem {
    /// Number of parameters p; constant for the lifetime of a solve.
    var parameterCount: Int { get }

    /// Writes ∂f/∂p at (t, y) into `matrix` (length `dimension · parameterCount`), one column
    /// per parameter, contiguous: `matrix[k * dimension + i] = ∂f_i/∂p_k` (column-major n × p).
    /// The engine zeroes the buffer before each call, so only entries that can be nonzero need
    /// writing. Must not allocate.
    func parameterJacobian(
        time: Double, state: UnsafeBufferPointer<Double>,
        into matrix: UnsafeMutableBufferPointer<Double>)
}
