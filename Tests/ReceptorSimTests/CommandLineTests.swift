import Foundation
import Testing
import TestSupport

/// Runs the built receptor-sim binary, as a user would (`runProduct`).
func runReceptorSim(
    _ arguments: [String], environment: [String: String] = [:]
) throws -> (status: Int32, stdout: String, stderr: String) {
    try runProduct("receptor-sim", arguments, environment: environment)
}

@Suite struct CommandLineTests {
    @Test func versionPrintsAndSucceeds() throws {
        let result = try runReceptorSim(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("receptor-sim "))
    }

    @Test func unknownUsageExitsTwo() throws {
        let result = try runReceptorSim(["no-such-command"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown command 'no-such-command'"))
        let typo = try runReceptorSim(["chek", "x.json"])
        #expect(typo.status == 2)
        #expect(typo.stderr.hasPrefix("receptor-sim: error: unknown command 'chek'; did you mean 'check'?"))
    }

    @Test func helpForEveryCommand() throws {
        let top = try runReceptorSim(["--help"])
        #expect(top.status == 0)
        for name in ["run", "check", "drugs"] {
            #expect(top.stdout.contains("  \(name) "))
            let help = try runReceptorSim([name, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("USAGE: receptor-sim \(name)"))
        }
        let none = try runReceptorSim([])
        #expect(none.status == 2)
        #expect(none.stderr.contains("USAGE: receptor-sim COMMAND"))
    }

    @Test func checkAcceptsEveryShippedScenario() throws {
        #expect(shippedScenarios.count >= 16)
        let result = try runReceptorSim(["check"] + shippedScenarios.map(\.path))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").filter { $0.contains(": ok: ") }.count == shippedScenarios.count)
    }

    @Test func checkReportsEveryErrorWithFileFieldAndLine() throws {
        let path = try writeTemporaryScenario("""
            {
              name: "bad",
              duration_h: 100,
              subject: { phenotype: "control", wieght_kg: 70 },
              doses: [
                { drug: "morphine", route: "oral", amount_mg: -30, start_h: 0, every_h: 6, count: 20 },
                { drug: "naloxone", route: "oral", amount_mg: 0.4, at_h: 150 },
              ],
            }
            """)
        let result = try runReceptorSim(["check", path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            \(path):4: error: subject.wieght_kg: unknown key 'wieght_kg'; did you mean 'weight_kg'?
            \(path):6: error: doses[0].amount_mg: must be a finite number >= 0, found -30
            \(path):6: error: doses[0].count: starts at 114 h, after the end of the run (duration_h 100)
            \(path):7: error: doses[1].route: drug 'naloxone' cannot be given by route 'oral' (supported: iv_bolus, iv_infusion, intranasal, im, sublingual)
            \(path):7: error: doses[1].at_h: starts at 150 h, after the end of the run (duration_h 100)

            """)
    }

    /// The suggestions a user gets for the mistakes seen in practice, with the real library.
    @Test func checkSuggestsWhatWasMeant() throws {
        let path = try writeTemporaryScenario("""
            { name: "s", duration_h: 10, subject: { phenotype: "deficit" },
              doses: [{ drug: "morphine", route: "IV", amount_mg: 1, at_h: 0 },
                      { drug: "morphine", route: "oral", amount: 1, at_h: 0 },
                      { drug: "xylazine", route: "oral", amount_mg: 1, at_h: 0 }],
              solver: { method: "ode45" } }
            """)
        let result = try runReceptorSim(["check", path])
        #expect(result.status == 2)
        #expect(result.stderr == """
            \(path):1: error: subject.phenotype: unknown phenotype 'deficit'; did you mean 'opioid_deficit'? (phenotypes: control, opioid_deficit)
            \(path):2: error: doses[0].route: unknown route 'IV'; did you mean 'iv_bolus' or 'iv_infusion'? (routes: oral, sublingual, intranasal, im, iv_bolus, iv_infusion, sc, oral_er, im_er, sc_er_weekly, sc_er_monthly, transdermal)
            \(path):3: error: doses[1]: missing required key 'amount_mg'
            \(path):3: error: doses[1].amount: unknown key 'amount'; did you mean 'amount_mg', 'amount_mg_per_kg' or 'amount_ug'?
            \(path):4: error: doses[2].drug: unknown drug 'xylazine' (see 'receptor-sim drugs' for the library)
            \(path):5: error: solver.method: unknown solver method 'ode45' (methods: rodas5p, rosenbrock23, bdf, tsit5, rk4)

            """)
    }

    /// A scenario's text reaches the terminal escaped: no ESC (colours, titles, cursor moves)
    /// or other control character from a file is ever printed raw.
    @Test func checkEscapesControlCharactersFromTheFile() throws {
        // The file holds JSON escapes; the parsed name and key contain the raw characters.
        let good = try writeTemporaryScenario(#"{ name: "\u001b[31mred\u001b[0m\ttab\u202e", duration_h: 10 }"#)
        let ok = try runReceptorSim(["check", good])
        #expect(ok.status == 0)
        #expect(ok.stdout == #"\#(good): ok: \u001b[31mred\u001b[0m\ttab\u202e (10 h, 0 doses, 0 infusions, 0 events; 41 rows x 48 columns, about 39.4 kB)"# + "\n")
        let timeline = try runReceptorSim(["check", "--timeline", good])
        #expect(timeline.stdout.hasPrefix(ok.stdout + "  timeline (time in h):\n  end of run at 10 h\n"))
        #expect(!timeline.stdout.utf8.contains(0x1B) && !timeline.stdout.contains("\t"))
        let bad = try writeTemporaryScenario(#"{ name: "x", duration_h: 10, "k\u001b]0;owned\u0007": 1 }"#)
        let error = try runReceptorSim(["check", bad])
        #expect(error.status == 2)
        #expect(error.stderr == #"\#(bad):1: error: k\u001b]0;owned\u0007: unknown key 'k\u001b]0;owned\u0007'"# + "\n")
        // A raw ESC byte outside a string is named, escaped, in the syntax error.
        let raw = try writeTemporaryScenario("{ name: \"x\", \u{1B}[2J }")
        let syntax = try runReceptorSim(["check", raw])
        #expect(syntax.status == 2)
        #expect(syntax.stderr == #"\#(raw):1:14: error: unexpected '\u001b', expected a key or '}'"# + "\n")
    }

    /// A slow depot with its own lag (Vivitrol's sustained release, `slow_lag_h` 6 h) is shown
    /// on the dose's line after the route's lag (its initial release, `lag_h` 1.5 h).
    @Test func checkWithTimelineShowsTheSlowDepotsOwnLag() throws {
        let path = try writeTemporaryScenario("""
            { name: "t", duration_h: 100, doses: [{ drug: "naltrexone", route: "im_er", amount_mg: 380, at_h: 2 }] }
            """)
        let result = try runReceptorSim(["check", "--timeline", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("       2  dose            naltrexone im_er 380 mg (absorbed from 3.5 h) (slow share from 8 h)\n"))
    }

    @Test func checkWithTimelineExpandsSchedulesAndDefaults() throws {
        let path = try writeTemporaryScenario("""
            { name: "t", duration_h: 30,
              doses: [{ drug: "morphine", route: "oral", amount_mg: 10, start_h: 0, every_h: 12, count: 3 },
                      { drug: "ketamine", route: "iv_infusion", rate_mg_per_h: 52.5, start_h: 1, duration_h: 0.5 }],
              events: [{ kind: "exercise", start_h: 5, duration_h: 1 }] }
            """)
        let result = try runReceptorSim(["check", "--timeline", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("""
                       0  dose            morphine oral 10 mg
                       1  infusion start  ketamine iv_infusion 52.5 mg/h
                     1.5  infusion end    ketamine
                       5  stimulus start  exercise intensity 1
                       6  stimulus end    exercise
                      12  dose            morphine oral 10 mg
                      24  dose            morphine oral 10 mg
              end of run at 30 h
              subject: control, 70 kg
            """))
        #expect(result.stdout.contains("    events[0].intensity = 1\n"))
        #expect(result.stdout.contains("    subject.phenotype = control\n"))
        #expect(result.stdout.contains("    solver.method = rodas5p\n"))
    }

    @Test func checkSyntaxErrorGivesLineAndColumn() throws {
        let path = try writeTemporaryScenario("{\n  name: 'x',\n  duration_h: 10\n  doses: []\n}\n")
        let result = try runReceptorSim(["check", path])
        #expect(result.status == 2)
        #expect(result.stderr == "\(path):4:3: error: unexpected 'd', expected ',' or '}' after the value of 'duration_h'\n")
    }

    @Test func missingFileIsBadInput() throws {
        let result = try runReceptorSim(["check", "/nonexistent/scenario.json"])
        #expect(result.status == 2)
        #expect(result.stderr == "/nonexistent/scenario.json: error: cannot read scenario file: no such file\n")
    }

    @Test func drugsListsTheLibraryAndSuggestsNames() throws {
        let list = try runReceptorSim(["drugs"])
        #expect(list.status == 0)
        for id in ["morphine", "methadone", "buprenorphine", "naloxone", "naltrexone", "ketamine", "aticaprant"] {
            #expect(list.stdout.contains("\n\(id) "))
        }
        let typo = try runReceptorSim(["drugs", "morfine"])
        #expect(typo.status == 2)
        #expect(typo.stderr == "receptor-sim drugs: error: unknown drug 'morfine'; did you mean 'morphine'? (see 'receptor-sim drugs' for the library)\n"
            + "See 'receptor-sim drugs --help'.\n")
        let prefix = try runReceptorSim(["drugs", "Nalox"])
        #expect(prefix.stderr == "receptor-sim drugs: error: unknown drug 'Nalox'; did you mean 'naloxone'? (see 'receptor-sim drugs' for the library)\n"
            + "See 'receptor-sim drugs --help'.\n")
    }

    @Test func runRejectsBadOptionsBeforeRunning() throws {
        let scenario = shippedScenarios.first { $0.lastPathComponent == "baseline-control.json" }!.path
        let interval = try runReceptorSim(["run", scenario, "--interval", "0"])
        #expect(interval.status == 2)
        #expect(interval.stderr == "\(scenario): error: output.interval_h: must be a finite number > 0, found 0 (from --interval)\n")
        let columns = try runReceptorSim(["run", scenario, "--columns", "withdrawl_index"])
        #expect(columns.status == 2)
        #expect(columns.stderr == "\(scenario): error: output.columns[0]: unknown column 'withdrawl_index'; did you mean 'withdrawal_index'? (from --columns)\n")
        let tiny = try runReceptorSim(["run", scenario, "--interval", "1e-9"])
        #expect(tiny.status == 2)
        #expect(tiny.stderr.hasPrefix("\(scenario): error: output.interval_h: this scenario would write 168 G rows of "))
        #expect(tiny.stderr.contains("; the limit is 10 M rows of 50 columns; raise --max-rows or coarsen --interval (from --interval)\n"))
        let precision = try runReceptorSim(["run", scenario, "--precision", "40"])
        #expect(precision.status == 2)
    }
}
