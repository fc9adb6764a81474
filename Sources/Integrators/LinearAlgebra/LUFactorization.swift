/// LU factorization with partial (row) pivoting, in place on a column-major n×n matrix
/// (`matrix[j * n + i]` = A_ij; equivalently Aᵀ stored row-major), with a blocked dense path
/// and, for larger sparse matrices, a sparsity-aware path (see `factor`).
///
/// Written for the small dense systems of Rosenbrock methods (n up to about 100): no
/// allocation, the caller owns the matrix and the pivot buffer. The factorization is
/// right-looking over contiguous columns, blocked by four-column panels (trailing columns with
/// a zero panel row are skipped, which pays off on the sparse Jacobians of reaction networks).
/// The triangular solves are column-oriented and blocked by four columns: each block solves its
/// 4×4 triangle and then updates the rest of the vector in one fused pass, the fastest of the
/// forms tried (the solves run 8 times per Rodas5P step; figures in Benchmarks/RESULTS.md). One factorization serves every
/// stage of a Rosenbrock step. The sparse path's fixed-pattern factorizations solve in row
/// (dot-product) form instead (`solveFixedPattern`).
///
/// After `factor` succeeds the matrix holds L (unit lower, below the diagonal) and U (above
/// it, with the reciprocals 1/U_kk on the diagonal) of P·A = L·U, and `pivots[k]` is the row
/// interchanged with row k at elimination step k (LAPACK's `getrf` convention).
@usableFromInline
enum LUFactorization {
    /// The sparse paths keep the diagonal pivot unless it is smaller than this fraction of the
    /// largest entry below it in its column (threshold pivoting with diagonal preference: the
    /// default of KLU's `tol` and UMFPACK's `UMFPACK_SYM_PIVOT_TOLERANCE`). At 0.1 the 28-day
    /// morphine run left the fixed pattern for the general path within its first days (a
    /// mu-receptor column of W at 1/20 of its largest entry) and low-dose buprenorphine from
    /// the start; at 0.001 no shipped scenario does, and the results are unchanged.
    @usableFromInline static let diagonalPivotTolerance = 0.001

    /// The row of the largest magnitude in `column` from row `start` down (the first on ties),
    /// and that magnitude: the partial-pivoting search of both eliminations.
    @inlinable @inline(__always)
    static func largestEntry(in column: UnsafePointer<Double>, from start: Int, dimension n: Int) -> (row: Int, magnitude: Double) {
        var best = start
        var largest = abs(column[start])
        var row = start + 1
        while row < n {
            let candidate = abs(column[row])
            if candidate > largest { largest = candidate; best = row }
            row += 1
        }
        return (best, largest)
    }

