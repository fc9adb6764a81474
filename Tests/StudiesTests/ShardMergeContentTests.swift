import Foundation
import Testing
@testable import Studies

/// `merge` on real shards of a short sweep (one failed point per shard), each corrupted in one
/// way: exit 2 and a message naming the shard file and line.
@Suite struct ShardMergeContentTests {
    /// Shard 0/2 of the sweep as its lines (CRLF dropped), and the directory it lives in.
    static func shards() throws -> (dir: URL, lines: [String], shard1: String, whole: Data) {
        let dir = try studyDirectory()
        let scenario = dir.appendingPathComponent("oral.json").path
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let common = ["sweep", scenario, "--quiet", "--vary", "endorphin.mu.kon_per_nM_per_h=40,1e300,30;doses[0].amount_mg=10,20",
                      "--columns", "morphine_plasma_nM", "--threshold", "morphine_plasma_nM>5"]
        for i in 0..<2 {
            let r = try receptorSim(common + ["--shard", "\(i)/2", "-o", path("s\(i).csv")])
            #expect(r.status == 1, "\(r.stderr)")   // the endorphin kon 1e300 points fail (no drug-free steady state)
        }
        let r = try receptorSim(common + ["-o", path("whole.csv")])
        #expect(r.status == 1)
        let text = try String(contentsOfFile: path("s0.csv"), encoding: .utf8)
        return (dir, text.components(separatedBy: "\r\n").dropLast(), path("s1.csv"),
                try Data(contentsOf: URL(fileURLWithPath: path("whole.csv"))))
    }

    /// Writes `lines` as the corrupted shard 0 and merges it with shard 1: (status, stderr, path).
    static func merge(_ lines: [String], in dir: URL, shard1: String) throws -> (Int32, String, String) {
        let bad = dir.appendingPathComponent("bad-\(UUID().uuidString).csv").path
        try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: URL(fileURLWithPath: bad))
        let out = dir.appendingPathComponent("merged-\(UUID().uuidString).csv").path
        let r = try receptorSim(["merge", bad, shard1, "-o", out])
        #expect(!FileManager.default.fileExists(atPath: out))
        return (r.status, r.stderr, bad)
    }

    @Test func untouchedShardsMergeToTheUnshardedBytesAndCarryAChecksum() throws {
        let (dir, lines, shard1, whole) = try Self.shards()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(lines.count == 6)   // study line, header, 3 rows, end line
        var checksum = ShardChecksum()
        for line in lines[1...4] { checksum.add(line + "\r\n") }
        #expect(lines[5] == "# receptor-sim end rows=3 fnv1a64=\(checksum.hex)")
        let out = dir.appendingPathComponent("merged.csv").path
        let r = try receptorSim(["merge", shard1, dir.appendingPathComponent("s0.csv").path, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == whole)
        #expect(!String(decoding: whole, as: UTF8.self).contains("# receptor-sim end"))
    }

    @Test func everyCorruptionKindIsNamedWithFileAndLine() throws {
        let (dir, lines, shard1, _) = try Self.shards()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(lines[2].hasPrefix("0,ok,,40,10,"))
        #expect(lines[4].hasPrefix("2,failed,drug-free steady state not found"))
        func edited(_ line: Int, _ change: (inout [String]) -> Void) -> [String] {
            var copy = lines
            var fields = copy[line - 1].components(separatedBy: ",")
            change(&fields)
            copy[line - 1] = fields.joined(separator: ",")
            return copy
        }
        let peak = lines[2].components(separatedBy: ",")[5]
        let cases: [(String, [String], String)] = [
            ("extra field", edited(3) { $0.append("1") }, "3: error: has 12 fields, the header has 11"),
            ("missing field", edited(4) { $0.removeLast() }, "4: error: has 10 fields, the header has 11"),
            ("non-numeric", edited(3) { $0[5] = "12abc" }, "3: error: field 'morphine_plasma_nM_peak' is not a number: '12abc'"),
            ("not canonical", edited(3) { $0[3] = "40.0" },
             "3: error: field 'endorphin.mu.kon_per_nM_per_h' is '40.0', not written as receptor-sim writes numbers ('40')"),
            ("NUL byte", edited(4) { $0[5] = "4\u{0}2" }, "4: error: contains a NUL byte"),
            ("status edited to failed", edited(3) { $0[1] = "failed" }, "3: error: status 'failed' without an error text"),
            ("status edited to other", edited(4) { $0[1] = "okay" }, "4: error: status 'okay' is neither 'ok' nor 'failed'"),
            ("metric in failed row", { var c = lines; c[4] += "7"; return c }(),
             "5: error: status 'failed' but field 'morphine_plasma_nM_h_above_5' holds '7'"),
            ("wrong member", edited(4) { $0[0] = "7" }, "4: error: should be member 1, found '7'"),
        ]
        for (kind, corrupted, message) in cases {
            let (status, stderr, bad) = try Self.merge(corrupted, in: dir, shard1: shard1)
            #expect(status == 2, "\(kind)")
            #expect(stderr == "\(bad):\(message)\n", "\(kind)")
        }
        // An edited value that still reads as a number: only the checksum on line 6 sees it.
        let value = edited(3) { $0[5] = String(Double(peak)! * 1.5) }
        var expected = ShardChecksum()
        for line in value[1...4] { expected.add(line + "\r\n") }
        let (status, stderr, bad) = try Self.merge(value, in: dir, shard1: shard1)
        #expect(status == 2)
        #expect(stderr == "\(bad):6: error: checksum mismatch: lines 2-5 hash to fnv1a64=\(expected.hex), the end line says "
            + lines[5].components(separatedBy: "fnv1a64=")[1] + " (the file was changed after it was written)\n")
        // Truncated after a row: no end line.
        let (cutStatus, cutError, cut) = try Self.merge(Array(lines.prefix(4)), in: dir, shard1: shard1)
        #expect(cutStatus == 2)
        #expect(cutError == "\(cut): error: shard 0/2 has no end line '# receptor-sim end rows=K fnv1a64=...' after its 2 rows "
            + "(members 0 to 2 expected; file truncated, or written by a receptor-sim without shard checksums?)\n")
    }

    /// A population over an event table's subjects has `subject_id` (text) after `member`: the
    /// content checks read status and error one field later and do not ask the ID to be a number.
    @Test func subjectIDColumnShiftsTheStatusChecks() {
        let header: Substring = "member,subject_id,status,error,morphine.clearance_l_per_h,morphine_plasma_nM_peak"
        func problem(_ rows: [Substring]) -> String? {
            do {
                try ShardMerge.checkContent(header: header, rows: rows, firstMember: 4) {
                    StudyError.shardContent(file: "p.csv", line: $0, reason: $1)
                }
                return nil
            } catch {
                return error.description
            }
        }
        #expect(problem(["4,A-17,ok,,61.5,12.5", "5,3,failed,solver failed,58,"]) == nil)
        #expect(problem(["4,A-17,okay,,61.5,12.5"]) == "p.csv:3: status 'okay' is neither 'ok' nor 'failed'")
        #expect(problem(["4,,ok,,61.5,12.5"]) == "p.csv:3: an empty subject_id")
        #expect(problem(["4,A-17,ok,,61.5,12.5", "5,3,failed,,58,"]) == "p.csv:4: status 'failed' without an error text")
        #expect(problem(["4,A-17,ok,,61.5x,12.5"]) == "p.csv:3: field 'morphine.clearance_l_per_h' is not a number: '61.5x'")
    }
}
