extension LUFactorization {
    /// Records the Jacobian's declared nonzero positions (row-major i · n + j, ascending and
    /// without repeats; see `ODESystem.jacobianSparsity`) before the first `factorIterationMatrix`
    /// of a workspace. The sparse path then takes its symbolic pattern from them rather than from
    /// the first W's values (the fill-reducing ordering and the dense/sparse choice still come
    /// from that W), and later calls scatter them without scanning J for new entries.
    @inlinable
    static func declareJacobianSparsity(
        _ positions: [Int], dimension n: Int, structure: LUStructure
    ) {
        let sources = structure.listSources
        var count = 0
        for position in positions {
            precondition(position >= 0 && position < n * n, "jacobianSparsity position \(position) is outside the \(n)×\(n) matrix")
            precondition(count == 0 || position > sources[count - 1], "jacobianSparsity must ascend without repeats")
            sources[count] = position
            count += 1
        }
        structure.listCount = count
        structure.declared = true
    }

    /// Zeroes the entries of a fixed-pattern factorization (the diagonal and the L and U
    /// patterns) before W is scattered into them; the fixed-pattern factorization and the
    /// sparse solves read no others. With dense solves the whole matrix is cleared.
    @inlinable
    static func clearFixedPattern(
        _ matrix: UnsafeMutablePointer<Double>, dimension n: Int, structure: LUStructure
    ) {
        if !structure.forms.contains(.sparseSolves) {
            matrix.update(repeating: 0, count: n * n)
            return
        }
        let lowerCount = structure.lowerCount, upperCount = structure.upperCount
        let lowerRows = structure.lowerRows, upperRows = structure.upperRows
        for j in 0..<n {
            let column = matrix + j * n
            column[j] = 0
            let lower = lowerRows + j * n, upper = upperRows + j * n
            for t in 0..<lowerCount[j] { column[lower[t]] = 0 }
            for t in 0..<upperCount[j] { column[upper[t]] = 0 }
        }
    }

