import Integrators

/// VDPOL: the stiff Van der Pol oscillator in the test set's epsilon form (`vdpol.f`; the same
/// form as Hairer & Wanner, Solving ODEs II, Sec. IV.10):
///
///     y1' = y2
///     y2' = ((1 - y1²) y2 - y1) / ε,   ε = 1e-6
///
/// y(0) = (2, 0) on [0, 2]: two fast transitions separate slow arcs.
public struct VanDerPol: StiffTestProblem {
    public static let name = "vdpol"
    public init() {}

    /// The stiffness parameter ε.
    public let epsilon = 1e-6

    public var dimension: Int { 2 }
    public var providesJacobian: Bool { true }
    public var isAutonomous: Bool { true }
    public var initialState: [Double] { [2, 0] }
    public var endTime: Double { 2 }
    public var referenceSolution: [Double] { [0.1706167732170483e+01, -0.8928097010247975e+00] }

    @inlinable
    public func evaluate(
        time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>
    ) {
        let y1 = state[0], y2 = state[1]
        derivative[0] = y2
        derivative[1] = ((1 - y1 * y1) * y2 - y1) / epsilon
    }

    @inlinable
    public func jacobian(
        time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>
    ) {
        let y1 = state[0], y2 = state[1]
        m[0] = 0; m[1] = 1
        m[2] = (-2 * y1 * y2 - 1) / epsilon
        m[3] = (1 - y1 * y1) / epsilon
    }
}
