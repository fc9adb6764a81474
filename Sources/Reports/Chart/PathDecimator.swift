/// Reduces a long series to what a line drawing can show: per drawing column (one unit of the
/// chart's width, a CSS pixel at 100%) it keeps the first, smallest, largest and last point,
/// in time order.
/// Every peak and trough survives (a min/max envelope, as oscilloscopes draw), so a year at
/// 1-minute resolution (525,600 points) draws as a few thousand.
///
/// NaN values, and values that cannot be drawn (non-positive on a log axis), break the line.
struct PathDecimator {
    /// Drawing columns per chart unit.
    static let columnsPerUnit = 1.0

    private var path = ""
    private var needsMove = true
    private var inLineList = false
    private var lastKey: (Int, Int)? = nil

    /// The SVG path data (`M x,y L x,y x,y ...`) of one series, in chart coordinates.
    ///
    /// - Parameters:
    ///   - mapX: maps time (hours) to a chart x coordinate.
    ///   - mapY: maps a value to a chart y coordinate, nil when the value cannot be drawn.
    /// - Complexity: O(count); the output is O(chart width) per unbroken stretch.
    static func pathData(
        timeHours: [Double], values: [Double], mapX: (Double) -> Double, mapY: (Double) -> Double?
    ) -> String {
        var writer = PathDecimator()
        var bucket: Int? = nil
        // Indices of the first, lowest, highest and last point of the current bucket.
        var first = 0, low = 0, high = 0, last = 0

        func flush() {
            guard bucket != nil else { return }
            var previous = -1
            for index in [first, low, high, last].sorted() where index != previous {
                previous = index
                if let y = mapY(values[index]) { writer.point(mapX(timeHours[index]), y) }
            }
            bucket = nil
        }

        for index in values.indices {
            let value = values[index]
            guard value.isFinite, timeHours[index].isFinite, mapY(value) != nil else {
                flush()
                writer.breakLine()
                continue
            }
            let column = Int((min(max(mapX(timeHours[index]), -1e6), 1e6) * columnsPerUnit).rounded(.down))
            if bucket != column {
                flush()
                bucket = column
                (first, low, high, last) = (index, index, index, index)
            } else {
                last = index
                if value < values[low] { low = index }
                if value > values[high] { high = index }
            }
        }
        flush()
        return writer.path
    }

    /// Appends a point, dropping exact repeats at the written precision (0.1 unit).
    private mutating func point(_ x: Double, _ y: Double) {
        // Far outside the plot (clipped anyway), coordinates are capped so they stay short
        // and convertible to integers whatever the data.
        let x = min(max(x, -1e6), 1e6), y = min(max(y, -1e6), 1e6)
        let key = (Int((x * 10).rounded()), Int((y * 10).rounded()))
        if !needsMove, let lastKey, lastKey == key { return }
        if needsMove {
            path += path.isEmpty ? "M" : " M"
            inLineList = false
        } else {
            path += inLineList ? " " : "L"
            inLineList = true
        }
        path += NumberText.coordinate(x) + "," + NumberText.coordinate(y)
        lastKey = key
        needsMove = false
    }

    private mutating func breakLine() {
        needsMove = true
    }
}
