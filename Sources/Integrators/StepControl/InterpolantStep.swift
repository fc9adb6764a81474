/// `StepDenseOutput` over a stepper's dense output (`DenseInterpolant`): the adaptive one-step
/// methods and the BDF.
///
/// Holds a pointer to the stepper rather than a copy: a copy would retain every array of the
/// system once per step (see `OutputCursor.emitInterior`).
@usableFromInline
struct InterpolantStep<Interpolant: DenseInterpolant>: StepDenseOutput {
    @usableFromInline let interpolant: UnsafePointer<Interpolant>
    @usableFromInline let startTime: Double
    @usableFromInline let endTime: Double
    /// The step size the stepper's dense output is scaled by.
    @usableFromInline let step: Double
    /// The state at `startTime`, or nil when the method has none apart from its interpolant
    /// (the BDF, whose polynomial passes through it).
    @usableFromInline let start: UnsafePointer<Double>?
    @usableFromInline let end: UnsafePointer<Double>

    @inlinable
    init(interpolant: UnsafePointer<Interpolant>, startTime: Double, endTime: Double, step: Double,
         start: UnsafePointer<Double>?, end: UnsafePointer<Double>) {
        self.interpolant = interpolant
        self.startTime = startTime
        self.endTime = endTime
        self.step = step
        self.start = start
        self.end = end
    }

    @inlinable
    func state(at time: Double, into out: UnsafeMutableBufferPointer<Double>) {
        if time >= endTime {
            for i in 0..<out.count { out[i] = end[i] }
        } else if time <= startTime, let start {
            for i in 0..<out.count { out[i] = start[i] }
        } else {
            let theta = max(0, (time - startTime) / (endTime - startTime))
            interpolant.pointee.interpolate(theta: theta, step: step, start: start ?? end, end: end, into: out)
        }
    }
}
