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
