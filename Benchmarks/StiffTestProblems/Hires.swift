import Integrators

/// HIRES: Schäfer's (1975) "High Irradiance RESponse" of photomorphogenesis, 8 species,
/// test-set file `hires.f` (rev. 2006-10-02). Note the coefficient 0.43 y2 in f1 (a public copy
/// has 0.34).
///
/// y(0) = (1, 0, 0, 0, 0, 0, 0, 0.0057) on [0, 321.8122].
public struct Hires: StiffTestProblem {
    public static let name = "hires"
    public init() {}

    public var dimension: Int { 8 }
    public var providesJacobian: Bool { true }
    public var isAutonomous: Bool { true }
    public var initialState: [Double] { [1, 0, 0, 0, 0, 0, 0, 0.0057] }
    public var endTime: Double { 321.8122 }
    public var referenceSolution: [Double] {
        [
            0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4,
            0.1175651343283149e-2, 0.2386356198831331e-2, 0.6238968252742796e-2,
            0.2849998395185769e-2, 0.2850001604814231e-2,
        ]
    }

    @inlinable
    public func evaluate(
        time: Double, state y: UnsafeBufferPointer<Double>, derivative f: UnsafeMutableBufferPointer<Double>
    ) {
        let y1 = y[0], y2 = y[1], y3 = y[2], y4 = y[3], y5 = y[4], y6 = y[5], y7 = y[6], y8 = y[7]
        f[0] = -1.71 * y1 + 0.43 * y2 + 8.32 * y3 + 0.0007
        f[1] = 1.71 * y1 - 8.75 * y2
        f[2] = -10.03 * y3 + 0.43 * y4 + 0.035 * y5
        f[3] = 8.32 * y2 + 1.71 * y3 - 1.12 * y4
        f[4] = -1.745 * y5 + 0.43 * y6 + 0.43 * y7
        f[5] = -280 * y6 * y8 + 0.69 * y4 + 1.71 * y5 - 0.43 * y6 + 0.69 * y7
        f[6] = 280 * y6 * y8 - 1.81 * y7
        f[7] = -f[6]
    }

    @inlinable
    public func jacobian(
        time: Double, state y: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>
    ) {
        for k in 0..<64 { m[k] = 0 }
        let y6 = y[5], y8 = y[7]
        m[0 * 8 + 0] = -1.71; m[0 * 8 + 1] = 0.43; m[0 * 8 + 2] = 8.32
        m[1 * 8 + 0] = 1.71; m[1 * 8 + 1] = -8.75
        m[2 * 8 + 2] = -10.03; m[2 * 8 + 3] = 0.43; m[2 * 8 + 4] = 0.035
        m[3 * 8 + 1] = 8.32; m[3 * 8 + 2] = 1.71; m[3 * 8 + 3] = -1.12
        m[4 * 8 + 4] = -1.745; m[4 * 8 + 5] = 0.43; m[4 * 8 + 6] = 0.43
        m[5 * 8 + 3] = 0.69; m[5 * 8 + 4] = 1.71; m[5 * 8 + 5] = -0.43 - 280 * y8
        m[5 * 8 + 6] = 0.69; m[5 * 8 + 7] = -280 * y6
        m[6 * 8 + 5] = 280 * y8; m[6 * 8 + 6] = -1.81; m[6 * 8 + 7] = 280 * y6
        m[7 * 8 + 5] = -280 * y8; m[7 * 8 + 6] = 1.81; m[7 * 8 + 7] = -280 * y6
    }
}
