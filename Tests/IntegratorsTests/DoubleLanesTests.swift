import Testing
@testable import Integrators

/// The four-wide loads and stores (`DoubleLanes`) the Rodas stage sums and the BDF sensitivity
/// corrector use read and write exactly the four doubles at the pointer, at any offset (the
/// stage vectors are slices of one workspace, so a slice of odd length puts the next one off
/// 32-byte alignment), and touch nothing else.
@Suite struct DoubleLanesTests {
    @Test(arguments: [0, 1, 2, 3, 5])
    func loadsAndStoresFourDoublesAtAnyOffset(offset: Int) {
        Self.loadsAndStores(SIMD4<Double>.self, offset: offset)
    }

    /// The eight-wide lanes of the sensitivity corrector and the multiple solve likewise.
    @Test(arguments: [0, 1, 3])
    func loadsAndStoresEightDoublesAtAnyOffset(offset: Int) {
        Self.loadsAndStores(SIMD8<Double>.self, offset: offset)
    }

    /// Loads `Lanes.laneCount` doubles at `offset`, checks them, stores them doubled one place
    /// further and checks that exactly those places changed.
    static func loadsAndStores<Lanes: DoubleLanes & Equatable>(_: Lanes.Type, offset: Int) {
        let width = Lanes.laneCount, count = 2 * width + 4
        var values = (0..<count).map { Double($0) + 0.25 }
        values.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            let loaded = Lanes(loadingFrom: base + offset)
            let expected = (0..<width).map { Double(offset + $0) + 0.25 }
            #expect(loaded == expected.withUnsafeBufferPointer { Lanes(loadingFrom: $0.baseAddress!) })
            var stored = [Double](repeating: 0, count: width)
            stored.withUnsafeMutableBufferPointer { loaded.store(to: $0.baseAddress!) }
            #expect(stored == expected)
            loaded.multiplied(by: Lanes(splatting: 2)).store(to: base + offset + 1)
        }
        for index in 0..<count {
            let inside = index > offset && index <= offset + width
            let expected = inside ? 2 * (Double(index - 1) + 0.25) : Double(index) + 0.25
            #expect(values[index] == expected, "width \(width), index \(index)")
        }
    }

    /// Ten lanes as eight and two (`LanePair`, m = 10 in one sweep): loads and stores the ten
    /// doubles at the pointer and nothing else, and each lane computes what its group computes.
    @Test(arguments: [0, 1, 3])
    func pairOfEightAndTwoActsAsItsGroups(offset: Int) {
        typealias Ten = LanePair<SIMD8<Double>, SIMD2<Double>>
        #expect(Ten.laneCount == 10)
        var values = (0..<32).map { 0.37 * Double($0) + 0.25 }
        let original = values
        values.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            let a = Ten(loadingFrom: base + offset), b = Ten(loadingFrom: base + offset + 11)
            let result = a.multiplied(by: b).adding(a).subtracting(b.divided(by: a)).multiplied(by: Ten(splatting: 3))
            let low = SIMD8<Double>(loadingFrom: base + offset), lowB = SIMD8<Double>(loadingFrom: base + offset + 11)
            let high = SIMD2<Double>(loadingFrom: base + offset + 8), highB = SIMD2<Double>(loadingFrom: base + offset + 19)
            let expectedLow = low.multiplied(by: lowB).adding(low).subtracting(lowB.divided(by: low)).multiplied(by: SIMD8(splatting: 3))
            let expectedHigh = high.multiplied(by: highB).adding(high).subtracting(highB.divided(by: high))
                .multiplied(by: SIMD2(splatting: 3))
            #expect(result.low == expectedLow && result.high == expectedHigh)
            result.store(to: base + offset + 1)
        }
        for index in 0..<32 {
            let inside = index > offset && index <= offset + 10
            if inside {
                let a = original[index - 1], b = original[index + 10]
                #expect(values[index] == (a * b + a - b / a) * 3, "index \(index)")
            } else {
                #expect(values[index] == original[index], "index \(index)")
            }
        }
    }
}
