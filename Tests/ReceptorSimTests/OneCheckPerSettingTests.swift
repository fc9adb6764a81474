import Foundation
import Testing
import TestSupport

/// Issue #17: every setting has one check, so a bad value gets the same rejection whether it
/// comes from a scenario file, a sweep (`--vary`, `--rtol`) or a population: exit 2, nothing
/// simulated, and the message text that names the field. Before the one check a dose of
/// 200000 mg and a dose after the end of the run ran through `sweep` with status ok (the late
/// dose silently dropped).
@Suite struct OneCheckPerSettingTests {
    /// One bad value and how each way of giving it is written.
    struct BadValue: Sendable, CustomTestStringConvertible {
        /// What the file says instead of the good value (a line of its own, so the message's
        /// line is known: line 3).
        var fileLine: String
        /// The sweep's options that give the same value over the good scenario.
        var sweep: [String]
        /// The message after `error: `, the same for all three.
        var message: String
        var testDescription: String { String(message.prefix(40)) }
    }

    static let rtolRange = "must be a finite number >= 1e-13 and <= 0.01 (coarser gives results with no correct digit, finer asks for less than the round-off of double precision)"

    static let cases: [BadValue] = [
        BadValue(fileLine: #"parameters: { "morphine.oral.bioavailability": 1.5 },"#,
                 sweep: ["--vary", "morphine.oral.bioavailability=1.5"],
                 message: #"parameters["morphine.oral.bioavailability"]: must be a finite number >= 0 and <= 1 (the share of a dose that reaches the circulation), found 1.5"#),
        BadValue(fileLine: "solver: { rtol: 5 },",
                 sweep: ["--vary", "doses[0].amount_mg=10", "--rtol", "5"],
                 message: "solver.rtol: \(rtolRange), found 5"),
        BadValue(fileLine: #"doses: [{ drug: "morphine", route: "oral", amount_mg: 200000, at_h: 1 }],"#,
                 sweep: ["--vary", "doses[0].amount_mg=200000"],
                 message: "doses[0].amount_mg: must be at most 100000, found 200000"),
        BadValue(fileLine: #"parameters: { "mu.turnover_half_life_h": 0 },"#,
                 sweep: ["--vary", "mu.turnover_half_life_h=0"],
                 message: #"parameters["mu.turnover_half_life_h"]: must be a finite number > 0 (a half-life sets the rate ln 2 / t½, infinite at zero), found 0"#),
        BadValue(fileLine: #"doses: [{ drug: "morphine", route: "oral", amount_mg: 10, at_h: 30 }],"#,
                 sweep: ["--vary", "doses[0].at_h=30"],
                 message: "doses[0].at_h: starts at 30 h, after the end of the run (duration_h 24)"),
    ]

    /// A day of one oral morphine dose; `line` (line 3) replaces the dose when it gives one.
    static func scenario(_ line: String? = nil) -> String {
        let dose = #"doses: [{ drug: "morphine", route: "oral", amount_mg: 10, at_h: 1 }],"#
        let third = line ?? dose
        return """
            { name: "one check", duration_h: 24,
              output: { interval_h: 1, columns: ["mu_occupancy_total"] },
              \(third)
              \(third.hasPrefix("doses") ? "" : dose)
            }
            """
    }

    @Test(arguments: cases)
    func theSameRejectionFromAFileASweepAndAPopulation(bad: BadValue) throws {
        let directory = try makeTemporaryDirectory()
        let badFile = directory.appendingPathComponent("bad.json").path
        let goodFile = directory.appendingPathComponent("good.json").path
        try Self.scenario(bad.fileLine).write(toFile: badFile, atomically: true, encoding: .utf8)
        try Self.scenario().write(toFile: goodFile, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out.csv").path

        let run = try runReceptorSim(["run", badFile, "-o", output, "-q"])
        #expect(run.status == 2)
        #expect(run.stderr == "\(badFile):3: error: \(bad.message)\n")

        let population = try runReceptorSim(["population", badFile, "--size", "2", "-o", output, "-q"])
        #expect(population.status == 2)
        #expect(population.stderr == "\(badFile):3: error: \(bad.message)\n")

        let option = bad.sweep[bad.sweep.count - 2]
        let sweep = try runReceptorSim(["sweep", goodFile] + bad.sweep + ["-o", output, "-q"])
        #expect(sweep.status == 2)
        #expect(sweep.stderr == "\(goodFile): error: \(bad.message) (from \(option))\n")
        #expect(!FileManager.default.fileExists(atPath: output), "nothing is simulated or written")

        // The population's override of the same setting, where it has one.
        if option == "--rtol" {
            let overridden = try runReceptorSim(["population", goodFile, "--size", "2", "--rtol", "5", "-o", output, "-q"])
            #expect(overridden.status == 2)
            #expect(overridden.stderr == "\(goodFile): error: \(bad.message) (from --rtol)\n")
        }
    }

    /// Values that are fine alone but not together are caught when each member is compiled,
    /// by the same check: the member fails with the file's message instead of dropping a dose.
    @Test func aCombinationAfterTheEndFailsItsMemberWithTheSameMessage() throws {
        let directory = try makeTemporaryDirectory()
        let file = directory.appendingPathComponent("repeated.json").path
        try """
            { name: "combination", duration_h: 24,
              doses: [{ drug: "morphine", route: "oral", amount_mg: 10, start_h: 0, every_h: 6, count: 4 }],
              output: { interval_h: 1, columns: ["mu_occupancy_total"] } }
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out.csv").path
        // start 6 with every 6 puts the 4th dose at 24 h (fine); every 8 alone at 24 h (fine);
        // together the 4th dose comes at 30 h.
        let result = try runReceptorSim(["sweep", file, "--vary", "doses[0].start_h=0,6", "--vary", "doses[0].every_h=6,8",
                                         "-o", output, "-q", "--threads", "1"])
        #expect(result.status == 1)
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(whereSeparator: \.isNewline)
        #expect(lines.count == 6)
        #expect(lines[2...4].allSatisfy { $0.split(separator: ",")[1] == "ok" })
        #expect(lines[5].hasPrefix("3,failed,\"doses[0].count: starts at 30 h, after the end of the run (duration_h 24)\",6,8,"))
    }

    /// A scenario whose drug-free steady state cannot be found is a failed simulation (exit 1)
    /// from every command that compiles it, through the one mapping of model errors.
    @Test func anUnsolvableScenarioExitsOneFromRunExportAndSweep() throws {
        let directory = try makeTemporaryDirectory()
        let file = directory.appendingPathComponent("unsolvable.json").path
        try """
            { name: "unsolvable", duration_h: 24, parameters: { "mu.turnover_half_life_h": 1e-12 }, output: { interval_h: 1 } }
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let expected = "\(file): error: simulation failed at t = 0 h: drug-free steady state not found (residual "
        let run = try runReceptorSim(["run", file, "-o", directory.appendingPathComponent("out.csv").path, "-q"])
        let export = try runReceptorSim(["export", file, "-o", directory.appendingPathComponent("out.xml").path])
        let sweep = try runReceptorSim(["sweep", file, "--vary", "mu.turnover_half_life_h=1e-12",
                                        "-o", directory.appendingPathComponent("sweep.csv").path, "-q"])
        for result in [run, export, sweep] {
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
        }
        #expect(run.stderr == export.stderr)
    }

    /// `check --timeline` shows the one expansion the model runs: a route's lag (here an
    /// override) and an infusion cut at the end of the run.
    @Test func theTimelineShowsTheLagAndTheCutTheModelUses() throws {
        let path = try writeTemporaryScenario("""
            { name: "lag", duration_h: 10,
              doses: [{ drug: "morphine", route: "oral", amount_mg: 10, at_h: 1 },
                      { drug: "fentanyl", route: "iv_infusion", rate_mg_per_h: 0.05, start_h: 8, duration_h: 5 }],
              parameters: { "morphine.oral.lag_h": 0.5 } }
            """)
        let result = try runReceptorSim(["check", "--timeline", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("""
              timeline (time in h):
                       1  dose            morphine oral 10 mg (absorbed from 1.5 h)
                       8  infusion start  fentanyl iv_infusion 0.05 mg/h
                      10  infusion end    fentanyl
              end of run at 10 h

            """))
    }
}
