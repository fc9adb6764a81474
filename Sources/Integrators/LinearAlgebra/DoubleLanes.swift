/// A few Doubles handled as one value: `Double` itself (one lane), `SIMD2<Double>`,
/// `SIMD4<Double>` and `SIMD8<Double>`, so that a loop over interleaved vectors (m values per entry, contiguous) is
/// written once, generic over the lanes, and specialized to whole registers
/// (`LUFactorization+MultipleSolve.swift`, the BDF's sensitivity corrector).
///
/// Why named operations rather than the SIMD protocol's operators: in generic code those are
/// the protocol extension's lane-by-lane loops; each conformance here names the concrete
/// overloads, which are single vector instructions. Every operation is the IEEE one per lane
/// (no fused multiply-add), so a lane computes exactly what the scalar loop computes.
@usableFromInline
protocol DoubleLanes {
    /// Lanes per value.
    static var laneCount: Int { get }
    /// Loads `laneCount` consecutive Doubles (any alignment).
    init(loadingFrom pointer: UnsafePointer<Double>)
    /// Every lane `value`.
    init(splatting value: Double)
    /// Stores the lanes to `laneCount` consecutive Doubles (any alignment).
    func store(to pointer: UnsafeMutablePointer<Double>)
    func adding(_ other: Self) -> Self
    func subtracting(_ other: Self) -> Self
    func multiplied(by other: Self) -> Self
    func divided(by other: Self) -> Self
}

extension Double: DoubleLanes {
    @inlinable static var laneCount: Int { 1 }
    @inlinable init(loadingFrom pointer: UnsafePointer<Double>) { self = pointer.pointee }
    @inlinable init(splatting value: Double) { self = value }
    @inlinable func store(to pointer: UnsafeMutablePointer<Double>) { pointer.pointee = self }
    @inlinable func adding(_ other: Double) -> Double { self + other }
    @inlinable func subtracting(_ other: Double) -> Double { self - other }
    @inlinable func multiplied(by other: Double) -> Double { self * other }
    @inlinable func divided(by other: Double) -> Double { self / other }
}

extension SIMD2: DoubleLanes where Scalar == Double {
    @inlinable static var laneCount: Int { 2 }
    @inlinable init(loadingFrom pointer: UnsafePointer<Double>) {
        self = UnsafeRawPointer(pointer).loadUnaligned(as: SIMD2<Double>.self)
    }
    @inlinable init(splatting value: Double) { self.init(repeating: value) }
    @inlinable func store(to pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: SIMD2<Double>.self)
    }
    @inlinable func adding(_ other: SIMD2<Double>) -> SIMD2<Double> { self + other }
    @inlinable func subtracting(_ other: SIMD2<Double>) -> SIMD2<Double> { self - other }
    @inlinable func multiplied(by other: SIMD2<Double>) -> SIMD2<Double> { self * other }
    @inlinable func divided(by other: SIMD2<Double>) -> SIMD2<Double> { self / other }
}

extension SIMD4: DoubleLanes where Scalar == Double {
    @inlinable static var laneCount: Int { 4 }
    @inlinable init(loadingFrom pointer: UnsafePointer<Double>) {
        self = UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
    }
    @inlinable init(splatting value: Double) { self.init(repeating: value) }
    @inlinable func store(to pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: SIMD4<Double>.self)
    }
    @inlinable func adding(_ other: SIMD4<Double>) -> SIMD4<Double> { self + other }
    @inlinable func subtracting(_ other: SIMD4<Double>) -> SIMD4<Double> { self - other }
    @inlinable func multiplied(by other: SIMD4<Double>) -> SIMD4<Double> { self * other }
    @inlinable func divided(by other: SIMD4<Double>) -> SIMD4<Double> { self / other }
}

