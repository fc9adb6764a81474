extension LUFactorization {
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
        structure: LUStructure, checkPattern: Bool, packed: UnsafeMutablePointer<Double>?
    ) -> Bool {
        let lowerCount = structure.lowerCount, upperCount = structure.upperCount
        let lowerRows = structure.lowerRows, upperRows = structure.upperRows
        let seen = structure.seen, boolean = structure.symbolic
        if structure.giveUps > 8 { return false }
        var fresh = 0
        if checkPattern {
            for index in 0..<(n * n) { fresh |= (matrix[index] != 0 ? 1 : 0) & (1 - seen[index]) }
        }
        if fresh != 0 {
            for index in 0..<(n * n) where matrix[index] != 0 { seen[index] = 1 }
            structure.symbolicValid = false
        }
        if !structure.symbolicValid {
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
            structure.forms = 2 * filled <= n * n ? .sparseSolves : []
            structure.symbolicValid = true
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
            // Not `max`: it would drop a NaN (max(0, .nan) is 0), and the NaN must fail the test.
            for t in 0..<count {
                let magnitude = abs(columnJ[rows[t]])
                if !(magnitude <= largest) { largest = magnitude }
            }
            let diagonal = columnJ[j]
            guard diagonal != 0, diagonal.isFinite, largest.isFinite, abs(diagonal) >= diagonalPivotTolerance * largest else {
                structure.symbolicValid = false
                structure.giveUps += 1
                return false
            }
            let inversePivot = 1 / diagonal
            columnJ[j] = inversePivot
            for t in 0..<count { columnJ[rows[t]] = columnJ[rows[t]] * inversePivot }
            pivots[j] = j
        }
        // Bit 2: no interchanges, so the solves skip the pivot pass; bit 4: `packed` holds
        // these factors for `solveFixedPattern` (sparse solves only).
        structure.forms = structure.forms.intersection(.sparseSolves).union(.noInterchanges)
        if let packed, structure.forms.contains(.sparseSolves) {
            packRows(matrix, into: packed, dimension: n, structure: structure)
            structure.forms.insert(.packedRows)
        }
        return true
    }

    /// Copies the factors into `packed` in the order `solveFixedPattern` reads them: L's rows,
    /// U's rows, then the inverse pivots (at most n² + n values).
    @inlinable
    static func packRows(
        _ matrix: UnsafePointer<Double>, into packed: UnsafeMutablePointer<Double>, dimension n: Int,
        structure: LUStructure
    ) {
        let lowerStart = structure.lowerStart, upperStart = structure.upperStart
        let lowerSources = structure.lowerSources, upperSources = structure.upperSources
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
        _ pattern: UnsafePointer<Int>, dimension n: Int, structure: LUStructure
    ) {
        let gather = structure.gather
        let lowerStart = structure.lowerStart, upperStart = structure.upperStart
        let lowerColumns = structure.lowerColumns, upperColumns = structure.upperColumns
        let lowerSources = structure.lowerSources, upperSources = structure.upperSources
        let positions = structure.positions
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
        let solveRows = structure.lowerSolveRows
        var rowCount = 0
        for i in 0..<n where lowerStart[i &+ 1] > lowerStart[i] { solveRows[rowCount] = i; rowCount += 1 }
        solveRows[n] = rowCount
        // The known J entries grouped by ordered row, for `factorPackedRows` (a counting sort of
        // the list, whose targets are ordered column-major places j·n + i).
        let listCount = structure.listCount
        let sources = structure.listSources, targets = structure.listTargets
        let entryStart = structure.entryStart
        let entrySources = structure.entrySources, entryColumns = structure.entryColumns
        for i in 0...n { entryStart[i] = 0 }
        for t in 0..<listCount { entryStart[targets[t] % n &+ 1] &+= 1 }
        for i in 0..<n { entryStart[i &+ 1] &+= entryStart[i] }
        for t in 0..<listCount {
            let row = targets[t] % n
            let slot = entryStart[row]
            entrySources[slot] = sources[t]
            entryColumns[slot] = targets[t] / n
            entryStart[row] = slot &+ 1
        }
        for i in stride(from: n, to: 0, by: -1) { entryStart[i] = entryStart[i &- 1] }
        entryStart[0] = 0
    }

    /// Factors W = scale·J + shift·I straight into the packed row form of the symbolic patterns
    /// (row by row, eliminating with the finished rows of U: the "IKJ" order), from the known
    /// entries of J only. Skips what the column-form path pays for every step: clearing and
    /// filling the n×n matrix and copying its factors into `packed` (a third of the
    /// factorization's instructions on the receptor model; Benchmarks/RESULTS.md). The pivots stay on the diagonal
    /// under the test of `factorFixedPattern` put on each multiplier
    /// (|l_ik| ≤ 1/`diagonalPivotTolerance`; the two agree up to rounding at the threshold);
    /// returns false, with `work` zeroed again, when one fails or is not finite. `work`: n
    /// doubles of scratch, left all zero.
    @inlinable
    static func factorPackedRows(
        jacobian: UnsafePointer<Double>, scale: Double, shift: Double, into packed: UnsafeMutablePointer<Double>,
        work w: UnsafeMutablePointer<Double>, dimension n: Int, structure: LUStructure
    ) -> Bool {
        let lowerStart = structure.lowerStart, upperStart = structure.upperStart
        let lowerColumns = structure.lowerColumns, upperColumns = structure.upperColumns
        let entryStart = structure.entryStart
        let entrySources = structure.entrySources, entryColumns = structure.entryColumns
        let upper = packed + lowerStart[n], inverseDiagonal = upper + upperStart[n]
        let largestMultiplier = 1 / diagonalPivotTolerance
        w.update(repeating: 0, count: n)
        var i = 0
        while i < n {
            var e = entryStart[i]
            let entriesEnd = entryStart[i &+ 1]
            while e < entriesEnd { w[entryColumns[e]] = scale * jacobian[entrySources[e]]; e &+= 1 }
            w[i] += shift
            var t = lowerStart[i]
            let lowerEnd = lowerStart[i &+ 1]
            while t < lowerEnd {
                let k = lowerColumns[t]
                let multiplier = w[k] * inverseDiagonal[k]
                w[k] = 0
                guard abs(multiplier) <= largestMultiplier else {
                    w.update(repeating: 0, count: n)
                    return false
                }
                packed[t] = multiplier
                var u = upperStart[k]
                let upperEnd = upperStart[k &+ 1]
                while u < upperEnd { w[upperColumns[u]] -= multiplier * upper[u]; u &+= 1 }
                t &+= 1
            }
            let pivot = w[i]
            w[i] = 0
            guard pivot != 0, pivot.isFinite else {
                w.update(repeating: 0, count: n)
                return false
            }
            inverseDiagonal[i] = 1 / pivot
            var u = upperStart[i]
            let upperEnd = upperStart[i &+ 1]
            while u < upperEnd { let column = upperColumns[u]; upper[u] = w[column]; w[column] = 0; u &+= 1 }
            i &+= 1
        }
        return true
    }

    /// The solves of a fixed-pattern factorization in row (dot-product) form over the packed
    /// factors (`packRows`), with the ordering fused into the first and last passes: each entry
    /// of x is accumulated in a register from contiguous values rather than updated in memory
    /// once per column, and no pass branches on zeros (half the instructions of the
    /// column-oriented solves on the receptor model; Benchmarks/RESULTS.md). `scratch` (n) is
    /// overwritten.
    ///
    /// Not inlined: the eight copies inlined into a Rodas step reloaded row and column pointers
    /// from the stack inside their loops (the step body holds too many pointers for the
    /// registers); one copy out of line keeps them in registers and shows in profiles under its
    /// own name (Benchmarks/RESULTS.md, "The Rodas step body"). Each row's dot product goes
    /// through `rowDot`; the forward pass visits only L's rows with entries
    /// (`lowerSolveRows`), and the backward pass writes each finished entry to `vector` as it
    /// goes (no third pass). Per entry the same operations in the same order as the plain row
    /// loops, so the same bits.
    ///
    /// With `source` (and `addend`) the right-hand side is source (+ addend), read in the first
    /// pass, and the solution goes to `vector`: a Rodas stage's f_i + Σ (C_ij/h) k_j without its
    /// own pass through memory (`solveSum`). `source` may be `vector`.
    @usableFromInline @inline(never)
    static func solveFixedPattern(
        _ packed: UnsafePointer<Double>, dimension n: Int, structure: LUStructure,
        _ vector: UnsafeMutablePointer<Double>, scratch x: UnsafeMutablePointer<Double>,
        source: UnsafePointer<Double>? = nil, addend: UnsafePointer<Double>? = nil
    ) {
        let gather = structure.gather
        let lowerStart = structure.lowerStart, upperStart = structure.upperStart
        let lowerColumns = structure.lowerColumns, upperColumns = structure.upperColumns
        let upper = packed + lowerStart[n], diagonal = upper + upperStart[n]
        let input = source ?? UnsafePointer(vector)
        // The ordered right-hand side, then the rows of L with entries in ascending order (a
        // row without entries reads no x, so it may be finished first).
        var i = 0
        if let addend {
            while i < n { let g = gather[i]; x[i] = input[g] + addend[g]; i &+= 1 }
        } else {
            while i < n { x[i] = input[gather[i]]; i &+= 1 }
        }
        let solveRows = structure.lowerSolveRows
        let rowCount = solveRows[n]
        var r = 0
        while r < rowCount {
            let row = solveRows[r]
            x[row] = rowDot(x[row], packed, lowerColumns, x, from: lowerStart[row], to: lowerStart[row &+ 1])
            r &+= 1
        }
        // Backwards over the rows, each row's entries in ascending order as stored; each
        // finished entry also goes to its place in `vector` (the forward pass has read it all).
        var rowEnd = upperStart[n]
        i = n &- 1
        while i >= 0 {
            let rowStart = upperStart[i]
            let value = rowDot(x[i], upper, upperColumns, x, from: rowStart, to: rowEnd) * diagonal[i]
            x[i] = value
            vector[gather[i]] = value
            rowEnd = rowStart
            i &-= 1
        }
    }
}
