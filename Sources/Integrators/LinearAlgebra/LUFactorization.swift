/// Dense LU factorization with partial (row) pivoting, in place on a column-major n×n matrix
/// (`matrix[j * n + i]` = A_ij; equivalently Aᵀ stored row-major).
///
/// Written for the small dense systems of Rosenbrock methods (n up to about 100): no
/// allocation, the caller owns the matrix and the pivot buffer. Column-major storage makes
/// every inner loop of the factorization and of both triangular solves an axpy over a
/// contiguous column (right-looking elimination, column-oriented substitution): independent
/// multiply-adds the compiler vectorizes, instead of the latency-bound dot products of the
/// row-oriented forms (measured: the row-major solve was half of a POLLU step). Columns with a
/// zero multiplier are skipped in the factorization, which pays off on the sparse Jacobians of
/// reaction networks (the solves do not test for zeros: a data-dependent branch there cost
/// more than it saved). One factorization serves every stage of a Rosenbrock step.
///
/// After `factor` succeeds the matrix holds L (unit lower, below the diagonal) and U (above
/// it, with the reciprocals 1/U_kk on the diagonal) of P·A = L·U, and `pivots[k]` is the row
/// interchanged with row k at elimination step k (LAPACK's `getrf` convention).
@usableFromInline
enum LUFactorization {
    /// Factors `matrix` (column-major) in place.
    ///
    /// - Returns: `nil` on success, otherwise the elimination step whose pivot was zero or
    ///   non-finite (the matrix is then singular to working precision and its contents are
    ///   unspecified). A singular iteration matrix is not an error of the solve: the Rosenbrock
    ///   step rejects and retries with a smaller step.
    /// - Complexity: O(n³) (n³/3 multiply-adds).
    @inlinable
    static func factor(
        _ matrix: UnsafeMutablePointer<Double>, dimension n: Int, pivots: UnsafeMutablePointer<Int>
    ) -> Int? {
        for k in 0..<n {
            let columnK = matrix + k * n
            // Largest magnitude in column k at or below the diagonal.
            var pivotRow = k
            var largest = abs(columnK[k])
            var row = k + 1
            while row < n {
                let candidate = abs(columnK[row])
                if candidate > largest { largest = candidate; pivotRow = row }
                row += 1
            }
            pivots[k] = pivotRow
            guard largest != 0, largest.isFinite else { return k }
            if pivotRow != k {
                var column = 0
                while column < n {
                    let base = matrix + column * n
                    let swap = base[k]; base[k] = base[pivotRow]; base[pivotRow] = swap
                    column += 1
                }
            }
            let inversePivot = 1 / columnK[k]
            // Keep the reciprocal: the solves multiply instead of dividing on their critical path.
            columnK[k] = inversePivot
            var i = k + 1
            while i < n { columnK[i] = columnK[i] * inversePivot; i += 1 }
            var j = k + 1
            while j < n {
                let columnJ = matrix + j * n
                let factor = columnJ[k]
                if factor != 0 {
                    var i = k + 1
                    while i < n { columnJ[i] = columnJ[i] - factor * columnK[i]; i += 1 }
                }
                j += 1
            }
        }
        return nil
    }

    /// Solves A·x = b in place (`vector` holds b on entry and x on return) with the factors
    /// from a successful `factor`.
    ///
    /// - Complexity: O(n²).
    @inlinable
    static func solve(
        _ factors: UnsafePointer<Double>, dimension n: Int, pivots: UnsafePointer<Int>,
        _ vector: UnsafeMutablePointer<Double>
    ) {
        // Row interchanges, then forward substitution with the unit lower factor, by columns.
        var k = 0
        while k < n {
            let p = pivots[k]
            if p != k { let swap = vector[k]; vector[k] = vector[p]; vector[p] = swap }
            k += 1
        }
        k = 0
        while k < n {
            let value = vector[k]
            let columnK = factors + k * n
            var i = k + 1
            while i < n { vector[i] = vector[i] - value * columnK[i]; i += 1 }
            k += 1
        }
        // Back substitution with the upper factor, by columns (diagonal holds 1/U_kk).
        k = n - 1
        while k >= 0 {
            let columnK = factors + k * n
            let value = vector[k] * columnK[k]
            vector[k] = value
            var i = 0
            while i < k { vector[i] = vector[i] - value * columnK[i]; i += 1 }
            k -= 1
        }
    }
}
