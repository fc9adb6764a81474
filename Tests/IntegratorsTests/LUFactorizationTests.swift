import Foundation
import Testing
@testable import Integrators
import TestSupport

@Suite struct LUFactorizationTests {
    /// Factors and solves through `factor` and `solve` from a zeroed structure (as every
    /// workspace starts); also returns the path taken.
    func solve(_ matrix: [Double], _ rhs: [Double]) -> (singularStep: Int?, solution: [Double], path: LUPath) {
        let n = rhs.count
        // The factorization works on column-major storage: transpose the row-major input.
        var factors = (0..<(n * n)).map { index in matrix[(index % n) * n + index / n] }
        var vector = rhs
        var allocator = WorkspaceAllocator()
        let layout = LUStructure.Layout(dimension: n, allocator: &allocator)
        var workspace = Workspace(allocator)
        var singular: Int? = nil
        var path = LUPath.undecided
        factors.withUnsafeMutableBufferPointer { a in
            workspace.withMemory { memory in
                let structure = LUStructure(layout, in: memory)
                singular = LUFactorization.factor(
                    a.baseAddress!, dimension: n, pivots: structure.pivots, structure: structure)
                if singular == nil {
                    vector.withUnsafeMutableBufferPointer { v in
                        LUFactorization.solve(
                            UnsafePointer(a.baseAddress!), dimension: n, pivots: UnsafePointer(structure.pivots),
                            structure: structure, v.baseAddress!)
                    }
                }
                path = structure.path
            }
        }
        return (singular, vector, path)
    }

