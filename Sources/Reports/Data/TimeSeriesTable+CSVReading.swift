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
    /// - Throws: `ReportsError.csvEmpty`, `.csvMissingTimeColumn`, `.csvDuplicateColumn`,
    ///   `.csvFieldCount`, `.csvInvalidNumber`, `.csvUnterminatedQuote`, `.csvTimeNotIncreasing`.
    package static func parseCSV(_ data: Data) throws -> TimeSeriesTable {
        var bytes = [UInt8](data)
        // A terminating NUL lets strtod stop at the end of the last field.
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(buffer: buffer, count: buffer.count - 1)
            guard let header = try scanner.nextRecordText(), !(header.count == 1 && header[0].isEmpty) else {
                throw ReportsError.csvEmpty
            }
            guard header[0] == "time_h" else { throw ReportsError.csvMissingTimeColumn(found: header[0]) }
            let names = Array(header.dropFirst())
            var time: [Double] = []
            var columns = Array(repeating: [Double](), count: names.count)
            var fields: [Double] = []
            fields.reserveCapacity(header.count)
            while true {
                let line = scanner.line
                guard try scanner.nextRecordNumbers(into: &fields, header: header) else { break }
                guard fields.count == header.count else {
                    throw ReportsError.csvFieldCount(line: line, expected: header.count, found: fields.count)
                }
                guard fields[0].isFinite else {
                    throw ReportsError.csvInvalidNumber(line: line, column: "time_h", text: NumberText.fixed(fields[0], 0))
                }
                if let previous = time.last, fields[0] < previous {
                    throw ReportsError.csvTimeNotIncreasing(line: line, previousHours: previous, timeHours: fields[0])
                }
                time.append(fields[0])
                for index in columns.indices { columns[index].append(fields[index + 1]) }
            }
            return try TimeSeriesTable(
                timeHours: time, columns: zip(names, columns).map { TimeSeriesColumn(name: $0.0, values: $0.1) })
        }
    }
}

/// A byte-level RFC 4180 scanner over a NUL-terminated buffer.
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
        var stop: UnsafeMutablePointer<CChar>?
        let value = base.withMemoryRebound(to: CChar.self, capacity: end - start + 1) { pointer in
            strtod(pointer, &stop)
        }
        let consumed = stop.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? -1
        guard consumed == end - start else {
            throw invalid(start, end, line: line, column: column)
        }
        return value
    }

    private func invalid(_ start: Int, _ end: Int, line: Int, column: String) -> ReportsError {
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        return ReportsError.csvInvalidNumber(line: line, column: column, text: text)
    }
}
