import Pharmacology

/// Reduces every column of a run, while it is simulated, to what `PathDecimator` keeps when it
/// draws the series over `buckets` drawing columns: per column of the chart's width the first,
/// lowest, highest and last point, in time order. Drawing the reduced series gives the same
/// line as drawing the full one (every peak and trough survives), but a run of a million rows
/// is held as at most `4 · buckets` points per column, so many runs fit in memory and in a page.
///
/// Rows outside `startHours ... endHours` are left out. A non-finite value breaks the line: it
/// is kept as one NaN point (consecutive ones merge).
package struct SeriesEnvelope: ObservableSink, Sendable {
    /// One reduced column: times (hours) and values, in time order.
    package struct Series: Sendable, Equatable {
        package var timeHours: [Double] = []
        package var values: [Double] = []
    }

    /// The time axis the buckets divide: `startHours ... endHours`.
    package let startHours: Double
    package let endHours: Double
    /// Drawing columns across the time axis (the plot width in chart units).
    package let buckets: Int
    package private(set) var series: [Series]
    /// Rows received inside the time axis.
    package private(set) var rowCount = 0

    /// Per column: the open bucket and its first, lowest, highest and last row.
    private var open: [Int?]
    private var kept: [(first: Point, low: Point, high: Point, last: Point)]

    private struct Point: Sendable {
        var time: Double
        var value: Double
    }

    /// - Parameters:
    ///   - columns: number of columns `simulate` sends per row.
    ///   - spanHours: the drawn time axis.
    ///   - buckets: drawing columns (≥ 1).
    package init(columns: Int, spanHours: ClosedRange<Double>, buckets: Int) {
        precondition(columns >= 0 && buckets >= 1, "SeriesEnvelope needs columns >= 0 and buckets >= 1")
        startHours = spanHours.lowerBound
        endHours = spanHours.upperBound
        self.buckets = buckets
        series = Array(repeating: Series(), count: columns)
        open = Array(repeating: nil, count: columns)
        let zero = Point(time: 0, value: 0)
        kept = Array(repeating: (zero, zero, zero, zero), count: columns)
    }

    /// The most points one column can hold: four per bucket (plus the line breaks).
    package var maximumPointsPerSeries: Int { 4 * buckets }

    /// The drawing column of `timeHours`, as `PathDecimator` computes it for an x axis that maps
    /// the span onto `buckets` units.
    package func bucket(_ timeHours: Double) -> Int {
        let width = endHours - startHours
        let x = width > 0 ? (timeHours - startHours) / width * Double(buckets) : 0
        return Int((min(max(x, -1e6), 1e6) * PathDecimator.columnsPerUnit).rounded(.down))
    }

    package mutating func receive(timeHours: Double, values: UnsafeBufferPointer<Double>) {
        precondition(values.count == series.count, "one value per column")
        // Rows outside the drawn window are not drawn (`--from`/`--to`).
        guard timeHours >= startHours, timeHours <= endHours else { return }
        rowCount += 1
        let column = bucket(timeHours)
        for j in 0..<values.count {
            let point = Point(time: timeHours, value: values[j])
            guard point.value.isFinite, timeHours.isFinite else {
                flush(j)
                if let last = series[j].values.last, last.isNaN { continue }
                series[j].timeHours.append(timeHours)
                series[j].values.append(.nan)
                continue
            }
            if open[j] != column {
                flush(j)
                open[j] = column
                kept[j] = (point, point, point, point)
            } else {
                kept[j].last = point
                if point.value < kept[j].low.value { kept[j].low = point }
                if point.value > kept[j].high.value { kept[j].high = point }
            }
        }
    }

    /// Closes the open buckets; call once after the run.
    package mutating func finish() {
        for j in series.indices { flush(j) }
    }

    private mutating func flush(_ j: Int) {
        guard open[j] != nil else { return }
        let k = kept[j]
        var previous = -Double.infinity
        var previousValue = Double.nan
        for point in [k.first, k.low, k.high, k.last].sorted(by: { $0.time < $1.time }) {
            if point.time == previous, point.value == previousValue { continue }
            series[j].timeHours.append(point.time)
            series[j].values.append(point.value)
            previous = point.time
            previousValue = point.value
        }
        open[j] = nil
    }
}