    /// A zero leading pivot forces a row interchange; the solution is known exactly.
    @Test func solvesASystemThatNeedsPivoting() throws {
        let matrix: [Double] = [
            0, 2, 1,
            1, 1, 1,
            4, -1, 3,
        ]
        let exact: [Double] = [1, -2, 3]
        let rhs = (0..<3).map { i in (0..<3).reduce(0.0) { $0 + matrix[i * 3 + $1] * exact[$1] } }
        let result = solve(matrix, rhs)
        #expect(result.singularStep == nil)
        for i in 0..<3 { #expect(isClose(result.solution[i], exact[i], relative: 1e-14, absolute: 1e-14)) }
    }

    /// Nonsymmetric, diagonally weak matrices of sizes with and without a partial four-column
    /// panel: residual at rounding level.
    @Test(arguments: [5, 8, 12, 13, 22])
    func residualIsAtRoundingLevel(n: Int) {
        var matrix = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { matrix[i * n + j] = sin(Double((i + 1) * (j + 2))) } }
        let exact = (0..<n).map { Double($0) - 5.5 }
        let rhs = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + matrix[i * n + $1] * exact[$1] } }
        let result = solve(matrix, rhs)
        #expect(result.singularStep == nil)
        let residual = (0..<n).map { i in
            (0..<n).reduce(0.0) { $0 + matrix[i * n + $1] * result.solution[$1] } - rhs[i]
        }
        #expect(residual.map(abs).max()! < 1e-12)
        #expect(maximumDifference(result.solution, exact) < 1e-8)
    }

    /// A sparse 40×40 matrix (about 10% nonzeros, pivoting needed, fill-in) takes the
    /// sparse-aware path and solves to rounding level, like the dense path.
    @Test func sparseMatricesSolveToRoundingLevel() {
        let n = 40
        var matrix = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            matrix[i * n + i] = 0.5 + Double(i % 7)
            matrix[i * n + (i * 7 + 3) % n] += 2 * sin(Double(i + 1))
            matrix[i * n + (i * 13 + 5) % n] += 3 * cos(Double(i))
        }
        matrix[0] = 0  // forces a row interchange at the first step
        let nonzeros = matrix.filter { $0 != 0 }.count
        #expect(4 * nonzeros <= n * n)
        let exact = (0..<n).map { 1 + Double($0 % 5) }
        let rhs = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + matrix[i * n + $1] * exact[$1] } }
        let result = solve(matrix, rhs)
        #expect(result.path == .sparse, "sparse path")
        #expect(result.singularStep == nil)
        #expect(maximumDifference(result.solution, exact) < 1e-9)
    }

    /// The structure's named buffers are disjoint slices of one Int workspace, in allocation
    /// order, with the sizes their documentation states, adding up to 10 + 10n + 12n² Ints
    /// (pivots included).
    @Test(arguments: [1, 24, 37]) func structureSlicesHaveTheirDocumentedSizes(n: Int) throws {
        var allocator = WorkspaceAllocator(recordsNames: true)
        _ = LUStructure.Layout(dimension: n, allocator: &allocator)
        let n2 = n * n
        let expected: [(String, Int)] = [
            ("lu.pivots", n), ("lu.state", 6), ("lu.lowerCount", n), ("lu.upperCount", n),
            ("lu.patternRows", 2 * n2), ("lu.pivotRowColumns", n), ("lu.orderingSwaps", n),
            ("lu.positions", n), ("lu.seen", n2), ("lu.symbolic", n2), ("lu.listSources", n2),
            ("lu.listTargets", n2), ("lu.gather", n), ("lu.lowerStart", n + 1), ("lu.upperStart", n + 1),
            ("lu.lowerColumns", n2), ("lu.upperColumns", n2), ("lu.lowerSolveRows", n + 1), ("lu.lowerSources", n2),
            ("lu.upperSources", n2), ("lu.entryStart", n + 1), ("lu.entrySources", n2), ("lu.entryColumns", n2),
        ]
        #expect(allocator.entries.map(\.name) == expected.map(\.0))
        #expect(allocator.entries.map(\.count) == expected.map(\.1))
        #expect(allocator.entries.allSatisfy { $0.kind == .indices })
        #expect(allocator.doubleCount == 0)
        #expect(allocator.indexCount == n + 10 + 10 * n + 12 * n2)
        try expectContiguous(allocator.entries.filter { $0.kind == .indices }, total: allocator.indexCount)
    }

    /// The forms are one bit each, as the solves test them, and the fixed-pattern updates
    /// compose as the old flag arithmetic did (`& 1 | 2`, `&= 3`, all four).
    @Test func formsAreSeparateBitsThatCompose() {
        let all: [LUForms] = [.sparseSolves, .noInterchanges, .packedRows, .packedRowsOnly]
        #expect(all.map(\.rawValue) == [1, 2, 4, 8])
        var forms: LUForms = [.sparseSolves, .packedRows]
        forms = forms.intersection(.sparseSolves).union(.noInterchanges)
        #expect(forms == [.sparseSolves, .noInterchanges])
        forms = [.sparseSolves, .noInterchanges, .packedRows, .packedRowsOnly]
        #expect(forms.rawValue == 15)
        forms.formIntersection([.sparseSolves, .noInterchanges])
        #expect(forms.rawValue == 3 && !forms.contains(.packedRows))
        #expect(LUForms([]).rawValue == 0)
    }

    @Test func reportsASingularMatrixInsteadOfTrapping() {
        let matrix: [Double] = [
            1, 2, 3,
            2, 4, 6,
            1, 0, 1,
        ]
        let result = solve(matrix, [1, 2, 3])
        #expect(result.singularStep == 2)
        #expect(solve([0, 0, 0, 0], [1, 1]).singularStep == 0)
        #expect(solve([.nan, 1, 1, 1], [1, 1]).singularStep != nil)
    }

    /// One workspace through a sequence of Rosenbrock iteration matrices W = scale·J + shift·I
    /// of a sparse 40×40 J (`factorIterationMatrix`: ordering chosen from the first W, fixed
    /// patterns afterwards): entries that are zero at first and appear later (the fixed
    /// patterns must be rebuilt), a W whose diagonal is too weak for the fixed pattern (the
    /// general path with interchanges takes over) and ordinary ones again; with and without a
    /// declared sparsity. Every solve, column form and packed row form, matches the exact
    /// solution to rounding level, and the packed factors are used only when they are current.
    @Test(arguments: [false, true]) func iterationMatricesShareAWorkspace(declared: Bool) {
        let n = 40
        let workspace = IterationWorkspace(dimension: n)
        if declared {
            var union = Set<Int>()
            for round in 0...4 { let j = roundJacobian(n, round); union.formUnion(j.indices.filter { j[$0] != 0 }) }
            workspace.declare(union.sorted())
        }
        for (index, round) in [0, 1, 2, 3, 4, 2].enumerated() {
            let result = workspace.factorAndSolve(roundJacobian(n, round), round: round)
            #expect(result.singular == nil)
            #expect(workspace.structure.path == .sparse, "sparse path")
            if let columnForm = result.columnForm {
                #expect(maximumDifference(columnForm, result.exact) < 1e-10, "round \(round)")
            }
            #expect(maximumDifference(result.rowForm, result.exact) < 1e-10, "round \(round), packed factors")
            // The fixed patterns gave up exactly once, in round 3, whose pivots interchange rows;
            // only the fixed-pattern rounds leave packed factors for the row-form solves.
            #expect(workspace.structure.giveUps == (index >= 3 ? 1 : 0))
            let forms = workspace.structure.forms
            #expect(forms.contains(.packedRows) == (round != 3), "round \(round)")
            // Straight into the packed rows whenever the symbolic patterns of the previous call
            // still hold: not on the first call, after new entries (undeclared: round 1's
            // coupling of row 0 is sin 0 = 0 in round 0, round 2 adds couplings), at the give-up
            // or on the call that rebuilds the patterns after it.
            #expect(forms.contains(.packedRowsOnly) == [false, declared, declared, false, false, true][index], "round \(round), packed rows")
            if round == 3 { #expect((0..<n).contains { workspace.structure.pivots[$0] != $0 }) }
        }
    }

    /// A declared Jacobian sparsity (`declareJacobianSparsity`) fixes the sparse path's pattern
    /// from the first call, including couplings that are still exact zeros then (round 0 has
    /// none of round 2's entries) and that no later call scans for; the row-oriented solves
    /// over the packed factors match the exact solution like the column-oriented ones.
    @Test func declaredSparsityServesLaterCouplings() {
        let n = 40
        var declared = Set<Int>()
        for i in 0..<n {
            declared.insert(i * n + i)
            declared.insert(i * n + (i * 7 + 3) % n)
            declared.insert(i * n + (i * 11 + 1) % n)
        }
        let workspace = IterationWorkspace(dimension: n)
        workspace.declare(declared.sorted())
        var patternCounts: [Int] = []
        for round in [0, 1, 2, 4] {
            let result = workspace.factorAndSolve(roundJacobian(n, round), round: round)
            let structure = workspace.structure
            #expect(result.singular == nil)
            #expect(structure.path == .sparse, "sparse path")
            #expect(structure.forms.contains(.packedRows), "round \(round): fixed pattern with packed row-form solves")
            // The declared entries are the list from the first call on, and the L and U patterns
            // are fixed then: round 2's new couplings change neither (without a declaration
            // both would grow).
            #expect(structure.listCount == declared.count)
            let counts = Array(UnsafeBufferPointer(start: structure.lowerCount, count: n))
            if round == 0 { patternCounts = counts } else { #expect(counts == patternCounts, "round \(round)") }
            #expect(maximumDifference(result.rowForm, result.exact) < 1e-10, "round \(round)")
            if let columnForm = result.columnForm {
                #expect(maximumDifference(columnForm, result.exact) < 1e-10, "round \(round)")
            }
            #expect(structure.forms.contains(.packedRowsOnly) == (round != 0), "round \(round): straight into the packed rows")
        }
    }
}

/// A sparse 40×40-type Jacobian for round `round` of a sequence of Rosenbrock steps: a
/// diagonal and one coupling per row, a second coupling from round 2 on (a drug arriving), and
/// in round 3 a row whose diagonal nearly vanishes against a large off-diagonal entry (W_55 =
/// 1e-3 at that round's shift 2), which the fixed pattern must give up on.
func roundJacobian(_ n: Int, _ round: Int) -> [Double] {
    var j = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
        j[i * n + i] = -(1 + Double(i % 5))
        j[i * n + (i * 7 + 3) % n] += 0.5 * sin(Double(i + round))
        if round >= 2 { j[i * n + (i * 11 + 1) % n] += 0.25 * cos(Double(i * round)) }
    }
    if round == 3 { j[5 * n + 5] = 2 - 1e-3; j[17 * n + 5] = 40 }
    return j
}

