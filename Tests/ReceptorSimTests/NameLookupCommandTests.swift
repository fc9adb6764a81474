import BuiltInLibrary
import Foundation
import Pharmacology
import Testing
import TestSupport

/// A name a command does not know: every command's usage error says `receptor-sim COMMAND:
/// error:` and ends with its `--help` pointer (exit 2), and `drugs` and `parameters` read a
/// prefix the same way (it selects; text inside names is listed; else the nearest name).
@Suite struct NameLookupCommandTests {
    /// One bad name per command, each refused before anything runs.
    @Test func everyCommandPrefixesItsUsageErrors() throws {
        let directory = try makeTemporaryDirectory()
        try TestStudy.morphineIV.write(to: directory.appendingPathComponent("morphine-test.json"), atomically: true, encoding: .utf8)
        try (TestStudy.header(title: "morphine IV test") + "morphine_plasma_nM,at,1,,40,4,,30,50\n")
            .write(to: directory.appendingPathComponent("morphine-test.csv"), atomically: true, encoding: .utf8)
        let scenario = directory.appendingPathComponent("morphine-test.json").path
        let dir = ["--dir", directory.path]
        let cases: [(command: String, arguments: [String])] = [
            ("drugs", ["morfine"]),
            ("drugs", ["--export", "morfine"]),
            ("parameters", ["mu.ki"]),
            ("parameters", ["morfine."]),
            ("validate", ["morphine-tset", "-q"] + dir),
            ("fit", ["morphine-tset", "-p", "morphine.clearance_l_per_h", "-q"] + dir),
            ("fit", ["morphine-test", "-p", "morfine.clearance_l_per_h", "-q"] + dir),
            ("export", ["--format", "petab", "morphine-tset", "-p", "morphine.clearance_l_per_h", "-o", directory.path + "/new"] + dir),
            ("sweep", [scenario, "--vary", "morfine.clearance_l_per_h=50,60", "-q"]),
            ("population", [scenario, "--size", "2", "--variability", "morfine.clearance_l_per_h=30", "-q"]),
            ("run", [scenario, "--method", "bdf2"]),
        ]
        for (command, arguments) in cases {
            let result = try runReceptorSim([command] + arguments)
            #expect(result.status == 2, "\(command) \(arguments)")
            #expect(result.stdout.isEmpty, "\(command) \(arguments)")
            #expect(result.stderr.hasPrefix("receptor-sim \(command): error: "), "\(command) \(arguments): \(result.stderr)")
            #expect(result.stderr.hasSuffix("\nSee 'receptor-sim \(command) --help'.\n"), "\(command) \(arguments): \(result.stderr)")
        }
    }

    @Test func drugsExplainsAnUnknownName() throws {
        let help = "\nSee 'receptor-sim drugs --help'.\n"
        let expected: [([String], String)] = [
            (["morfine"], "unknown drug 'morfine'; did you mean 'morphine'? (see 'receptor-sim drugs' for the library)"),
            (["--export", "morfine"], "unknown drug 'morfine'; did you mean 'morphine'? (see 'receptor-sim drugs' for the library)"),
            (["Nalox"], "unknown drug 'Nalox'; did you mean 'naloxone'? (see 'receptor-sim drugs' for the library)"),
            (["trexo"], "no drug id starts with 'trexo'; 3 drug ids contain it: naltrexone, naltrexol_6beta, methylnaltrexone"),
            (["--export", "naltrex"], "2 drug ids start with 'naltrex': naltrexone, naltrexol_6beta; --export takes one"),
        ]
        for (arguments, message) in expected {
            let result = try runReceptorSim(["drugs"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == "receptor-sim drugs: error: " + message + help, "\(arguments)")
        }
    }

    /// A prefix of one id is that drug; of several, the table of those drugs.
    @Test func drugsReadsAPrefixAsParametersDoes() throws {
        let one = try runReceptorSim(["drugs", "morph"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == (try runReceptorSim(["drugs", "morphine"])).stdout)
        #expect(one.stdout.hasPrefix("morphine: morphine\n"))
        let export = try runReceptorSim(["drugs", "--export", "morph"])
        #expect(export.stdout == (try runReceptorSim(["drugs", "--export", "morphine"])).stdout)

        let several = try runReceptorSim(["drugs", "naltrex"])
        #expect(several.status == 0, "\(several.stderr)")
        let ids = several.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().prefix { !$0.isEmpty }.map { String($0.prefix { $0 != " " }) }
        #expect(ids == ["naltrexone", "naltrexol_6beta"])
        #expect(several.stdout.hasSuffix("\n2 drug ids start with 'naltrex'.\n"))
        // The parameters of the same prefix are those two drugs' (and only theirs).
        let parameters = try runReceptorSim(["parameters", "naltrex"])
        let heads = Set(ParametersCommandTests.rows(parameters.stdout).map { String($0[0].prefix { $0 != "." }) })
        #expect(heads == ["naltrexone", "naltrexol_6beta"])
    }

    /// `mu.ki` starts no name but is inside every `<drug>.mu.ki_nM`: the error lists those, not 'mu'.
    @Test func parametersListsNamesThatContainTheText() throws {
        let containing = ParameterCatalog.entries(of: DrugLibrary.builtIn).map(\.name).filter { $0.contains("mu.ki") }
        #expect(containing.count > 30)
        #expect(containing.contains("morphine.mu.ki_nM") && containing.allSatisfy { $0.hasSuffix(".mu.ki_nM") })
        let result = try runReceptorSim(["parameters", "mu.ki"])
        #expect(result.status == 2)
        #expect(result.stderr == "receptor-sim parameters: error: no parameter name starts with 'mu.ki'; \(containing.count) names contain it: "
            + containing.prefix(5).joined(separator: ", ") + ", ...\nSee 'receptor-sim parameters --help'.\n")
        // A sweep's or population's unknown name is answered the same way, from the scenario's names.
        let directory = try makeTemporaryDirectory()
        let scenario = directory.appendingPathComponent("s.json")
        try TestStudy.morphineIV.write(to: scenario, atomically: true, encoding: .utf8)
        let sweep = try runReceptorSim(["sweep", scenario.path, "--vary", "mu.ki=1,2", "-q"])
        #expect(sweep.status == 2)
        #expect(sweep.stderr == "receptor-sim sweep: error: unknown parameter 'mu.ki' for \(scenario.path); 5 names contain it: "
            + "endorphin.mu.ki_nM, enkephalin.mu.ki_nM, dynorphin.mu.ki_nM, morphine.mu.ki_nM, m6g.mu.ki_nM\nSee 'receptor-sim sweep --help'.\n")
        let one = try runReceptorSim(["parameters", "turnover_half"])
        #expect(one.stderr.hasPrefix("receptor-sim parameters: error: no parameter name starts with 'turnover_half'; "))
        #expect(!one.stderr.contains("did you mean"))
    }
}
