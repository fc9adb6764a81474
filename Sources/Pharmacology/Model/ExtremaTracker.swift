import Integrators

/// Finds the peaks and troughs of some observables on the solution itself: the one
/// implementation behind `run --summary`, `report`, `compare` and the `sweep` and `population`
/// metrics (`ReceptorModel.simulate(…, extremaOf:…)`).
///
/// For every accepted step (`SolutionSink.observeStep`) it evaluates the observables at the
/// step's start (after any event there), at `intervals` − 1 equally spaced interior times of
/// the method's dense output and at the step's end (before any event there), and keeps the
/// highest and lowest values with their first times. Event times are step ends, so the values
/// just before and just after a dose are both seen. Where the parabola through three
/// consecutive samples is concave (convex, for troughs), has its vertex between them (or, for
/// the first and last three samples of the step, up to one more sample spacing beyond the step,
/// where the next or previous step cannot see it) and could beat the value kept so far, the
/// extremum is refined with Brent's method (golden section and parabolic interpolation;
/// Brent 1973, ch. 5) on the dense output between the outer two samples, to a time within 1e-6
/// of that bracket. The result is as accurate as the solve and its dense output, whatever the
/// output interval. Noise-level bumps (variation below 1e-12 of the value) are not refined.
///
/// Cost, only when extremes are asked for (otherwise the solver never calls it): per step
/// `intervals` evaluations of the tracked observables (the start reuses the previous step's
/// end unless an event changed the state), one of them through the dense output, plus about
/// 10-20 evaluations of one observable per refined extremum. Measured with callgrind on the
/// 28-day morphine scenario (`run --summary` tracking withdrawal_index, mu_response and
/// hedonic_tone, release build, 2026-12-06): 230.1e6 instructions against 214.8e6 without the
/// tracker, 7 % more (the sampling 5.3 %, dense output for steps without a row the rest).
/// Allocation: the buffers are allocated once per simulation; a step allocates nothing
/// (valgrind: 88 more allocations per run with the tracker, for the 200 h and the 840 h
/// variants of that scenario alike).
final class ExtremaTracker {
    /// Intervals each step is sampled in (2: start, middle, end).
    static let intervals = 2

    let observables: [Observable]
    let window: ClosedRange<Double>?
    private(set) var extremes: [ObservableExtremes]
    /// Quantities for a whole sample of all tracked observables.
    private let shared: ObservableRowQuantities
    /// Quantities for one observable (refinement evaluates only the column being refined).
    private let single: [ObservableRowQuantities]
    private let dimension: Int
    private let state: UnsafeMutableBufferPointer<Double>
    /// `(intervals + 1) × observables.count` sample values, row-major by sample.
    private let samples: UnsafeMutableBufferPointer<Double>
    private let sampleTimes: UnsafeMutableBufferPointer<Double>
    /// The previous step's end: time, state and tracked values, reused as the next start when
    /// no event changed the state in between.
    private var previousEndTime = Double.nan
    private let previousEnd: UnsafeMutableBufferPointer<Double>
    private let previousEndValues: UnsafeMutableBufferPointer<Double>

    /// - Parameters:
    ///   - columns: the CSV names of `observables`, for the results.
    ///   - window: only the solution inside it counts (nil: all of it).
    init(model: CompiledModel, observables: [Observable], columns: [String], window: ClosedRange<Double>?) {
        self.observables = observables
        self.window = window
        extremes = columns.map { ObservableExtremes(column: $0) }
        shared = ObservableRowQuantities(model: model, observables: observables)
        single = observables.map { ObservableRowQuantities(model: model, observables: [$0]) }
        dimension = model.initialState.count
        state = .allocate(capacity: dimension)
        state.initialize(repeating: 0)
        samples = .allocate(capacity: (Self.intervals + 1) * max(1, observables.count))
        samples.initialize(repeating: 0)
        sampleTimes = .allocate(capacity: Self.intervals + 1)
        sampleTimes.initialize(repeating: 0)
        previousEnd = .allocate(capacity: dimension)
        previousEnd.initialize(repeating: 0)
        previousEndValues = .allocate(capacity: max(1, observables.count))
        previousEndValues.initialize(repeating: 0)
    }

