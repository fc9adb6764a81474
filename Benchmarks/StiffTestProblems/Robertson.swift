import Integrators

/// ROBER: Robertson's (1966) autocatalytic reaction, test-set file `rober.f` (rev. 2006-10-02).
///
///     y1' = -0.04 y1 + 1e4 y2 y3
///     y2' =  0.04 y1 - 1e4 y2 y3 - 3e7 y2²
///     y3' =  3e7 y2²
///
/// y(0) = (1, 0, 0) on [0, 1e11]. y2 peaks near 3.6e-5 and ends near 8e-13, so loose absolute
/// tolerances let it go negative and the solution blow up: a test of long-horizon stability.
public struct Robertson: StiffTestProblem {
    public static let name = "rober"
    public init() {}

    public var dimension: Int { 3 }
    public var providesJacobian: Bool { true }
    public var isAutonomous: Bool { true }
    public var initialState: [Double] { [1, 0, 0] }
    public var endTime: Double { 1e11 }
    public var referenceSolution: [Double] {
        [0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050e+00]
    }

    @inlinable
    public func evaluate(
        time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>
    ) {
        let y1 = state[0], y2 = state[1], y3 = state[2]
        let slow = 0.04 * y1, fast = 1e4 * y2 * y3, square = 3e7 * y2 * y2
        derivative[0] = -slow + fast
        derivative[1] = slow - fast - square
        derivative[2] = square
    }

    @inlinable
    public func jacobian(
        time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>
    ) {
        let y2 = state[1], y3 = state[2]
        m[0] = -0.04; m[1] = 1e4 * y3; m[2] = 1e4 * y2
        m[3] = 0.04; m[4] = -1e4 * y3 - 6e7 * y2; m[5] = -1e4 * y2
        m[6] = 0; m[7] = 6e7 * y2; m[8] = 0
    }
}
