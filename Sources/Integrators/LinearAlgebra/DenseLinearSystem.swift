/// A factored dense n×n linear system behind an array interface, for callers outside the step
/// loop (the Newton iterations of a steady state): the engine's own LU with partial pivoting,
/// so one factorization routine serves the whole package.
package struct DenseLinearSystem {
    /// The factors, column-major, as `LUFactorization` leaves them.
    private var factors: [Double]
    private var pivots: [Int]
    package let dimension: Int

    /// Factors the row-major `matrix` (`matrix[i * n + j]` = A_ij).
    /// Returns nil when it is singular to working precision (a zero or non-finite pivot).
    /// - Complexity: O(n³).
    package init?(rowMajor matrix: [Double], dimension n: Int) {
        precondition(n >= 0 && matrix.count == n * n, "matrix must hold n * n values")
        dimension = n
        factors = [Double](repeating: 0, count: n * n)
        pivots = [Int](repeating: 0, count: n)
        guard n > 0 else { return }
        for i in 0..<n {
            for j in 0..<n { factors[j * n + i] = matrix[i * n + j] }
        }
        let singularStep = factors.withUnsafeMutableBufferPointer { m in
            pivots.withUnsafeMutableBufferPointer { p in
                LUFactorization.factorDense(m.baseAddress!, dimension: n, pivots: p.baseAddress!)
            }
        }
        if singularStep != nil { return nil }
    }

    /// Solves A·x = b.
    /// - Complexity: O(n²).
    package func solve(_ b: [Double]) -> [Double] {
        precondition(b.count == dimension, "right-hand side must have n values")
        var x = b
        guard dimension > 0 else { return x }
        for k in 0..<dimension where pivots[k] != k { x.swapAt(k, pivots[k]) }
        factors.withUnsafeBufferPointer { f in
            x.withUnsafeMutableBufferPointer { v in
                LUFactorization.solveDense(f.baseAddress!, dimension: dimension, v.baseAddress!)
            }
        }
        return x
    }
}
