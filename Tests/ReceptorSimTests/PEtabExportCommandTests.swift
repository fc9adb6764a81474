import Foundation
import Testing
import TestSupport

/// `receptor-sim export --format petab` end to end on small studies in a temporary folder: the
/// five tables with their exact text, the warning for skipped window statistics, and the
/// refusals (unknown study, DIR a file, studies that cannot share a model).
@Suite struct PEtabExportCommandTests {
    static let scenario = TestStudy.morphineIV
    static let otherDrug = """
        // A test study: naloxone 0.4 mg IV at 0 h.
        { name: "naloxone IV", duration_h: 6,
          doses: [ { drug: "naloxone", route: "iv_bolus", amount_mg: 0.4, at_h: 0 } ],
          output: { interval_h: 0.5 } }
        """

    static func observations(heldBack: Bool, drug: String = "morphine") -> String {
        TestStudy.header(title: "\(drug) IV test", drug: drug, heldBack: heldBack) + """
        \(drug)_plasma_nM,at,1,,40,4,,30,50
        \(drug)_plasma_nM,at,2.5,,20,,,15,25
        \(drug)_plasma_nM,half_life,1,6,3,0.3,,2,4

        """
    }

    /// `morphine-test`, the held-back `morphine-held` (same scenario) and `naloxone-test`.
    func folder() throws -> URL {
        let directory = try makeTemporaryDirectory()
        for (id, held, text, drug) in [("morphine-test", false, Self.scenario, "morphine"), ("morphine-held", true, Self.scenario, "morphine"),
                                       ("naloxone-test", false, Self.otherDrug, "naloxone")] {
            try text.write(to: directory.appendingPathComponent(id + ".json"), atomically: true, encoding: .utf8)
            try Self.observations(heldBack: held, drug: drug).write(to: directory.appendingPathComponent(id + ".csv"), atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// Two studies (one held back: exporting fits nothing) into a new folder: exact tables.
    @Test func writesTheFiveTablesAndWarnsOfSkippedStatistics() throws {
        let directory = try folder()
        let out = directory.appendingPathComponent("problem").path
        let result = try runReceptorSim(["export", "--format", "petab", "--dir", directory.path, "morphine-test", "morphine-held",
                                         "-p", "morphine.clearance_l_per_h=50:5:500", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            warning: skipped morphine-test line 11: morphine_plasma_nM half_life@1-6h (a window statistic has no PEtab measurement; only 'at' values are exported)
            warning: skipped morphine-held line 12: morphine_plasma_nM half_life@1-6h (a window statistic has no PEtab measurement; only 'at' values are exported)

            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            == ["conditions.tsv", "measurements.tsv", "model.xml", "observables.tsv", "parameters.tsv", "problem.yaml"])
        func read(_ name: String) throws -> String { try String(contentsOfFile: out + "/" + name, encoding: .utf8) }
        #expect(try read("measurements.tsv") == """
            observableId\tsimulationConditionId\tmeasurement\ttime\tnoiseParameters
            obs_morphine_plasma_nM\tmorphine_test\t40.0\t1.0\t4.0
            obs_morphine_plasma_nM\tmorphine_test\t20.0\t2.5\t5.0
            obs_morphine_plasma_nM\tmorphine_held\t40.0\t1.0\t4.0
            obs_morphine_plasma_nM\tmorphine_held\t20.0\t2.5\t5.0

            """)
        #expect(try read("parameters.tsv") == """
            parameterId\tparameterName\tparameterScale\tlowerBound\tupperBound\tnominalValue\testimate
            fit_morphine_clearance_l_per_h\tmorphine.clearance_l_per_h\tlog\t5.0\t500.0\t50.0\t1

            """)
        #expect(try read("conditions.tsv") == """
            conditionId\tconditionName\tregimen_morphine_test\tregimen_morphine_held
            morphine_test\tmorphine-test\t1\t0
            morphine_held\tmorphine-held\t0\t1

            """)
        #expect(try read("observables.tsv") == """
            observableId\tobservableName\tobservableFormula\tobservableTransformation\tnoiseFormula\tnoiseDistribution
            obs_morphine_plasma_nM\tmorphine_plasma_nM\tmorphine_plasma_nM\tlin\tnoiseParameter1_obs_morphine_plasma_nM\tnormal

            """)
        #expect(try read("problem.yaml").hasPrefix("format_version: 1\nparameter_file: parameters.tsv\n"))
        let model = try read("model.xml")
        // The fitted parameter is an SBML parameter; the two studies' doses at 0 h are one event.
        #expect(model.contains("<parameter id=\"fit_morphine_clearance_l_per_h\" name=\"morphine.clearance_l_per_h\""))
        #expect(model.contains("<ci>fit_morphine_clearance_l_per_h</ci>"))
        #expect(model.components(separatedBy: "<event ").count == 2)
        #expect(model.contains("<ci>regimen_morphine_held</ci>"))
    }

    /// Numbers computed from three-digit inputs print as those digits: the default bounds of a
    /// start 1.39 (1.39 / 10 is 0.13899999999999998 in a Double) and a sigma that is half the
    /// band 0.1 to 0.3 (0.09999999999999999).
    @Test func tablesPrintComputedNumbersAsTheirInputsDigits() throws {
        let directory = try makeTemporaryDirectory()
        try Self.scenario.write(to: directory.appendingPathComponent("morphine-test.json"), atomically: true, encoding: .utf8)
        try (TestStudy.header(title: "morphine IV test") + "morphine_plasma_nM,at,1.5,,0.2,,,0.1,0.3\n")
            .write(to: directory.appendingPathComponent("morphine-test.csv"), atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("problem").path
        let result = try runReceptorSim(["export", "--format", "petab", "--dir", directory.path, "morphine-test",
                                         "-p", "morphine.clearance_l_per_h=1.39", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(1.39 / 10 != 0.139 && 1.39 * 10 != 13.9 && (0.3 - 0.1) / 2 != 0.1)
        func read(_ name: String) throws -> String { try String(contentsOfFile: out + "/" + name, encoding: .utf8) }
        #expect(try read("parameters.tsv") == """
            parameterId\tparameterName\tparameterScale\tlowerBound\tupperBound\tnominalValue\testimate
            fit_morphine_clearance_l_per_h\tmorphine.clearance_l_per_h\tlog\t0.139\t13.9\t1.39\t1

            """)
        #expect(try read("measurements.tsv") == """
            observableId\tsimulationConditionId\tmeasurement\ttime\tnoiseParameters
            obs_morphine_plasma_nM\tmorphine_test\t0.2\t1.5\t0.1

            """)
    }

    @Test func refusals() throws {
        let directory = try folder()
        let dir = directory.path
        let file = directory.appendingPathComponent("a-file").path
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let help = "\nSee 'receptor-sim export --help'.\n"
        let p = ["-p", "morphine.clearance_l_per_h"]
        let cases: [([String], String)] = [
            (["morphine-tset"] + p + ["-o", dir + "/new"],
             "receptor-sim export: error: no study 'morphine-tset' in \(dir); did you mean 'morphine-test'?" + help),
            (["morphine-test"] + p + ["-o", file],
             "receptor-sim export: error: -o '\(file)': is a file; --format petab writes a folder of files (give a new or existing folder)\n"),
            (["morphine-test"] + p,
             "receptor-sim export: error: --format petab needs -o DIR (the folder to write the problem's files into)" + help),
            (["morphine-test", "-o", dir + "/new"],
             "receptor-sim export: error: --format petab needs --parameter NAME[=INITIAL][:LOWER:UPPER] (the parameters to estimate)" + help),
        ]
        for (arguments, message) in cases {
            let result = try runReceptorSim(["export", "--format", "petab", "--dir", dir] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
        }
        let mixed = try runReceptorSim(["export", "--format", "petab", "--dir", dir, "morphine-test", "naloxone-test",
                                        "-p", "morphine.clearance_l_per_h", "-o", dir + "/new"])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("error: studies 'morphine-test' and 'naloxone-test' cannot share one PEtab model: they differ in the states (the drug sets differ)"),
                "\(mixed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/new"))
    }
}
