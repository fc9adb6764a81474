import Integrators

/// ROBER (`Robertson`) with its three rate constants as parameters p = (k1, k2, k3) =
/// (0.04, 3e7, 1e4), for forward-sensitivity tests and benchmarks (CVODES's `cvsRoberts_FSA_dns`
/// example solves the same sensitivities):
///
///     y1' = -k1 y1 + k3 y2 y3
///     y2' =  k1 y1 - k3 y2 y3 - k2 y2²
///     y3' =  k2 y2²
public struct ParametricRobertson: ParametricODESystem {
    public var rates: (Double, Double, Double)

    public init(rates: (Double, Double, Double) = (0.04, 3e7, 1e4)) { self.rates = rates }

    public var dimension: Int { 3 }
    public var parameterCount: Int { 3 }
    public var providesJacobian: Bool { true }
    public var isAutonomous: Bool { true }
    /// The nominal parameter values, for `SensitivityOptions.parameterScales`.
    public var parameterValues: [Double] { [rates.0, rates.1, rates.2] }

    @inlinable
    public func evaluate(
        time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>
    ) {
        let y1 = state[0], y2 = state[1], y3 = state[2]
        let slow = rates.0 * y1, fast = rates.2 * y2 * y3, square = rates.1 * y2 * y2
        derivative[0] = -slow + fast
        derivative[1] = slow - fast - square
        derivative[2] = square
    }

    @inlinable
    public func jacobian(
        time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>
    ) {
        let y2 = state[1], y3 = state[2]
        let (k1, k2, k3) = rates
        m[0] = -k1; m[1] = k3 * y3; m[2] = k3 * y2
        m[3] = k1; m[4] = -k3 * y3 - 2 * k2 * y2; m[5] = -k3 * y2
        m[6] = 0; m[7] = 2 * k2 * y2; m[8] = 0
    }

    /// Columns ∂f/∂k1 = (−y1, y1, 0), ∂f/∂k2 = (0, −y2², y2²), ∂f/∂k3 = (y2 y3, −y2 y3, 0).
    @inlinable
    public func parameterJacobian(
        time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>
    ) {
        let y1 = state[0], y2 = state[1], y3 = state[2]
        m[0] = -y1; m[1] = y1
        m[4] = -y2 * y2; m[5] = y2 * y2
        m[6] = y2 * y3; m[7] = -y2 * y3
    }
}
