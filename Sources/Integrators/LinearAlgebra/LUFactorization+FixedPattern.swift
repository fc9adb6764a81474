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
}
