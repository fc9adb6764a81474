import Foundation
import Reports

/// The summary CSV of a study: a study line, a header row, one row per member in member order.
///
/// ```
/// # receptor-sim population study=3f2a... members=1000 shard=0/4
/// member,status,error,morphine.clearance_l_per_h,...,withdrawal_index_peak,...
/// 0,ok,,61.2,...
/// 1,failed,solver failed: ...,58.0,...,,,
/// ```
/// A population over an event table of several subjects has `subject_id` (the member's `ID`)
/// after `member`.
/// The first line starts with `#` (read with `pandas.read_csv(f, comment="#")` or
/// `read.csv(f, comment.char = "#")`); it carries the study kind, the fingerprint of the scenario
/// and options, the member count and, in a shard, `shard=I/N`. Lines end in CRLF (RFC 4180) and
/// numbers use `CSVNumberFormat.roundTrip`, so the bytes depend only on the values: a merged set
/// of shards equals the unsharded file byte for byte.
package enum StudyTable {
    static let lineEnd = "\r\n"

    /// The first line of a summary file (without the line end).
    package static func studyLine(kind: StudyPlan.Kind, fingerprint: String, members: Int, shard: Shard?) -> String {
        var line = "# receptor-sim \(kind.rawValue) study=\(fingerprint) members=\(members)"
        if let shard { line += " shard=\(shard.index)/\(shard.count)" }
        return line
    }

    /// An RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote or line break;
    /// line breaks become spaces so every row is one line.
    static func field(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
        guard flat.contains(",") || flat.contains("\"") else { return flat }
        return "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The header row (with its line end).
    static func headerRow(plan: StudyPlan, format: CSVNumberFormat) -> String {
        plan.header(format: format.format).map(field).joined(separator: ",") + lineEnd
    }

    /// The last line of a shard file (with its line end): how many data rows it holds and the
    /// `ShardChecksum` of its header and data rows, so `merge` detects truncation and edits.
    /// A whole study has no end line (it stays the plain file it always was).
    package static func endLine(rows: Int, checksum: ShardChecksum) -> String {
        "# receptor-sim end rows=\(rows) fnv1a64=\(checksum.hex)" + lineEnd
    }

    /// One member's row (with its line end).
    static func row(_ outcome: MemberOutcome, plan: StudyPlan, format: CSVNumberFormat) -> String {
        let metricCount = plan.metricColumns.count * RunMetrics.perColumn.count + plan.thresholds.count
        var row = String(outcome.index)
        if let ids = plan.parameters.memberIDs { row += "," + field(ids[outcome.index]) }
        row += outcome.metrics == nil ? ",failed," + field(outcome.error ?? "") : ",ok,"
        for v in outcome.values { row += "," + format.format(v) }
        if let metrics = outcome.metrics {
            for v in metrics { row += "," + format.format(v) }
        } else {
            row += String(repeating: ",", count: metricCount)
        }
        return row + lineEnd
    }

    /// Writes `text` to `path` atomically (`StudyOutput.file`), or to standard output for nil or `-`.
    /// - Throws: `CSVWriterError` (`cannotCreate`, `writeFailed`, `cannotRename`), as for CSVs
    ///   written by `CSVWriter`.
    package static func write(_ text: String, to path: String?) throws(CSVWriterError) {
        let output = try StudyOutput.file(path)
        output.write(text)
        try output.finish()
    }
}
