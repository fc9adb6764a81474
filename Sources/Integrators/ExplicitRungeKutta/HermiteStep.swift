/// `StepDenseOutput` of a fixed RK4 step: the cubic Hermite interpolant through the step's end
/// points and their derivatives (third order, as `FixedStepRK4`'s output between steps).
@usableFromInline
struct HermiteStep: StepDenseOutput {
    @usableFromInline let startTime: Double
    @usableFromInline let endTime: Double
    @usableFromInline let start: UnsafePointer<Double>
    @usableFromInline let startDerivative: UnsafePointer<Double>
    @usableFromInline let end: UnsafePointer<Double>
    @usableFromInline let endDerivative: UnsafePointer<Double>

    @inlinable
    init(startTime: Double, endTime: Double, start: UnsafePointer<Double>, startDerivative: UnsafePointer<Double>,
         end: UnsafePointer<Double>, endDerivative: UnsafePointer<Double>) {
        self.startTime = startTime
        self.endTime = endTime
        self.start = start
        self.startDerivative = startDerivative
        self.end = end
        self.endDerivative = endDerivative
    }

    @inlinable
    func state(at time: Double, into out: UnsafeMutableBufferPointer<Double>) {
        let h = endTime - startTime
        let theta = min(1, max(0, (time - startTime) / h))
        let t2 = theta * theta, t3 = t2 * theta
        let h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + theta
        let h01 = -2 * t3 + 3 * t2, h11 = t3 - t2
        for i in 0..<out.count {
            out[i] = h00 * start[i] + h10 * h * startDerivative[i] + h01 * end[i] + h11 * h * endDerivative[i]
        }
    }
}
