/// Dense LU factorization with partial (row) pivoting, in place on a row-major n×n matrix.
///
/// Written for the small dense systems of Rosenbrock methods (n up to about 100): no
/// allocation, the caller owns the matrix and the pivot buffer, and rows are updated with
/// contiguous inner loops that the compiler vectorizes. One factorization serves every stage
/// of a Rosenbrock step (and the step after a rejection reuses the Jacobian, not the LU).
///
/// After `factor` succeeds the matrix holds L (unit lower, below the diagonal) and U (on and
/// above it) of P·A = L·U, and `pivots[k]` is the row swapped with row k at elimination step k.
@usableFromInline
enum LUFactorization {
    /// Factors `matrix` in place.
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
            // Largest magnitude in column k at or below the diagonal.
            var pivotRow = k
            var largest = abs(matrix[k * n + k])
            var row = k + 1
            while row < n {
                let candidate = abs(matrix[row * n + k])
                if candidate > largest { largest = candidate; pivotRow = row }
                row += 1
            }
            pivots[k] = pivotRow
            guard largest != 0, largest.isFinite else { return k }
            if pivotRow != k {
                let a = matrix + k * n, b = matrix + pivotRow * n
                for column in 0..<n { let swap = a[column]; a[column] = b[column]; b[column] = swap }
            }
            let pivotRowPointer = matrix + k * n
            let inversePivot = 1 / pivotRowPointer[k]
            var i = k + 1
            while i < n {
                let rowPointer = matrix + i * n
                let multiplier = rowPointer[k] * inversePivot
                rowPointer[k] = multiplier
                if multiplier != 0 {
                    var j = k + 1
                    while j < n {
                        rowPointer[j] = rowPointer[j] - multiplier * pivotRowPointer[j]
                        j += 1
                    }
                }
                i += 1
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
        // Apply the row interchanges and forward-substitute with the unit lower factor.
        for k in 0..<n {
            let p = pivots[k]
            if p != k { let swap = vector[k]; vector[k] = vector[p]; vector[p] = swap }
        }
        var i = 1
        while i < n {
            let rowPointer = factors + i * n
            var sum = vector[i]
            for j in 0..<i { sum = sum - rowPointer[j] * vector[j] }
            vector[i] = sum
            i += 1
        }
        // Back-substitute with the upper factor.
        i = n - 1
        while i >= 0 {
            let rowPointer = factors + i * n
            var sum = vector[i]
            var j = i + 1
            while j < n { sum = sum - rowPointer[j] * vector[j]; j += 1 }
            vector[i] = sum / rowPointer[i]
            i -= 1
        }
    }
}
