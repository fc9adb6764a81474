import Foundation
import Testing
@testable import Integrators

@Suite struct LUFactorizationTests {
    func solve(_ matrix: [Double], _ rhs: [Double]) -> (singularStep: Int?, solution: [Double]) {
        let n = rhs.count
        // The factorization works on column-major storage: transpose the row-major input.
        var factors = (0..<(n * n)).map { index in matrix[(index % n) * n + index / n] }
        var vector = rhs
        var pivots = [Int](repeating: -1, count: n + LUFactorization.structureCount(dimension: n))
        var singular: Int? = nil
        factors.withUnsafeMutableBufferPointer { a in
            pivots.withUnsafeMutableBufferPointer { p in
                singular = LUFactorization.factor(
                    a.baseAddress!, dimension: n, pivots: p.baseAddress!, structure: p.baseAddress! + n)
                if singular == nil {
                    vector.withUnsafeMutableBufferPointer { v in
                        LUFactorization.solve(
                            UnsafePointer(a.baseAddress!), dimension: n, pivots: UnsafePointer(p.baseAddress!),
                            structure: UnsafePointer(p.baseAddress! + n), v.baseAddress!)
                    }
                }
            }
        }
        return (singular, vector)
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
        #expect(result.singularStep == nil)
        #expect(maximumDifference(result.solution, exact) < 1e-9)
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
}
