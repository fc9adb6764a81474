/// The Int buffers of the sparse LU (`LUFactorization`), named, as slices of one solve's
/// workspace (`WorkspaceAllocator`), n the dimension. All start zeroed.
///
/// Two scratch uses overlap other buffers on purpose: on the first call of a workspace that
/// chooses the sparse path, `factorIterationMatrix` lends `patternRows` (the rows of L's and
/// U's columns, 2n²) to `minimumDegreeOrdering` (n² + n), then its first n to the inversion of
/// `positions`, before any factorization writes the patterns there.
///
/// Each buffer is a stored pointer, so the hot loops read a field instead of computing an
/// offset (the offsets used to be chained functions of n with wrapping arithmetic, tuned so the
/// 28-day run paid 0.1 % for them).
@usableFromInline
struct LUStructure {
    /// The slices of one LU structure in a workspace.
    @usableFromInline
    struct Layout: Sendable, Equatable {
        @usableFromInline let n: Int
        @usableFromInline let pivots, state, lowerCount, upperCount, patternRows, pivotRowColumns: WorkspaceSlice<Int>
        @usableFromInline let orderingSwaps, positions, seen, symbolic, listSources, listTargets: WorkspaceSlice<Int>
        @usableFromInline let gather, lowerStart, upperStart, lowerColumns, upperColumns, lowerSolveRows: WorkspaceSlice<Int>
        @usableFromInline let lowerSources, upperSources, entryStart, entrySources, entryColumns: WorkspaceSlice<Int>

        @inlinable
        init(dimension n: Int, allocator: inout WorkspaceAllocator) {
            self.n = n
            let square = n * n
            pivots = allocator.indices(n, "lu.pivots")
            state = allocator.indices(LUStructure.stateCount, "lu.state")
            lowerCount = allocator.indices(n, "lu.lowerCount")
            upperCount = allocator.indices(n, "lu.upperCount")
            patternRows = allocator.indices(2 * square, "lu.patternRows")
            pivotRowColumns = allocator.indices(n, "lu.pivotRowColumns")
            orderingSwaps = allocator.indices(n, "lu.orderingSwaps")
            positions = allocator.indices(n, "lu.positions")
            seen = allocator.indices(square, "lu.seen")
            symbolic = allocator.indices(square, "lu.symbolic")
            listSources = allocator.indices(square, "lu.listSources")
            listTargets = allocator.indices(square, "lu.listTargets")
            gather = allocator.indices(n, "lu.gather")
            lowerStart = allocator.indices(n + 1, "lu.lowerStart")
            upperStart = allocator.indices(n + 1, "lu.upperStart")
            lowerColumns = allocator.indices(square, "lu.lowerColumns")
            upperColumns = allocator.indices(square, "lu.upperColumns")
            lowerSolveRows = allocator.indices(n + 1, "lu.lowerSolveRows")
            lowerSources = allocator.indices(square, "lu.lowerSources")
            upperSources = allocator.indices(square, "lu.upperSources")
            entryStart = allocator.indices(n + 1, "lu.entryStart")
            entrySources = allocator.indices(square, "lu.entrySources")
            entryColumns = allocator.indices(square, "lu.entryColumns")
        }
    }

    /// Slots of `state`: forms, path, symbolic patterns valid, give-ups, known-entry count,
    /// pattern declared.
    @inlinable static var stateCount: Int { 6 }

