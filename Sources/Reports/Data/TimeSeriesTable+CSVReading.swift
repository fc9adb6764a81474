import Foundation

extension TimeSeriesTable {
    /// Reads a CSV file written by `receptor-sim run` (or any RFC 4180 file of the same shape)
    /// so `plot` and `report` accept results computed earlier.
    ///
    /// - Parameter url: a file URL.
    /// - Throws: Foundation's file errors, or `ReportsError` naming the line and column.
    /// - Complexity: O(file size); a 1-year run at 1-minute output and 60 columns is about
    ///   31 million numbers and 250 MB of doubles.
    package static func readCSV(contentsOf url: URL) throws -> TimeSeriesTable {
        try parseCSV(try Data(contentsOf: url))
    }


    /// Parses CSV text: a header row whose first field is `time_h`, then one row of numbers per
    /// time. Fields may be quoted (`"..."`, with `""` for a quote); records end in LF or CRLF;
    /// an empty field reads as NaN (a missing value). Times must not decrease.
    ///
    /// - Parameters:
    ///   - window: keep only rows inside it (nil: all).
    ///   - maximumRows: rows kept before they are reduced to their min/max envelope
    ///     (`TimeSeriesReducer`; the default keeps every row).
    /// - Throws: `ReportsError.csvEmpty`, `.csvMissingTimeColumn`, `.csvDuplicateColumn`,
    ///   `.csvFieldCount`, `.csvInvalidNumber`, `.csvUnterminatedQuote`, `.csvTimeNotIncreasing`.
    package static func parseCSV(_ data: Data, window: ClosedRange<Double>? = nil, maximumRows: Int = .max) throws -> TimeSeriesTable {
        try reduceCSV(data, window: window, maximumRows: maximumRows).build()
    }

    /// `parseCSV` up to the reducer (bounded by default, as `plot`, `report` and `compare`
    /// read), which also tells the span of the whole input and how many rows it held.
    /// - Throws: as `parseCSV`.
    package static func reduceCSV(_ data: Data, window: ClosedRange<Double>? = nil,
                                  maximumRows: Int = TimeSeriesReducer.defaultMaximumRows) throws -> TimeSeriesReducer {
        var reader = CSVRowReader(window: window, maximumRows: maximumRows)
        try data.withUnsafeBytes { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            _ = try reader.consume(buffer, count: buffer.count)
        }
        return try reader.finish()
    }

    /// `reduceCSV` over a file read in chunks of `chunkBytes`, so memory holds one chunk and
    /// the reducer's rows however large the file (`plot`, `report` and `compare` of a CSV).
    /// Each chunk is parsed up to its last record end outside quotes; the rest waits for the
    /// next chunk, so the records, errors and line numbers are those of `parseCSV`.
    /// - Throws: as `parseCSV`, or Foundation's read errors.
    package static func reduceCSV(reading handle: FileHandle, window: ClosedRange<Double>? = nil,
                                  maximumRows: Int = TimeSeriesReducer.defaultMaximumRows,
                                  chunkBytes: Int = 1 << 20) throws -> TimeSeriesReducer {
        var reader = CSVRowReader(window: window, maximumRows: maximumRows)
        var pending: [UInt8] = []
        while true {
            let chunk = try handle.read(upToCount: max(1, chunkBytes)) ?? Data()
            let atEnd = chunk.isEmpty
            pending.append(contentsOf: chunk)
            let cut = atEnd ? pending.count : CSVRowReader.lastRecordEnd(pending)
            if cut > 0 {
                try pending.withUnsafeBufferPointer { buffer in _ = try reader.consume(buffer, count: cut) }
                pending.removeFirst(cut)
            }
            if atEnd { return try reader.finish() }
        }
    }
}

/// Turns CSV records into reducer rows, one buffer (or chunk of whole records) at a time: the
/// header first, then numbers, checking field counts, finite and non-decreasing times.
private struct CSVRowReader {
    let window: ClosedRange<Double>?
    let maximumRows: Int
    var header: [String]? = nil
    var reducer: TimeSeriesReducer? = nil
    var previous: Double? = nil
    var line = 1
    var fields: [Double] = []

