import Foundation
import Testing
@testable import Integrators

@Suite struct LUFactorizationTests {
    func solve(_ matrix: [Double], _ rhs: [Double]) -> (singularStep: Int?, solution: [Double]) {
        let n = rhs.count
        var factors = matrix, vector = rhs
        var pivots = [Int](repeating: -1, count: n)
        var singular: Int? = nil
        factors.withUnsafeMutableBufferPointer { a in
            pivots.withUnsafeMutableBufferPointer { p in
                singular = LUFactorization.factor(a.baseAddress!, dimension: n, pivots: p.baseAddress!)
                if singular == nil {
                    vector.withUnsafeMutableBufferPointer { v in
                        LUFactorization.solve(
                            UnsafePointer(a.baseAddress!), dimension: n, pivots: UnsafePointer(p.baseAddress!),
                            v.baseAddress!)
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

    /// A 12×12 nonsymmetric, diagonally weak matrix: residual at rounding level.
    @Test func residualIsAtRoundingLevel() {
        let n = 12
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
