import Foundation
import Testing
@testable import Integrators

/// The multiple solve of `LUFactorization+MultipleSolve.swift` (m interleaved right-hand sides,
/// the BDF's sensitivity corrector) against m single solves with the same factors.
@Suite struct LUMultipleSolveTests {
    /// Through the sequence of 40×40 iteration matrices of `LUFactorizationTests` (fixed
    /// patterns with packed row factors, and round 3, where the fixed pattern gives up and the
    /// general path's interchanges take over, so the multiple solve falls back to column by
    /// column): every right-hand side equals its single solve to the last bit (same
    /// operations in the same order), and the exact solution to 1e-10 (rounding level of a
    /// well-conditioned 40×40 system).
    @Test(arguments: [1, 3, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]) func matchesSingleSolvesBitForBit(m: Int) {
        let n = 40
        let workspace = IterationWorkspace(dimension: n)
        for round in [0, 1, 2, 3, 4] {
            let j = roundJacobian(n, round)
            let (scale, shift) = (-1.0, 1.0 / (0.2 + 0.1 * Double(round)))
            var w = j.map { scale * $0 }
            for i in 0..<n { w[i * n + i] += shift }
            // Right-hand side k is W·x_k with x_k,i = 1 + (i + 3k) mod 7.
            let exact = (0..<m).map { k in (0..<n).map { i in 1 + Double((i + 3 * k) % 7) } }
            let columns = exact.map { x in (0..<n).map { i in (0..<n).reduce(0.0) { $0 + w[i * n + $1] * x[$1] } } }
            let singular = j.withUnsafeBufferPointer { jb in
                LUFactorization.factorIterationMatrix(
                    jacobian: jb.baseAddress!, scale: scale, shift: shift, into: workspace.factors,
                    dimension: n, pivots: workspace.structure.pivots, structure: workspace.structure, packed: workspace.packed)
            }
            #expect(singular == nil)
            #expect(workspace.structure.forms.contains(.packedRows) == (round != 3), "round \(round)")
            let singles = columns.map { column -> [Double] in
                var v = column
                v.withUnsafeMutableBufferPointer { b in
                    LUFactorization.solve(
                        workspace.factors, dimension: n, pivots: workspace.structure.pivots, structure: workspace.structure,
                        b.baseAddress!, packed: workspace.packed, scratch: workspace.scratch)
                }
                return v
            }
            var interleaved = [Double](repeating: 0, count: n * m)
            for k in 0..<m { for i in 0..<n { interleaved[i * m + k] = columns[k][i] } }
            var scratch = [Double](repeating: .nan, count: n * m)
            var column = [Double](repeating: .nan, count: n)
            interleaved.withUnsafeMutableBufferPointer { values in
                scratch.withUnsafeMutableBufferPointer { s in
                    column.withUnsafeMutableBufferPointer { c in
                        LUFactorization.solve(
                            workspace.factors, dimension: n, pivots: workspace.structure.pivots, structure: workspace.structure,
                            interleaved: values.baseAddress!, rightHandSides: m, packed: workspace.packed,
                            scratch: s.baseAddress!, column: c.baseAddress!)
                    }
                }
            }
            for k in 0..<m {
                let solved = (0..<n).map { interleaved[$0 * m + k] }
                #expect(solved == singles[k], "round \(round), right-hand side \(k): bit for bit")
                #expect(zip(solved, exact[k]).map { abs($0 - $1) }.max()! < 1e-10, "round \(round), right-hand side \(k)")
            }
        }
    }
}