    init(window: ClosedRange<Double>?, maximumRows: Int) {
        self.window = window
        self.maximumRows = maximumRows
    }

    /// Parses the records in the first `count` bytes of `buffer` (whole records only).
    mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>, count: Int) throws {
        var scanner = CSVScanner(buffer: buffer, count: count)
        scanner.line = line
        defer { line = scanner.line }
        if header == nil {
            guard let text = try scanner.nextRecordText(), !(text.count == 1 && text[0].isEmpty) else { return }
            guard text[0] == "time_h" else { throw ReportsError.csvMissingTimeColumn(found: text[0]) }
            let names = Array(text.dropFirst())
            var seen = Set<String>()
            for name in names where !seen.insert(name).inserted { throw ReportsError.csvDuplicateColumn(name: name) }
            header = text
            reducer = TimeSeriesReducer(columnNames: names, window: window, maximumRows: maximumRows)
            fields.reserveCapacity(text.count)
        }
        guard let header else { return }
        while true {
            let line = scanner.line
            guard try scanner.nextRecordNumbers(into: &fields, header: header) else { break }
            guard fields.count == header.count else {
                throw ReportsError.csvFieldCount(line: line, expected: header.count, found: fields.count)
            }
            guard fields[0].isFinite else {
                throw ReportsError.csvInvalidNumber(line: line, column: "time_h", text: NumberText.fixed(fields[0], 0))
            }
            if let previous, fields[0] < previous {
                throw ReportsError.csvTimeNotIncreasing(line: line, previousHours: previous, timeHours: fields[0])
            }
            previous = fields[0]
            reducer?.append(timeHours: fields[0], fields[1...])
        }
    }

    /// The reducer once all input is consumed.
    /// - Throws: `ReportsError.csvEmpty` when there was no header.
    func finish() throws -> TimeSeriesReducer {
        guard let reducer else { throw ReportsError.csvEmpty }
        return reducer
    }

    /// Bytes up to and including the last line end outside quotes (0: no complete record yet).
    /// Quotes toggle the state (a doubled quote toggles it twice); a chunk starts at a record
    /// start, outside quotes.
    static func lastRecordEnd(_ bytes: [UInt8]) -> Int {
        let newline = UInt8(ascii: "\n")
        var quoted = false, end = 0
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if byte == newline, !quoted { end = i + 1 }
        }
        // Blank lines before the cut go to the next chunk: the scanner skips blank lines only at
        // the end of the input, and a chunk's end is not the input's.
        while end > 0 {
            var start = end - 1
            if start > 0, bytes[start - 1] == UInt8(ascii: "\r") { start -= 1 }
            guard start == 0 || bytes[start - 1] == newline else { break }
            end = start
        }
        return end
    }
}

