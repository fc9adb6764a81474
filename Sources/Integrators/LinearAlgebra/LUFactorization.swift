/// LU factorization with partial (row) pivoting, in place on a column-major n×n matrix
/// (`matrix[j * n + i]` = A_ij; equivalently Aᵀ stored row-major), with a blocked dense path
/// and, for larger sparse matrices, a sparsity-aware path (see `factor`).
///
/// Written for the small dense systems of Rosenbrock methods (n up to about 100): no
/// allocation, the caller owns the matrix and the pivot buffer. The factorization is
/// right-looking over contiguous columns, blocked by four-column panels (trailing columns with
/// a zero panel row are skipped, which pays off on the sparse Jacobians of reaction networks;
/// blocking cut the POLLU factorization by about a third). The triangular solves
/// are column-oriented and blocked by four columns: each block solves its 4×4 triangle and
/// then updates the rest of the vector in one fused pass. The solves run 8 times per Rodas5P
/// step and were half its time; measured per solve on this machine (n = 8 / 20 / 40), one
/// column at a time 140-190 / 390-530 / 900 ns, row-wise dot products 140-170 / 480-630 /
/// 1700-2000 ns, blocked by four 75-80 / 175-185 / 570-720 ns. One factorization serves every
/// stage of a Rosenbrock step. The sparse path's fixed-pattern factorizations solve in row
/// (dot-product) form instead (`solveFixedPattern`).
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
                // Largest magnitude in column p at or below the diagonal.
                var pivotRow = p
                var largest = abs(columnP[p])
                var row = p + 1
                while row < n {
                    let candidate = abs(columnP[row])
                    if candidate > largest { largest = candidate; pivotRow = row }
                    row += 1
                }
                pivots[p] = pivotRow
                guard largest != 0, largest.isFinite else { return p }
                if pivotRow != p {
                    // Interchange whole rows, trailing columns included (their deferred updates
                    // move with the multipliers, so the order of operations stays equivalent).
                    var column = 0
                    while column < n {
                        let base = matrix + column * n
                        let swap = base[p]; base[p] = base[pivotRow]; base[pivotRow] = swap
                        column += 1
                    }
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

    // MARK: Sparse-aware path

    /// Int storage `factor` and `solve` need besides the n pivots: the chosen path and the
    /// nonzero pattern of the factors (row indices per column of L and of U), the flag of a
    /// declared Jacobian sparsity, then the row-oriented patterns of the fixed-pattern solves
    /// (`rowPatternOffset`).
    @inlinable
    static func structureCount(dimension n: Int) -> Int { rowPatternOffset(dimension: n) + 3 * n + 2 + 4 * n * n }

    /// Start of the fixed-pattern solves' data: the ordering as a gather (n), row starts of L
    /// (n + 1) and of U (n + 1), the column indices of L's rows and of U's rows (n² each), then
    /// where each of those entries sits in the factored matrix (n² each).
    @inlinable
    static func rowPatternOffset(dimension n: Int) -> Int { 6 + 5 * n + 6 * n * n }

    /// Records the Jacobian's declared nonzero positions (row-major i · n + j, see
    /// `ODESystem.jacobianSparsity`) before the first `factorIterationMatrix` of a workspace.
    /// The sparse path then takes its symbolic pattern from them rather than from the first
    /// W's values, and later calls scatter them without scanning J for new entries.
    @inlinable
    static func declareJacobianSparsity(
        _ positions: [Int], dimension n: Int, structure: UnsafeMutablePointer<Int>
    ) {
        let state = structure + 2 + 5 * n + 4 * n * n
        let listCount = state + 2, sources = state + 3
        var count = 0
        for position in positions {
            precondition(position >= 0 && position < n * n, "jacobianSparsity position \(position) is outside the \(n)×\(n) matrix")
            sources[count] = position
            count += 1
            if count == n * n { break }
        }
        listCount[0] = count
        structure[5 + 5 * n + 6 * n * n] = 1
    }

    /// Zeroes the entries of a fixed-pattern factorization (the diagonal and the L and U
    /// patterns) before W is scattered into them; the fixed-pattern factorization and the
    /// sparse solves read no others. With dense solves the whole matrix is cleared.
    @inlinable
    static func clearFixedPattern(
        _ matrix: UnsafeMutablePointer<Double>, dimension n: Int, structure: UnsafePointer<Int>
    ) {
        if structure[0] & 1 == 0 {
            matrix.update(repeating: 0, count: n * n)
            return
        }
        let lowerCount = structure + 2, upperCount = lowerCount + n
        let lowerRows = upperCount + n, upperRows = lowerRows + n * n
        for j in 0..<n {
            let column = matrix + j * n
            column[j] = 0
            let lower = lowerRows + j * n, upper = upperRows + j * n
            for t in 0..<lowerCount[j] { column[lower[t]] = 0 }
            for t in 0..<upperCount[j] { column[upper[t]] = 0 }
        }
    }

    /// Fill-reducing symmetric ordering for the sparse path, computed once from the pattern of
    /// the first matrix (minimum degree on the pattern of A + Aᵀ, ties to the lower index) and
    /// stored as a sequence of interchanges in `swaps` (position k exchanged with swaps[k], in
    /// order k = 0..<n, like LAPACK pivots). In the natural state order of the receptor model
    /// the feedback states that couple to every receptor state come early and fill L and U to
    /// almost half of the matrix; ordered, the factors stay close to the Jacobian's own
    /// pattern. `scratch` (n·n + n Ints) is overwritten. O(n³) once per solve.
    @inlinable
    static func minimumDegreeOrdering(
        _ matrix: UnsafePointer<Double>, dimension n: Int, swaps: UnsafeMutablePointer<Int>,
        scratch: UnsafeMutablePointer<Int>
    ) {
        let adjacent = scratch, eliminated = scratch + n * n
        for i in 0..<n {
            eliminated[i] = 0
            for j in 0..<n {
                adjacent[i * n + j] = (i != j && (matrix[j * n + i] != 0 || matrix[i * n + j] != 0)) ? 1 : 0
            }
        }
        // swaps doubles as the elimination order until it is converted below.
        for step in 0..<n {
            var best = -1, bestDegree = Int.max
            for v in 0..<n where eliminated[v] == 0 {
                var degree = 0
                for w in 0..<n where eliminated[w] == 0 { degree += adjacent[v * n + w] }
                if degree < bestDegree { bestDegree = degree; best = v }
            }
            eliminated[best] = 1
            swaps[step] = best
            // Eliminating best joins its remaining neighbours into a clique (the fill it makes).
            for a in 0..<n where eliminated[a] == 0 && adjacent[best * n + a] != 0 {
                for b in 0..<n where b != a && eliminated[b] == 0 && adjacent[best * n + b] != 0 {
                    adjacent[a * n + b] = 1
                }
            }
        }
        // Order → interchanges: position k receives the state order[k].
        let current = adjacent, whereIs = adjacent + n
        for i in 0..<n { current[i] = i; whereIs[i] = i }
        for k in 0..<n {
            let wanted = swaps[k]
            let position = whereIs[wanted]
            swaps[k] = position
            let displaced = current[k]
            current[k] = wanted; whereIs[wanted] = k
            current[position] = displaced; whereIs[displaced] = position
        }
    }

    /// Builds the iteration matrix W = scale·J + shift·I of a Rosenbrock step from the row-major
    /// Jacobian `jacobian` into `factors` (column-major, symmetrically permuted by the
    /// fill-reducing ordering on the sparse path) and factors it (`factor`). `solve` undoes the
    /// ordering, so callers see A·x = b in their own order. The first call of a workspace
    /// chooses the path and, for the sparse path, computes the ordering from the pattern of
    /// that W and permutes it in place once; later calls scatter J straight to its permuted
    /// place, which costs the same as the plain transposing copy. With `packed` (n² + n doubles),
    /// a fixed-pattern factorization also leaves its factors there for the row-form solves.
    ///
    /// - Returns: as `factor`.
    @inlinable
    static func factorIterationMatrix(
        jacobian: UnsafePointer<Double>, scale: Double, shift: Double,
        into factors: UnsafeMutablePointer<Double>, dimension n: Int,
        pivots: UnsafeMutablePointer<Int>, structure: UnsafeMutablePointer<Int>,
        packed: UnsafeMutablePointer<Double>? = nil
    ) -> Int? {
        let ordering = structure + 2 + 3 * n + 2 * n * n, positions = ordering + n
        var triedFixedPattern = false
        let declared = structure[5 + 5 * n + 6 * n * n] == 1
        if structure[1] == 2 {
            // The nonzeros of J (declared, or seen so far), as (index in J, index in W) pairs:
            // when J has no others (declared, or two cheap counts), W is a zeroed pattern plus
            // these, and the fixed patterns (which include them) need no check.
            let seen = structure + 2 + 5 * n + 2 * n * n
            let state = seen + 2 * n * n
            let listCount = state + 2, sources = state + 3, targets = sources + n * n
            let count = listCount[0]
            var onlyKnownEntries = declared
            if !declared {
                var total = 0
                for index in 0..<(n * n) { total &+= jacobian[index] != 0 ? 1 : 0 }
                var known = 0
                for t in 0..<count { known &+= jacobian[sources[t]] != 0 ? 1 : 0 }
                onlyKnownEntries = total == known
            }
            if onlyKnownEntries, state[0] == 1, state[1] <= 8 {
                clearFixedPattern(factors, dimension: n, structure: structure)
                for t in 0..<count { factors[targets[t]] = scale * jacobian[sources[t]] }
                for i in 0..<n { factors[i * n + i] = factors[i * n + i] + shift }
                if factorFixedPattern(factors, dimension: n, pivots: pivots, structure: structure, checkPattern: false, packed: packed) {
                    return nil
                }
                triedFixedPattern = true
            } else if !declared {
                var t = 0
                for i in 0..<n {
                    for j in 0..<n where jacobian[i * n + j] != 0 {
                        sources[t] = i * n + j
                        targets[t] = positions[j] * n + positions[i]
                        seen[targets[t]] = 1
                        t += 1
                    }
                }
                listCount[0] = t
                state[0] = 0
            }
            for i in 0..<n {
                let row = jacobian + i * n
                let pi = positions[i]
                for j in 0..<n { factors[positions[j] * n + pi] = scale * row[j] }
            }
        } else {
            for i in 0..<n {
                let row = jacobian + i * n
                for j in 0..<n { factors[j * n + i] = scale * row[j] }
            }
        }
        for i in 0..<n { factors[i * n + i] = factors[i * n + i] + shift }
        if structure[1] == 0 {
            var nonzeros = 0
            for index in 0..<(n * n) { nonzeros += factors[index] != 0 ? 1 : 0 }
            structure[1] = (n >= 24 && 4 * nonzeros <= n * n) ? 2 : 1
            if structure[1] == 2 {
                minimumDegreeOrdering(factors, dimension: n, swaps: ordering, scratch: structure + 2 + 2 * n)
                // positions[state] = its place in the ordered matrix; permute this W once.
                for i in 0..<n { positions[i] = i }
                for k in 0..<n {
                    let other = ordering[k]
                    if other != k {
                        let swap = positions[k]; positions[k] = positions[other]; positions[other] = swap
                        for column in 0..<n {
                            let base = factors + column * n
                            let value = base[k]; base[k] = base[other]; base[other] = value
                        }
                        let a = factors + k * n, b = factors + other * n
                        for row in 0..<n { let value = a[row]; a[row] = b[row]; b[row] = value }
                    }
                }
                // positions held the state at each place; invert it.
                let places = structure + 2 + 2 * n  // scratch (n)
                for k in 0..<n { places[positions[k]] = k }
                for i in 0..<n { positions[i] = places[i] }
                if declared {
                    // The declared entries are the pattern from now on, zero or not in this W.
                    let seen = structure + 2 + 5 * n + 2 * n * n
                    let state = seen + 2 * n * n
                    let listCount = state + 2, sources = state + 3, targets = sources + n * n
                    for t in 0..<listCount[0] {
                        let i = sources[t] / n, j = sources[t] % n
                        targets[t] = positions[j] * n + positions[i]
                        seen[targets[t]] = 1
                    }
                    state[0] = 0
                }
            }
        }
        if structure[1] == 2, !triedFixedPattern {
            if factorFixedPattern(factors, dimension: n, pivots: pivots, structure: structure, checkPattern: true, packed: packed) {
                return nil
            }
        }
        if structure[1] == 2, !triedFixedPattern {
            // The fixed pattern met a pivot below the threshold: W again, then the general path.
            for i in 0..<n {
                let row = jacobian + i * n
                let pi = positions[i]
                for j in 0..<n { factors[positions[j] * n + pi] = scale * row[j] }
            }
            for i in 0..<n { factors[i * n + i] = factors[i * n + i] + shift }
        }
        return factor(factors, dimension: n, pivots: pivots, structure: structure)
    }

    /// The sparse path without its per-call bookkeeping: the patterns of L and U come from a
    /// symbolic elimination (on booleans, diagonal pivots) of every entry any W of this solve
    /// has had nonzero, redone only when a new entry appears, so no exact zero or
    /// cancellation can hide fill. The numeric elimination is left-looking over those
    /// patterns (per entry the same updates in the same order as the right-looking general
    /// path). It gives up (returns false, matrix clobbered) when a diagonal pivot fails the
    /// threshold test of the general path, whose patterns then replace the symbolic ones;
    /// after eight such give-ups the solve stays on the general path.
    @inlinable
    static func factorFixedPattern(
        _ matrix: UnsafeMutablePointer<Double>, dimension n: Int, pivots: UnsafeMutablePointer<Int>,
        structure: UnsafeMutablePointer<Int>, checkPattern: Bool, packed: UnsafeMutablePointer<Double>?
    ) -> Bool {
        let lowerCount = structure + 2, upperCount = lowerCount + n
        let lowerRows = upperCount + n, upperRows = lowerRows + n * n
        let seen = structure + 2 + 5 * n + 2 * n * n, boolean = seen + n * n
        let state = boolean + n * n  // [0]: 1 symbolic patterns valid; [1]: give-ups
        if state[1] > 8 { return false }
        var fresh = 0
        if checkPattern {
            for index in 0..<(n * n) { fresh |= (matrix[index] != 0 ? 1 : 0) & (1 - seen[index]) }
        }
        if fresh != 0 {
            for index in 0..<(n * n) where matrix[index] != 0 { seen[index] = 1 }
            state[0] = 0
        }
        if state[0] != 1 {
            // Symbolic elimination (column-major booleans, diagonal always present).
            for index in 0..<(n * n) { boolean[index] = seen[index] }
            for k in 0..<n { boolean[k * n + k] = 1; upperCount[k] = 0 }
            var filled = n
            for k in 0..<n {
                let columnK = boolean + k * n
                var count = 0
                for i in (k + 1)..<n where columnK[i] != 0 {
                    lowerRows[k * n + count] = i
                    count += 1
                }
                lowerCount[k] = count
                for j in (k + 1)..<n where boolean[j * n + k] != 0 {
                    upperRows[j * n + upperCount[j]] = k
                    upperCount[j] += 1
                    let columnJ = boolean + j * n
                    for t in 0..<count { columnJ[lowerRows[k * n + t]] = 1 }
                }
                filled += count
            }
            for j in 0..<n { filled += upperCount[j] }
            structure[0] = 2 * filled <= n * n ? 1 : 0
            state[0] = 1
            buildRowPatterns(boolean, dimension: n, structure: structure)
        }
        // Left-looking numeric elimination over the patterns.
        for j in 0..<n {
            let columnJ = matrix + j * n
            let uRows = upperRows + j * n
            for u in 0..<upperCount[j] {
                let k = uRows[u]
                let x = columnJ[k]
                let columnK = matrix + k * n
                let rows = lowerRows + k * n
                for t in 0..<lowerCount[k] {
                    let r = rows[t]
                    columnJ[r] = columnJ[r] - x * columnK[r]
                }
            }
            let rows = lowerRows + j * n
            let count = lowerCount[j]
            var largest = 0.0
            for t in 0..<count { largest = max(largest, abs(columnJ[rows[t]])) }
            let diagonal = columnJ[j]
            guard diagonal != 0, diagonal.isFinite, largest.isFinite, abs(diagonal) >= 0.1 * largest else {
                state[0] = 0
                state[1] += 1
                return false
            }
            let inversePivot = 1 / diagonal
            columnJ[j] = inversePivot
            for t in 0..<count { columnJ[rows[t]] = columnJ[rows[t]] * inversePivot }
            pivots[j] = j
        }
        // Bit 2: no interchanges, so the solves skip the pivot pass; bit 4: `packed` holds
        // these factors for `solveFixedPattern` (sparse solves only).
        structure[0] = (structure[0] & 1) | 2
        if let packed, structure[0] & 1 == 1 {
            packRows(matrix, into: packed, dimension: n, structure: structure)
            structure[0] |= 4
        }
        return true
    }

    /// Copies the factors into `packed` in the order `solveFixedPattern` reads them: L's rows,
    /// U's rows, then the inverse pivots (at most n² + n values).
    @inlinable
    static func packRows(
        _ matrix: UnsafePointer<Double>, into packed: UnsafeMutablePointer<Double>, dimension n: Int,
        structure: UnsafePointer<Int>
    ) {
        let base = structure + rowPatternOffset(dimension: n)
        let lowerStart = base + n, upperStart = lowerStart + n + 1
        let lowerSources = upperStart + n + 1 + 2 * n * n, upperSources = lowerSources + n * n
        let lowerCount = lowerStart[n], upperCount = upperStart[n]
        for t in 0..<lowerCount { packed[t] = matrix[lowerSources[t]] }
        let upper = packed + lowerCount
        for t in 0..<upperCount { upper[t] = matrix[upperSources[t]] }
        let diagonal = upper + upperCount
        for i in 0..<n { diagonal[i] = matrix[i &* n &+ i] }
    }

    /// The row-oriented patterns of L and U (from the symbolic elimination's filled boolean
    /// pattern, column-major) and the ordering as a gather, for `solveFixedPattern`.
    @inlinable
    static func buildRowPatterns(
        _ pattern: UnsafePointer<Int>, dimension n: Int, structure: UnsafeMutablePointer<Int>
    ) {
        let base = structure + rowPatternOffset(dimension: n)
        let gather = base, lowerStart = gather + n, upperStart = lowerStart + n + 1
        let lowerColumns = upperStart + n + 1, upperColumns = lowerColumns + n * n
        let lowerSources = upperColumns + n * n, upperSources = lowerSources + n * n
        let positions = structure + 2 + 4 * n + 2 * n * n
        for i in 0..<n { gather[positions[i]] = i }
        var lower = 0, upper = 0
        for i in 0..<n {
            lowerStart[i] = lower
            upperStart[i] = upper
            for j in 0..<i where pattern[j * n + i] != 0 {
                lowerColumns[lower] = j; lowerSources[lower] = j * n + i; lower += 1
            }
            for j in (i + 1)..<n where pattern[j * n + i] != 0 {
                upperColumns[upper] = j; upperSources[upper] = j * n + i; upper += 1
            }
        }
        lowerStart[n] = lower
        upperStart[n] = upper
    }

    /// The solves of a fixed-pattern factorization in row (dot-product) form over the packed
    /// factors (`packRows`), with the ordering fused into the first and last passes: each entry
    /// of x is accumulated in a register from contiguous values rather than updated in memory
    /// once per column, and no pass branches on zeros. `scratch` (n) is overwritten. Measured on
    /// the 28-day morphine run (n = 37; callgrind): the column-oriented solves with separate
    /// permutation passes cost about twice the instructions.
    @inlinable
    static func solveFixedPattern(
        _ packed: UnsafePointer<Double>, dimension n: Int, structure: UnsafePointer<Int>,
        _ vector: UnsafeMutablePointer<Double>, scratch x: UnsafeMutablePointer<Double>
    ) {
        let base = structure + rowPatternOffset(dimension: n)
        let gather = base, lowerStart = gather + n, upperStart = lowerStart + n + 1
        let lowerColumns = upperStart + n + 1, upperColumns = lowerColumns + n * n
        let upper = packed + lowerStart[n], diagonal = upper + upperStart[n]
        var i = 0
        while i < n {
            var sum = vector[gather[i]]
            var t = lowerStart[i]
            let end = lowerStart[i &+ 1]
            while t < end { sum -= packed[t] * x[lowerColumns[t]]; t &+= 1 }
            x[i] = sum
            i &+= 1
        }
        i = n &- 1
        while i >= 0 {
            var sum = x[i]
            var t = upperStart[i]
            let end = upperStart[i &+ 1]
            while t < end { sum -= upper[t] * x[upperColumns[t]]; t &+= 1 }
            x[i] = sum * diagonal[i]
            i &-= 1
        }
        i = 0
        while i < n { vector[gather[i]] = x[i]; i &+= 1 }
    }

    /// Factors `matrix` (column-major) in place, choosing the path by size and sparsity: the
    /// blocked dense elimination (`factorDense`), or, for n >= 24 with at most a quarter of the
    /// entries nonzero (the Jacobians of receptor networks: 230 of 2401 at n = 49), an
    /// unblocked elimination that updates only the nonzero rows of each pivot column and skips
    /// zero entries of the pivot row, then records the nonzero pattern of L and U so the
    /// solves touch only nonzeros. Fill-in is handled exactly (patterns are read from the
    /// computed factors). The sparse path uses threshold partial pivoting (the diagonal is kept
    /// unless it is ten times smaller than the column's largest entry, as in sparse direct
    /// solvers): it keeps the nearly diagonally dominant W = I/(γh) − J in its natural order, so
    /// the patterns recorded during elimination stay valid and fill-in stays low. Measured:
    /// POLLU (n = 20, 22% nonzeros but 65% after fill-in) ran twice as slow on the sparse
    /// path, so small systems stay dense; the shipped receptor scenarios (n = 28-49, ~10%
    /// nonzeros) solved 1.4-2× faster end to end, and the threshold cut another 13% of the
    /// instructions (callgrind, kratom-stop).
    ///
    /// - Returns: `nil` on success, otherwise the elimination step whose pivot was zero or
    ///   non-finite.
    /// - Complexity: O(n³) dense; O(Σ_k nnz(L_k) · nnz(U_k)) sparse.
    @inlinable
    static func factor(
        _ matrix: UnsafeMutablePointer<Double>, dimension n: Int, pivots: UnsafeMutablePointer<Int>,
        structure: UnsafeMutablePointer<Int>
    ) -> Int? {
        // The path is chosen once per workspace (structure[1]: 0 undecided, 1 dense, 2 sparse;
        // the workspace starts zeroed): a Jacobian's sparsity pattern does not change within a
        // solve, and the sparse path stays exact if it did.
        if structure[1] == 0 {
            var nonzeros = 0
            for index in 0..<(n * n) { nonzeros += matrix[index] != 0 ? 1 : 0 }
            structure[1] = (n >= 24 && 4 * nonzeros <= n * n) ? 2 : 1
        }
        guard structure[1] == 2 else {
            structure[0] = 0
            return factorDense(matrix, dimension: n, pivots: pivots)
        }
        let lowerCount = structure + 2, upperCount = lowerCount + n
        let lowerRows = upperCount + n, upperRows = lowerRows + n * n
        // Scratch for the current step's pivot-row pattern.
        let pivotRowColumns = upperRows + n * n
        for k in 0..<n { upperCount[k] = 0 }
        // Whether a row interchange after the first step moved entries of finished L columns.
        var laterInterchange = false
        for k in 0..<n {
            let columnK = matrix + k * n
            var pivotRow = k
            var largest = abs(columnK[k])
            var row = k + 1
            while row < n {
                let candidate = abs(columnK[row])
                if candidate > largest { largest = candidate; pivotRow = row }
                row += 1
            }
            guard largest != 0, largest.isFinite else { pivots[k] = pivotRow; return k }
            // Threshold pivoting (as sparse direct solvers do, threshold 0.1): keep the
            // diagonal unless it is ten times smaller than the column's largest entry, so the
            // nearly diagonally dominant iteration matrices keep their order and sparsity.
            if abs(columnK[k]) >= 0.1 * largest { pivotRow = k }
            pivots[k] = pivotRow
            if pivotRow != k {
                if k > 0 { laterInterchange = true }
                var column = 0
                while column < n {
                    let base = matrix + column * n
                    let swap = base[k]; base[k] = base[pivotRow]; base[pivotRow] = swap
                    column += 1
                }
            }
            let inversePivot = 1 / columnK[k]
            columnK[k] = inversePivot
            // Nonzero rows of this pivot column (L's pattern) and nonzero columns of this pivot
            // row (U's pattern: row k is final from here on), collected without branches
            // (sparsity patterns defeat branch prediction).
            let rows = lowerRows + k * n
            var count = 0
            var i = k + 1
            while i < n {
                let value = columnK[i] * inversePivot
                columnK[i] = value
                rows[count] = i
                count += value != 0 ? 1 : 0
                i += 1
            }
            lowerCount[k] = count
            var columnCount = 0
            var j = k + 1
            while j < n {
                pivotRowColumns[columnCount] = j
                columnCount += matrix[j * n + k] != 0 ? 1 : 0
                j += 1
            }
            var c = 0
            while c < columnCount {
                let target = pivotRowColumns[c]
                upperRows[target * n + upperCount[target]] = k
                upperCount[target] += 1
                if count > 0 {
                    let columnJ = matrix + target * n
                    let factor = columnJ[k]
                    var t = 0
                    while t < count {
                        let r = rows[t]
                        columnJ[r] = columnJ[r] - factor * columnK[r]
                        t += 1
                    }
                }
                c += 1
            }
        }
        // A later interchange moved rows inside finished L columns: read L's pattern again.
        if laterInterchange {
            for k in 0..<n {
                let columnK = matrix + k * n
                var count = 0
                let lower = lowerRows + k * n
                var i = k + 1
                while i < n { lower[count] = i; count += columnK[i] != 0 ? 1 : 0; i += 1 }
                lowerCount[k] = count
            }
        }
        // The solves take the dense path when fill-in left more than half the entries nonzero.
        var filled = n
        for k in 0..<n { filled += lowerCount[k] + upperCount[k] }
        structure[0] = 2 * filled <= n * n ? 1 : 0
        return nil
    }

    /// Solves A·x = b in place (`vector` holds b on entry and x on return) with the factors
    /// and structure from a successful `factor`.
    ///
    /// - Complexity: O(n²) dense; O(nnz(L) + nnz(U)) sparse.
    /// With the `packed` factors of a fixed-pattern factorization (see `factorIterationMatrix`)
    /// and `scratch` (n doubles, overwritten), the solves take `solveFixedPattern`.
    @inlinable
    static func solve(
        _ factors: UnsafePointer<Double>, dimension n: Int, pivots: UnsafePointer<Int>,
        structure: UnsafePointer<Int>, _ vector: UnsafeMutablePointer<Double>,
        packed: UnsafePointer<Double>? = nil, scratch: UnsafeMutablePointer<Double>? = nil
    ) {
        if structure[0] & 4 != 0, let packed, let scratch {
            solveFixedPattern(packed, dimension: n, structure: structure, vector, scratch: scratch)
            return
        }
        let ordered = structure[1] == 2
        let ordering = UnsafePointer(structure + 2 + 3 * n + 2 * n * n)
        var k = 0
        if ordered {
            while k < n {
                let p = ordering[k]
                if p != k { let swap = vector[k]; vector[k] = vector[p]; vector[p] = swap }
                k += 1
            }
        }
        k = 0
        if structure[0] & 2 == 0 {
            while k < n {
                let p = pivots[k]
                if p != k { let swap = vector[k]; vector[k] = vector[p]; vector[p] = swap }
                k += 1
            }
        }
        if structure[0] & 1 == 1 {
            solveSparse(factors, dimension: n, structure: structure, vector)
        } else {
            solveDense(factors, dimension: n, vector)
        }
        if ordered {
            // Back to the caller's order: the interchanges of the ordering in reverse.
            k = n - 1
            while k >= 0 {
                let p = ordering[k]
                if p != k { let swap = vector[k]; vector[k] = vector[p]; vector[p] = swap }
                k -= 1
            }
        }
    }

    /// The triangular solves of the sparse path (pivots already applied).
    @inlinable
    static func solveSparse(
        _ factors: UnsafePointer<Double>, dimension n: Int, structure: UnsafePointer<Int>,
        _ vector: UnsafeMutablePointer<Double>
    ) {
        let lowerCount = structure + 2, upperCount = lowerCount + n
        let lowerRows = upperCount + n, upperRows = lowerRows + n * n
        var k = 0
        while k < n {
            let value = vector[k]
            if value != 0 {
                let column = factors + k * n, rows = lowerRows + k * n
                let count = lowerCount[k]
                var t = 0
                while t < count { let r = rows[t]; vector[r] = vector[r] - value * column[r]; t += 1 }
            }
            k += 1
        }
        k = n - 1
        while k >= 0 {
            let column = factors + k * n
            let value = vector[k] * column[k]
            vector[k] = value
            if value != 0 {
                let rows = upperRows + k * n
                let count = upperCount[k]
                var t = 0
                while t < count { let r = rows[t]; vector[r] = vector[r] - value * column[r]; t += 1 }
            }
            k -= 1
        }
    }
}
