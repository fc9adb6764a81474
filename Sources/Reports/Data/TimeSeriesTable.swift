import Pharmacology

/// One named column of a time series, aligned with the table's time column.
package struct TimeSeriesColumn: Sendable, Equatable {
    /// CSV name (`"morphine_brain_nM"`, `"mu_occupancy_total"`); the unit follows from its suffix.
    package var name: String
    package var values: [Double]

    package init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }

    /// The unit implied by the column-name conventions of the CSV output.
    package var unit: ColumnUnit { ColumnUnit(columnName: name) }
}

/// A time series as plain values: the seam between whatever produced the numbers (the model,
/// or a CSV file written earlier) and the charts and reports.
///
/// Times are hours from the start of the run, non-decreasing. Missing values are NaN; charts
/// break their lines there.
package struct TimeSeriesTable: Sendable, Equatable {
    package let timeHours: [Double]
    package let columns: [TimeSeriesColumn]
    /// Peaks and troughs found on the solution itself, by column name, when the table was
    /// simulated (`ReceptorModel.simulate(…, extremaOf:window:)` over the table's window);
    /// empty for a table read from a CSV. `ObservableSummary` prefers them to the rows'.
    package var exactExtremes: [String: ObservableExtremes] = [:]
    /// The number of rows this table was reduced from (`TimeSeriesReducer`), or nil when it
    /// holds every row.
    package var sourceRowCount: Int? = nil

    /// - Throws: `ReportsError.columnLengthMismatch` when a column's length differs from the
    ///   time column's, `ReportsError.csvDuplicateColumn` when two columns share a name.
    package init(timeHours: [Double], columns: [TimeSeriesColumn]) throws {
        var seen = Set<String>()
        for column in columns {
            guard column.values.count == timeHours.count else {
                throw ReportsError.columnLengthMismatch(
                    column: column.name, expected: timeHours.count, found: column.values.count)
            }
            guard seen.insert(column.name).inserted else {
                throw ReportsError.csvDuplicateColumn(name: column.name)
            }
        }
        self.timeHours = timeHours
        self.columns = columns
    }

    /// Number of rows.
    package var rowCount: Int { timeHours.count }

    /// Column names in table order, without `time_h`.
    package var columnNames: [String] { columns.map(\.name) }

    /// The column with this exact name, if present.
    /// - Complexity: O(number of columns).
    package func column(named name: String) -> TimeSeriesColumn? {
        columns.first { $0.name == name }
    }

    /// First and last time, or nil for an empty table.
    package var timeSpanHours: ClosedRange<Double>? {
        guard let first = timeHours.first, let last = timeHours.last, first <= last else { return nil }
        return first...last
    }
}

/// Collects rows one at a time (for a solver's output sink) into a `TimeSeriesTable`.
package struct TimeSeriesTableBuilder: Sendable {
    package let columnNames: [String]
    private var timeHours: [Double] = []
    private var values: [[Double]]

    /// - Parameter columnNames: the value columns, without `time_h`.
    package init(columnNames: [String], reservingRows rows: Int = 0) {
        self.columnNames = columnNames
        self.values = Array(repeating: [], count: columnNames.count)
        if rows > 0 {
            timeHours.reserveCapacity(rows)
            for index in values.indices { values[index].reserveCapacity(rows) }
        }
    }

    /// Appends one row; `row` holds one value per column, in `columnNames` order.
    /// - Precondition: `row.count == columnNames.count` (a programming error otherwise).
    package mutating func appendRow(timeHours time: Double, _ row: some Collection<Double>) {
        precondition(row.count == columnNames.count, "row has \(row.count) values for \(columnNames.count) columns")
        timeHours.append(time)
        for (index, value) in zip(values.indices, row) { values[index].append(value) }
    }

    /// The finished table.
    /// - Throws: `ReportsError.csvDuplicateColumn` when two columns share a name.
    package func build() throws -> TimeSeriesTable {
        try TimeSeriesTable(
            timeHours: timeHours,
            columns: zip(columnNames, values).map { TimeSeriesColumn(name: $0.0, values: $0.1) })
    }
}

extension TimeSeriesTable {
    /// The rows with `lowerBound <= time <= upperBound`: a zoomed view (`plot --from 320
    /// --to 360`), whose charts fit their axes to the window.
    /// - Complexity: O(rows in the window · columns) after an O(log rows) search.
    package func restricted(toHours window: ClosedRange<Double>) -> TimeSeriesTable {
        let start = timeHours.partitioningIndex { $0 >= window.lowerBound }
        let end = timeHours.partitioningIndex { $0 > window.upperBound }
        let range = start..<max(start, end)
        // Slices of checked, equal-length columns: the initializer cannot fail.
        // `exactExtremes` are dropped: they were found over the whole table's span.
        return TimeSeriesTable(
            uncheckedTimeHours: Array(timeHours[range]),
            columns: columns.map { TimeSeriesColumn(name: $0.name, values: Array($0.values[range])) })
    }

    private init(uncheckedTimeHours: [Double], columns: [TimeSeriesColumn]) {
        self.timeHours = uncheckedTimeHours
        self.columns = columns
    }
}

extension Array where Element == Double {
    /// First index whose element satisfies `predicate`, for a predicate that is false then
    /// true along the array (binary search).
    fileprivate func partitioningIndex(where predicate: (Double) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
