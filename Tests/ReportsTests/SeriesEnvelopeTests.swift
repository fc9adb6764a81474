import Foundation
import Testing
@testable import Reports

@Suite struct SeriesEnvelopeTests {
    /// 100,000 rows of a fast oscillation over 10 drawing columns: at most 4 points a column
    /// are kept, and the extremes of every column survive exactly.
    @Test func keepsEveryColumnsExtremesWithinTheBound() {
        var envelope = SeriesEnvelope(columns: 1, spanHours: 0...100, buckets: 10)
        var allValues: [Double] = []
        for k in 0..<100_000 {
            let t = Double(k) * 0.001
            let v = sin(t * 37) * (1 + t / 100)
            allValues.append(v)
            [v].withUnsafeBufferPointer { envelope.receive(timeHours: t, values: $0) }
        }
        envelope.finish()
        let kept = envelope.series[0]
        #expect(kept.values.count <= envelope.maximumPointsPerSeries)
        #expect(kept.values.count >= 20)
        #expect(kept.values.max() == allValues.max())
        #expect(kept.values.min() == allValues.min())
        #expect(kept.timeHours == kept.timeHours.sorted())
        // The path drawn from the kept points equals the path drawn from every row.
        let mapX = { (t: Double) in t / 100 * 10 }, mapY = { (v: Double) -> Double? in 50 - 20 * v }
        let times = (0..<100_000).map { Double($0) * 0.001 }
        #expect(PathDecimator.pathData(timeHours: kept.timeHours, values: kept.values, mapX: mapX, mapY: mapY)
                == PathDecimator.pathData(timeHours: times, values: allValues, mapX: mapX, mapY: mapY))
    }

    @Test func rowsOutsideTheWindowAreLeftOutAndNaNBreaksTheLine() {
        var envelope = SeriesEnvelope(columns: 1, spanHours: 10...20, buckets: 100)
        for (t, v) in [(5.0, 9.0), (10.0, 1.0), (12.0, .nan), (12.5, .nan), (15.0, 2.0), (25.0, 9.0)] {
            [v].withUnsafeBufferPointer { envelope.receive(timeHours: t, values: $0) }
        }
        envelope.finish()
        #expect(envelope.rowCount == 4)
        #expect(envelope.series[0].timeHours == [10, 12, 15])
        #expect(envelope.series[0].values[0] == 1 && envelope.series[0].values[1].isNaN && envelope.series[0].values[2] == 2)
    }
}
