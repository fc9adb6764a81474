/// Walks an `OutputGrid` as steps complete, so every method reports output the same way.
///
/// Grid points strictly inside a step come from the method's dense output; a grid point that
/// coincides with a step end (an event or the end time) is reported from the step-end state,
/// after any event at that time has been applied.
@usableFromInline
struct OutputCursor {
    @usableFromInline let grid: OutputGrid
    @usableFromInline let start: Double
    @usableFromInline let end: Double
    /// Index of the next grid point to report.
    @usableFromInline var next = 0

    @inlinable
    init(grid: OutputGrid, start: Double, end: Double) {
        self.grid = grid
        self.start = start
        self.end = end
    }

    /// The `k`-th grid time, or nil past the end of the grid.
    @inlinable
    func time(at k: Int) -> Double? {
        switch grid {
        case .times(let times):
            return k < times.count ? times[k] : nil
        case .uniform(let gridStart, let interval, let gridEnd):
            let t = gridStart + Double(k) * interval
            // Tolerate rounding so that `end` itself is included.
            if t > gridEnd + 1e-9 * interval { return nil }
            return min(t, gridEnd)
        case .everyStep:
            return nil
        }
    }

    @inlinable
    var recordsEveryStep: Bool {
        if case .everyStep = grid { return true }
        return false
    }

    @inlinable
    mutating func emitStart<Sink: SolutionSink>(
        time: Double, state: UnsafeBufferPointer<Double>, into sink: inout Sink
    ) throws {
        if recordsEveryStep { try sink.record(time: time, state: state); return }
        // Skip grid points before the start.
        while let t = self.time(at: next), t < time { next += 1 }
        while let t = self.time(at: next), t == time {
            try sink.record(time: t, state: state)
            next += 1
        }
    }

    /// Whether a grid point lies in the open interval (from, to), i.e. whether the step needs
    /// its dense output. Grid points at or before `from` were reported already.
    @inlinable
    func hasInteriorPoint(after t0: Double, before t1: Double) -> Bool {
        if recordsEveryStep { return false }
        guard let t = time(at: next) else { return false }
        return t < t1
    }

    /// Reports grid points in the open interval (from, to) through `interpolate(theta, out)`.
    @inlinable
    mutating func emitInterior<Sink: SolutionSink>(
        from t0: Double, to t1: Double,
        interpolate: (Double, UnsafeMutableBufferPointer<Double>) -> Void,
        scratch: UnsafeMutableBufferPointer<Double>,
        into sink: inout Sink
    ) throws {
        if recordsEveryStep { return }
        let h = t1 - t0
        while let t = self.time(at: next), t < t1 {
            if t > t0 {
                interpolate((t - t0) / h, scratch)
                try sink.record(time: t, state: UnsafeBufferPointer(scratch))
            }
            next += 1
        }
    }

    /// `emitInterior` for the adaptive and BDF steppers' dense output of the accepted step of size
    /// `step` from `start` to `end` (the closure form above stays for RK4's Hermite
    /// interpolant). The stepper is passed inout: a closure capturing it, or a borrow, copied
    /// it and retained every array of the system once per output row (5 % of the 28-day run).
    @inlinable
    mutating func emitInterior<Stepper: DenseInterpolant, Sink: SolutionSink>(
        from t0: Double, to t1: Double, stepper: inout Stepper, step: Double,
        start: UnsafePointer<Double>, end: UnsafePointer<Double>,
        scratch: UnsafeMutableBufferPointer<Double>, into sink: inout Sink
    ) throws {
        if recordsEveryStep { return }
        let h = t1 - t0
        while let t = self.time(at: next), t < t1 {
            if t > t0 {
                stepper.interpolate(theta: (t - t0) / h, step: step, start: start, end: end, into: scratch)
                try sink.record(time: t, state: UnsafeBufferPointer(scratch))
            }
            next += 1
        }
    }

    /// Reports grid points equal to the step end (or every step end, for `.everyStep`).
    @inlinable
    mutating func emitStepEnd<Sink: SolutionSink>(
        time: Double, state: UnsafeBufferPointer<Double>, into sink: inout Sink
    ) throws {
        if recordsEveryStep { try sink.record(time: time, state: state); return }
        while let t = self.time(at: next), t <= time {
            try sink.record(time: t, state: state)
            next += 1
        }
    }
}