    deinit {
        previousEnd.deallocate()
        previousEndValues.deallocate()
        state.deallocate()
        samples.deallocate()
        sampleTimes.deallocate()
    }

    /// Samples one accepted step of `model`'s solve and refines the extrema inside it. `model`
    /// must be the one the tracker was built with (its buffers have that state count); the
    /// caller passes it because a stored copy was copied again per step (Benchmarks/RESULTS.md).
    func observe<Step: StepDenseOutput>(_ step: Step, model: CompiledModel) {
        assert(model.initialState.count == dimension, "the tracker was built for another model")
        var a = step.startTime, b = step.endTime
        if let window {
            a = max(a, window.lowerBound)
            b = min(b, window.upperBound)
        }
        guard a <= b else { return }
        let m = a < b ? Self.intervals : 0
        // Locals: a class's stored struct and arrays are retained and checked on every access.
        let observables = self.observables
        let k = observables.count
        let y = UnsafeBufferPointer(state)
        for i in 0...m {
            let t = i == m ? b : a + (b - a) * Double(i) / Double(m)
            sampleTimes[i] = t
            step.state(at: t, into: state)
            if i == 0, t == previousEndTime, sameAsPreviousEnd() {
                for j in 0..<k { samples[j] = previousEndValues[j] }
                continue
            }
            let quantities = shared
            quantities.update(model: model, time: t, y)
            for j in 0..<k { samples[i * k + j] = model.value(of: observables[j], time: t, y, shared: quantities) }
        }
        // `state` holds the last sample: the step's (or window's) end.
        previousEndTime = b
        for i in 0..<dimension { previousEnd[i] = state[i] }
        for j in 0..<k { previousEndValues[j] = samples[m * k + j] }
        var extremes: [ObservableExtremes] = []
        swap(&extremes, &self.extremes)
        defer { swap(&extremes, &self.extremes) }
        for j in 0..<k {
            for i in 0...m {
                let v = samples[i * k + j], t = sampleTimes[i]
                if Self.exceeds(v, extremes[j].peak) { extremes[j].peak = v; extremes[j].peakTimeHours = t }
                if Self.exceeds(-v, -extremes[j].trough) { extremes[j].trough = v; extremes[j].troughTimeHours = t }
            }
            guard m >= 2 else { continue }
            // A peak needs a concave triple of samples, a trough a convex one: with the sign a
            // negation (exact), `refine` would find neither otherwise (its first guard).
            var concave = false, convex = false
            for i in 1..<m {
                let second = samples[(i - 1) * k + j] - 2 * samples[i * k + j] + samples[(i + 1) * k + j]
                if second < 0 { concave = true } else if second > 0 { convex = true }
            }
            if concave { refine(j, sign: 1, samples: m + 1, step, model, &extremes[j]) }
            if convex { refine(j, sign: -1, samples: m + 1, step, model, &extremes[j]) }
        }
    }

    /// Whether `state` equals the previous step's end component by component (`==`). Bit-equal
    /// states, the usual case, are told apart first by one branch-free pass; identical bits
    /// give identical values, so a NaN there (`==` false) may reuse them as well.
    @inline(__always)
    private func sameAsPreviousEnd() -> Bool {
        var difference: UInt64 = 0
        for i in 0..<dimension { difference |= state[i].bitPattern ^ previousEnd[i].bitPattern }
        return difference == 0 || (0..<dimension).allSatisfy { state[$0] == previousEnd[$0] }
    }

