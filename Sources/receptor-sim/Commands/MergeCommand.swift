import Foundation
import Studies

/// `receptor-sim merge SHARD... -o FILE`: joins the shards of one sweep or population.
enum MergeCommand: ReceptorSimCommand {
    static let name = "merge"
    static let abstract = "Join the shard files of a sweep or population into the unsharded summary."
    static let discussion = """
        Checks that every file is a shard of the same study (same scenario and options: the
        study=... fingerprint, the member count, the shard count and the header), that each shard
        0/N to (N-1)/N is given exactly once and holds its members in order, and that every row
        is intact: the header's field count, status ok or failed, numbers as receptor-sim writes
        them, no NUL byte, and the FNV-1a 64 checksum on the shard's end line
        ('# receptor-sim end rows=K fnv1a64=...'), which catches an edited value. Then it writes
        the study line, the header and all rows in member order: byte for byte the file the
        unsharded run writes. The order of the arguments does not matter. Exit status 2 names
        the missing, duplicated, truncated, corrupted or foreign file and, for a bad row, its line.
        """
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "SHARD", help: "Shard files written with --shard I/N.", repeating: true)],
        options: [
            OptionSpecification("--output", short: "-o", .path("FILE"), help: "Write the merged CSV to FILE (atomically); '-' or no -o writes to standard output."),
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        try OutputOptions.check(command: name, outputs: [("--output", arguments.value("--output") ?? "-")],
                                inputs: arguments.positionals)
        var parts: [ShardMerge.Part] = []
        for file in arguments.positionals {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw .model(file: file, message: "cannot read the file (no such file or not readable)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw .model(file: file, message: "not UTF-8 text")
            }
            do throws(StudyError) {
                parts.append(try ShardMerge.part(file: file, text: text))
            } catch {
                throw StudyCommandSupport.mergeError(error)
            }
        }
        let merged: String
        do throws(StudyError) { merged = try ShardMerge.merge(parts) } catch { throw StudyCommandSupport.mergeError(error) }
        do throws(CSVWriterError) { try StudyTable.write(merged, to: arguments.value("--output")) } catch { throw .output(error) }
        return 0
    }
}

import Reports

extension StudyCommandSupport {
    static func mergeError(_ error: StudyError) -> CommandLineError {
        if case .merge(let file, let reason) = error { return .model(file: file == "merge" ? "receptor-sim merge" : file, message: reason) }
        if case .shardContent(let file, let line, let reason) = error { return .model(file: "\(file):\(line)", message: reason) }
        return .usage(command: "merge", message: error.description)
    }
}