    /// The pivots of P·A = L·U: the row interchanged with row k at step k (LAPACK's `getrf`).
    @usableFromInline let pivots: UnsafeMutablePointer<Int>
    @usableFromInline let state: UnsafeMutablePointer<Int>
    /// Nonzeros of each column of L below the diagonal (n).
    @usableFromInline let lowerCount: UnsafeMutablePointer<Int>
    /// Nonzeros of each column of U above the diagonal (n).
    @usableFromInline let upperCount: UnsafeMutablePointer<Int>
    /// Row indices of L's column k, from k·n (n², the first half of `patternRows`).
    @usableFromInline let lowerRows: UnsafeMutablePointer<Int>
    /// Row indices of U's column j, from j·n (n², the second half of `patternRows`).
    @usableFromInline let upperRows: UnsafeMutablePointer<Int>
    /// Scratch of `factor`: the pivot row's nonzero columns (n).
    @usableFromInline let pivotRowColumns: UnsafeMutablePointer<Int>
    /// The fill-reducing ordering as interchanges, like LAPACK pivots (n).
    @usableFromInline let orderingSwaps: UnsafeMutablePointer<Int>
    /// Each state's place in the ordered matrix (n).
    @usableFromInline let positions: UnsafeMutablePointer<Int>
    /// 0/1 per entry of W (ordered, column-major): nonzero in any W of this workspace (n²).
    @usableFromInline let seen: UnsafeMutablePointer<Int>
    /// The symbolic elimination's filled 0/1 pattern, column-major (n²).
    @usableFromInline let symbolic: UnsafeMutablePointer<Int>
    /// Known entries of J: index in J, row-major (n²).
    @usableFromInline let listSources: UnsafeMutablePointer<Int>
    /// Known entries of J: index in W, ordered and column-major (n²).
    @usableFromInline let listTargets: UnsafeMutablePointer<Int>
    /// The ordering as a gather for the row-form solves (n).
    @usableFromInline let gather: UnsafeMutablePointer<Int>
    /// Start of each row of L in `lowerColumns`, the total at [n] (n + 1).
    @usableFromInline let lowerStart: UnsafeMutablePointer<Int>
    /// Start of each row of U in `upperColumns`, the total at [n] (n + 1).
    @usableFromInline let upperStart: UnsafeMutablePointer<Int>
    /// Column indices of L's rows (n²).
    @usableFromInline let lowerColumns: UnsafeMutablePointer<Int>
    /// Column indices of U's rows (n²).
    @usableFromInline let upperColumns: UnsafeMutablePointer<Int>
    /// The rows of L with entries below the diagonal, ascending, their count at [n] (n + 1): the
    /// forward solve's second pass visits only these.
    @usableFromInline let lowerSolveRows: UnsafeMutablePointer<Int>
    /// Where each entry of L's rows sits in the factored matrix (n²).
    @usableFromInline let lowerSources: UnsafeMutablePointer<Int>
    /// Where each entry of U's rows sits in the factored matrix (n²).
    @usableFromInline let upperSources: UnsafeMutablePointer<Int>
    /// Start of each ordered row's known J entries in `entrySources`, the total at [n] (n + 1).
    @usableFromInline let entryStart: UnsafeMutablePointer<Int>
    /// The known J entries by ordered row: index in J, row-major (n²).
    @usableFromInline let entrySources: UnsafeMutablePointer<Int>
    /// Their column in the ordered matrix (n²).
    @usableFromInline let entryColumns: UnsafeMutablePointer<Int>

    @inlinable
    init(_ layout: Layout, in memory: WorkspaceMemory) {
        let n = layout.n
        pivots = memory[layout.pivots]
        state = memory[layout.state]
        lowerCount = memory[layout.lowerCount]
        upperCount = memory[layout.upperCount]
        lowerRows = memory[layout.patternRows]
        upperRows = lowerRows + n * n
        pivotRowColumns = memory[layout.pivotRowColumns]
        orderingSwaps = memory[layout.orderingSwaps]
        positions = memory[layout.positions]
        seen = memory[layout.seen]
        symbolic = memory[layout.symbolic]
        listSources = memory[layout.listSources]
        listTargets = memory[layout.listTargets]
        gather = memory[layout.gather]
        lowerStart = memory[layout.lowerStart]
        upperStart = memory[layout.upperStart]
        lowerColumns = memory[layout.lowerColumns]
        upperColumns = memory[layout.upperColumns]
        lowerSolveRows = memory[layout.lowerSolveRows]
        lowerSources = memory[layout.lowerSources]
        upperSources = memory[layout.upperSources]
        entryStart = memory[layout.entryStart]
        entrySources = memory[layout.entrySources]
        entryColumns = memory[layout.entryColumns]
    }

    /// Declares the Jacobian's sparsity of `system` (`LUFactorization.declareJacobianSparsity`)
    /// when it has an analytic Jacobian and declares one: the system then writes only those
    /// entries (`jacobianEntries`) and the rest of the zeroed matrix stays zero.
    @inlinable
    func declareSparsity<System: ODESystem>(of system: System, dimension n: Int) {
        if system.providesJacobian, let sparsity = system.jacobianSparsity {
            LUFactorization.declareJacobianSparsity(sparsity, dimension: n, structure: self)
        }
    }

    /// The forms the last factorization left (`LUForms`).
    @inlinable
    var forms: LUForms {
        @inline(__always) get { LUForms(rawValue: state[0]) }
        @inline(__always) nonmutating set { state[0] = newValue.rawValue }
    }

    /// The elimination chosen for this workspace.
    @inlinable
    var path: LUPath {
        @inline(__always) get { LUPath(rawValue: state[1]) ?? .undecided }
        @inline(__always) nonmutating set { state[1] = newValue.rawValue }
    }

    /// Whether the symbolic patterns of L and U (and the row patterns built from them) hold.
    @inlinable
    var symbolicValid: Bool {
        @inline(__always) get { state[2] == 1 }
        @inline(__always) nonmutating set { state[2] = newValue ? 1 : 0 }
    }

    /// Fixed-pattern factorizations given up so far.
    @inlinable
    var giveUps: Int {
        @inline(__always) get { state[3] }
        @inline(__always) nonmutating set { state[3] = newValue }
    }

    /// Length of the known-entry list (`listSources`, `listTargets`).
    @inlinable
    var listCount: Int {
        @inline(__always) get { state[4] }
        @inline(__always) nonmutating set { state[4] = newValue }
    }

    /// Whether `declareJacobianSparsity` recorded the pattern.
    @inlinable
    var declared: Bool {
        @inline(__always) get { state[5] == 1 }
        @inline(__always) nonmutating set { state[5] = newValue ? 1 : 0 }
    }
}
