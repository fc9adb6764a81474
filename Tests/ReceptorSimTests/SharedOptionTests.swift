import Foundation
import Testing
import TestSupport

/// Options several commands share, declared once: `--method`/`--rtol`/`--atol` (run, sweep,
/// population) and `-q`/`--quiet` (every command that draws progress).
@Suite struct SharedOptionTests {
    /// One day, two doses, hourly rows: a fraction of a second in debug.
    private static func scenario(solver: String = "") -> String {
        """
        { name: "Short", duration_h: 24,
          doses: [{ drug: "morphine", route: "oral", amount_mg: 10, every_h: 8, count: 2, start_h: 1 }],
          output: { interval_h: 1, columns: ["morphine_plasma_nM", "mu_occupancy_total", "withdrawal_index"] },
          \(solver) }
        """
    }

    @Test func runMethodOptionEqualsTheScenarioSetting() throws {
        let directory = try makeTemporaryDirectory()
        let plain = try ChartFixtures.write(Self.scenario(), "plain.json", in: directory)
        let bdf = try ChartFixtures.write(Self.scenario(solver: "solver: { method: \"bdf\", rtol: 1e-5, atol: 1e-8 }"), "bdf.json", in: directory)
        let fromOptions = try runReceptorSim(["run", plain, "--method", "bdf", "--rtol", "1e-5", "--atol", "1e-8"])
        let fromFile = try runReceptorSim(["run", bdf])
        let defaultMethod = try runReceptorSim(["run", plain])
        #expect(fromOptions.status == 0 && fromFile.status == 0 && defaultMethod.status == 0, "\(fromOptions.stderr)")
        #expect(fromOptions.stdout.split(separator: "\r\n").count == 26)
        #expect(fromOptions.stdout == fromFile.stdout)
        // The option did change the method: Rodas5P's rows differ in the last digits.
        #expect(fromOptions.stdout != defaultMethod.stdout)
    }

    /// Sweeps and populations pass `--method`, `--rtol` and `--atol` to every member's
    /// simulation (the base compiled once with the file's own settings): the rows equal those
    /// of a file that sets the same solver block, and differ from the default method's.
    @Test func studySolverOptionsEqualTheScenarioSetting() throws {
        let directory = try makeTemporaryDirectory()
        let plain = try ChartFixtures.write(Self.scenario(), "plain.json", in: directory)
        let bdf = try ChartFixtures.write(Self.scenario(solver: "solver: { method: \"bdf\", rtol: 1e-5, atol: 1e-8 }"), "bdf.json", in: directory)
        for command in [["sweep", "--vary", "morphine.clearance_l_per_h=40,60"], ["population", "--size", "3"]] {
            func rows(_ file: String, _ options: [String]) throws -> [Substring] {
                let result = try runReceptorSim([command[0], file] + command.dropFirst() + options + ["-q", "--threads", "1"])
                #expect(result.status == 0, "\(result.stderr)")
                // Without the '#' study line, whose fingerprint hashes the file's bytes.
                return result.stdout.split(separator: "\r\n").filter { !$0.hasPrefix("#") }
            }
            let fromOptions = try rows(plain, ["--method", "bdf", "--rtol", "1e-5", "--atol", "1e-8"])
            let fromFile = try rows(bdf, [])
            let defaultMethod = try rows(plain, [])
            #expect(fromOptions.count == (command.last == "3" ? 4 : 3))
            #expect(fromOptions == fromFile, "\(command[0])")
            #expect(fromOptions != defaultMethod, "\(command[0]): the option changed the method")
        }
    }

