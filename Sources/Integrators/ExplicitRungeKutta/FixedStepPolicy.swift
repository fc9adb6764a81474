/// The `StepPolicy` of classical RK4 with a fixed step (`FixedStepRK4`): every step is
/// accepted, and the step is the nominal one, shortened only to land on the next stop (or
/// stretched to reach it when less than 1e-9 of a step would be left). A non-finite step ends
/// the solve at once: a fixed step has no smaller one to retry with.
///
/// Output between steps is the cubic Hermite interpolant from the step's end points and their
/// derivatives (third order, C1; `HermiteStep`).
@usableFromInline
struct FixedStepPolicy<System: ODESystem>: StepPolicy {
    @usableFromInline var system: System
    @usableFromInline let n: Int
    @usableFromInline let nominalStep: Double
    /// y, the step's end y1, the stages k1..k4 (k1 = f(y)), the stage point and f(y1).
    @usableFromInline let y, y1, k1, k2, k3, k4, scratch, f1: UnsafeMutableBufferPointer<Double>

    @inlinable
    init(system: System, nominalStep: Double, layout: FixedStepRK4.Layout, memory: WorkspaceMemory) {
        self.system = system
        n = system.dimension
        self.nominalStep = nominalStep
        func vector(_ slice: WorkspaceSlice<Double>) -> UnsafeMutableBufferPointer<Double> {
            UnsafeMutableBufferPointer(start: memory[slice], count: slice.count)
        }
        y = vector(layout.y); y1 = vector(layout.y1)
        k1 = vector(layout.k1); k2 = vector(layout.k2); k3 = vector(layout.k3); k4 = vector(layout.k4)
        scratch = vector(layout.scratch); f1 = vector(layout.f1)
    }

    @inlinable var state: UnsafeMutablePointer<Double> { y.baseAddress! }
    @inlinable var maximumNonFiniteRetries: Int { 0 }

    @inlinable
    mutating func start(at time: Double, statistics: inout SolverStatistics) {
        system.evaluate(time: time, state: UnsafeBufferPointer(y), derivative: k1)
        statistics.rightHandSideEvaluations += 1
    }

    @inlinable
    mutating func plan(time: Double, stop: Double) -> (step: Double, newTime: Double, lands: Bool) {
        var h = min(nominalStep, stop - time)
        // Avoid a sliver step just before a stop: stretch the step to reach it.
        if stop - (time + h) < 1e-9 * nominalStep { h = stop - time }
        let lands = time + h == stop || stop - time <= h
        let newTime = lands ? stop : time + h
        return (newTime - time, newTime, lands)
    }

    @inlinable
    func underflows(step: Double, time: Double) -> Bool { !(step > 0) }

    @inlinable
    mutating func attempt(
        time: Double, step h: Double, newTime tNew: Double, lands: Bool, statistics: inout SolverStatistics
    ) -> StepVerdict {
        for i in 0..<n { scratch[i] = y[i] + 0.5 * h * k1[i] }
        system.evaluate(time: time + 0.5 * h, state: UnsafeBufferPointer(scratch), derivative: k2)
        for i in 0..<n { scratch[i] = y[i] + 0.5 * h * k2[i] }
        system.evaluate(time: time + 0.5 * h, state: UnsafeBufferPointer(scratch), derivative: k3)
        for i in 0..<n { scratch[i] = y[i] + h * k3[i] }
        system.evaluate(time: tNew, state: UnsafeBufferPointer(scratch), derivative: k4)
        for i in 0..<n { y1[i] = y[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) }
        if !StepLoop.allFinite(y1.baseAddress!, dimension: n) { return .nonFinite }
        system.evaluate(time: tNew, state: UnsafeBufferPointer(y1), derivative: f1)
        statistics.rightHandSideEvaluations += 4
        return .accepted
    }

    @inlinable
    func nonFiniteFailure(time: Double, newTime: Double) -> SolverError {
        var component = 0
        for i in 0..<n where !y1[i].isFinite { component = i; break }
        return .nonFiniteState(component: component, time: newTime)
    }

    @inlinable
    mutating func accepted(time: Double, step: Double, newTime: Double, lands: Bool) {}

    @inlinable
    mutating func emitStep<Sink: SolutionSink>(
        from time: Double, to tNew: Double, step h: Double, cursor: inout OutputCursor,
        into sink: inout Sink, observesSteps: Bool
    ) throws {
        let n = self.n, y = self.y, y1 = self.y1, k1 = self.k1, f1 = self.f1
        try cursor.emitInterior(
            from: time, to: tNew,
            interpolate: { theta, out in
                // Cubic Hermite on [time, tNew] from y, f(y), y1, f(y1).
                let t2 = theta * theta, t3 = t2 * theta
                let h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + theta
                let h01 = -2 * t3 + 3 * t2, h11 = t3 - t2
                for i in 0..<n {
                    out[i] = h00 * y[i] + h10 * h * k1[i] + h01 * y1[i] + h11 * h * f1[i]
                }
            }, scratch: scratch, into: &sink)
        if observesSteps {
            try sink.observeStep(HermiteStep(
                startTime: time, endTime: tNew, start: y.baseAddress!, startDerivative: k1.baseAddress!,
                end: y1.baseAddress!, endDerivative: f1.baseAddress!))
        }
    }

    @inlinable
    mutating func commit() {
        for i in 0..<n { y[i] = y1[i]; k1[i] = f1[i] }
    }

    @inlinable
    mutating func restart(afterEventsAt time: Double, statistics: inout SolverStatistics) {
        system.evaluate(time: time, state: UnsafeBufferPointer(y), derivative: k1)
        statistics.rightHandSideEvaluations += 1
    }

    @inlinable mutating func continueAfterStep() {}
}