    /// Refines the peak (`sign` 1) or trough (−1) of column `j` inside the step, where the
    /// samples suggest one that could beat the kept value.
    private func refine<Step: StepDenseOutput>(_ j: Int, sign: Double, samples count: Int, _ step: Step,
                                               _ model: CompiledModel, _ extremes: inout ObservableExtremes) {
        let k = observables.count
        var best = -Double.infinity, bestIndex = -1, bestMargin = 0.0
        for i in 1..<(count - 1) {
            let g0 = sign * samples[(i - 1) * k + j], g1 = sign * samples[i * k + j], g2 = sign * samples[(i + 1) * k + j]
            let second = g0 - 2 * g1 + g2
            guard second < 0, abs(g1 - g0) + abs(g2 - g1) > 1e-12 * max(1, abs(g1)) else { continue }
            // The parabola through (−1, g0), (0, g1), (1, g2) peaks at x = (g0 − g2) / (2 second), in units of
            // the sample spacing: a vertex between the outer samples brackets an extremum; at the
            // step's edges one just beyond may be this step's too (the neighbour's samples, on
            // the other side of it, cannot see it either).
            let x = -(g2 - g0) / (2 * second)
            guard x >= (i == 1 ? -2 : -1), x <= (i == count - 2 ? 2 : 1) else { continue }
            let vertex = g1 + 0.5 * (g2 - g0) * x + 0.5 * second * x * x
            if vertex > best { (best, bestIndex, bestMargin) = (vertex, i, -second) }
        }
        let kept = sign > 0 ? extremes.peak : -extremes.trough
        guard bestIndex >= 0, best + bestMargin >= kept else { return }
        let lo = sampleTimes[bestIndex - 1], hi = sampleTimes[bestIndex + 1]
        let observable = observables[j], state = self.state, quantities = single[j]
        let y = UnsafeBufferPointer(state)
        let found = Self.minimize(lo, hi, tolerance: 1e-6 * (hi - lo)) { t in
            step.state(at: t, into: state)
            quantities.update(model: model, time: t, y)
            return -sign * model.value(of: observable, time: t, y, shared: quantities)
        }
        let value = -sign * found.value
        if sign > 0, Self.exceeds(value, extremes.peak) { extremes.peak = value; extremes.peakTimeHours = found.x }
        if sign < 0, Self.exceeds(-value, -extremes.trough) { extremes.trough = value; extremes.troughTimeHours = found.x }
    }

    /// Whether `value` is a new peak over `kept`: higher by more than round-off (1e-9 relative),
    /// so a flat stretch keeps its first time instead of wherever the last bit happened to wobble.
    @inline(__always)
    static func exceeds(_ value: Double, _ kept: Double) -> Bool {
        kept.isInfinite ? value > kept : value - kept > 1e-9 * abs(kept)
    }

    /// Brent's minimization without derivatives on [lo, hi] (Brent 1973, ch. 5; the form of
    /// Numerical Recipes' `brent`): golden-section steps, parabolic steps where they are safe.
    /// Stops when the bracket around the best point is within `tolerance` (absolute, in x).
    /// - Complexity: at most 100 evaluations of `f`; typically 10-20.
    static func minimize(_ lo: Double, _ hi: Double, tolerance: Double, _ f: (Double) -> Double) -> (x: Double, value: Double) {
        let golden = 0.381_966_011_250_105_1   // (3 − √5) / 2
        var a = lo, b = hi
        var x = a + golden * (b - a), w = x, v = x
        var fx = f(x), fw = fx, fv = fx
        var d = 0.0, e = 0.0
        for _ in 0..<100 {
            let middle = 0.5 * (a + b)
            let tol1 = max(tolerance, 1e-15 * abs(x)), tol2 = 2 * tol1
            if abs(x - middle) <= tol2 - 0.5 * (b - a) { break }
            var parabolic = false
            if abs(e) > tol1 {
                let r = (x - w) * (fx - fv)
                var q = (x - v) * (fx - fw)
                var p = (x - v) * q - (x - w) * r
                q = 2 * (q - r)
                if q > 0 { p = -p } else { q = -q }
                let previous = e
                e = d
                if abs(p) < abs(0.5 * q * previous), p > q * (a - x), p < q * (b - x) {
                    d = p / q
                    let u = x + d
                    if u - a < tol2 || b - u < tol2 { d = middle >= x ? tol1 : -tol1 }
                    parabolic = true
                }
            }
            if !parabolic {
                e = x >= middle ? a - x : b - x
                d = golden * e
            }
            let u = abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1)
            let fu = f(u)
            if fu <= fx {
                if u >= x { a = x } else { b = x }
                (v, fv, w, fw, x, fx) = (w, fw, x, fx, u, fu)
            } else {
                if u < x { a = u } else { b = u }
                if fu <= fw || w == x {
                    (v, fv, w, fw) = (w, fw, u, fu)
                } else if fu <= fv || v == x || v == w {
                    (v, fv) = (u, fu)
                }
            }
        }
        return (x, fx)
    }
}
