import Integrators

/// POLLU: Verwer's (1994) air pollution model, 20 species and 25 reactions, test-set file
/// `pollu.f` (rev. 2006-10-02). Note r25 (not r24) in f1 and f19 (a public copy has a typo).
///
/// y(0) is zero except y2 = 0.2, y4 = 0.04, y7 = 0.1, y8 = 0.3, y9 = 0.01, y17 = 0.007;
/// t in [0, 60]. y16 ends near 4e-17: relative error on it means nothing unless atol < 1e-20.
public struct Pollution: StiffTestProblem {
    public static let name = "pollu"
    public init() {}

    public var dimension: Int { 20 }
    public var providesJacobian: Bool { true }
    public var isAutonomous: Bool { true }
    public var initialState: [Double] {
        [0, 0.2, 0, 0.04, 0, 0, 0.1, 0.3, 0.01, 0, 0, 0, 0, 0, 0, 0, 0.007, 0, 0, 0]
    }
    public var endTime: Double { 60 }
    public var referenceSolution: [Double] {
        [
            0.5646255480022769e-01, 0.1342484130422339e+00, 0.4139734331099427e-08,
            0.5523140207484359e-02, 0.2018977262302196e-06, 0.1464541863493966e-06,
            0.7784249118997964e-01, 0.3245075353396018e+00, 0.7494013383880406e-02,
            0.1622293157301561e-07, 0.1135863833257075e-07, 0.2230505975721359e-02,
            0.2087162882798630e-03, 0.1396921016840158e-04, 0.8964884856898295e-02,
            0.4352846369330103e-17, 0.6899219696263405e-02, 0.1007803037365946e-03,
            0.1772146513969984e-05, 0.5682943292316392e-04,
        ]
    }

    @inlinable
    public func evaluate(
        time: Double, state y: UnsafeBufferPointer<Double>, derivative f: UnsafeMutableBufferPointer<Double>
    ) {
        let k1 = 0.35
        let k2 = 0.266e2
        let k3 = 0.123e5
        let k4 = 0.86e-3
        let k5 = 0.82e-3
        let k6 = 0.15e5
        let k7 = 0.13e-3
        let k8 = 0.24e5
        let k9 = 0.165e5
        let k10 = 0.9e4
        let k11 = 0.22e-1
        let k12 = 0.12e5
        let k13 = 0.188e1
        let k14 = 0.163e5
        let k15 = 0.48e7
        let k16 = 0.35e-3
        let k17 = 0.175e-1
        let k18 = 0.1e9
        let k19 = 0.444e12
        let k20 = 0.124e4
        let k21 = 0.21e1
        let k22 = 0.578e1
        let k23 = 0.474e-1
        let k24 = 0.178e4
        let k25 = 0.312e1
        let y1 = y[0], y2 = y[1], y3 = y[2], y4 = y[3], y5 = y[4], y6 = y[5], y7 = y[6]
        let y9 = y[8], y10 = y[9], y11 = y[10], y13 = y[12], y14 = y[13]
        let y16 = y[15], y17 = y[16], y19 = y[18], y20 = y[19]
        let r1 = k1 * y1, r2 = k2 * y2 * y4, r3 = k3 * y5 * y2, r4 = k4 * y7, r5 = k5 * y7
        let r6 = k6 * y7 * y6, r7 = k7 * y9, r8 = k8 * y9 * y6, r9 = k9 * y11 * y2
        let r10 = k10 * y11 * y1, r11 = k11 * y13, r12 = k12 * y10 * y2, r13 = k13 * y14
        let r14 = k14 * y1 * y6, r15 = k15 * y3, r16 = k16 * y4, r17 = k17 * y4, r18 = k18 * y16
        let r19 = k19 * y16, r20 = k20 * y17 * y6, r21 = k21 * y19, r22 = k22 * y19
        let r23 = k23 * y1 * y4, r24 = k24 * y19 * y1, r25 = k25 * y20
        f[0] = -r1 - r10 - r14 - r23 - r24 + r2 + r3 + r9 + r11 + r12 + r22 + r25
        f[1] = -r2 - r3 - r9 - r12 + r1 + r21
        f[2] = -r15 + r1 + r17 + r19 + r22
        f[3] = -r2 - r16 - r17 - r23 + r15
        f[4] = -r3 + 2 * r4 + r6 + r7 + r13 + r20
        f[5] = -r6 - r8 - r14 - r20 + r3 + 2 * r18
        f[6] = -r4 - r5 - r6 + r13
        f[7] = r4 + r5 + r6 + r7
        f[8] = -r7 - r8
        f[9] = -r12 + r7 + r9
        f[10] = -r9 - r10 + r8 + r11
        f[11] = r9
        f[12] = -r11 + r10
        f[13] = -r13 + r12
        f[14] = r14
        f[15] = -r18 - r19 + r16
        f[16] = -r20
        f[17] = r20
        f[18] = -r21 - r22 - r24 + r23 + r25
        f[19] = -r25 + r24
    }

