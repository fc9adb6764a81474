import Foundation
import Reports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The summary CSV of a study: a study line, a header row, one row per member in member order.
///
/// ```
/// # receptor-sim population study=3f2a... members=1000 shard=0/4
/// member,status,error,morphine.clearance_l_per_h,...,withdrawal_index_peak,...
/// 0,ok,,61.2,...
/// 1,failed,solver failed: ...,58.0,...,,,
/// ```
/// The first line starts with `#` (read with `pandas.read_csv(f, comment="#")` or
/// `read.csv(f, comment.char = "#")`); it carries the study kind, the fingerprint of the scenario
/// and options, the member count and, in a shard, `shard=I/N`. Lines end in CRLF (RFC 4180) and
/// numbers use `CSVNumberFormat.roundTrip`, so the bytes depend only on the values: a merged set
/// of shards equals the unsharded file byte for byte.
public enum StudyTable {
    static let lineEnd = "\r\n"

    /// The first line of a summary file (without the line end).
    public static func studyLine(kind: StudyPlan.Kind, fingerprint: String, members: Int, shard: Shard?) -> String {
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

    /// The whole file: study line, header, rows.
    static func render(plan: StudyPlan, outcomes: [MemberOutcome], fingerprint: String, shard: Shard?,
                       format: CSVNumberFormat = .roundTrip) -> String {
        var text = studyLine(kind: plan.kind, fingerprint: fingerprint, members: plan.count, shard: shard) + lineEnd
        text += plan.header(format: format.format).map(field).joined(separator: ",") + lineEnd
        let metricCount = plan.metricColumns.count * RunMetrics.perColumn.count + plan.thresholds.count
        for outcome in outcomes {
            var row = String(outcome.index)
            row += outcome.metrics == nil ? ",failed," + field(outcome.error ?? "") : ",ok,"
            for v in outcome.values { row += "," + format.format(v) }
            if let metrics = outcome.metrics {
                for v in metrics { row += "," + format.format(v) }
            } else {
                row += String(repeating: ",", count: metricCount)
            }
            text += row + lineEnd
        }
        return text
    }

    /// Writes `text` to `path` atomically: a temporary file in the same directory, synced, then
    /// renamed onto `path`; a failure leaves any previous file untouched. nil or `-` writes to
    /// standard output.
    /// - Throws: `CSVWriterError` (`cannotCreate`, `writeFailed`, `cannotRename`), as for CSVs
    ///   written by `CSVWriter`.
    public static func write(_ text: String, to path: String?) throws(CSVWriterError) {
        let bytes = Array(text.utf8)
        guard let path, path != "-" else {
            try writeAll(bytes, to: STDOUT_FILENO, path: "<stdout>")
            return
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var descriptor: Int32 = -1
        var temporary = ""
        for attempt in 0..<100 {
            temporary = "\(directory).\(name).\(getpid()).\(attempt).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw .cannotCreate(path: path, errno: errno) }
        do throws(CSVWriterError) {
            try writeAll(bytes, to: descriptor, path: path)
            if fsync(descriptor) != 0 { throw .writeFailed(path: path, errno: errno) }
            close(descriptor)
            descriptor = -1
            if rename(temporary, path) != 0 { throw .cannotRename(from: temporary, to: path, errno: errno) }
        } catch {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporary)
            throw error
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(CSVWriterError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw .writeFailed(path: path, errno: failure) }
    }
}
