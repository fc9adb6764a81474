extension LUFactorization {
    /// `solveFixedPattern` for m right-hand sides at once, held interleaved: entry i of
    /// right-hand side k at `values[i·m + k]` (on entry B, on return X with A·X = B).
    ///
    /// Why: the BDF's sensitivity corrector solves one system per parameter with the same
    /// factors (`BDFStepper+Sensitivities.swift`). One by one, every nonzero of L and U costs
    /// its index load, its address and the loop's branch m times, and the arithmetic is one
    /// Double at a time; here the right-hand sides go eight at a time (the last eight with up to
    /// four more, then four, two, one) in registers (`DoubleLanes`, `LanePair`), so the pattern's
    /// bookkeeping is paid once per eight to twelve. Per
    /// right-hand side the operations and their order are those of `solveFixedPattern`, so
    /// each column of X is the same to the last bit as a single solve of that column (tested
    /// in `LUMultipleSolveTests`). `scratch` (n·m doubles) is overwritten.
    ///
    /// - Complexity: O((nnz(L) + nnz(U) + n) · m), the pattern read ⌈m/8⌉ + 3 times at most.
    @inlinable
    static func solveFixedPattern(
        _ packed: UnsafePointer<Double>, dimension n: Int, structure: LUStructure,
        interleaved values: UnsafeMutablePointer<Double>, rightHandSides m: Int,
        scratch x: UnsafeMutablePointer<Double>
    ) {
        MultipleSolveSweep(packed: packed, n: n, structure: structure, values: values, m: m, x: x).sweepAll(count: m)
    }

    /// The right-hand sides `first..<first + Lanes.laneCount` of the multiple solve above.
    @inlinable
    static func solveFixedPattern<Lanes: DoubleLanes>(
        _: Lanes.Type, _ packed: UnsafePointer<Double>, dimension n: Int, structure: LUStructure,
        _ values: UnsafeMutablePointer<Double>, _ m: Int, _ x: UnsafeMutablePointer<Double>, first: Int
    ) {
        let gather = structure.gather
        let lowerStart = structure.lowerStart, upperStart = structure.upperStart
        let lowerColumns = structure.lowerColumns, upperColumns = structure.upperColumns
        let upper = packed + lowerStart[n], diagonal = upper + upperStart[n]
        let b = values + first, y = x + first
        var i = 0
        while i < n {
            var sum = Lanes(loadingFrom: b + gather[i] &* m)
            var t = lowerStart[i]
            let end = lowerStart[i &+ 1]
            while t < end {
                sum = sum.subtracting(Lanes(splatting: packed[t]).multiplied(by: Lanes(loadingFrom: y + lowerColumns[t] &* m)))
                t &+= 1
            }
            sum.store(to: y + i &* m)
            i &+= 1
        }
        i = n &- 1
        while i >= 0 {
            var sum = Lanes(loadingFrom: y + i &* m)
            var t = upperStart[i]
            let end = upperStart[i &+ 1]
            while t < end {
                sum = sum.subtracting(Lanes(splatting: upper[t]).multiplied(by: Lanes(loadingFrom: y + upperColumns[t] &* m)))
                t &+= 1
            }
            sum.multiplied(by: Lanes(splatting: diagonal[i])).store(to: y + i &* m)
            i &-= 1
        }
        i = 0
        while i < n {
            Lanes(loadingFrom: y + i &* m).store(to: b + gather[i] &* m)
            i &+= 1
        }
    }

    /// Solves A·X = B for m interleaved right-hand sides (`values[i·m + k]`) with the factors
    /// of any successful `factor` or `factorIterationMatrix`: the fused
    /// `solveFixedPattern(_:dimension:structure:interleaved:rightHandSides:scratch:)` when the
    /// factors are in packed row form, otherwise `solve` column by column through `column`
    /// (n doubles). `scratch`: n·m doubles (n when `packed` is nil), overwritten.
    @inlinable
    static func solve(
        _ factors: UnsafePointer<Double>, dimension n: Int, pivots: UnsafePointer<Int>,
        structure: LUStructure, interleaved values: UnsafeMutablePointer<Double>, rightHandSides m: Int,
        packed: UnsafePointer<Double>?, scratch: UnsafeMutablePointer<Double>, column: UnsafeMutablePointer<Double>
    ) {
        if structure.forms.contains(.packedRows), let packed {
            solveFixedPattern(packed, dimension: n, structure: structure, interleaved: values, rightHandSides: m, scratch: scratch)
            return
        }
        for k in 0..<m {
            for i in 0..<n { column[i] = values[i &* m &+ k] }
            solve(factors, dimension: n, pivots: pivots, structure: structure, column, packed: packed, scratch: scratch)
            for i in 0..<n { values[i &* m &+ k] = column[i] }
        }
    }
}

/// `LUFactorization.solveFixedPattern(_:dimension:structure:interleaved:rightHandSides:scratch:)`'s
/// pass for one lane group.
@usableFromInline
struct MultipleSolveSweep: LaneSweep {
    @usableFromInline let packed: UnsafePointer<Double>
    @usableFromInline let n: Int
    @usableFromInline let structure: LUStructure
    @usableFromInline let values: UnsafeMutablePointer<Double>
    @usableFromInline let m: Int
    @usableFromInline let x: UnsafeMutablePointer<Double>

    @inlinable
    init(packed: UnsafePointer<Double>, n: Int, structure: LUStructure, values: UnsafeMutablePointer<Double>, m: Int,
         x: UnsafeMutablePointer<Double>) {
        (self.packed, self.n, self.structure, self.values, self.m, self.x) = (packed, n, structure, values, m, x)
    }

    @inlinable
    func sweep<Lanes: DoubleLanes>(_: Lanes.Type, first: Int) {
        LUFactorization.solveFixedPattern(Lanes.self, packed, dimension: n, structure: structure, values, m, x, first: first)
    }
}
