import Foundation

/// A compact chart of one or two observables in Unicode braille, for `run --chart` in a live
/// demo without a browser.
///
/// Each character cell holds 2 x 4 dots (Unicode braille patterns, U+2800 to U+28FF), so a
/// chart of `w` cells by `h` rows resolves `2w` time columns and `4h` value levels. Each dot
/// column draws the span from the previous column's last value to this column's extremes, so
/// the curve is continuous and no spike between samples is lost. The observables are stacked
/// on one time axis, each scaled to its own minimum and maximum, which label its top and
/// bottom rows.
package struct TerminalChart: Sendable, Equatable {
    /// Total characters per line, labels included.
    package var widthColumns: Int
    /// Text rows per observable (at least 2).
    package var heightRows: Int

    package init(widthColumns: Int = TerminalChart.terminalWidth(), heightRows: Int = 8) {
        self.widthColumns = widthColumns
        self.heightRows = max(2, heightRows)
    }

    /// The terminal width from `COLUMNS` (set by shells that export it), else 80; at least 20.
    package static func terminalWidth(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        guard let text = environment["COLUMNS"], let columns = Int(text), columns > 0 else { return 80 }
        return max(20, columns)
    }

    /// Observables for `run --chart` when none are named: mu occupancy and the withdrawal
    /// index when present, else the first two columns.
    package static func defaultColumns(available: [String]) -> [String] {
        let preferred = ["mu_occupancy_total", "withdrawal_index"].filter(available.contains)
        return preferred.isEmpty ? Array(available.prefix(2)) : preferred
    }

    /// The chart as lines of text, each ending in a newline.
    ///
    /// - Throws: `ReportsError.unknownColumn` for a column not in the table,
    ///   `ReportsError.emptyTable` for a table without rows.
    /// - Complexity: O(rows · columns + width · height).
    package func render(table: TimeSeriesTable, columns names: [String]) throws -> String {
        guard let span = table.timeSpanHours else { throw ReportsError.emptyTable }
        let columns = try names.map { name in
            guard let column = table.column(named: name) else {
                throw ReportsError.unknownColumn(name: name, available: table.columnNames)
            }
            return column
        }
        let ranges = columns.map { column -> (Double, Double) in
            let finite = column.values.filter(\.isFinite)
            return (finite.min() ?? 0, finite.max() ?? 0)
        }
        let labels = ranges.flatMap { [NumberText.significant($0.1), NumberText.significant($0.0)] }
        let labelWidth = labels.map(\.count).max() ?? 1
        let cells = max(1, widthColumns - labelWidth - 2)
        let padding = String(repeating: " ", count: labelWidth + 1)

        var text = ""
        for (column, (low, high)) in zip(columns, ranges) {
            text += column.name + " (" + column.unit.symbol + ")\n"
            let grid = dotGrid(time: table.timeHours, values: column.values, span: span, low: low, high: high, cells: cells)
            for row in 0..<heightRows {
                let label = row == 0 ? NumberText.significant(high) : (row == heightRows - 1 ? NumberText.significant(low) : "")
                let axis = row == 0 || row == heightRows - 1 ? "┤" : "│"
                text += String(repeating: " ", count: labelWidth - label.count) + label + " " + axis
                for cell in 0..<cells {
                    var bits: UInt32 = 0
                    for dx in 0..<2 {
                        for dy in 0..<4 where grid[(row * 4 + dy) * cells * 2 + cell * 2 + dx] {
                            bits |= Self.dotBits[dx][dy]
                        }
                    }
                    text += bits == 0 ? " " : String(UnicodeScalar(0x2800 + bits)!)
                }
                text += "\n"
            }
        }
        text += padding + "└" + String(repeating: "─", count: cells) + "\n"
        let unit = TimeUnit(spanHours: span.upperBound - span.lowerBound)
        let start = NumberText.trimmed(span.lowerBound / unit.hoursPerUnit, 2) + " " + unit.symbol
        let end = NumberText.trimmed(span.upperBound / unit.hoursPerUnit, 2) + " " + unit.symbol
        let gap = max(1, cells - start.count - end.count)
        text += padding + " " + start + String(repeating: " ", count: gap) + end + "\n"
        return text
    }

    /// Braille dot bits by (x, y) within a cell, y from the top (Unicode's dot numbering
    /// 1-2-3-7 down the left column and 4-5-6-8 down the right).
    static let dotBits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Dots set, row-major from the top: `4 · heightRows` rows of `2 · cells` columns.
    func dotGrid(
        time: [Double], values: [Double], span: ClosedRange<Double>, low: Double, high: Double, cells: Int
    ) -> [Bool] {
        let width = cells * 2, height = heightRows * 4
        var grid = [Bool](repeating: false, count: width * height)
        let duration = span.upperBound - span.lowerBound
        let range = high - low
        func level(_ value: Double) -> Int {
            // A flat series draws along the middle.
            guard range > 0 else { return (height - 1) / 2 }
            return Int(((value - low) / range * Double(height - 1)).rounded())
        }
        // Per dot column: first, lowest, highest, last level.
        var first = [Int?](repeating: nil, count: width)
        var lowest = [Int](repeating: .max, count: width), highest = [Int](repeating: .min, count: width)
        var last = [Int](repeating: 0, count: width)
        for (t, value) in zip(time, values) where value.isFinite && t.isFinite {
            let x = duration > 0 ? min(width - 1, Int((t - span.lowerBound) / duration * Double(width))) : 0
            let y = level(value)
            if first[x] == nil { first[x] = y }
            lowest[x] = min(lowest[x], y)
            highest[x] = max(highest[x], y)
            last[x] = y
        }
        func draw(_ x: Int, _ a: Int, _ b: Int) {
            for y in min(a, b)...max(a, b) { grid[(height - 1 - y) * width + x] = true }
        }
        // Previous dot column with samples and its last level.
        var previous: (x: Int, level: Int)? = nil
        for x in 0..<width {
            guard let firstLevel = first[x] else { continue }
            var from = firstLevel
            if let previous {
                // Columns without samples between two that have them: straight-line levels.
                var level = previous.level
                for gapX in (previous.x + 1)..<x {
                    let fraction = Double(gapX - previous.x) / Double(x - previous.x)
                    let next = Int((Double(previous.level) + fraction * Double(firstLevel - previous.level)).rounded())
                    draw(gapX, level, next)
                    level = next
                }
                from = level
            }
            draw(x, min(from, lowest[x]), max(from, highest[x]))
            previous = (x, last[x])
        }
        return grid
    }
}
