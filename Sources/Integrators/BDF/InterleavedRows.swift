/// The BDF sensitivity solve's row layout: y (n values), then the m sensitivities interleaved,
/// entry i of parameter k at n + i·m + k, so the corrector works on the rows themselves
/// (`BDFStepper+Sensitivities.swift`). Callers see [y; s_1; ...; s_m]: these convert.
@usableFromInline
enum InterleavedRows {
    /// [y; s_1; ...; s_m] → the interleaved row.
    @inlinable
    static func interleave(
        _ external: UnsafePointer<Double>, into row: UnsafeMutablePointer<Double>, dimension n: Int, count m: Int
    ) {
        for i in 0..<n { row[i] = external[i] }
        interleave(sensitivities: external + n, into: row + n, dimension: n, count: m)
    }

    /// The interleaved row → [y; s_1; ...; s_m].
    @inlinable
    static func deinterleave(
        _ row: UnsafePointer<Double>, into external: UnsafeMutablePointer<Double>, dimension n: Int, count m: Int
    ) {
        for i in 0..<n { external[i] = row[i] }
        deinterleave(sensitivities: row + n, into: external + n, dimension: n, count: m)
    }

    /// [s_1; ...; s_m] (n·m values) → interleaved (entry i of parameter k at i·m + k).
    @inlinable
    static func interleave(
        sensitivities external: UnsafePointer<Double>, into block: UnsafeMutablePointer<Double>, dimension n: Int, count m: Int
    ) {
        for k in 0..<m {
            for i in 0..<n { block[i &* m &+ k] = external[k &* n &+ i] }
        }
    }

    /// Interleaved sensitivities → [s_1; ...; s_m].
    @inlinable
    static func deinterleave(
        sensitivities block: UnsafePointer<Double>, into external: UnsafeMutablePointer<Double>, dimension n: Int, count m: Int
    ) {
        for k in 0..<m {
            for i in 0..<n { external[k &* n &+ i] = block[i &* m &+ k] }
        }
    }
}

/// A `SolutionSink` that receives interleaved rows and hands [y; s_1; ...; s_m] to `inner`
/// (one conversion per output row, through a buffer made once per solve).
@usableFromInline
struct InterleavedRowSink<Inner: SolutionSink>: SolutionSink {
    @usableFromInline var inner: Inner
    @usableFromInline let dimension: Int
    @usableFromInline let sensitivityCount: Int
    @usableFromInline var buffer: [Double]

    @inlinable
    init(inner: Inner, dimension: Int, sensitivityCount: Int) {
        self.inner = inner
        self.dimension = dimension
        self.sensitivityCount = sensitivityCount
        buffer = [Double](repeating: 0, count: dimension * (sensitivityCount + 1))
    }

    @inlinable
    mutating func record(time: Double, state row: UnsafeBufferPointer<Double>) throws {
        let n = dimension, m = sensitivityCount
        try buffer.withUnsafeMutableBufferPointer { external in
            InterleavedRows.deinterleave(row.baseAddress!, into: external.baseAddress!, dimension: n, count: m)
            try inner.record(time: time, state: UnsafeBufferPointer(external))
        }
    }
}
