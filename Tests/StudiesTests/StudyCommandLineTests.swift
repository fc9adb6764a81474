import Foundation
import Testing
import TestSupport

/// Runs the built receptor-sim binary, as a user (or a Slurm array task) would (`runProduct`).
func receptorSim(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    try runProduct("receptor-sim", arguments)
}

/// A fresh directory with a short oral-morphine scenario in it.
func studyDirectory() throws -> URL {
    let directory = try makeTemporaryDirectory(prefix: "studies")
    let scenario = """
        { name: "short oral", duration_h: 30,
          doses: [ { drug: "morphine", route: "oral", amount_mg: 30, start_h: 0, every_h: 6, count: 3 } ],
          output: { interval_h: 1 }, solver: { rtol: 1e-5, atol: 1e-8 } }
        """
    try scenario.write(to: directory.appendingPathComponent("oral.json"), atomically: true, encoding: .utf8)
    return directory
}

@Suite struct StudyCommandLineTests {
    @Test func populationShardsMergeToTheUnshardedBytesWhateverTheThreads() throws {
        let dir = try studyDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("oral.json").path
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let common = ["population", scenario, "--size", "5", "--seed", "11", "--quiet", "--columns", "withdrawal_index,morphine_plasma_nM"]
        let one = try receptorSim(common + ["--threads", "1", "-o", path("one.csv"), "--bands", path("bands.csv")])
        #expect(one.status == 0, "\(one.stderr)")
        let two = try receptorSim(common + ["--threads", "2", "-o", path("two.csv")])
        #expect(two.status == 0)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path("one.csv")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("two.csv"))) == whole)
        for i in 0..<3 {
            let r = try receptorSim(common + ["--shard", "\(i)/3", "-o", path("shard-\(i).csv")])
            #expect(r.status == 0)
        }
        let merged = try receptorSim(["merge", path("shard-2.csv"), path("shard-0.csv"), path("shard-1.csv"), "-o", path("merged.csv")])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("merged.csv"))) == whole)
        let bands = try String(contentsOfFile: path("bands.csv"), encoding: .utf8)
        #expect(bands.hasPrefix("time_h,withdrawal_index_p05,withdrawal_index_p50,withdrawal_index_p95,morphine_plasma_nM_p05,"))
        #expect(bands.components(separatedBy: "\r\n").count == 33)   // header + rows at 0...30 h + final empty

        let missing = try receptorSim(["merge", path("shard-0.csv"), path("shard-2.csv"), "-o", path("bad.csv")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing 1 of 3 shards: 1/3"))
        #expect(!FileManager.default.fileExists(atPath: path("bad.csv")))
        let duplicate = try receptorSim(["merge", path("shard-0.csv"), path("shard-1.csv"), path("shard-1.csv"), path("shard-2.csv")])
        #expect(duplicate.status == 2)
        #expect(duplicate.stderr.contains("duplicates shard 1/3"))
    }

    @Test func sweepRecordsAFailedPointAndExitsOne() throws {
        let dir = try studyDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try receptorSim(["sweep", dir.appendingPathComponent("oral.json").path, "--quiet",
                                      "--vary", "morphine.mu.kon_per_nM_per_h=40,1.7e308;doses[0].amount_mg=10,20",
                                      "--columns", "morphine_plasma_nM", "--threshold", "morphine_plasma_nM>5"])
        #expect(result.status == 1)
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(lines[1] == "point,status,error,morphine.mu.kon_per_nM_per_h,doses[0].amount_mg,morphine_plasma_nM_peak,morphine_plasma_nM_t_peak_h,morphine_plasma_nM_trough,morphine_plasma_nM_t_trough_h,morphine_plasma_nM_auc,morphine_plasma_nM_h_above_5")
        #expect(lines[2].hasPrefix("0,ok,,40,10,"))
        #expect(lines[3].hasPrefix("1,ok,,40,20,"))
        // Within every parameter's range (a negative clearance is now refused before the
        // sweep starts), but with no drug-free steady state.
        #expect(lines[4].hasPrefix("2,failed,drug-free steady state not found"))
        #expect(lines[5].hasPrefix("3,failed,"))
        #expect(result.stderr.contains("2 of 4 members failed"))
    }

    @Test func repeatedVaryAndThresholdOptionsEqualTheListForm() throws {
        let dir = try studyDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("oral.json").path
        let repeated = try receptorSim(["sweep", scenario, "--quiet",
                                        "--vary", "morphine.clearance_l_per_h=80,95", "--vary", "doses[0].amount_mg=10,20",
                                        "--columns", "morphine_plasma_nM",
                                        "--threshold", "morphine_plasma_nM>5", "--threshold", "morphine_plasma_nM<1"])
        let listed = try receptorSim(["sweep", scenario, "--quiet",
                                      "--vary", "morphine.clearance_l_per_h=80,95;doses[0].amount_mg=10,20",
                                      "--columns", "morphine_plasma_nM", "--threshold", "morphine_plasma_nM>5,morphine_plasma_nM<1"])
        #expect(repeated.status == 0, "\(repeated.stderr)")
        #expect(repeated.stdout.components(separatedBy: "\r\n").count == 1 + 1 + 4 + 1)   // study line, header, 2x2 points, final empty
        #expect(repeated.stdout == listed.stdout)
    }

    @Test func badSpecificationsAreUsageErrors() throws {
        let dir = try studyDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("oral.json").path
        let unknown = try receptorSim(["sweep", scenario, "--vary", "morphine.half_lfe_h=1,2"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown parameter 'morphine.half_lfe_h' for \(scenario); did you mean 'morphine.half_life_h'?"))
        let shard = try receptorSim(["population", scenario, "--size", "3", "--shard", "3/3"])
        #expect(shard.status == 2)
        #expect(shard.stderr.contains("0 <= I < N (I is 0-based)"))
        let dose = try receptorSim(["sweep", scenario, "--vary", "doses[0].at_h=1,2"])
        #expect(dose.status == 2)
        #expect(dose.stderr.contains("invalid dose field 'doses[0].at_h'"))
    }
}
