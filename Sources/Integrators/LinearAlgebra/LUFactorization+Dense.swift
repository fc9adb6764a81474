extension LUFactorization {
    /// Factors `matrix` (column-major) in place.
    ///
    /// - Returns: `nil` on success, otherwise the elimination step whose pivot was zero or
    ///   non-finite (the matrix is then singular to working precision and its contents are
    ///   unspecified). A singular iteration matrix is not an error of the solve: the Rosenbrock
    ///   step rejects and retries with a smaller step.
    /// - Complexity: O(n³) (n³/3 multiply-adds).
    @inlinable
    static func factorDense(
        _ matrix: UnsafeMutablePointer<Double>, dimension n: Int, pivots: UnsafeMutablePointer<Int>
    ) -> Int? {
        // Blocked right-looking elimination, panels of four columns (LAPACK `getrf` order):
        // factor the panel, then update each trailing column once with all four panel columns
        // in a fused pass instead of four separate passes.
        var k = 0
        while k < n {
            let panelEnd = min(k + 4, n)
            for p in k..<panelEnd {
                let columnP = matrix + p * n
                let (pivotRow, largest) = largestEntry(in: columnP, from: p, dimension: n)
                pivots[p] = pivotRow
                guard largest != 0, largest.isFinite else { return p }
                if pivotRow != p {
                    // Interchange whole rows, trailing columns included (their deferred updates
                    // move with the multipliers, so the order of operations stays equivalent).
                    interchangeRows(matrix, dimension: n, p, pivotRow)
                }
                let inversePivot = 1 / columnP[p]
                // Keep the reciprocal: the solves multiply instead of dividing on their
                // critical path.
                columnP[p] = inversePivot
                var i = p + 1
                while i < n { columnP[i] = columnP[i] * inversePivot; i += 1 }
                // Update the rest of the panel only.
                var j = p + 1
                while j < panelEnd {
                    let columnJ = matrix + j * n
                    let factor = columnJ[p]
                    if factor != 0 {
                        var i = p + 1
                        while i < n { columnJ[i] = columnJ[i] - factor * columnP[i]; i += 1 }
                    }
                    j += 1
                }
            }
            // Trailing columns: U rows of the panel (unit lower triangular solve), then the
            // rank-4 update below the panel.
            var j = panelEnd
            if panelEnd - k == 4 {
                let c0 = matrix + k * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n
                while j < n {
                    let columnJ = matrix + j * n
                    let u0 = columnJ[k]
                    let u1 = columnJ[k + 1] - u0 * c0[k + 1]
                    let u2 = columnJ[k + 2] - u0 * c0[k + 2] - u1 * c1[k + 2]
                    let u3 = columnJ[k + 3] - u0 * c0[k + 3] - u1 * c1[k + 3] - u2 * c2[k + 3]
                    columnJ[k + 1] = u1; columnJ[k + 2] = u2; columnJ[k + 3] = u3
                    if u0 != 0 || u1 != 0 || u2 != 0 || u3 != 0 {
                        var i = panelEnd
                        while i < n {
                            columnJ[i] = columnJ[i] - u0 * c0[i] - u1 * c1[i] - u2 * c2[i] - u3 * c3[i]
                            i += 1
                        }
                    }
                    j += 1
                }
            } else {
                while j < n {
                    let columnJ = matrix + j * n
                    for p in k..<panelEnd {
                        let factor = columnJ[p]
                        if factor != 0 {
                            let columnP = matrix + p * n
                            var i = p + 1
                            while i < n { columnJ[i] = columnJ[i] - factor * columnP[i]; i += 1 }
                        }
                    }
                    j += 1
                }
            }
            k = panelEnd
        }
        return nil
    }

    /// Solves A·x = b in place (`vector` holds b on entry and x on return) with the factors
    /// from a successful `factor`.
    ///
    /// - Complexity: O(n²).
    @inlinable
    static func solveDense(
        _ factors: UnsafePointer<Double>, dimension n: Int, _ vector: UnsafeMutablePointer<Double>
    ) {
        var k = 0
        // Forward substitution with the unit lower factor, four columns at a time: the 4×4
        // triangle first, then one fused pass updating the rest of the vector.
        k = 0
        while k + 3 < n {
            let c0 = factors + k * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n
            let x0 = vector[k]
            let x1 = vector[k + 1] - x0 * c0[k + 1]
            let x2 = vector[k + 2] - x0 * c0[k + 2] - x1 * c1[k + 2]
            let x3 = vector[k + 3] - x0 * c0[k + 3] - x1 * c1[k + 3] - x2 * c2[k + 3]
            vector[k + 1] = x1; vector[k + 2] = x2; vector[k + 3] = x3
            var i = k + 4
            while i < n {
                vector[i] = vector[i] - x0 * c0[i] - x1 * c1[i] - x2 * c2[i] - x3 * c3[i]
                i += 1
            }
            k += 4
        }
        while k < n {
            let value = vector[k], column = factors + k * n
            var i = k + 1
            while i < n { vector[i] = vector[i] - value * column[i]; i += 1 }
            k += 1
        }
        // Back substitution with the upper factor (its diagonal holds 1/U_kk), four columns at
        // a time from the bottom.
        k = n - 1
        while k >= 3 {
            let c0 = factors + k * n, c1 = c0 - n, c2 = c1 - n, c3 = c2 - n
            let x0 = vector[k] * c0[k]
            let x1 = (vector[k - 1] - x0 * c0[k - 1]) * c1[k - 1]
            let x2 = (vector[k - 2] - x0 * c0[k - 2] - x1 * c1[k - 2]) * c2[k - 2]
            let x3 = (vector[k - 3] - x0 * c0[k - 3] - x1 * c1[k - 3] - x2 * c2[k - 3]) * c3[k - 3]
            vector[k] = x0; vector[k - 1] = x1; vector[k - 2] = x2; vector[k - 3] = x3
            var i = 0
            while i < k - 3 {
                vector[i] = vector[i] - x0 * c0[i] - x1 * c1[i] - x2 * c2[i] - x3 * c3[i]
                i += 1
            }
            k -= 4
        }
        while k >= 0 {
            let column = factors + k * n
            let value = vector[k] * column[k]
            vector[k] = value
            var i = 0
            while i < k { vector[i] = vector[i] - value * column[i]; i += 1 }
            k -= 1
        }
    }

    /// Swaps rows `a` and `b` of the column-major n×n `matrix` across all columns (the row
    /// interchange of partial pivoting, shared by the dense and the general sparse elimination).
    @inlinable @inline(__always)
    static func interchangeRows(_ matrix: UnsafeMutablePointer<Double>, dimension n: Int, _ a: Int, _ b: Int) {
        var column = 0
        while column < n {
            let base = matrix + column * n
            let swap = base[a]; base[a] = base[b]; base[b] = swap
            column += 1
        }
    }
}