/// A byte-level RFC 4180 scanner over a buffer (not NUL-terminated: a number that ends the
/// buffer is copied before it is parsed).
private struct CSVScanner {
    let buffer: UnsafeBufferPointer<UInt8>
    let count: Int
    var position = 0
    /// 1-based line of `position`.
    var line = 1

    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""),
        newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    init(buffer: UnsafeBufferPointer<UInt8>, count: Int) {
        self.buffer = buffer
        self.count = count
    }

    /// True at the end of input, skipping trailing blank lines.
    mutating func atEnd() -> Bool {
        var probe = position
        while probe < count, buffer[probe] == Self.newline || buffer[probe] == Self.carriageReturn { probe += 1 }
        if probe >= count {
            position = probe
            return true
        }
        return false
    }

    /// Reads one record as text fields (for the header), or nil at the end of input.
    mutating func nextRecordText() throws -> [String]? {
        if atEnd() { return nil }
        var fields: [String] = []
        while true {
            let (start, end, quoted) = try nextField()
            fields.append(quoted ? unquote(start, end) : String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self))
            if try finishField() { return fields }
        }
    }

    /// Reads one record of numbers into `fields`; false at the end of input.
    mutating func nextRecordNumbers(into fields: inout [Double], header: [String]) throws -> Bool {
        fields.removeAll(keepingCapacity: true)
        if atEnd() { return false }
        let recordLine = line
        while true {
            let (start, end, quoted) = try nextField()
            let columnName = fields.count < header.count ? header[fields.count] : "#\(fields.count + 1)"
            if quoted {
                let text = unquote(start, end)
                guard let value = text.isEmpty ? Double.nan : Double(text) else {
                    throw ReportsError.csvInvalidNumber(line: recordLine, column: columnName, text: text)
                }
                fields.append(value)
            } else if start == end {
                fields.append(.nan)
            } else {
                fields.append(try number(start, end, line: recordLine, column: columnName))
            }
            if try finishField() { return true }
        }
    }

    /// Finds the next field; for a quoted field, the range excludes the outer quotes.
    private mutating func nextField() throws -> (start: Int, end: Int, quoted: Bool) {
        if position < count, buffer[position] == Self.quote {
            let openLine = line
            position += 1
            let start = position
            while true {
                guard position < count else { throw ReportsError.csvUnterminatedQuote(line: openLine) }
                let byte = buffer[position]
                if byte == Self.quote {
                    if position + 1 < count, buffer[position + 1] == Self.quote {
                        position += 2
                        continue
                    }
                    let end = position
                    position += 1
                    return (start, end, true)
                }
                if byte == Self.newline { line += 1 }
                position += 1
            }
        }
        let start = position
        while position < count {
            let byte = buffer[position]
            if byte == Self.comma || byte == Self.newline || byte == Self.carriageReturn { break }
            position += 1
        }
        return (start, position, false)
    }

    /// Consumes the separator after a field; true when it ended the record.
    private mutating func finishField() throws -> Bool {
        guard position < count else { return true }
        switch buffer[position] {
        case Self.comma:
            position += 1
            return false
        case Self.carriageReturn:
            position += 1
            if position < count, buffer[position] == Self.newline { position += 1 }
            line += 1
            return true
        case Self.newline:
            position += 1
            line += 1
            return true
        default:
            // Only a closing quote can leave the scanner on another byte.
            throw ReportsError.csvTextAfterQuote(line: line)
        }
    }

    private func unquote(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
            .replacingOccurrences(of: "\"\"", with: "\"")
    }

    /// Parses an unquoted number in place. strtod runs in the C locale (Swift programs do not
    /// call setlocale), so the decimal separator is always a point.
    private func number(_ start: Int, _ end: Int, line: Int, column: String) throws -> Double {
        let base = buffer.baseAddress! + start
        let first = base.pointee
        // strtod skips leading blanks; RFC 4180 makes them part of the field, which then is
        // not a number.
        if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            throw invalid(start, end, line: line, column: column)
        }
        // strtod stops at the separator after a field; the last field of the buffer has none,
        // so it is parsed from a NUL-terminated copy.
        if end == count {
            var copy = Array(UnsafeBufferPointer(rebasing: buffer[start..<end]))
            copy.append(0)
            return try copy.withUnsafeBufferPointer { terminated in
                try Self.parse(terminated.baseAddress!, length: end - start) ?? { throw invalid(start, end, line: line, column: column) }()
            }
        }
        guard let value = Self.parse(base, length: end - start) else { throw invalid(start, end, line: line, column: column) }
        return value
    }

    /// strtod over `length` bytes followed by a byte that ends a number; nil unless it reads
    /// exactly those bytes.
    private static func parse(_ base: UnsafePointer<UInt8>, length: Int) -> Double? {
        var stop: UnsafeMutablePointer<CChar>?
        let value = base.withMemoryRebound(to: CChar.self, capacity: length + 1) { pointer in
            strtod(pointer, &stop)
        }
        let consumed = stop.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? -1
        return consumed == length ? value : nil
    }

    private func invalid(_ start: Int, _ end: Int, line: Int, column: String) -> ReportsError {
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        return ReportsError.csvInvalidNumber(line: line, column: column, text: text)
    }
}