    /// Builds the iteration matrix W = scale·J + shift·I of a Rosenbrock step from the row-major
    /// Jacobian `jacobian` into `factors` (column-major, symmetrically permuted by the
    /// fill-reducing ordering on the sparse path) and factors it (`factor`). `solve` undoes the
    /// ordering, so callers see A·x = b in their own order. The first call of a workspace
    /// chooses the path and, for the sparse path, computes the ordering from the pattern of
    /// that W and permutes it in place once; later calls scatter J straight to its permuted
    /// place, which costs the same as the plain transposing copy. With `packed` (n² + n doubles),
    /// a fixed-pattern factorization also leaves its factors there for the row-form solves; once
    /// its patterns are known it factors straight into `packed` (`factorPackedRows`, `LUForms.packedRowsOnly`),
    /// using `factors` as scratch, and then `solve` must be given `packed` and `scratch`. After a
    /// failure (a non-nil return) neither form may be solved with.
    ///
    /// - Returns: as `factor`.
    @inlinable
    static func factorIterationMatrix(
        jacobian: UnsafePointer<Double>, scale: Double, shift: Double,
        into factors: UnsafeMutablePointer<Double>, dimension n: Int,
        pivots: UnsafeMutablePointer<Int>, structure: LUStructure,
        packed: UnsafeMutablePointer<Double>? = nil
    ) -> Int? {
        let ordering = structure.orderingSwaps, positions = structure.positions
        var triedFixedPattern = false
        let declared = structure.declared
        if structure.path == .sparse {
            // The nonzeros of J (declared, or seen so far), as (index in J, index in W) pairs:
            // when J has no others (declared, or two cheap counts), W is a zeroed pattern plus
            // these, and the fixed patterns (which include them) need no check.
            let seen = structure.seen
            let sources = structure.listSources, targets = structure.listTargets
            let count = structure.listCount
            var onlyKnownEntries = declared
            assert(!declared || Self.declaredEntriesCover(jacobian, dimension: n, structure: structure),
                   "the Jacobian has a nonzero entry its ODESystem.jacobianSparsity leaves out")
            if !declared {
                var total = 0
                for index in 0..<(n * n) { total &+= jacobian[index] != 0 ? 1 : 0 }
                var known = 0
                for t in 0..<count { known &+= jacobian[sources[t]] != 0 ? 1 : 0 }
                onlyKnownEntries = total == known
            }
            if onlyKnownEntries, structure.symbolicValid, structure.giveUps <= 8 {
                // The symbolic patterns hold (so do the row patterns and entry lists built with
                // them): factor straight into the packed rows, with the n×n matrix's first
                // column as scratch, when the solves take the packed row form.
                if let packed, structure.forms.contains(.sparseSolves),
                   factorPackedRows(jacobian: jacobian, scale: scale, shift: shift, into: packed,
                                    work: factors, dimension: n, structure: structure) {
                    structure.forms = [.sparseSolves, .noInterchanges, .packedRows, .packedRowsOnly]
                    return nil
                }
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
                structure.listCount = t
                structure.symbolicValid = false
            }
            writeOrderedIterationMatrix(jacobian: jacobian, scale: scale, shift: shift, into: factors, dimension: n, positions: positions)
        } else {
            for i in 0..<n {
                let row = jacobian + i * n
                for j in 0..<n { factors[j * n + i] = scale * row[j] }
            }
            for i in 0..<n { factors[i * n + i] = factors[i * n + i] + shift }
        }
        if structure.path == .undecided {
            var nonzeros = 0
            for index in 0..<(n * n) { nonzeros += factors[index] != 0 ? 1 : 0 }
            structure.path = (n >= 24 && 4 * nonzeros <= n * n) ? .sparse : .dense
            if structure.path == .sparse {
                // Scratch n² + n from `lowerRows`, free until the first factorization (see `LUStructure`).
                minimumDegreeOrdering(factors, dimension: n, swaps: ordering, scratch: structure.lowerRows)
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
                let places = structure.lowerRows  // scratch (n), see `LUStructure`
                for k in 0..<n { places[positions[k]] = k }
                for i in 0..<n { positions[i] = places[i] }
                if declared {
                    // The declared entries are the pattern from now on, zero or not in this W.
                    let seen = structure.seen
                    let sources = structure.listSources, targets = structure.listTargets
                    for t in 0..<structure.listCount {
                        let i = sources[t] / n, j = sources[t] % n
                        targets[t] = positions[j] * n + positions[i]
                        seen[targets[t]] = 1
                    }
                    structure.symbolicValid = false
                }
            }
        }
        if structure.path == .sparse, !triedFixedPattern {
            if factorFixedPattern(factors, dimension: n, pivots: pivots, structure: structure, checkPattern: true, packed: packed) {
                return nil
            }
            // The fixed pattern met a pivot below the threshold: W again, then the general path.
            writeOrderedIterationMatrix(jacobian: jacobian, scale: scale, shift: shift, into: factors, dimension: n, positions: positions)
        }
        // The general path rewrites the forms when it succeeds; until then no packed factors.
        structure.forms.formIntersection([.sparseSolves, .noInterchanges])
        return factor(factors, dimension: n, pivots: pivots, structure: structure)
    }

    /// Writes W = scale·J + shift·I, all n² entries, each at its place in the ordered matrix
    /// (column-major): the sparse path's W when the known-entry list cannot be used.
    @inlinable
    static func writeOrderedIterationMatrix(
        jacobian: UnsafePointer<Double>, scale: Double, shift: Double, into factors: UnsafeMutablePointer<Double>,
        dimension n: Int, positions: UnsafePointer<Int>
    ) {
        for i in 0..<n {
            let row = jacobian + i * n
            let pi = positions[i]
            for j in 0..<n { factors[positions[j] * n + pi] = scale * row[j] }
        }
        for i in 0..<n { factors[i * n + i] = factors[i * n + i] + shift }
    }

    /// Whether every nonzero of `jacobian` is a declared entry (debug builds check it each step:
    /// the declared path ignores the others).
    @usableFromInline
    static func declaredEntriesCover(
        _ jacobian: UnsafePointer<Double>, dimension n: Int, structure: LUStructure
    ) -> Bool {
        let sources = structure.listSources
        let declared = Set(UnsafeBufferPointer(start: sources, count: structure.listCount))
        return (0..<(n * n)).allSatisfy { jacobian[$0] == 0 || declared.contains($0) }
    }
}
