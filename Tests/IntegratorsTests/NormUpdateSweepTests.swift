import Testing
@testable import Integrators

/// `NormUpdateSweep` (the sensitivity corrector's norm and update in one pass) against the two
/// plain loops it replaced, bit for bit: per parameter `ErrorNorm.weighted`'s sum of squares in
/// its order, and iterate = prediction + d, correction = d (first iteration) or both += d.
@Suite struct NormUpdateSweepTests {
    /// Values over many orders of magnitude, so another summation order would round otherwise.
    static func values(_ count: Int, seed: UInt64, positive: Bool = false) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let mantissa = Double(state >> 11) / Double(1 << 53) - (positive ? -0.01 : 0.5)
            return mantissa * Double(sign: .plus, exponent: Int(state % 30) - 15, significand: 1)
        }
    }

    /// m = 1…17 take every lane split of `LaneSweep.sweepAll` (one, two, four, eight, the pairs).
    @Test(arguments: [1, 2, 3, 5, 8, 9, 10, 12, 13, 17], [true, false])
    func matchesThePlainLoopsBitForBit(m: Int, firstIteration: Bool) {
        let n = 42, count = n * m
        let increment = Self.values(count, seed: 1), weights = Self.values(count, seed: 2, positive: true)
        let predicted = Self.values(count, seed: 3)
        let startIterate = Self.values(count, seed: 4), startCorrection = Self.values(count, seed: 5)

        var expectedSums = [Double](repeating: 0, count: m)
        var expectedIterate = startIterate, expectedCorrection = startCorrection
        for k in 0..<m {
            var sum = 0.0
            for i in 0..<n {
                let ratio = increment[i * m + k] / weights[i * m + k]
                sum = ratio * ratio + sum
            }
            expectedSums[k] = sum
        }
        for place in 0..<count {
            if firstIteration {
                expectedIterate[place] = predicted[place] + increment[place]
                expectedCorrection[place] = increment[place]
            } else {
                expectedIterate[place] += increment[place]
                expectedCorrection[place] += increment[place]
            }
        }

        var sums = [Double](repeating: .nan, count: m)
        var iterate = startIterate, correction = startCorrection
        sums.withUnsafeMutableBufferPointer { s in
            iterate.withUnsafeMutableBufferPointer { x in
                correction.withUnsafeMutableBufferPointer { e in
                    NormUpdateSweep(
                        n: n, m: m, increment: increment, weights: weights, sums: s.baseAddress!,
                        predicted: predicted, iterate: x.baseAddress!, correction: e.baseAddress!,
                        firstIteration: firstIteration
                    ).sweepAll(count: m)
                }
            }
        }
        #expect(sums.map(\.bitPattern) == expectedSums.map(\.bitPattern))
        #expect(iterate.map(\.bitPattern) == expectedIterate.map(\.bitPattern))
        #expect(correction.map(\.bitPattern) == expectedCorrection.map(\.bitPattern))
        // The norm from the sums is the one-at-a-time `ErrorNorm.weighted`'s largest.
        let largest = (0..<m).map { k -> Double in
            let column = (0..<n).map { increment[$0 * m + k] }, weight = (0..<n).map { weights[$0 * m + k] }
            return ErrorNorm.weighted(column, weights: weight, dimension: n)
        }.max()!
        let norm = sums.withUnsafeBufferPointer {
            BDFStepper<DecayWithParameters>.largestNorm(ofSquareSums: $0.baseAddress!, dimension: n, count: m)
        }
        #expect(norm.bitPattern == largest.bitPattern)
    }

    /// The check above can fail: summing the squares in reverse order rounds otherwise.
    @Test func anotherOrderRoundsOtherwise() {
        let n = 42
        let increment = Self.values(n, seed: 1), weights = Self.values(n, seed: 2, positive: true)
        var forward = 0.0, backward = 0.0
        for i in 0..<n { let r = increment[i] / weights[i]; forward = r * r + forward }
        for i in (0..<n).reversed() { let r = increment[i] / weights[i]; backward = r * r + backward }
        #expect(forward.bitPattern != backward.bitPattern)
    }
}