/// One solve's LU workspace as a Rosenbrock stepper holds it (factors, structure, packed
/// factors, scratch), driven through `factorIterationMatrix` and both solve forms. The memory
/// is allocated once; `structure` points into it for the test's lifetime.
final class IterationWorkspace {
    let n: Int
    let memory: WorkspaceMemory
    let structure: LUStructure
    let factors, packed, scratch: UnsafeMutablePointer<Double>
    private let doubleBase: UnsafeMutablePointer<Double>
    private let indexBase: UnsafeMutablePointer<Int>

    init(dimension n: Int) {
        self.n = n
        var allocator = WorkspaceAllocator()
        let factorSlice = allocator.doubles(n * n, "factors")
        let packedSlice = allocator.doubles(n * n + n, "packed")
        let scratchSlice = allocator.doubles(n, "scratch")
        let layout = LUStructure.Layout(dimension: n, allocator: &allocator)
        doubleBase = .allocate(capacity: allocator.doubleCount)
        doubleBase.initialize(repeating: 0, count: allocator.doubleCount)
        indexBase = .allocate(capacity: allocator.indexCount)
        indexBase.initialize(repeating: 0, count: allocator.indexCount)
        memory = WorkspaceMemory(doubles: doubleBase, indices: indexBase)
        structure = LUStructure(layout, in: memory)
        factors = memory[factorSlice]
        packed = memory[packedSlice]
        scratch = memory[scratchSlice]
    }

