#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a CSV goes.
public enum CSVDestination: Sendable, Equatable {
    /// Standard output (`-o -` or no `-o`).
    case standardOutput
    /// A file, written atomically: rows go to a temporary file in the same directory, which is
    /// renamed onto `path` only by `finish()`. A run that fails leaves no partial file and never
    /// replaces a good file with a bad one.
    case file(path: String)
}

/// A streaming RFC 4180 CSV writer: a header row, then one row per output time, first column
/// `time_h`.
///
/// Rows are buffered in 64 KiB chunks and written as they fill, so memory stays constant however
/// long the run. Lines end in CRLF (RFC 4180); names containing `,`, `"` or line breaks are
/// quoted. Numbers follow `CSVNumberFormat`, so the bytes depend only on the values.
public final class CSVWriter {
    public let columns: [String]
    public let numberFormat: CSVNumberFormat
    private let destination: CSVDestination
    private var descriptor: Int32
    private let temporaryPath: String?
    private var buffer: [UInt8] = []
    private var closed = false
    /// Rows written so far (excluding the header).
    public private(set) var rowCount = 0

    private static let flushThreshold = 64 * 1024
    /// `time_h` is printed to 12 significant digits whatever `numberFormat` says: output times are
    /// grid points (`k * interval`), and 12 digits print `332.9`, not the binary rounding noise
    /// `332.90000000000003`, while resolving better than 0.1 s over a century.
    static let timeFormat = CSVNumberFormat.significantDigits(12)

    /// Opens the destination and writes the header (`time_h` then `columns`).
    /// - Throws: `CSVWriterError.cannotCreate` when the temporary file cannot be made.
    public init(destination: CSVDestination, columns: [String], numberFormat: CSVNumberFormat = .roundTrip) throws(CSVWriterError) {
        self.destination = destination
        self.columns = columns
        self.numberFormat = numberFormat
        switch destination {
        case .standardOutput:
            descriptor = STDOUT_FILENO
            temporaryPath = nil
        case .file(let path):
            let (fd, temporary) = try Self.createTemporary(beside: path)
            descriptor = fd
            temporaryPath = temporary
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
    public func writeRow(time: Double, values: UnsafeBufferPointer<Double>) throws(CSVWriterError) {
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
    public func writeRow(time: Double, values: [Double]) throws(CSVWriterError) {
        var result: Result<Void, CSVWriterError> = .success(())
        values.withUnsafeBufferPointer { pointer in
            do throws(CSVWriterError) { try writeRow(time: time, values: pointer) } catch { result = .failure(error) }
        }
        try result.get()
    }

    /// Writes what is buffered and, for a file, moves it into place atomically.
    public func finish() throws(CSVWriterError) {
        guard !closed else { throw .alreadyClosed }
        do throws(CSVWriterError) {
            try flush()
            if let temporaryPath, case .file(let path) = destination {
                if fsync(descriptor) != 0 { throw CSVWriterError.writeFailed(path: path, errno: errno) }
                // close can report a deferred write error (NFS): never rename a file that failed.
                let closeStatus = close(descriptor)
                descriptor = -1
                if closeStatus != 0 { throw CSVWriterError.writeFailed(path: path, errno: errno) }
                if rename(temporaryPath, path) != 0 {
                    throw CSVWriterError.cannotRename(from: temporaryPath, to: path, errno: errno)
                }
            }
            closed = true
        } catch {
            abandon()
            throw error
        }
    }

    /// Gives up: removes the temporary file; the destination is left as it was.
    public func abandon() {
        guard !closed else { return }
        closed = true
        buffer.removeAll()
        if let temporaryPath {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            unlink(temporaryPath)
        }
    }

    // MARK: Internals

    private var displayPath: String {
        switch destination {
        case .standardOutput: return "<stdout>"
        case .file(let path): return path
        }
    }

    private func flush() throws(CSVWriterError) {
        var offset = 0
        let count = buffer.count
        var failure: Int32 = 0
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while offset < count {
                let written = write(descriptor, base + offset, count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw .writeFailed(path: displayPath, errno: failure) }
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

    /// A new file `.<name>.<pid>.<n>.tmp` in the destination's directory (same file system, so
    /// `rename` is atomic), created exclusively.
    private static func createTemporary(beside path: String) throws(CSVWriterError) -> (Int32, String) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let pid = getpid()
        var lastError: Int32 = 0
        for attempt in 0..<100 {
            let temporary = "\(directory).\(name).\(pid).\(attempt).tmp"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 { return (fd, temporary) }
            lastError = errno
            if lastError != EEXIST { break }
        }
        throw .cannotCreate(path: path, errno: lastError)
    }
}
