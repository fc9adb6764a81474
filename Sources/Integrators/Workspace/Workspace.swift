/// The memory of one solve: one `[Double]` and one `[Int]`, zeroed, sized by a
/// `WorkspaceAllocator` that has handed out every slice.
///
/// Entered once per solve (`withMemory`), so the step loop, the right-hand side, the Jacobian,
/// the LU and the dense output allocate nothing (the counts in Benchmarks/RESULTS.md). Both
/// arrays hold at least one element so their base addresses exist even for a layout without
/// Ints (Tsit5, RK4).
@usableFromInline
struct Workspace {
    @usableFromInline var doubles: [Double]
    @usableFromInline var indices: [Int]

    @inlinable
    init(_ allocator: WorkspaceAllocator) {
        doubles = [Double](repeating: 0, count: max(1, allocator.doubleCount))
        indices = [Int](repeating: 0, count: max(1, allocator.indexCount))
    }

    /// Runs `body` with the base addresses of both arrays, valid only during the call.
    @inlinable
    mutating func withMemory<Result>(_ body: (WorkspaceMemory) throws -> Result) rethrows -> Result {
        try doubles.withUnsafeMutableBufferPointer { doubleBuffer in
            try indices.withUnsafeMutableBufferPointer { indexBuffer in
                try body(WorkspaceMemory(doubles: doubleBuffer.baseAddress!, indices: indexBuffer.baseAddress!))
            }
        }
    }

    /// A copy of a slice's values (the final state), read after `withMemory` returned; with
    /// `range`, of those elements of the slice only.
    @inlinable
    func values(_ slice: WorkspaceSlice<Double>, _ range: Range<Int>? = nil) -> [Double] {
        let range = range ?? 0..<slice.count
        precondition(range.upperBound <= slice.count, "range outside the workspace slice")
        return Array(doubles[(slice.offset + range.lowerBound)..<(slice.offset + range.upperBound)])
    }
}

/// The base addresses of a `Workspace` while it is entered: turns slices into pointers.
@usableFromInline
struct WorkspaceMemory {
    @usableFromInline let doubles: UnsafeMutablePointer<Double>
    @usableFromInline let indices: UnsafeMutablePointer<Int>

    @inlinable
    init(doubles: UnsafeMutablePointer<Double>, indices: UnsafeMutablePointer<Int>) {
        self.doubles = doubles
        self.indices = indices
    }

    @inlinable
    subscript(slice: WorkspaceSlice<Double>) -> UnsafeMutablePointer<Double> { doubles + slice.offset }

    @inlinable
    subscript(slice: WorkspaceSlice<Int>) -> UnsafeMutablePointer<Int> { indices + slice.offset }
}
