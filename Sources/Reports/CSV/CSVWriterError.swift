/// Why writing a CSV failed. (Named apart from the charts' `ReportsError`, which other
/// report writers own; both are thrown by Reports.)
package enum CSVWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The temporary file beside the destination could not be created.
    case cannotCreate(path: String, errno: Int32)
    /// A write to the file or stream failed (disk full, closed pipe, ...).
    case writeFailed(path: String, errno: Int32)
    /// The finished temporary file could not be renamed onto the destination.
    case cannotRename(from: String, to: String, errno: Int32)
    /// The output path cannot be written (a directory, a missing folder, a dangling link...).
    case badPath(OutputPathError)
    /// A row had a different number of values than the header has data columns.
    case rowWidthMismatch(expected: Int, found: Int)
    /// A row was written after `finish()` or `abandon()`.
    case alreadyClosed

    package var description: String {
        switch self {
        case .cannotCreate(let path, let code):
            return "cannot create '\(path)': \(Self.reason(code))"
        case .writeFailed(let path, let code):
            if path == StandardOutput.displayName { return "cannot write to standard output: \(Self.reason(code))" }
            return "cannot write '\(path)': \(Self.reason(code))"
        case .badPath(let error):
            return "cannot write \(error)"
        case .cannotRename(let from, let to, let code):
            return "cannot move '\(from)' to '\(to)': \(Self.reason(code))"
        case .rowWidthMismatch(let expected, let found):
            return "row has \(found) values, the header has \(expected) data columns"
        case .alreadyClosed:
            return "the CSV file is already closed"
        }
    }

    private static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