extension SIMD8: DoubleLanes where Scalar == Double {
    @inlinable static var laneCount: Int { 8 }
    @inlinable init(loadingFrom pointer: UnsafePointer<Double>) {
        self = UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Double>.self)
    }
    @inlinable init(splatting value: Double) { self.init(repeating: value) }
    @inlinable func store(to pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: SIMD8<Double>.self)
    }
    @inlinable func adding(_ other: SIMD8<Double>) -> SIMD8<Double> { self + other }
    @inlinable func subtracting(_ other: SIMD8<Double>) -> SIMD8<Double> { self - other }
    @inlinable func multiplied(by other: SIMD8<Double>) -> SIMD8<Double> { self * other }
    @inlinable func divided(by other: SIMD8<Double>) -> SIMD8<Double> { self / other }
}

/// Two lane groups as one value (`LanePair<SIMD8<Double>, SIMD2<Double>>`: ten lanes), so that
/// m = 9…15 parameters take one sweep over a pattern instead of two or more. Why: each sweep
/// pays the pattern's index loads, addresses and branches once; for m = 10 the second
/// (two-lane) sweep cost more than half of the eight-lane one (issue 14, Benchmarks/RESULTS.md).
/// Each lane's operations are those of its group alone, so the results are the same to the bit.
@usableFromInline
struct LanePair<Low: DoubleLanes, High: DoubleLanes>: DoubleLanes {
    @usableFromInline var low: Low
    @usableFromInline var high: High

    @inlinable init(low: Low, high: High) {
        self.low = low
        self.high = high
    }

    @inlinable static var laneCount: Int { Low.laneCount + High.laneCount }
    @inlinable init(loadingFrom pointer: UnsafePointer<Double>) {
        self.init(low: Low(loadingFrom: pointer), high: High(loadingFrom: pointer + Low.laneCount))
    }
    @inlinable init(splatting value: Double) { self.init(low: Low(splatting: value), high: High(splatting: value)) }
    @inlinable func store(to pointer: UnsafeMutablePointer<Double>) {
        low.store(to: pointer)
        high.store(to: pointer + Low.laneCount)
    }
    @inlinable func adding(_ other: Self) -> Self { Self(low: low.adding(other.low), high: high.adding(other.high)) }
    @inlinable func subtracting(_ other: Self) -> Self {
        Self(low: low.subtracting(other.low), high: high.subtracting(other.high))
    }
    @inlinable func multiplied(by other: Self) -> Self {
        Self(low: low.multiplied(by: other.low), high: high.multiplied(by: other.high))
    }
    @inlinable func divided(by other: Self) -> Self { Self(low: low.divided(by: other.low), high: high.divided(by: other.high)) }
}

/// One pass of a loop over interleaved vectors for the parameters `first ..< first + laneCount`,
/// generic over the lanes; `sweepAll` splits m parameters into lane groups once for every such
/// loop (the multiple solve, the corrector's residual and norms).
@usableFromInline
protocol LaneSweep {
    func sweep<Lanes: DoubleLanes>(_: Lanes.Type, first: Int)
}

extension LaneSweep {
    /// Eight parameters at a time; with 9 to 15 left, the last eight and the next group in one
    /// sweep (`LanePair`); then four, two, one.
    @inlinable @inline(__always)
    func sweepAll(count m: Int) {
        var first = 0
        while m &- first >= 16 || m &- first == 8 { sweep(SIMD8<Double>.self, first: first); first &+= 8 }
        if m &- first >= 12 {
            sweep(LanePair<SIMD8<Double>, SIMD4<Double>>.self, first: first); first &+= 12
        } else if m &- first >= 10 {
            sweep(LanePair<SIMD8<Double>, SIMD2<Double>>.self, first: first); first &+= 10
        } else if m &- first == 9 {
            sweep(LanePair<SIMD8<Double>, Double>.self, first: first); first &+= 9
        }
        if m &- first >= 4 { sweep(SIMD4<Double>.self, first: first); first &+= 4 }
        if m &- first >= 2 { sweep(SIMD2<Double>.self, first: first); first &+= 2 }
        if m &- first == 1 { sweep(Double.self, first: first) }
    }
}
