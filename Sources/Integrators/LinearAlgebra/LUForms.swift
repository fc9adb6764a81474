/// Which forms of a factorization `LUFactorization.solve` may use, as the last factorization
/// left them (`LUStructure.forms`).
///
/// The dense path sets none. The sparse path sets `sparseSolves` when fill-in left at most half
/// the entries nonzero; a fixed-pattern factorization (`factorFixedPattern`) adds
/// `noInterchanges`, and `packedRows` when it also wrote its factors in row form to the caller's
/// `packed` buffer; `factorPackedRows` factors straight into that buffer and sets
/// `packedRowsOnly` with all the others: such factors can only be solved with `packed`.
@usableFromInline
struct LUForms: OptionSet, Sendable {
    @usableFromInline let rawValue: Int

    @inlinable init(rawValue: Int) { self.rawValue = rawValue }

    /// Solve over the recorded patterns of L and U (`solveSparse`), not the dense triangles.
    @inlinable static var sparseSolves: LUForms { LUForms(rawValue: 1) }
    /// No row interchanges were made: the pivot pass of the solve is skipped.
    @inlinable static var noInterchanges: LUForms { LUForms(rawValue: 2) }
    /// `packed` holds the factors in row form (`solveFixedPattern`).
    @inlinable static var packedRows: LUForms { LUForms(rawValue: 4) }
    /// Only `packed` holds the factors (`factorPackedRows`): the n×n matrix is scratch.
    @inlinable static var packedRowsOnly: LUForms { LUForms(rawValue: 8) }
}

/// The elimination `LUFactorization.factor` takes for a workspace, chosen on its first
/// factorization and kept (a Jacobian's pattern does not change within a solve).
@usableFromInline
enum LUPath: Int, Sendable {
    case undecided = 0
    case dense = 1
    case sparse = 2
}
