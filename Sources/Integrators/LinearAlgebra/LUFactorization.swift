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
    /// Int storage `factor` and `solve` need besides the n pivots: `Layout.count(n)` (see the
    /// table there), 9 + 9n + 12n² Ints, zeroed by the caller before the first call. Computed
    /// here with checked arithmetic, so an n whose offsets would overflow traps at allocation.
    @inlinable
    static func structureCount(dimension n: Int) -> Int { 9 + 9 * n + 12 * n * n }

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

    /// Offsets into the Int `structure` buffer (the caller's pivot buffer after its n pivots),
    /// n the dimension. Each region starts where the previous one ends:
    ///
    /// | Offset      | Size | Region            | Holds |
    /// |-------------|------|-------------------|-------|
    /// | 0           | 1    | `flags`           | solve flags: bit 1 sparse solves, bit 2 no interchanges, bit 4 `packed` holds the row form, bit 8 only `packed` does |
    /// | 1           | 1    | `path`            | 0 undecided, 1 dense, 2 sparse (chosen once per workspace) |
    /// | 2           | n    | `lowerCount`      | nonzeros of each column of L (below the diagonal) |
    /// | 2+n         | n    | `upperCount`      | nonzeros of each column of U (above the diagonal) |
    /// | 2+2n        | n²   | `lowerRows`       | row indices of L's column k, from k·n |
    /// | 2+2n+n²     | n²   | `upperRows`       | row indices of U's column j, from j·n |
    /// | 2+2n+2n²    | n    | `pivotRowColumns` | scratch of `factor`: the pivot row's nonzero columns |
    /// | 2+3n+2n²    | n    | `orderingSwaps`   | the fill-reducing ordering as interchanges |
    /// | 2+4n+2n²    | n    | `positions`       | each state's place in the ordered matrix |
    /// | 2+5n+2n²    | n²   | `seen`            | 0/1: entries of W (ordered, column-major) any W has had nonzero |
    /// | 2+5n+3n²    | n²   | `symbolic`        | the symbolic elimination's filled 0/1 pattern |
    /// | 2+5n+4n²    | 1    | `symbolicValid`   | 1 while the symbolic patterns of L and U hold |
    /// | 3+5n+4n²    | 1    | `giveUps`         | fixed-pattern factorizations given up so far |
    /// | 4+5n+4n²    | 1    | `listCount`       | length of the known-entry list |
    /// | 5+5n+4n²    | n²   | `listSources`     | known entries: index in J (row-major) |
    /// | 5+5n+5n²    | n²   | `listTargets`     | known entries: index in W (ordered, column-major) |
    /// | 5+5n+6n²    | 1    | `declared`        | 1 after `declareJacobianSparsity` |
    /// | 6+5n+6n²    | n    | `gather`          | the ordering as a gather (row-form solves) |
    /// | 6+6n+6n²    | n+1  | `lowerStart`      | start of each row of L in `lowerColumns` |
    /// | 7+7n+6n²    | n+1  | `upperStart`      | start of each row of U in `upperColumns` |
    /// | 8+8n+6n²    | n²   | `lowerColumns`    | column indices of L's rows |
    /// | 8+8n+7n²    | n²   | `upperColumns`    | column indices of U's rows |
    /// | 8+8n+8n²    | n²   | `lowerSources`    | where each entry of L's rows sits in the factored matrix |
    /// | 8+8n+9n²    | n²   | `upperSources`    | where each entry of U's rows sits in the factored matrix |
    /// | 8+8n+10n²   | n+1  | `entryStart`      | start of each ordered row's known J entries in `entrySources` |
    /// | 9+9n+10n²   | n²   | `entrySources`    | the known J entries by ordered row: index in J (row-major) |
    /// | 9+9n+11n²   | n²   | `entryColumns`    | their column in the ordered matrix |
    /// | 9+9n+12n²   |      | `count`           | total (`structureCount`) |
    ///
    /// Two scratch uses overlap other regions on purpose: on the first call of a workspace
    /// that chooses the sparse path, `factorIterationMatrix` lends the n² + n Ints from
    /// `lowerRows` (all of it and the first n of `upperRows`) to `minimumDegreeOrdering`, then
    /// the first n of `lowerRows` to `places` (inverting `positions`), before any
    /// factorization writes the patterns there.
    ///
    /// The offsets use wrapping arithmetic and `@inline(__always)`. Measured on the 28-day run
    /// (callgrind), the chained definitions cost +0.8% instructions as plain `@inlinable` with
    /// checked arithmetic (some left as calls) and +0.4% inlined but checked (overflow checks,
    /// and `solveFixedPattern` no longer inlined into the step); wrapping, +0.1%. They cannot
    /// wrap for any n whose `structureCount` (checked) was allocated.
    @usableFromInline
    enum Layout {
        /// Solve flags (1): bit 1 sparse solves, bit 2 no interchanges, bit 4 packed row form,
        /// bit 8 the factors are in the packed row form only (`factorPackedRows`).
        @inlinable @inline(__always) static var flags: Int { 0 }
        /// The path (1): 0 undecided, 1 dense, 2 sparse.
        @inlinable @inline(__always) static var path: Int { flags &+ 1 }
        /// Nonzero count of each column of L (n).
        @inlinable @inline(__always) static func lowerCount(_ n: Int) -> Int { path &+ 1 }
        /// Nonzero count of each column of U (n).
        @inlinable @inline(__always) static func upperCount(_ n: Int) -> Int { lowerCount(n) &+ n }
        /// Row indices of L's columns, column k from k·n (n²).
        @inlinable @inline(__always) static func lowerRows(_ n: Int) -> Int { upperCount(n) &+ n }
        /// Row indices of U's columns, column j from j·n (n²).
        @inlinable @inline(__always) static func upperRows(_ n: Int) -> Int { lowerRows(n) &+ n &* n }
        /// Scratch of `factor`: the current pivot row's nonzero columns (n).
        @inlinable @inline(__always) static func pivotRowColumns(_ n: Int) -> Int { upperRows(n) &+ n &* n }
        /// The fill-reducing ordering as interchanges, like LAPACK pivots (n).
        @inlinable @inline(__always) static func orderingSwaps(_ n: Int) -> Int { pivotRowColumns(n) &+ n }
        /// Each state's place in the ordered matrix (n).
        @inlinable @inline(__always) static func positions(_ n: Int) -> Int { orderingSwaps(n) &+ n }
        /// 0/1 per entry of W: nonzero in any W of this workspace so far (n²).
        @inlinable @inline(__always) static func seen(_ n: Int) -> Int { positions(n) &+ n }
        /// The symbolic elimination's filled 0/1 pattern, column-major (n²).
        @inlinable @inline(__always) static func symbolic(_ n: Int) -> Int { seen(n) &+ n &* n }
        /// 1 while the symbolic patterns of L and U are valid (1).
        @inlinable @inline(__always) static func symbolicValid(_ n: Int) -> Int { symbolic(n) &+ n &* n }
        /// Fixed-pattern factorizations given up so far (1).
        @inlinable @inline(__always) static func giveUps(_ n: Int) -> Int { symbolicValid(n) &+ 1 }
        /// Length of the known-entry list (1).
        @inlinable @inline(__always) static func listCount(_ n: Int) -> Int { giveUps(n) &+ 1 }
        /// Known entries of J: index in J, row-major (n²).
        @inlinable @inline(__always) static func listSources(_ n: Int) -> Int { listCount(n) &+ 1 }
        /// Known entries of J: index in W, ordered and column-major (n²).
        @inlinable @inline(__always) static func listTargets(_ n: Int) -> Int { listSources(n) &+ n &* n }
        /// 1 once `declareJacobianSparsity` recorded the pattern (1).
        @inlinable @inline(__always) static func declared(_ n: Int) -> Int { listTargets(n) &+ n &* n }
        /// The ordering as a gather for the row-form solves (n).
        @inlinable @inline(__always) static func gather(_ n: Int) -> Int { declared(n) &+ 1 }
        /// Start of each row of L in `lowerColumns`, and the total at [n] (n + 1).
        @inlinable @inline(__always) static func lowerStart(_ n: Int) -> Int { gather(n) &+ n }
        /// Start of each row of U in `upperColumns`, and the total at [n] (n + 1).
        @inlinable @inline(__always) static func upperStart(_ n: Int) -> Int { lowerStart(n) &+ n &+ 1 }
        /// Column indices of L's rows (n²).
        @inlinable @inline(__always) static func lowerColumns(_ n: Int) -> Int { upperStart(n) &+ n &+ 1 }
        /// Column indices of U's rows (n²).
        @inlinable @inline(__always) static func upperColumns(_ n: Int) -> Int { lowerColumns(n) &+ n &* n }
        /// Where each entry of L's rows sits in the factored matrix (n²).
        @inlinable @inline(__always) static func lowerSources(_ n: Int) -> Int { upperColumns(n) &+ n &* n }
        /// Where each entry of U's rows sits in the factored matrix (n²).
        @inlinable @inline(__always) static func upperSources(_ n: Int) -> Int { lowerSources(n) &+ n &* n }
        /// Start of each ordered row's known J entries, and the total at [n] (n + 1).
        @inlinable @inline(__always) static func entryStart(_ n: Int) -> Int { upperSources(n) &+ n &* n }
        /// The known J entries by ordered row: index in J, row-major (n²).
        @inlinable @inline(__always) static func entrySources(_ n: Int) -> Int { entryStart(n) &+ n &+ 1 }
        /// Their column in the ordered matrix (n²).
        @inlinable @inline(__always) static func entryColumns(_ n: Int) -> Int { entrySources(n) &+ n &* n }
        /// Total Ints of the structure buffer.
        @inlinable @inline(__always) static func count(_ n: Int) -> Int { entryColumns(n) &+ n &* n }
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
    /// low. Measured: POLLU (n = 20, 22% nonzeros but 65% after fill-in) ran twice as slow on
    /// the sparse path, so small systems stay dense; the shipped receptor scenarios (n = 28-49, ~10%
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
        // The path is chosen once per workspace (`Layout.path`: 0 undecided, 1 dense, 2 sparse;
        // the workspace starts zeroed): a Jacobian's sparsity pattern does not change within a
        // solve, and the sparse path stays exact if it did.
        if structure[Layout.path] == 0 {
            var nonzeros = 0
            for index in 0..<(n * n) { nonzeros += matrix[index] != 0 ? 1 : 0 }
            structure[Layout.path] = (n >= 24 && 4 * nonzeros <= n * n) ? 2 : 1
            if structure[Layout.path] == 2 {
                // Called directly (not through `factorIterationMatrix`): no fill-reducing
                // ordering, so `solve`'s ordering passes must be identities.
                let ordering = structure + Layout.orderingSwaps(n), positions = structure + Layout.positions(n)
                for k in 0..<n { ordering[k] = k; positions[k] = k }
            }
        }
        guard structure[Layout.path] == 2 else {
            structure[Layout.flags] = 0
            return factorDense(matrix, dimension: n, pivots: pivots)
        }
        let lowerCount = structure + Layout.lowerCount(n), upperCount = structure + Layout.upperCount(n)
        let lowerRows = structure + Layout.lowerRows(n), upperRows = structure + Layout.upperRows(n)
        // Scratch for the current step's pivot-row pattern.
        let pivotRowColumns = structure + Layout.pivotRowColumns(n)
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
        structure[Layout.flags] = 2 * filled <= n * n ? 1 : 0
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
        structure: UnsafePointer<Int>, _ vector: UnsafeMutablePointer<Double>,
        packed: UnsafePointer<Double>? = nil, scratch: UnsafeMutablePointer<Double>? = nil
    ) {
        if structure[Layout.flags] & 4 != 0, let packed, let scratch {
            solveFixedPattern(packed, dimension: n, structure: structure, vector, scratch: scratch)
            return
        }
        precondition(structure[Layout.flags] & 8 == 0, "these factors exist only in packed row form: pass `packed` and `scratch`")
        let ordered = structure[Layout.path] == 2
        let ordering = structure + Layout.orderingSwaps(n)
        var k = 0
        if ordered {
            while k < n {
                let p = ordering[k]
                if p != k { let swap = vector[k]; vector[k] = vector[p]; vector[p] = swap }
                k += 1
            }
        }
        k = 0
        if structure[Layout.flags] & 2 == 0 {
            while k < n {
                let p = pivots[k]
                if p != k { let swap = vector[k]; vector[k] = vector[p]; vector[p] = swap }
                k += 1
            }
        }
        if structure[Layout.flags] & 1 == 1 {
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
        let lowerCount = structure + Layout.lowerCount(n), upperCount = structure + Layout.upperCount(n)
        let lowerRows = structure + Layout.lowerRows(n), upperRows = structure + Layout.upperRows(n)
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