    /// Factors `matrix` (column-major) in place, choosing the path by size and sparsity: the
    /// blocked dense elimination (`factorDense`), or, for n >= 24 with at most a quarter of the
    /// entries nonzero (the Jacobians of receptor networks: 230 of 2401 at n = 49), an
    /// unblocked elimination that updates only the nonzero rows of each pivot column and skips
    /// zero entries of the pivot row, then records the nonzero pattern of L and U so the
    /// solves touch only nonzeros. Fill-in is handled exactly (patterns are read from the
    /// computed factors). The sparse path uses threshold partial pivoting (the diagonal is kept
    /// unless it is below `diagonalPivotTolerance` times the column's largest entry, as in
    /// sparse direct solvers): it keeps the nearly diagonally dominant W = I/(γh) − J in its
    /// natural order, so the patterns recorded during elimination stay valid and fill-in stays
    /// low. Small systems stay dense: POLLU (n = 20, 65 % nonzero after fill-in) is slower on
    /// the sparse path, the receptor scenarios (n = 28-49, ~10 % nonzeros) faster
    /// (Benchmarks/RESULTS.md).
    ///
    /// - Returns: `nil` on success, otherwise the elimination step whose pivot was zero or
    ///   non-finite.
    /// - Complexity: O(n³) dense; O(Σ_k nnz(L_k) · nnz(U_k)) sparse.
    @inlinable
    static func factor(
        _ matrix: UnsafeMutablePointer<Double>, dimension n: Int, pivots: UnsafeMutablePointer<Int>,
        structure: LUStructure
    ) -> Int? {
        // The path is chosen once per workspace (`LUStructure.path`, undecided while the
        // workspace is still zeroed): a Jacobian's sparsity pattern does not change within a
        // solve, and the sparse path stays exact if it did.
        if structure.path == .undecided {
            var nonzeros = 0
            for index in 0..<(n * n) { nonzeros += matrix[index] != 0 ? 1 : 0 }
            structure.path = (n >= 24 && 4 * nonzeros <= n * n) ? .sparse : .dense
            if structure.path == .sparse {
                // Called directly (not through `factorIterationMatrix`): no fill-reducing
                // ordering, so `solve`'s ordering passes must be identities.
                let ordering = structure.orderingSwaps, positions = structure.positions
                for k in 0..<n { ordering[k] = k; positions[k] = k }
            }
        }
        guard structure.path == .sparse else {
            structure.forms = []
            return factorDense(matrix, dimension: n, pivots: pivots)
        }
        let lowerCount = structure.lowerCount, upperCount = structure.upperCount
        let lowerRows = structure.lowerRows, upperRows = structure.upperRows
        // Scratch for the current step's pivot-row pattern.
        let pivotRowColumns = structure.pivotRowColumns
        for k in 0..<n { upperCount[k] = 0 }
        // Whether a row interchange after the first step moved entries of finished L columns.
        var laterInterchange = false
        for k in 0..<n {
            let columnK = matrix + k * n
            let (largestRow, largest) = largestEntry(in: columnK, from: k, dimension: n)
            var pivotRow = largestRow
            guard largest != 0, largest.isFinite else { pivots[k] = pivotRow; return k }
            // Threshold pivoting with diagonal preference, so the nearly diagonally dominant
            // iteration matrices keep their order and sparsity.
            if abs(columnK[k]) >= diagonalPivotTolerance * largest { pivotRow = k }
            pivots[k] = pivotRow
            if pivotRow != k {
                if k > 0 { laterInterchange = true }
                interchangeRows(matrix, dimension: n, k, pivotRow)
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
        structure.forms = 2 * filled <= n * n ? .sparseSolves : []
        return nil
    }

    /// Solves A·x = b in place (`vector` holds b on entry and x on return) with the factors
    /// and structure from a successful `factor`. With the `packed` factors of a fixed-pattern
    /// factorization (see `factorIterationMatrix`) and `scratch` (n doubles, overwritten), the
    /// solves take `solveFixedPattern`; factors made by `factorPackedRows` exist only there, so
    /// a solve of those without `packed` traps.
    ///
    /// - Complexity: O(n²) dense; O(nnz(L) + nnz(U)) sparse.
    @inlinable
    static func solve(
        _ factors: UnsafePointer<Double>, dimension n: Int, pivots: UnsafePointer<Int>,
        structure: LUStructure, _ vector: UnsafeMutablePointer<Double>,
        packed: UnsafePointer<Double>? = nil, scratch: UnsafeMutablePointer<Double>? = nil
    ) {
        if structure.forms.contains(.packedRows), let packed, let scratch {
            solveFixedPattern(packed, dimension: n, structure: structure, vector, scratch: scratch)
            return
        }
        precondition(!structure.forms.contains(.packedRowsOnly), "these factors exist only in packed row form: pass `packed` and `scratch`")
        let ordered = structure.path == .sparse
        let ordering = structure.orderingSwaps
        var k = 0
        if ordered {
            while k < n {
                let p = ordering[k]
                if p != k { let swap = vector[k]; vector[k] = vector[p]; vector[p] = swap }
                k += 1
            }
        }
        k = 0
        if !structure.forms.contains(.noInterchanges) {
            while k < n {
                let p = pivots[k]
                if p != k { let swap = vector[k]; vector[k] = vector[p]; vector[p] = swap }
                k += 1
            }
        }
        if structure.forms.contains(.sparseSolves) {
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

    /// Solves A·x = source (+ addend) into `vector` (`source` may be `vector`; `scratch`, n,
    /// must not alias any of them): the packed row form reads the right-hand side in its first
    /// pass; the other forms form it in `vector` first. The same operations as forming it and
    /// calling `solve`.
    @inlinable
    static func solveSum(
        _ factors: UnsafePointer<Double>, dimension n: Int, pivots: UnsafePointer<Int>,
        structure: LUStructure, source: UnsafePointer<Double>, adding addend: UnsafePointer<Double>?,
        into vector: UnsafeMutablePointer<Double>, packed: UnsafePointer<Double>?,
        scratch: UnsafeMutablePointer<Double>
    ) {
        if structure.forms.contains(.packedRows), let packed {
            solveFixedPattern(packed, dimension: n, structure: structure, vector, scratch: scratch,
                              source: source, addend: addend)
            return
        }
        if let addend {
            for m in 0..<n { vector[m] = source[m] + addend[m] }
        } else {
            for m in 0..<n { vector[m] = source[m] }
        }
        solve(factors, dimension: n, pivots: pivots, structure: structure, vector, packed: packed, scratch: scratch)
    }

    /// The triangular solves of the sparse path (pivots already applied).
    @inlinable
    static func solveSparse(
        _ factors: UnsafePointer<Double>, dimension n: Int, structure: LUStructure,
        _ vector: UnsafeMutablePointer<Double>
    ) {
        let lowerCount = structure.lowerCount, upperCount = structure.upperCount
        let lowerRows = structure.lowerRows, upperRows = structure.upperRows
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
