/// Tsitouras 5(4) (see `Tsit5Tableau`): explicit, adaptive, six new evaluations of f per step
/// (FSAL), free 4th-order dense output. For non-stiff problems; on a stiff problem its step is
/// bounded by stability, not accuracy, and Rodas5P is the method to use.
@usableFromInline
struct Tsit5Stepper<System: ODESystem>: AdaptiveStepper {
    @usableFromInline var system: System
    @usableFromInline var n = 0
    /// Stages k1..k7 (k7 = f at the new point becomes k1 of the next step), then a stage point.
    @usableFromInline var k1: UnsafeMutablePointer<Double>
    @usableFromInline var k2: UnsafeMutablePointer<Double>
    @usableFromInline var k3: UnsafeMutablePointer<Double>
    @usableFromInline var k4: UnsafeMutablePointer<Double>
    @usableFromInline var k5: UnsafeMutablePointer<Double>
    @usableFromInline var k6: UnsafeMutablePointer<Double>
    @usableFromInline var k7: UnsafeMutablePointer<Double>
    @usableFromInline var u: UnsafeMutablePointer<Double>
    @usableFromInline var hasDerivative = false

    @inlinable static var errorOrder: Double { 5 }
    /// DOPRI5's value (see `PIStepSizeController`).
    @inlinable static var previousErrorWeight: Double { 0.04 }
    /// The named slices of a Tsit5 step for a system of dimension n.
    @usableFromInline
    struct Layout: StepperLayout {
        @usableFromInline let n: Int
        @usableFromInline let k1, k2, k3, k4, k5, k6, k7, u: WorkspaceSlice<Double>

        @inlinable
        init(dimension n: Int, allocator: inout WorkspaceAllocator) {
            self.n = n
            k1 = allocator.doubles(n, "tsit5.k1")
            k2 = allocator.doubles(n, "tsit5.k2")
            k3 = allocator.doubles(n, "tsit5.k3")
            k4 = allocator.doubles(n, "tsit5.k4")
            k5 = allocator.doubles(n, "tsit5.k5")
            k6 = allocator.doubles(n, "tsit5.k6")
            k7 = allocator.doubles(n, "tsit5.k7")
            u = allocator.doubles(n, "tsit5.u")
        }
    }

    @inlinable
    init(system: System, layout: Layout, memory: WorkspaceMemory) {
        self.system = system
        n = layout.n
        k1 = memory[layout.k1]; k2 = memory[layout.k2]; k3 = memory[layout.k3]; k4 = memory[layout.k4]
        k5 = memory[layout.k5]; k6 = memory[layout.k6]; k7 = memory[layout.k7]; u = memory[layout.u]
    }

    @inlinable
    mutating func restart() { hasDerivative = false }

    @inlinable
    func evaluate(_ time: Double, _ state: UnsafeMutablePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        system.evaluate(
            time: time, state: UnsafeBufferPointer(start: state, count: n),
            derivative: UnsafeMutableBufferPointer(start: out, count: n))
    }

    @inlinable
    mutating func attemptStep(
        time t: Double, step h: Double, state y: UnsafeMutablePointer<Double>,
        trial: UnsafeMutablePointer<Double>, tolerances: ToleranceVectors,
        statistics: inout SolverStatistics
    ) -> Double {
        typealias T = Tsit5Tableau
        let n = self.n
        let k1 = self.k1, k2 = self.k2, k3 = self.k3, k4 = self.k4, k5 = self.k5, k6 = self.k6
        let k7 = self.k7, u = self.u
        if !hasDerivative {
            evaluate(t, y, k1)
            statistics.rightHandSideEvaluations += 1
            hasDerivative = true
        }
        for m in 0..<n { u[m] = y[m] + h * (T.a21 * k1[m]) }
        evaluate(t + T.c2 * h, u, k2)
        for m in 0..<n { u[m] = y[m] + h * (T.a31 * k1[m] + T.a32 * k2[m]) }
        evaluate(t + T.c3 * h, u, k3)
        for m in 0..<n { u[m] = y[m] + h * (T.a41 * k1[m] + T.a42 * k2[m] + T.a43 * k3[m]) }
        evaluate(t + T.c4 * h, u, k4)
        for m in 0..<n {
            u[m] = y[m] + h * (T.a51 * k1[m] + T.a52 * k2[m] + T.a53 * k3[m] + T.a54 * k4[m])
        }
        evaluate(t + T.c5 * h, u, k5)
        for m in 0..<n {
            u[m] = y[m] + h * (T.a61 * k1[m] + T.a62 * k2[m] + T.a63 * k3[m] + T.a64 * k4[m] + T.a65 * k5[m])
        }
        evaluate(t + h, u, k6)
        for m in 0..<n {
            trial[m] = y[m] + h * (T.a71 * k1[m] + T.a72 * k2[m] + T.a73 * k3[m] + T.a74 * k4[m]
                + T.a75 * k5[m] + T.a76 * k6[m])
        }
        evaluate(t + h, trial, k7)
        statistics.rightHandSideEvaluations += 6
        for m in 0..<n {
            u[m] = h * (T.bTilde1 * k1[m] + T.bTilde2 * k2[m] + T.bTilde3 * k3[m] + T.bTilde4 * k4[m]
                + T.bTilde5 * k5[m] + T.bTilde6 * k6[m] + T.bTilde7 * k7[m])
        }
        return ErrorNorm.rms(
            error: u, previous: y, current: trial, absoluteTolerance: tolerances.absolute,
            relativeTolerance: tolerances.relative, dimension: n)
    }

    @inlinable
    mutating func acceptStep() {
        swap(&k1, &k7)
    }

    @inlinable
    mutating func prepareDenseOutput(step: Double) {}

    @inlinable
    func interpolate(
        theta: Double, step h: Double, start y0: UnsafePointer<Double>, end y1: UnsafePointer<Double>,
        into out: UnsafeMutableBufferPointer<Double>
    ) {
        typealias T = Tsit5Tableau
        let w1 = h * T.denseWeight(1, theta), w2 = h * T.denseWeight(2, theta)
        let w3 = h * T.denseWeight(3, theta), w4 = h * T.denseWeight(4, theta)
        let w5 = h * T.denseWeight(5, theta), w6 = h * T.denseWeight(6, theta)
        let w7 = h * T.denseWeight(7, theta)
        for m in 0..<n {
            out[m] = y0[m] + (w1 * k1[m] + w2 * k2[m] + w3 * k3[m] + w4 * k4[m] + w5 * k5[m]
                + w6 * k6[m] + w7 * k7[m])
        }
    }
}
