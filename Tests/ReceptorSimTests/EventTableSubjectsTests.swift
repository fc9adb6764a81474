import Foundation
import Testing
import TestSupport

/// `--events` tables with `SS=1` (the run starts at a regimen's periodic steady state) and with
/// several `ID`s (one population member per subject), each against a hand-written equivalent.
@Suite struct EventTableSubjectsTests {
    /// Writes `files` (name: text) into a fresh directory; their paths by name.
    private func write(_ files: [String: String]) throws -> [String: String] {
        let directory = try makeTemporaryDirectory()
        var paths: [String: String] = [:]
        for (name, text) in files {
            let path = directory.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            paths[name] = path
        }
        paths["dir"] = directory.path
        return paths
    }

    /// The CSV's rows as numbers (header dropped).
    private func rows(_ csv: String) -> [[Double]] {
        csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
    }

    private func run(_ arguments: [String]) throws -> String {
        let result = try runProduct("receptor-sim", arguments + ["--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try #require(arguments.firstIndex(of: "-o").map { arguments[$0 + 1] })
        return try String(contentsOfFile: output, encoding: .utf8)
    }

    /// A one-compartment drug with linear elimination (V = 50 L, CL = 10 L/h, so k = 0.2 /h),
    /// 3 mg (10,000 nmol at 300 g/mol, 200 nM in V) IV every 6 h at steady state: the peak is
    /// 200 nM / (1 − e^{−k·II}) = 286.20 nM and the trough 6 h later that times e^{−1.2}
    /// = 86.20 nM (the accumulation factor of a one-compartment model, Gibaldi & Perrier,
    /// Pharmacokinetics, ch. 3). Tolerance 1e-4 relative: the run's rtol is the default 1e-6
    /// and the pre-run stops within the run's tolerance of the periodic state (a start off by
    /// one dosing interval would be 30 % off).
    @Test func steadyStateOfAOneCompartmentDrugIsTheAnalyticAccumulation() throws {
        let scenario = #"""
        { name: "one compartment at steady state", duration_h: 6,
          drugs: [{ id: "onecomp", name: "a one-compartment test drug", molar_mass_g_per_mol: { value: 300, source: "test" },
                    routes: { iv_bolus: {} }, central_volume_l: { value: 50, source: "test" },
                    clearance_l_per_h: { value: 10, source: "test" }, ke0_per_h: { value: 1, source: "test" },
                    fraction_unbound: { value: 1, source: "test" }, brain_partition: { value: 1, source: "test" },
                    bindings: { mu: { class: "agonist", ki_nM: { value: 100, source: "test" }, efficacy: { value: 0.5, source: "test" },
                                      arrestin_bias: { value: 0.1, source: "test" } } } }],
          output: { interval_h: 0.5, columns: ["onecomp_plasma_nM"] } }
        """#
        let files = try write(["s.json5": scenario, "events.csv": "TIME,AMT,DRUG,ROUTE,II,SS\n0,3,onecomp,iv_bolus,6,1\n",
                               "first.csv": "TIME,AMT,DRUG,ROUTE,II,SS\n0,3,onecomp,iv_bolus,6,0\n"])
        let out = files["dir"]! + "/out.csv"
        let table = rows(try run(["run", files["s.json5"]!, "--events", files["events.csv"]!, "-o", out]))
        let k = 10.0 / 50, interval = 6.0
        let peak = 200 / (1 - exp(-k * interval))
        #expect(isClose(table.first![1], peak, relative: 1e-4), "peak \(table.first![1]) vs \(peak)")
        #expect(isClose(table.last![1], peak * exp(-k * interval), relative: 1e-4), "trough \(table.last![1])")
        // Without SS the same dose from a drug-free start peaks at 200 nM.
        let first = rows(try run(["run", files["s.json5"]!, "--events", files["first.csv"]!, "-o", out]))
        #expect(isClose(first.first![1], 200, relative: 1e-6), "first dose \(first.first![1])")
    }

    /// Morphine 10 mg by mouth every 6 h at steady state (SS=1 at TIME 0) equals the same dose
    /// given by hand every 6 h for 2,400 h (100 days) before a 24 h window, compared at every
    /// output time within 1e-3 of each column's range over the window plus 1e-4 of its level:
    /// the pre-run's periodic state against one reached by brute force. Measured: at most
    /// 3e-6 apart (withdrawal_index, range 0.016); reward_adaptation, nearly flat over a day
    /// (range 1.6e-4 at 0.08), is 1.3e-6 apart, what it still moves after 100 days.
    @Test func steadyStateStartEqualsTheRegimenGivenByHandForMonths() throws {
        let lead = 2400.0
        let columns = #"columns: ["morphine_plasma_nM", "mu_occupancy_total", "mu_surface_rel", "tolerance_index", "reward_adaptation", "withdrawal_index"]"#
        let files = try write([
            "ss.json5": #"{ name: "ss", duration_h: 24, output: { interval_h: 1, \#(columns) } }"#,
            "events.csv": "TIME,AMT,DRUG,ROUTE,II,SS,ADDL\n0,10,morphine,oral,6,1,3\n",
            "hand.json5": #"{ name: "hand", duration_h: \#(Int(lead) + 24), output: { interval_h: 1, \#(columns) }, "#
                + #"doses: [{ drug: "morphine", route: "oral", amount_mg: 10, start_h: 0, every_h: 6, count: \#(Int(lead) / 6 + 4) }] }"#,
        ])
        let dir = files["dir"]!
        let bySS = rows(try run(["run", files["ss.json5"]!, "--events", files["events.csv"]!, "-o", dir + "/ss.csv"]))
        let byHand = rows(try run(["run", files["hand.json5"]!, "-o", dir + "/hand.csv"])).filter { $0[0] >= lead - 1e-9 }
        #expect(bySS.count == 25 && byHand.count == 25)
        for j in 1..<bySS[0].count {
            let ours = bySS.map { $0[j] }, theirs = byHand.map { $0[j] }
            let range = theirs.max()! - theirs.min()!, level = theirs.map(abs).max()!
            let worst = zip(ours, theirs).map { abs($0 - $1) }.max()!
            #expect(worst <= 1e-3 * range + 1e-4 * level, "column \(j): \(worst) vs range \(range), level \(level)")
        }
        // And the run did not start drug-free: morphine is in plasma at t = 0 (before the dose is absorbed).
        #expect(bySS[0][1] > 1)
    }

    @Test func checkTimelineShowsTheSteadyStateStart() throws {
        let files = try write(["s.json5": #"{ name: "ss", duration_h: 24 }"#,
                               "events.csv": "TIME,AMT,DRUG,ROUTE,II,SS\n10,10,morphine,oral,6,1\n"])
        let result = try runProduct("receptor-sim", ["check", files["s.json5"]!, "--events", files["events.csv"]!, "--timeline"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  steady state    morphine oral 10 mg every 6 h since long before the run (last dose 2 h before t = 0; "
                                       + "the run starts at its periodic steady state)\n"), "\(result.stdout)")
        #expect(result.stdout.contains("           4  dose            morphine oral 10 mg"), "\(result.stdout)")
    }

    /// A study may not vary the dose of the regimen an `SS=1` row starts at steady state: the
    /// start is computed from the table's AMT and II, so every member would continue a
    /// different regimen from the original one's steady state (a silent wrong answer).
    @Test func aSteadyStateRegimensDoseCannotBeVaried() throws {
        let files = try write(["s.json5": #"{ name: "ss", duration_h: 24 }"#,
                               "events.csv": "TIME,AMT,DRUG,ROUTE,II,SS,ADDL\n0,10,morphine,oral,6,1,3\n"])
        for field in ["amount_mg", "every_h"] {
            let result = try runProduct("receptor-sim", ["sweep", files["s.json5"]!, "--events", files["events.csv"]!,
                                                         "--vary", "doses[0].\(field)=5,8", "-o", files["dir"]! + "/sweep.csv", "--quiet"])
            #expect(result.status == 2, "\(field): \(result.stderr)")
            #expect(result.stderr.contains("doses[0].\(field)") && result.stderr.contains(
                "the run starts at the steady state of this morphine regimen (SS=1 in the event table); "
                + "vary AMT or II in the table instead, one run per table"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: files["dir"]! + "/sweep.csv"))
        }
    }

    /// Two subjects: member k of the population is the scenario with ID k's doses (population of
    /// one of the hand-written scenario, no variability: CV 0), metric for metric, and its row
    /// names the ID.
    @Test func populationMemberKRunsTheRegimenOfTheKthID() throws {
        let base = #"{ name: "ids", duration_h: 24, output: { interval_h: 0.5 } }"#
        let files = try write([
            "s.json5": base,
            "ids.csv": "ID,TIME,AMT,DRUG,ROUTE,ADDL,II\n5,1,10,morphine,oral,3,6\n2,0,30,morphine,oral,,\n5,20,0.4,naloxone,iv_bolus,,\n",
            "five.json5": #"{ name: "ids", duration_h: 24, output: { interval_h: 0.5 }, doses: [{ drug: "morphine", route: "oral", amount_mg: 10, start_h: 1, every_h: 6, count: 4 }, { drug: "naloxone", route: "iv_bolus", amount_mg: 0.4, at_h: 20 }] }"#,
            "two.json5": #"{ name: "ids", duration_h: 24, output: { interval_h: 0.5 }, doses: [{ drug: "morphine", route: "oral", amount_mg: 30, at_h: 0 }] }"#,
        ])
        let dir = files["dir"]!
        let options = ["--variability", "morphine.clearance_l_per_h=0%", "--columns", "morphine_plasma_nM,mu_occupancy_total,dopamine_tone"]
        func body(_ text: String) -> [[String]] {
            text.split(separator: "\r\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        let population = body(try run(["population", files["s.json5"]!, "--events", files["ids.csv"]!, "--size", "2", "-o", dir + "/p.csv"] + options))
        #expect(population.count == 3)
        // The member's ID follows its index, so a row joins back to the table (IDs 5 then 2:
        // the order of first appearance, not numeric order).
        for (member, (scenario, id)) in [("five.json5", "5"), ("two.json5", "2")].enumerated() {
            let alone = body(try run(["population", files[scenario]!, "--size", "1", "-o", dir + "/\(member).csv"] + options))
            #expect(population[0] == [alone[0][0], "subject_id"] + alone[0].dropFirst())
            let ours = population[member + 1], theirs = alone[1]
            #expect(ours[0] == "\(member)" && ours[1] == id && ours[2] == "ok" && theirs[1] == "ok", "\(ours) \(theirs)")
            for (a, b) in zip(ours.dropFirst(4), theirs.dropFirst(3)) {
                let x = try #require(Double(a)), y = try #require(Double(b))
                #expect(isClose(x, y, relative: 1e-9, absolute: 1e-12), "member \(member): \(a) vs \(b)")
            }
        }
    }

    @Test func severalIDsAreRefusedWhereOneSubjectIsSimulatedAndSizeMustMatch() throws {
        let files = try write(["s.json5": #"{ name: "ids", duration_h: 24 }"#,
                               "ids.csv": "ID,TIME,AMT,DRUG,ROUTE\n1,1,10,morphine,oral\n2,0,30,morphine,oral\n"])
        let table = files["ids.csv"]!
        for command in ["run", "check"] {
            let result = try runProduct("receptor-sim", [command, files["s.json5"]!, "--events", table])
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("\(table) has 2 subjects (ID 1, 2); '\(command)' simulates one: give one subject's rows, "
                                           + "or run 'population --events' (member k gets the regimen of the k-th ID)"), "\(result.stderr)")
        }
        let result = try runProduct("receptor-sim", ["population", files["s.json5"]!, "--events", table, "--size", "3"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--size 3 disagrees with --events \(table), which has 2 subjects (one member per ID, in order); give --size 2"),
                "\(result.stderr)")
    }
    /// `population --events` of several subjects: no row goes missing silently. Every subject
    /// whose rows are wrong is named by file and line, in one report, and nothing is written.
    @Test func populationNamesEverySubjectsBadRows() throws {
        let files = try write(["s.json5": #"{ name: "p", duration_h: 12 }"#,
                               "events.csv": "ID,TIME,AMT,DRUG,ROUTE\n1,1,10,morphine,oral\n2,abc,10,morphine,oral\n3,2,-3,morphine,oral\n"])
        let out = files["dir"]! + "/out.csv"
        let result = try runProduct("receptor-sim", ["population", files["s.json5"]!, "--size", "3", "--events", files["events.csv"]!, "-o", out])
        #expect(result.status == 2)
        #expect(result.stderr == """
            \(files["events.csv"]!):3: error: column 'TIME': must be a finite number, found abc
            \(files["events.csv"]!):4: error: column 'AMT': must be a finite number >= 0, found -3

            """)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
