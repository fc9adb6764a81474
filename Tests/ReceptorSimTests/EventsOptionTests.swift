import Foundation
import Testing
import TestSupport

/// `--events FILE.csv` on run, check and the studies: a NONMEM-style table gives the same bytes
/// as the scenario that writes its doses by hand.
@Suite struct EventsOptionTests {
    /// A column of `drug` is valid only when the scenario (with the table) gives that drug.
    private static func header(_ drug: String = "morphine") -> String {
        #"name: "events", duration_h: 30, output: { interval_h: 0.5, columns: ["\#(drug)_plasma_nM", "mu_occupancy_total"] }"#
    }
    private static let base = "{ \(header()) }"
    private static let fentanylBase = "{ \(header("fentanyl")) }"

    /// Runs `run` on `scenario` (and `--events table` when given) into a fresh file; its bytes.
    private func run(_ scenario: String, events table: String? = nil) throws -> (csv: String, stderr: String) {
        let directory = try makeTemporaryDirectory()
        let scenarioPath = directory.appendingPathComponent("s.json5").path
        try scenario.write(toFile: scenarioPath, atomically: false, encoding: .utf8)
        var arguments = ["run", scenarioPath, "-o", directory.appendingPathComponent("out.csv").path, "--quiet"]
        if let table {
            let tablePath = directory.appendingPathComponent("events.csv").path
            try table.write(toFile: tablePath, atomically: false, encoding: .utf8)
            arguments += ["--events", tablePath]
        }
        let result = try runProduct("receptor-sim", arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return (try String(contentsOfFile: directory.appendingPathComponent("out.csv").path, encoding: .utf8), result.stderr)
    }

    @Test func oralEverySixHoursFromADDLAndIIIsTheRepeatedDose() throws {
        let byTable = try run(Self.base, events: "TIME,AMT,DRUG,ROUTE,ADDL,II\n1,10,morphine,oral,3,6\n")
        let byHand = try run(#"{ \#(Self.header()), doses: [{ drug: "morphine", route: "oral", amount_mg: 10, start_h: 1, every_h: 6, count: 4 }] }"#)
        #expect(byTable.csv == byHand.csv)
        let rows = byTable.csv.split(separator: "\r\n")
        #expect(rows.count == 62)
        // The doses arrived: morphine in plasma at the end of the run (11 h after the last).
        let last = try #require(rows.last?.split(separator: ",").compactMap { Double($0) })
        #expect(last.count == 3 && last[1] > 0, "\(rows.last ?? "")")
    }

    @Test(arguments: ["TIME,AMT,DRUG,ROUTE,RATE,DUR\n2,,fentanyl,iv_infusion,0.05,2\n", "TIME,AMT,DRUG,ROUTE,RATE,DUR\n2,0.1,fentanyl,iv_infusion,,2\n"])
    func infusionFromRateOrAmountWithDurationIsTheInfusion(table: String) throws {
        let byTable = try run(Self.fentanylBase, events: table)
        let byHand = try run(#"{ \#(Self.header("fentanyl")), doses: [{ drug: "fentanyl", route: "iv_infusion", rate_mg_per_h: 0.05, start_h: 2, duration_h: 2 }] }"#)
        #expect(byTable.csv == byHand.csv)
    }

    @Test func observationRowsAreSkippedWithANote() throws {
        let byTable = try run(Self.base, events: "ID,TIME,AMT,DRUG,ROUTE,EVID\n1,0,.,,,0\n1,1,10,morphine,oral,1\n1,3,,,,0\n")
        let byHand = try run(#"{ \#(Self.header()), doses: [{ drug: "morphine", route: "oral", amount_mg: 10, at_h: 1 }] }"#)
        #expect(byTable.csv == byHand.csv)
        #expect(byTable.stderr.hasSuffix("events.csv: note: 2 observation rows (EVID 0) skipped; only dose rows (EVID 1) are read\n"), "\(byTable.stderr)")
    }

    @Test func checkTimelineShowsTheTablesDoses() throws {
        let scenario = try writeTemporaryScenario(Self.base)
        let table = try writeTemporaryScenario("TIME,AMT,DRUG,ROUTE,ADDL,II\n1,10,morphine,oral,1,6\n", name: "events.csv")
        let result = try runProduct("receptor-sim", ["check", scenario, "--events", table, "--timeline"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 doses, 0 infusions"), "\(result.stdout)")
        #expect(result.stdout.contains("           1  dose            morphine oral 10 mg\n           7  dose            morphine oral 10 mg\n"), "\(result.stdout)")
    }

    @Test func aBadRowExitsTwoWithFileLineAndColumn() throws {
        let scenario = try writeTemporaryScenario(#"{ name: "events", duration_h: 30 }"#)
        let table = try writeTemporaryScenario("time,amt,drug,route\n1,10,morfine,oral\n", name: "events.csv")
        for command in ["run", "check", "sweep"] {
            var arguments = [command, scenario, "--events", table]
            if command == "sweep" { arguments += ["--vary", "morphine.half_life_h=2,3"] }
            let result = try runProduct("receptor-sim", arguments)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr == "\(table):2: error: column 'DRUG': unknown drug 'morfine'; did you mean 'morphine'? (see 'receptor-sim drugs' for the library)\n", "\(command)")
        }
    }

    /// The audit's table: the unparsable TIME of line 2 used to hide line 3's two problems.
    @Test func everyRowsProblemsInOneReport() throws {
        let scenario = try writeTemporaryScenario(#"{ name: "events", duration_h: 30 }"#)
        let table = try writeTemporaryScenario("ID,TIME,AMT,DRUG,ROUTE\n1,abc,10,morphine,oral\n1,5,-3,morphine,orl\n", name: "events.csv")
        for command in ["check", "run"] {
            let result = try runProduct("receptor-sim", [command, scenario, "--events", table])
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr == """
                \(table):2: error: column 'TIME': must be a finite number, found abc
                \(table):3: error: column 'AMT': must be a finite number >= 0, found -3
                \(table):3: error: column 'ROUTE': unknown route 'orl'; did you mean 'oral'? (routes: oral, sublingual, intranasal, im, iv_bolus, iv_infusion, sc, oral_er, im_er, sc_er_weekly, sc_er_monthly, transdermal)

                """, "\(command)")
        }
    }

    /// A row the scenario decoder rejects (line 2) and one the table reader cannot read (line 3)
    /// come in the table's line order (`ScenarioReader` sorts every problem into document
    /// order), though the decoder collects the unreadable rows first.
    @Test func tableProblemsComeInLineOrder() throws {
        let scenario = try writeTemporaryScenario(#"{ name: "events", duration_h: 30 }"#)
        let table = try writeTemporaryScenario("ID,TIME,AMT,DRUG,ROUTE\n1,5,10,morphine,orl\n1,abc,10,morphine,oral\n", name: "events.csv")
        let result = try runProduct("receptor-sim", ["check", scenario, "--events", table])
        #expect(result.status == 2)
        #expect(result.stderr == """
            \(table):2: error: column 'ROUTE': unknown route 'orl'; did you mean 'oral'? (routes: oral, sublingual, intranasal, im, iv_bolus, iv_infusion, sc, oral_er, im_er, sc_er_weekly, sc_er_monthly, transdermal)
            \(table):3: error: column 'TIME': must be a finite number, found abc

            """)
    }

    /// A row dosing a `drugs[]` entry that has errors points at that entry, as `doses[]` do
    /// (it said "unknown drug" until the 2026-12-07 review).
    @Test func aRowDosingAnInvalidDefinitionPointsAtIt() throws {
        let scenario = try writeTemporaryScenario(#"{ name: "events", duration_h: 30, drugs: [{ id: "my_opioid", molar_mass_g_per_mol: 300, routes: { iv_bolus: {} }, central_volume_l: 10, ke0_per_h: 5, fraction_unbound: 0.5, bindings: {} }] }"#)
        let table = try writeTemporaryScenario("TIME,AMT,DRUG,ROUTE\n1,1,my_opioid,iv_bolus\n", name: "events.csv")
        let result = try runProduct("receptor-sim", ["check", scenario, "--events", table])
        #expect(result.status == 2)
        #expect(result.stderr.contains(
            "\(table):2: error: column 'DRUG': drug 'my_opioid' is defined at drugs[0], which has errors (listed with that path); fix them to dose it"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("unknown drug"), "\(result.stderr)")
    }

    @Test func sweepRunsTheTablesDoses() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try writeTemporaryScenario(#"{ name: "events", duration_h: 30, output: { interval_h: 0.5 } }"#)
        let table = try writeTemporaryScenario("TIME,AMT,DRUG,ROUTE\n1,10,morphine,oral\n", name: "events.csv")
        let output = directory.appendingPathComponent("sweep.csv").path
        let result = try runProduct("receptor-sim", ["sweep", scenario, "--events", table, "--vary", "morphine.half_life_h=2,3",
                                                     "--columns", "morphine_plasma_nM", "-o", output, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        // Without the table there is no morphine in the scenario and the column is unknown.
        #expect(text.contains("morphine_plasma_nM"), "\(text)")
    }
}
