import Foundation
import Reports

/// Joins the shard files of one study into the file the unsharded study writes, byte for byte,
/// after checking that they belong together, that none is missing or given twice, and that
/// every row is intact (content checks and the end line's `ShardChecksum`).
package enum ShardMerge {
    /// One shard file as read.
    package struct Part: Sendable {
        package let file: String
        package let kind: String
        package let fingerprint: String
        package let members: Int
        package let shard: Shard
        /// The CSV header row (with its line end).
        let header: Substring
        /// The data rows (with their line ends), in file order.
        let rows: [Substring]
    }

    /// Parses and checks one shard file's text: its study line, its end line (row count and
    /// `ShardChecksum`), and every data row's content.
    ///
    /// Each row must have the header's field count, its member number, status `ok` or `failed`,
    /// an empty error for `ok` and a non-empty one for `failed`, the varied values and (for `ok`)
    /// the metrics as numbers written exactly as receptor-sim writes them
    /// (`CSVNumberFormat.roundTrip`), and empty metric fields for `failed`; no line may hold a
    /// NUL byte. These checks run when the checksum does not match (a file receptor-sim wrote
    /// passes them by construction), so the message names the first bad line and what is
    /// wrong; a file whose rows all pass them but whose checksum differs (an edited value) is
    /// refused naming its end line.
    /// - Throws: `StudyError.shardContent` naming the line, or `StudyError.merge` when the file
    ///   is not a shard file of `receptor-sim sweep` or `population`.
    /// - Complexity: O(bytes).
    package static func part(file: String, text: String) throws(StudyError) -> Part {
        func bad(_ reason: String) -> StudyError { .merge(file: file, reason: reason) }
        func bad(line: Int, _ reason: String) -> StudyError { .shardContent(file: file, line: line, reason: reason) }
        let (lines, complete) = splitLines(text)
        if text.utf8.withContiguousStorageIfAvailable({ $0.contains(0) }) ?? text.utf8.contains(0) {
            for (k, line) in lines.enumerated() where line.utf8.contains(0) {
                throw bad(line: k + 1, "contains a NUL byte")
            }
        }
        if !complete { throw bad(line: lines.count, "the last line is incomplete (file truncated?)") }
        guard lines.count >= 2, lines[0].hasPrefix("# receptor-sim ") else {
            throw bad("not a receptor-sim sweep or population summary (no '# receptor-sim' study line)")
        }
        let study = words(lines[0])
        guard study.words.count >= 3 else { throw bad("malformed study line") }
        let kind = study.words[2]
        guard kind == "sweep" || kind == "population", let fingerprint = study.fields["study"],
              let members = study.fields["members"].flatMap({ Int($0) }) else {
            throw bad("malformed study line '\(lines[0].trimmingCharacters(in: .newlines))'")
        }
        guard let shardText = study.fields["shard"] else {
            throw bad("not a shard (no shard=I/N on its study line): it is already a whole study")
        }
        guard let shard = Shard.parse(shardText) else { throw bad("malformed shard=\(shardText) on its study line: \(Shard.requirement)") }
        let expected = shard.range(of: members)
        let endLineNumber = lines.count
        let end = words(lines[lines.count - 1])
        guard lines.count >= 3, end.words.count >= 3, end.words[0] == "#", end.words[1] == "receptor-sim", end.words[2] == "end",
              let endRows = end.fields["rows"].flatMap({ Int($0) }), let endHash = end.fields["fnv1a64"] else {
            let found = lines.count - 2
            throw bad("shard \(shard.index)/\(shard.count) has no end line '# receptor-sim end rows=K fnv1a64=...' after its "
                + "\(found) row\(found == 1 ? "" : "s") (members \(expected.lowerBound) to \(expected.upperBound - 1) expected; "
                + "file truncated, or written by a receptor-sim without shard checksums?)")
        }
        let rows = Array(lines[2..<(lines.count - 1)])
        guard rows.count == expected.count, endRows == expected.count else {
            throw bad("shard \(shard.index)/\(shard.count) should hold \(expected.count) rows (members \(expected.lowerBound) to \(expected.upperBound - 1)) but holds \(rows.count) and its end line says \(endRows)")
        }
        let header = lines[1]
        var checksum = ShardChecksum()
        checksum.add(header)
        for row in rows { checksum.add(row) }
        guard checksum.hex == endHash else {
            // Name the first bad line and what is wrong with it, if a check finds one.
            try checkContent(header: header, rows: rows, firstMember: expected.lowerBound) { bad(line: $0, $1) }
            throw bad(line: endLineNumber, "checksum mismatch: lines 2-\(endLineNumber - 1) hash to fnv1a64=\(checksum.hex), the end line says \(endHash) (the file was changed after it was written)")
        }
        // Intact: the bytes are those receptor-sim wrote; only the member order is left to check.
        for (k, row) in rows.enumerated() {
            let first = row.prefix { $0 != "," }
            guard Int(first) == expected.lowerBound + k else {
                throw bad(line: k + 3, "should be member \(expected.lowerBound + k), found '\(first)'")
            }
        }
        return Part(file: file, kind: kind, fingerprint: fingerprint, members: members, shard: shard,
                    header: header, rows: rows)
    }

    /// The content checks of `part`, run when the checksum does not match: throws for the first
    /// line that has the wrong field count, member, status, error text, or a field that is not
    /// a number as receptor-sim writes it.
    static func checkContent(header: Substring, rows: [Substring], firstMember: Int,
                             bad makeError: (Int, String) -> StudyError) throws(StudyError) {
        func bad(line: Int, _ reason: String) -> StudyError { makeError(line, reason) }
        guard let names = fields(of: header) else { throw bad(line: 2, "unterminated quoted field in the header row") }
        // A population over an event table's subjects has `subject_id` (text) after `member`.
        let status = names.count > 1 && names[1] == "subject_id" ? 2 : 1
        guard names.count >= status + 2 else {
            throw bad(line: 2, "the header row has \(names.count) fields, expected at least \(status + 2)")
        }
        let metricsStart = names.indices.dropFirst(status + 2).first { isMetricName(String(names[$0])) } ?? names.count
        for (k, row) in rows.enumerated() {
            let line = k + 3
            guard let values = fields(of: row) else { throw bad(line: line, "unterminated quoted field") }
            guard values.count == names.count else {
                throw bad(line: line, "has \(values.count) fields, the header has \(names.count)")
            }
            guard Int(values[0]) == firstMember + k else {
                throw bad(line: line, "should be member \(firstMember + k), found '\(values[0])'")
            }
            if status == 2, values[1].isEmpty { throw bad(line: line, "an empty subject_id") }
            let ok: Bool
            switch values[status] {
            case "ok": ok = true
            case "failed": ok = false
            default: throw bad(line: line, "status '\(values[status])' is neither 'ok' nor 'failed'")
            }
            if ok, !values[status + 1].isEmpty { throw bad(line: line, "status 'ok' with an error text") }
            if !ok, values[status + 1].isEmpty { throw bad(line: line, "status 'failed' without an error text") }
            for j in (status + 2)..<values.count {
                let text = values[j]
                if !ok, j >= metricsStart {
                    guard text.isEmpty else { throw bad(line: line, "status 'failed' but field '\(names[j])' holds '\(text)'") }
                    continue
                }
                guard let number = Double(text) else {
                    throw bad(line: line, "field '\(names[j])' is not a number: '\(text)'")
                }
                let canonical = CSVNumberFormat.roundTrip.format(number)
                guard canonical == text else {
                    throw bad(line: line, "field '\(names[j])' is '\(text)', not written as receptor-sim writes numbers ('\(canonical)')")
                }
            }
        }
    }

    /// The lines of `text` with their line ends ("\r\n", or a bare "\n"), and whether the last
    /// one is complete.
    static func splitLines(_ text: String) -> (lines: [Substring], complete: Bool) {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let next = utf8.index(after: index)
            if utf8[index] == UInt8(ascii: "\n") {
                lines.append(text[start..<next])
                start = next
            }
            index = next
        }
        if start < utf8.endIndex {
            lines.append(text[start..<utf8.endIndex])
            return (lines, false)
        }
        return (lines, true)
    }

    /// The space-separated words of a `#` line and its `key=value` words.
    static func words(_ line: Substring) -> (words: [String], fields: [String: String]) {
        let words = line.trimmingCharacters(in: .newlines).split(separator: " ").map(String.init)
        var fields: [String: String] = [:]
        for word in words.dropFirst(2) {
            let pair = word.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        return (words, fields)
    }

    /// The RFC 4180 fields of one line (line end dropped, quotes removed and undoubled); nil
    /// for an unterminated or malformed quoted field. Unquoted fields are slices of `line`
    /// (found on its UTF-8 bytes: a merge reads millions of fields).
    static func fields(of line: Substring) -> [Substring]? {
        let utf8 = line.utf8
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == lf || utf8[utf8.index(before: end)] == cr {
            end = utf8.index(before: end)
        }
        var result: [Substring] = []
        var index = utf8.startIndex
        while true {
            if index < end, utf8[index] == quote {
                // Quoted: up to the closing quote, doubled quotes undoubled; then a comma or the end.
                var text = ""
                var segment = utf8.index(after: index)
                var position = segment
                while true {
                    guard position < end else { return nil }
                    if utf8[position] == quote {
                        text += line[segment..<position]
                        let next = utf8.index(after: position)
                        if next < end, utf8[next] == quote {
                            text += "\""
                            position = utf8.index(after: next)
                            segment = position
                            continue
                        }
                        position = next
                        break
                    }
                    position = utf8.index(after: position)
                }
                result.append(Substring(text))
                if position == end { return result }
                guard utf8[position] == comma else { return nil }
                index = utf8.index(after: position)
                continue
            }
            var stop = index
            while stop < end, utf8[stop] != comma {
                if utf8[stop] == quote { return nil }
                stop = utf8.index(after: stop)
            }
            result.append(line[index..<stop])
            if stop == end { return result }
            index = utf8.index(after: stop)
        }
    }

    /// Whether a header name is a metric (`RunMetrics.perColumn` suffixes, thresholds), as
    /// opposed to a varied value: failed rows leave exactly the metric fields empty.
    static func isMetricName(_ name: String) -> Bool {
        RunMetrics.perColumn.contains { name.hasSuffix("_" + $0) } || name.contains("_h_above_") || name.contains("_h_below_")
    }

    /// The merged text: the whole study's line, the header, every row in member order.
    /// - Throws: `StudyError.merge` for no parts, parts of different studies (kind,
    ///   fingerprint, size, shard count or header differ), a shard given twice, or missing shards.
    package static func merge(_ parts: [Part]) throws(StudyError) -> String {
        guard let first = parts.first else { throw .merge(file: "merge", reason: "no shard files given") }
        var byIndex: [Int: Part] = [:]
        for part in parts {
            if part.kind != first.kind || part.fingerprint != first.fingerprint || part.members != first.members {
                throw .merge(file: part.file, reason: "belongs to a different study than \(first.file) (\(part.kind) study=\(part.fingerprint) members=\(part.members) vs \(first.kind) study=\(first.fingerprint) members=\(first.members))")
            }
            if part.shard.count != first.shard.count {
                throw .merge(file: part.file, reason: "is shard \(part.shard.index)/\(part.shard.count) but \(first.file) is one of \(first.shard.count) shards")
            }
            if part.header != first.header {
                throw .merge(file: part.file, reason: "has a different header row than \(first.file)")
            }
            if let other = byIndex[part.shard.index] {
                throw .merge(file: part.file, reason: "duplicates shard \(part.shard.index)/\(part.shard.count), already given as \(other.file)")
            }
            byIndex[part.shard.index] = part
        }
        let missing = (0..<first.shard.count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.prefix(20).map { "\($0)/\(first.shard.count)" }.joined(separator: ", ") + (missing.count > 20 ? ", ..." : "")
            throw .merge(file: "merge", reason: "missing \(missing.count) of \(first.shard.count) shards: \(list)")
        }
        var text = ""
        text += "# receptor-sim \(first.kind) study=\(first.fingerprint) members=\(first.members)" + StudyTable.lineEnd
        text += first.header
        for i in 0..<first.shard.count {
            for row in byIndex[i]?.rows ?? [] { text += row }
        }
        return text
    }
}