    /// The 82 structurally nonzero entries, derived reaction by reaction from the rates above.
    @inlinable
    public func jacobian(
        time: Double, state y: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>
    ) {
        let k1 = 0.35
        let k2 = 0.266e2
        let k3 = 0.123e5
        let k4 = 0.86e-3
        let k5 = 0.82e-3
        let k6 = 0.15e5
        let k7 = 0.13e-3
        let k8 = 0.24e5
        let k9 = 0.165e5
        let k10 = 0.9e4
        let k11 = 0.22e-1
        let k12 = 0.12e5
        let k13 = 0.188e1
        let k14 = 0.163e5
        let k15 = 0.48e7
        let k16 = 0.35e-3
        let k17 = 0.175e-1
        let k18 = 0.1e9
        let k19 = 0.444e12
        let k20 = 0.124e4
        let k21 = 0.21e1
        let k22 = 0.578e1
        let k23 = 0.474e-1
        let k24 = 0.178e4
        let k25 = 0.312e1
        let y1 = y[0], y2 = y[1], y4 = y[3], y5 = y[4], y6 = y[5], y7 = y[6]
        let y9 = y[8], y10 = y[9], y11 = y[10], y17 = y[16], y19 = y[18]
        for k in 0..<400 { m[k] = 0 }
m[0 * 20 + 0] = -k1 - k10 * y11 - k14 * y6 - k23 * y4 - k24 * y19
        m[0 * 20 + 1] = k2 * y4 + k3 * y5 + k9 * y11 + k12 * y10
        m[0 * 20 + 3] = k2 * y2 - k23 * y1
        m[0 * 20 + 4] = k3 * y2
        m[0 * 20 + 5] = -k14 * y1
        m[0 * 20 + 9] = k12 * y2
        m[0 * 20 + 10] = k9 * y2 - k10 * y1
        m[0 * 20 + 12] = k11
        m[0 * 20 + 18] = k22 - k24 * y1
        m[0 * 20 + 19] = k25
        m[1 * 20 + 0] = k1
        m[1 * 20 + 1] = -k2 * y4 - k3 * y5 - k9 * y11 - k12 * y10
        m[1 * 20 + 3] = -k2 * y2
        m[1 * 20 + 4] = -k3 * y2
        m[1 * 20 + 9] = -k12 * y2
        m[1 * 20 + 10] = -k9 * y2
        m[1 * 20 + 18] = k21
        m[2 * 20 + 0] = k1
        m[2 * 20 + 2] = -k15
        m[2 * 20 + 3] = k17
        m[2 * 20 + 15] = k19
        m[2 * 20 + 18] = k22
        m[3 * 20 + 0] = -k23 * y4
        m[3 * 20 + 1] = -k2 * y4
        m[3 * 20 + 2] = k15
        m[3 * 20 + 3] = -k2 * y2 - k16 - k17 - k23 * y1
        m[4 * 20 + 1] = -k3 * y5
        m[4 * 20 + 4] = -k3 * y2
        m[4 * 20 + 5] = k6 * y7 + k20 * y17
        m[4 * 20 + 6] = 2 * k4 + k6 * y6
        m[4 * 20 + 8] = k7
        m[4 * 20 + 13] = k13
        m[4 * 20 + 16] = k20 * y6
        m[5 * 20 + 0] = -k14 * y6
        m[5 * 20 + 1] = k3 * y5
        m[5 * 20 + 4] = k3 * y2
        m[5 * 20 + 5] = -k6 * y7 - k8 * y9 - k14 * y1 - k20 * y17
        m[5 * 20 + 6] = -k6 * y6
        m[5 * 20 + 8] = -k8 * y6
        m[5 * 20 + 15] = 2 * k18
        m[5 * 20 + 16] = -k20 * y6
        m[6 * 20 + 5] = -k6 * y7
        m[6 * 20 + 6] = -k4 - k5 - k6 * y6
        m[6 * 20 + 13] = k13
        m[7 * 20 + 5] = k6 * y7
        m[7 * 20 + 6] = k4 + k5 + k6 * y6
        m[7 * 20 + 8] = k7
        m[8 * 20 + 5] = -k8 * y9
        m[8 * 20 + 8] = -k7 - k8 * y6
        m[9 * 20 + 1] = k9 * y11 - k12 * y10
        m[9 * 20 + 8] = k7
        m[9 * 20 + 9] = -k12 * y2
        m[9 * 20 + 10] = k9 * y2
        m[10 * 20 + 0] = -k10 * y11
        m[10 * 20 + 1] = -k9 * y11
        m[10 * 20 + 5] = k8 * y9
        m[10 * 20 + 8] = k8 * y6
        m[10 * 20 + 10] = -k9 * y2 - k10 * y1
        m[10 * 20 + 12] = k11
        m[11 * 20 + 1] = k9 * y11
        m[11 * 20 + 10] = k9 * y2
        m[12 * 20 + 0] = k10 * y11
        m[12 * 20 + 10] = k10 * y1
        m[12 * 20 + 12] = -k11
        m[13 * 20 + 1] = k12 * y10
        m[13 * 20 + 9] = k12 * y2
        m[13 * 20 + 13] = -k13
        m[14 * 20 + 0] = k14 * y6
        m[14 * 20 + 5] = k14 * y1
        m[15 * 20 + 3] = k16
        m[15 * 20 + 15] = -k18 - k19
        m[16 * 20 + 5] = -k20 * y17
        m[16 * 20 + 16] = -k20 * y6
        m[17 * 20 + 5] = k20 * y17
        m[17 * 20 + 16] = k20 * y6
        m[18 * 20 + 0] = k23 * y4 - k24 * y19
        m[18 * 20 + 3] = k23 * y1
        m[18 * 20 + 18] = -k21 - k22 - k24 * y1
        m[18 * 20 + 19] = k25
        m[19 * 20 + 0] = k24 * y19
        m[19 * 20 + 18] = k24 * y1
        m[19 * 20 + 19] = -k25
    }
}
