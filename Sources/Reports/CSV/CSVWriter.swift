#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a CSV goes.
package enum CSVDestination: Sendable, Equatable {
    /// Standard output (`-o -` or no `-o`).
    case standardOutput
    /// A path, written by the rules of `AtomicOutputFile`: a regular or new file atomically (rows
    /// go to a temporary file in the same directory, renamed onto `path` only by `finish()`, so a
    /// failed run leaves no partial file and never replaces a good one), a device or FIFO
    /// straight through, a symbolic link's target in its place.
    case file(path: String)
}

/// A streaming RFC 4180 CSV writer: a header row, then one row per output time, first column
/// `time_h`.
///
/// Rows are buffered in 64 KiB chunks and written as they fill, so memory stays constant however
/// long the run. Lines end in CRLF (RFC 4180); names containing `,`, `"` or line breaks are
/// quoted. Numbers follow `CSVNumberFormat`, so the bytes depend only on the values.
package final class CSVWriter {
    package let columns: [String]
    package let numberFormat: CSVNumberFormat
    private let file: AtomicOutputFile
    private var buffer: [UInt8] = []
    private var closed = false
    /// Rows written so far (excluding the header).
    package private(set) var rowCount = 0

    private static let flushThreshold = 64 * 1024
    /// `time_h` is printed to 12 significant digits whatever `numberFormat` says: output times are
    /// grid points (`k * interval`), and 12 digits print `332.9`, not the binary rounding noise
    /// `332.90000000000003`, while resolving better than 0.1 s over a century.
    static let timeFormat = CSVNumberFormat.significantDigits(12)

    /// Opens the destination and writes the header (`time_h` then `columns`).
    /// - Throws: `CSVWriterError.cannotCreate` when the temporary file cannot be made.
    package init(destination: CSVDestination, columns: [String], numberFormat: CSVNumberFormat = .roundTrip) throws(CSVWriterError) {
        self.columns = columns
        self.numberFormat = numberFormat
        switch destination {
        case .standardOutput: file = try AtomicOutputFile(path: nil)
        case .file(let path): file = try AtomicOutputFile(path: path)
        }
        buffer.reserveCapacity(Self.flushThreshold + 4096)
        appendField("time_h")
        for column in columns {
            buffer.append(UInt8(ascii: ","))
            appendField(column)
        }
        buffer.append(contentsOf: [0x0D, 0x0A])
    }

    deinit {
        // Never leave a partial file behind: an unfinished writer removes its temporary file.
        if !closed { abandon() }
    }

    /// Appends one row.
    /// - Throws: `.rowWidthMismatch` if `values.count != columns.count`; `.writeFailed`.
    package func writeRow(time: Double, values: UnsafeBufferPointer<Double>) throws(CSVWriterError) {
        guard !closed else { throw .alreadyClosed }
        guard values.count == columns.count else { throw .rowWidthMismatch(expected: columns.count, found: values.count) }
        Self.timeFormat.append(time, to: &buffer)
        for value in values {
            buffer.append(UInt8(ascii: ","))
            appendNumber(value)
        }
        buffer.append(contentsOf: [0x0D, 0x0A])
        rowCount += 1
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Appends one row from an array.
    package func writeRow(time: Double, values: [Double]) throws(CSVWriterError) {
        var result: Result<Void, CSVWriterError> = .success(())
        values.withUnsafeBufferPointer { pointer in
            do throws(CSVWriterError) { try writeRow(time: time, values: pointer) } catch { result = .failure(error) }
        }
        try result.get()
    }

    /// Writes what is buffered and, for a file, moves it into place atomically.
    package func finish() throws(CSVWriterError) {
        guard !closed else { throw .alreadyClosed }
        do throws(CSVWriterError) {
            try flush()
            try file.finish()
            closed = true
        } catch {
            abandon()
            throw error
        }
    }

    /// Gives up: removes the temporary file; the destination is left as it was.
    package func abandon() {
        guard !closed else { return }
        closed = true
        buffer.removeAll()
        file.abandon()
    }

    // MARK: Internals

    private func flush() throws(CSVWriterError) {
        try file.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func appendNumber(_ value: Double) {
        numberFormat.append(value, to: &buffer)
    }

    /// RFC 4180 field: quoted (with `"` doubled) only when it holds a comma, quote or line break.
    private func appendField(_ field: String) {
        let bytes = Array(field.utf8)
        let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            buffer.append(contentsOf: bytes)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
