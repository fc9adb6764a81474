/// Everything that can go wrong turning a time series into a picture, with the values a user
/// needs to fix it. The command line renders these as `file:line: error: message`.
package enum ReportsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The CSV has no header row.
    case csvEmpty
    /// The first header field must be `time_h`.
    case csvMissingTimeColumn(found: String)
    /// A header names the same column twice.
    case csvDuplicateColumn(name: String)
    /// A data row (1-based line number in the file) has the wrong number of fields.
    case csvFieldCount(line: Int, expected: Int, found: Int)
    /// A field is not an RFC 4180 number.
    case csvInvalidNumber(line: Int, column: String, text: String)
    /// A quoted field is not closed before the end of the file.
    case csvUnterminatedQuote(line: Int)
    /// A closing quote is followed by something other than a comma or the end of the record.
    case csvTextAfterQuote(line: Int)
    /// Times must not decrease from one row to the next.
    case csvTimeNotIncreasing(line: Int, previousHours: Double, timeHours: Double)
    /// A column's length differs from the time column's.
    case columnLengthMismatch(column: String, expected: Int, found: Int)
    /// A requested column is not in the table.
    case unknownColumn(name: String, available: [String])
    /// A requested panel preset does not exist.
    case unknownPanelPreset(name: String, available: [String])
    /// Nothing to draw: none of the requested columns exist in the table.
    case noPlottableColumns
    /// The table has no rows.
    case emptyTable

    package var description: String {
        switch self {
        case .csvEmpty:
            return "CSV file is empty: expected a header row starting with time_h"
        case .csvMissingTimeColumn(let found):
            return "CSV header must start with time_h, found '\(found)'"
        case .csvDuplicateColumn(let name):
            return "CSV header names column '\(name)' twice"
        case .csvFieldCount(let line, let expected, let found):
            return "line \(line): expected \(expected) fields, found \(found)"
        case .csvInvalidNumber(let line, let column, let text):
            return "line \(line): column \(column): '\(text)' is not a number"
        case .csvUnterminatedQuote(let line):
            return "line \(line): quoted field is not closed"
        case .csvTextAfterQuote(let line):
            return "line \(line): text after a closing quote"
        case .csvTimeNotIncreasing(let line, let previousHours, let timeHours):
            return "line \(line): time_h \(timeHours) is before the previous row's \(previousHours)"
        case .columnLengthMismatch(let column, let expected, let found):
            return "column \(column) has \(found) values, the time column has \(expected)"
        case .unknownColumn(let name, let available):
            return "unknown column '\(name)'; available: \(available.joined(separator: ", "))"
        case .unknownPanelPreset(let name, let available):
            return "unknown panel preset '\(name)'; available: \(available.joined(separator: ", "))"
        case .noPlottableColumns:
            return "nothing to plot: none of the requested columns are in the data"
        case .emptyTable:
            return "the time series has no rows"
        }
    }
}