    @Test func badMethodListsTheValidOnes() throws {
        let path = try ChartFixtures.write(Self.scenario(), "s.json", in: try makeTemporaryDirectory())
        for command in [["run"], ["population", "--size", "2"], ["sweep", "--vary", "doses[0].amount_mg=5,10"]] {
            let result = try runReceptorSim([command[0], path] + command.dropFirst() + ["--method", "BDF2"])
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            // Refused by the parser (the option's kind is a choice of methods) with the words a
            // scenario file's `solver.method` gets, before the scenario is read.
            #expect(result.stderr == """
                receptor-sim \(command[0]): error: --method: unknown solver method 'BDF2'; did you mean 'bdf'? \
                (methods: rodas5p, rosenbrock23, bdf, tsit5, rk4)
                See 'receptor-sim \(command[0]) --help'.

                """)
        }
    }

    /// The ranges of `SolverSpecification`, as the messages quote them.
    private static let rtolRange = "must be a finite number >= 1e-13 and <= 0.01 (coarser gives results with no correct digit, finer asks for less than the round-off of double precision)"
    private static let atolRange = "must be a finite number >= 1e-20 and <= 0.001 (it is relative to each state's scale: coarser blurs receptor fractions, finer follows decay through twenty orders of magnitude)"

    @Test(arguments: [
        ("--rtol", "0", "solver.rtol: \(rtolRange), found 0 (from --rtol)"),
        ("--rtol", "2", "solver.rtol: \(rtolRange), found 2 (from --rtol)"),
        ("--rtol", "nan", "solver.rtol: \(rtolRange), found nan (from --rtol)"),
        ("--atol", "-1e-9", "solver.atol: \(atolRange), found -1e-9 (from --atol)"),
        ("--atol", "1", "solver.atol: \(atolRange), found 1 (from --atol)"),
        ("--atol", "tight", "expected a number, found 'tight'"),
    ])
    func badToleranceIsRejectedAsInAScenarioFile(option: String, value: String, message: String) throws {
        let path = try ChartFixtures.write(Self.scenario(), "s.json", in: try makeTemporaryDirectory())
        for command in [["run"], ["population", "--size", "2"]] {
            let result = try runReceptorSim([command[0], path] + command.dropFirst() + [option, value])
            #expect(result.status == 2)
            // A number goes through the one check (the field, its range, the option); text
            // that is no number is the option's own syntax.
            if message.hasPrefix("solver.") {
                #expect(result.stderr == "\(path): error: \(message)\n")
            } else {
                #expect(result.stderr == "receptor-sim \(command[0]): error: \(option): \(message)\nSee 'receptor-sim \(command[0]) --help'.\n")
            }
        }
        // The same limit in a file: rtol 2 is rejected there with the same phrase.
        if value == "2" {
            let file = try ChartFixtures.write(Self.scenario(solver: "solver: { rtol: 2 }"), "f.json", in: try makeTemporaryDirectory())
            let checked = try runReceptorSim(["check", file])
            #expect(checked.stderr == "\(file):4: error: solver.rtol: \(Self.rtolRange), found 2\n")
        }
    }

    /// Every command that draws progress takes `-q`; with it standard error stays empty even
    /// when progress would show from the first update.
    @Test(arguments: ["run", "plot", "report", "compare", "sweep", "population"])
    func quietSilencesProgress(command: String) throws {
        let directory = try makeTemporaryDirectory()
        let path = try ChartFixtures.write(Self.scenario(), "s.json", in: directory)
        let output = directory.appendingPathComponent("out").path
        let arguments: [String]
        switch command {
        case "run": arguments = ["run", path, "-o", output + ".csv"]
        case "plot": arguments = ["plot", path, "-o", output + ".svg"]
        case "report": arguments = ["report", path, "-o", output + ".html"]
        case "compare": arguments = ["compare", path, path, "-o", output + ".svg"]
        case "sweep": arguments = ["sweep", path, "--vary", "doses[0].amount_mg=5,10", "-o", output + ".csv"]
        default: arguments = ["population", path, "--size", "2", "-o", output + ".csv"]
        }
        let environment = ["RECEPTOR_SIM_PROGRESS_DELAY_S": "0"]
        let loud = try runReceptorSim(arguments, environment: environment)
        #expect(loud.status == 0, "\(loud.stderr)")
        #expect(loud.stderr.contains(": done, "), "progress expected without -q: \(loud.stderr)")
        let quiet = try runReceptorSim(arguments + ["-q"], environment: environment)
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        let help = try runReceptorSim([command, "--help"])
        #expect(help.stdout.contains("  -q, --quiet "))
    }
}
