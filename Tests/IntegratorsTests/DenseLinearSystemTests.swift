import Testing
@testable import Integrators

@Suite struct DenseLinearSystemTests {
    @Test func solvesARowMajorSystemThatNeedsPivoting() throws {
        // A has a zero in the first pivot position, so a row interchange is required.
        let a: [Double] = [0, 2, 1,
                           1, 1, 0,
                           3, 0, 1]
        let x: [Double] = [1, -2, 3]
        let b = (0..<3).map { i in (0..<3).reduce(0.0) { $0 + a[i * 3 + $1] * x[$1] } }
        let system = try #require(DenseLinearSystem(rowMajor: a, dimension: 3))
        let solution = system.solve(b)
        for i in 0..<3 { #expect(abs(solution[i] - x[i]) < 1e-14) }
    }

    @Test func singularMatrixGivesNil() {
        #expect(DenseLinearSystem(rowMajor: [1, 2, 2, 4], dimension: 2) == nil)
        #expect(DenseLinearSystem(rowMajor: [1, .nan, 0, 1], dimension: 2) == nil)
    }
}
