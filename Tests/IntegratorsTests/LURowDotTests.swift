import Testing
@testable import Integrators

/// `LUFactorization.rowDot` (the solves' row dot product entered by length) against the plain
/// loop it replaced, bit for bit: the solves must keep their results exactly.
@Suite struct LURowDotTests {
    /// Values spread over many orders of magnitude, so a different summation order would
    /// round differently (the last test checks that it does).
    static func values(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let mantissa = Double(state >> 11) / Double(1 << 53) - 0.5
            return mantissa * Double(sign: .plus, exponent: Int(state % 40) - 20, significand: 1)
        }
    }

    static func plain(_ sum: Double, _ v: [Double], _ c: [Int], _ x: [Double], from start: Int, to end: Int) -> Double {
        var sum = sum
        for t in start..<end { sum -= v[t] * x[c[t]] }
        return sum
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 18, 31, 40])
    func matchesThePlainLoopBitForBit(length: Int) {
        let n = 50
        let x = Self.values(n, seed: 7)
        let v = Self.values(length + 6, seed: UInt64(length) + 11)
        let c = (0..<(length + 6)).map { ($0 * 17 + 3) % n }
        for start in [0, 3, 6] where start + length <= v.count {
            let end = start + length
            let expected = Self.plain(0.75, v, c, x, from: start, to: end)
            let got = v.withUnsafeBufferPointer { vb in c.withUnsafeBufferPointer { cb in x.withUnsafeBufferPointer { xb in
                LUFactorization.rowDot(0.75, vb.baseAddress!, cb.baseAddress!, xb.baseAddress!, from: start, to: end)
            } } }
            #expect(got.bitPattern == expected.bitPattern, "length \(length) from \(start): \(got) vs \(expected)")
        }
    }

    /// The comparison above can fail: summed in the opposite order, 7 of these 16 rows round
    /// differently (at least 4 required).
    @Test func theOrderMattersForTheseValues() {
        let n = 50
        let x = Self.values(n, seed: 7)
        var differing = 0
        for length in 3...18 {
            let v = Self.values(length, seed: UInt64(length) + 11)
            let c = (0..<length).map { ($0 * 17 + 3) % n }
            let forward = Self.plain(0.75, v, c, x, from: 0, to: length)
            let backward = Self.plain(0.75, v.reversed(), c.reversed(), x, from: 0, to: length)
            if forward.bitPattern != backward.bitPattern { differing += 1 }
        }
        #expect(differing >= 4, "\(differing) of 16 rows round differently backwards")
    }
}