    deinit {
        doubleBase.deallocate()
        indexBase.deallocate()
    }

    func declare(_ positions: [Int]) {
        LUFactorization.declareJacobianSparsity(positions, dimension: n, structure: structure)
    }

    /// Factors W = −J + I/(0.2 + 0.1·round) and solves W·x = W·exact with the column-form
    /// (nil when W was factored straight into the packed rows) and the packed row-form solves.
    func factorAndSolve(_ j: [Double], round: Int) -> (singular: Int?, exact: [Double], columnForm: [Double]?, rowForm: [Double]) {
        let n = self.n
        let (scale, shift) = (-1.0, 1.0 / (0.2 + 0.1 * Double(round)))
        var w = j.map { scale * $0 }
        for i in 0..<n { w[i * n + i] += shift }
        let exact = (0..<n).map { 1 + Double($0 % 5) }
        let b = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + w[i * n + $1] * exact[$1] } }
        var columnForm: [Double]? = b
        var rowForm = b
        let singular = j.withUnsafeBufferPointer { jb in
            LUFactorization.factorIterationMatrix(
                jacobian: jb.baseAddress!, scale: scale, shift: shift, into: factors,
                dimension: n, pivots: structure.pivots, structure: structure, packed: packed)
        }
        if !structure.forms.contains(.packedRowsOnly) {
            columnForm!.withUnsafeMutableBufferPointer { v in
                LUFactorization.solve(factors, dimension: n, pivots: structure.pivots, structure: structure, v.baseAddress!)
            }
        } else {
            columnForm = nil  // factored straight into the packed rows
        }
        rowForm.withUnsafeMutableBufferPointer { v in
            LUFactorization.solve(factors, dimension: n, pivots: structure.pivots, structure: structure, v.baseAddress!,
                                  packed: packed, scratch: scratch)
        }
        return (singular, exact, columnForm, rowForm)
    }
}
