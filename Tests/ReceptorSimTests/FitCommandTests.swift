import Foundation
import Testing
import TestSupport

/// `receptor-sim fit` end to end on a tiny study in a temporary folder: the exact messages of
/// bad input (exit 2), and a fit whose files are written and whose block a scenario accepts.
@Suite struct FitCommandTests {
    static let scenario = TestStudy.morphineIV

    static func observations(heldBack: Bool) -> String {
        TestStudy.header(title: "Morphine IV test", heldBack: heldBack) + """
        morphine_plasma_nM,half_life,1,6,3,0.3,,2,4

        """
    }

    /// A folder with the study `morphine-test` and the held-back study `morphine-held`.
    func folder() throws -> URL {
        let directory = try makeTemporaryDirectory()
        for (id, held) in [("morphine-test", false), ("morphine-held", true)] {
            try Self.scenario.write(to: directory.appendingPathComponent(id + ".json"), atomically: true, encoding: .utf8)
            try Self.observations(heldBack: held).write(to: directory.appendingPathComponent(id + ".csv"), atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func badInputIsRefusedWithExactMessages() throws {
        let directory = try folder()
        let dir = directory.path
        let help = "\nSee 'receptor-sim fit --help'.\n"
        let cases: [([String], String)] = [
            (["morphine-test"], "receptor-sim fit: error: missing --parameter NAME[=INITIAL][:LOWER:UPPER]" + help),
            (["morphine-test", "-p", "morphine.clearance"],
             "receptor-sim fit: error: unknown parameter 'morphine.clearance': no fitted study's scenario has it; did you mean 'morphine.clearance_l_per_h'?" + help),
            // Nothing close: the names that contain it, listed as `sweep` and `parameters` list them.
            (["morphine-test", "-p", "mu.ki"],
             "receptor-sim fit: error: unknown parameter 'mu.ki': no fitted study's scenario has it; 5 names contain it: "
             + "dynorphin.mu.ki_nM, endorphin.mu.ki_nM, enkephalin.mu.ki_nM, m6g.mu.ki_nM, morphine.mu.ki_nM" + help),
            (["morphine-test", "-p", "morphine.clearance_l_per_h:50:50"],
             "receptor-sim fit: error: invalid --parameter 'morphine.clearance_l_per_h:50:50': lower bound 50 must be below upper bound 50" + help),
            (["morphine-test", "-p", "morphine.clearance_l_per_h:500:50"],
             "receptor-sim fit: error: invalid --parameter 'morphine.clearance_l_per_h:500:50': lower bound 500 must be below upper bound 50" + help),
            (["morphine-test", "-p", "morphine.clearance_l_per_h", "--starts", "0"],
             "receptor-sim fit: error: --starts: expected a whole number from 1 to 1000, found '0'" + help),
            (["morphine-test", "-p", "morphine.clearance_l_per_h", "--seed", "x"],
             "receptor-sim fit: error: --seed: expected a whole number from 0 to 18446744073709551615, found 'x'" + help),
            (["morphine-test", "-p", "morphine.clearance_l_per_h", "-o", dir + "/e.json"],
             "receptor-sim fit: error: -o file '\(dir)/e.json' must end in .json5" + help),
            (["morphine-test", "-p", "morphine.clearance_l_per_h", "-p", "morphine.clearance_l_per_h"],
             "receptor-sim fit: error: --parameter 'morphine.clearance_l_per_h' given more than once" + help),
            (["morphine-test", "-p", "morphine.clearance_l_per_h", "--gradient", "adjoint"],
             "receptor-sim fit: error: --gradient: unknown gradient method 'adjoint' (methods: sensitivities, differences)" + help),
            (["morphine-tset", "-p", "morphine.clearance_l_per_h"],
             "receptor-sim fit: error: no study 'morphine-tset' in \(dir); did you mean 'morphine-test'?" + help),
            (["morphine-test", "morphine-held", "-p", "morphine.clearance_l_per_h"],
             "\(dir)/morphine-held.csv:8: error: study 'morphine-held' is held back (held_back: true): it is kept for independent validation and never fitted\n"),
        ]
        for (arguments, message) in cases {
            let result = try runReceptorSim(["fit", "--dir", dir] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
            == ["morphine-held.csv", "morphine-held.json", "morphine-test.csv", "morphine-test.json"])
    }

    /// A one-parameter fit of the clearance to a half-life: the report, the block (which a
    /// scenario then accepts: `check` exits 0) and the residuals CSV.
    @Test func fitWritesEstimatesAndResiduals() throws {
        let directory = try folder()
        let estimates = directory.appendingPathComponent("estimates.json5").path
        let residuals = directory.appendingPathComponent("residuals.csv").path
        let result = try runReceptorSim(["fit", "--dir", directory.path, "morphine-test", "-p", "morphine.clearance_l_per_h:10:1000",
                                          "--starts", "1", "-o", estimates, "--residuals", residuals, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("fit: 1 parameter, 1 study (1 observation), 1 start, seed 1\n"))
        #expect(result.stdout.contains("observations in their band at the estimates: 1 of 1"))
        let block = try String(contentsOfFile: estimates, encoding: .utf8)
        #expect(block.contains("\"morphine.clearance_l_per_h\": "))
        let csv = try String(contentsOfFile: residuals, encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 2)
        #expect(csv[0] == "study,observable,statistic,time_h,end_h,model,value,sigma,weighted_residual")
        #expect(csv[1].hasPrefix("morphine-test,morphine_plasma_nM,half_life,1.0,6.0,"))
        let fields = csv[1].split(separator: ",")
        #expect(abs(Double(fields[5])! - 3) < 0.01 && Double(fields[7]) == 0.3)

        let scenario = directory.appendingPathComponent("fitted.json")
        try (Self.scenario.replacingOccurrences(of: "output:", with: "parameters: \(block), output:"))
            .write(to: scenario, atomically: true, encoding: .utf8)
        let check = try runReceptorSim(["check", scenario.path])
        #expect(check.status == 0, "\(check.stderr)")
    }

    /// A fitted block carried into another scenario: a parameter of a drug that scenario does
    /// not have is refused by name, exit 2 (a formed metabolite's, m6g's of morphine, is not).
    @Test func aScenarioRefusesAParameterOfADrugItDoesNotHave() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory.appendingPathComponent("s.json").path
        try (Self.scenario.replacingOccurrences(of: "output:", with: "parameters: { \"fentanyl.clearance_l_per_h\": 40 }, output:"))
            .write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try runReceptorSim(["check", path])
        #expect(refused.status == 2)
        let line = Self.scenario.components(separatedBy: "\n").firstIndex { $0.contains("output:") }! + 1
        #expect(refused.stderr == "\(path):\(line): error: parameters[\"fentanyl.clearance_l_per_h\"]: drug 'fentanyl' is not in this scenario "
            + "(not dosed, nor formed from a dosed drug), so 'fentanyl.clearance_l_per_h' would change nothing; dose fentanyl or remove the override\n")
        try (Self.scenario.replacingOccurrences(of: "output:", with: "parameters: { \"m6g.clearance_l_per_h\": 5 }, output:"))
            .write(toFile: path, atomically: true, encoding: .utf8)
        let accepted = try runReceptorSim(["check", path])
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }
}
