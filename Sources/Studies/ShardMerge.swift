/// Joins the shard files of one study into the file the unsharded study writes, byte for byte,
/// after checking that they belong together and that none is missing or given twice.
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

    /// Parses one shard file's text.
    /// - Throws: `StudyError.merge` when it is not a shard file of `receptor-sim sweep` or
    ///   `population`, or its rows are not the members of its slice in order.
    package static func part(file: String, text: String) throws(StudyError) -> Part {
        func bad(_ reason: String) -> StudyError { .merge(file: file, reason: reason) }
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            // "\r\n" is one grapheme in Swift strings; also accept a bare "\n".
            if text[index] == "\r\n" || text[index] == "\n" {
                lines.append(text[start...index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        if start < text.endIndex { throw bad("the last line is incomplete (file truncated?)") }
        guard lines.count >= 2, lines[0].hasPrefix("# receptor-sim ") else {
            throw bad("not a receptor-sim sweep or population summary (no '# receptor-sim' study line)")
        }
        var fields: [String: String] = [:]
        let words = lines[0].trimmingCharacters(in: .newlines).split(separator: " ")
        guard words.count >= 3 else { throw bad("malformed study line") }
        let kind = String(words[2])
        for word in words.dropFirst(3) {
            let pair = word.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        guard kind == "sweep" || kind == "population", let fingerprint = fields["study"],
              let members = fields["members"].flatMap({ Int($0) }) else {
            throw bad("malformed study line '\(lines[0].trimmingCharacters(in: .newlines))'")
        }
        guard let shardText = fields["shard"] else {
            throw bad("not a shard (no shard=I/N on its study line): it is already a whole study")
        }
        let shard = try Shard.parse(shardText)
        let rows = Array(lines[2...])
        let expected = shard.range(of: members)
        guard rows.count == expected.count else {
            throw bad("shard \(shard.index)/\(shard.count) should hold \(expected.count) rows (members \(expected.lowerBound) to \(expected.upperBound - 1)) but holds \(rows.count) (file truncated?)")
        }
        for (k, row) in rows.enumerated() {
            let first = row.prefix { $0 != "," }
            guard Int(first) == expected.lowerBound + k else {
                throw bad("row \(k + 3) should be member \(expected.lowerBound + k), found '\(first)'")
            }
        }
        return Part(file: file, kind: kind, fingerprint: fingerprint, members: members, shard: shard,
                    header: lines[1], rows: rows)
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
