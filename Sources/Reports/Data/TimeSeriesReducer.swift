/// Collects rows one at a time into a `TimeSeriesTable` of bounded size, keeping what a chart
/// and a summary need: `plot`, `report` and `compare` read their rows through it, so memory
/// does not grow with the length of the run.
///
/// Up to `maximumRows` rows are kept as they come (every normal run: the charts are then
/// exactly those of all rows). Past that, the kept rows are cut into equal time buckets over
/// their span and each bucket keeps only its first and last row and, per column, the rows of
/// its lowest and highest value (first ones on ties; NaN values are not extremes): a min/max
/// envelope, as `PathDecimator` draws, so every peak and trough, the global minimum and maximum
/// of every column with its first time, and the first and last row survive. The bucket count
/// starts at `maximumRows / 8` and is halved until the kept rows are at most `maximumRows / 2`.
///
/// Memory bound: at most `max(maximumRows, 2 + 2 × columns) + 1` rows of `columns + 1` doubles
/// (32,768 rows by default: 13 MB for the 48 columns of a scenario with every column, against
/// 1.9 GB for 5 million rows). Rows outside `window` are dropped on arrival, so a zoomed view
/// keeps full detail inside its window.
///
/// - Complexity: O(columns) amortized per row (a compaction every `maximumRows / 2` rows costs
///   O(maximumRows × columns)).
package struct TimeSeriesReducer: Sendable {
    package static let defaultMaximumRows = 32_768

    package let columnNames: [String]
    package let window: ClosedRange<Double>?
    package let maximumRows: Int
    /// Rows offered, inside the window or not.
    package private(set) var rowsSeen = 0
    /// First and last time offered, inside the window or not (for messages about the input).
    package private(set) var spanHours: ClosedRange<Double>?
    /// Rows offered inside the window (all rows without one).
    package private(set) var rowsInWindow = 0
    /// How many times the kept rows were reduced (0: all rows in the window are kept).
    package private(set) var compactions = 0
    private var buckets: Int
    private var times: [Double] = []
    /// Kept rows, row-major.
    private var values: [Double] = []

    /// - Parameters:
    ///   - columnNames: the value columns, without `time_h`.
    ///   - window: keep only rows with a time inside it (nil: all).
    ///   - maximumRows: rows kept before reducing (at least 16).
    package init(columnNames: [String], window: ClosedRange<Double>? = nil, maximumRows: Int = defaultMaximumRows) {
        self.columnNames = columnNames
        self.window = window
        self.maximumRows = max(16, maximumRows)
        buckets = max(1, self.maximumRows / 8)
    }

    /// Number of rows kept now.
    package var keptRows: Int { times.count }

    /// Offers one row; `row` holds one value per column, in `columnNames` order.
    /// - Precondition: `row.count == columnNames.count` and times do not decrease.
    package mutating func append<Row: Collection<Double>>(timeHours time: Double, _ row: Row) {
        precondition(row.count == columnNames.count, "row has \(row.count) values for \(columnNames.count) columns")
        rowsSeen += 1
        spanHours = spanHours.map { min($0.lowerBound, time)...max($0.upperBound, time) } ?? time...time
        if let window, !window.contains(time) { return }
        rowsInWindow += 1
        // Once half full, the storage is sized for the limit once, so the arrays never grow
        // past it by doubling; compaction then works in place.
        if times.count == maximumRows / 2, maximumRows < 1 << 40 {
            times.reserveCapacity(maximumRows + 1)
            values.reserveCapacity((maximumRows + 1) * columnNames.count)
        }
        times.append(time)
        values.append(contentsOf: row)
        if times.count > maximumRows { compact() }
    }

    /// The kept rows as a table.
    /// - Throws: `ReportsError.csvDuplicateColumn` when two columns share a name.
    package func build() throws -> TimeSeriesTable {
        let width = columnNames.count
        var table = try TimeSeriesTable(
            timeHours: times,
            columns: columnNames.indices.map { j in
                TimeSeriesColumn(name: columnNames[j], values: (0..<times.count).map { values[$0 * width + j] })
            })
        if compactions > 0 { table.sourceRowCount = rowsInWindow }
        return table
    }

    /// Reduces the kept rows to their bucket envelope, with fewer buckets until at most half
    /// of `maximumRows` remain (or one bucket is left).
    private mutating func compact() {
        compactions += 1
        while true {
            let kept = envelope(buckets: buckets)
            if kept.count <= maximumRows / 2 || buckets == 1 {
                // In place: kept is ascending, so row kept[i] >= i moves down or stays.
                let width = columnNames.count
                for (i, r) in kept.enumerated() where r != i {
                    times[i] = times[r]
                    for j in 0..<width { values[i * width + j] = values[r * width + j] }
                }
                times.removeSubrange(kept.count...)
                values.removeSubrange((kept.count * width)...)
                return
            }
            buckets = max(1, buckets / 2)
        }
    }

    /// Indices of the rows each of `count` equal time buckets keeps: first, last, and per
    /// column the first lowest and first highest value, in time order.
    private func envelope(buckets count: Int) -> [Int] {
        let width = columnNames.count
        let start = times[0], span = times[times.count - 1] - start
        func bucket(_ r: Int) -> Int {
            span > 0 ? min(count - 1, Int((times[r] - start) / span * Double(count))) : 0
        }
        var kept: [Int] = []
        var chosen: [Int] = []
        var first = 0
        while first < times.count {
            let b = bucket(first)
            var end = first + 1
            while end < times.count, bucket(end) == b { end += 1 }
            chosen.removeAll(keepingCapacity: true)
            chosen.append(first)
            chosen.append(end - 1)
            for j in 0..<width {
                var low = -1, high = -1
                for r in first..<end {
                    let v = values[r * width + j]
                    guard !v.isNaN else { continue }
                    if low < 0 || v < values[low * width + j] { low = r }
                    if high < 0 || v > values[high * width + j] { high = r }
                }
                if low >= 0 { chosen.append(low); chosen.append(high) }
            }
            chosen.sort()
            var previous = -1
            for r in chosen where r != previous { kept.append(r); previous = r }
            first = end
        }
        return kept
    }
}
