import Pharmacology
import Testing
@testable import ScenarioFiles

/// `EventTable`: a NONMEM-style dosing record becomes the doses a hand-written scenario holds,
/// and every problem names the table, the line and the column.
@Suite struct EventTableTests {
    private static let base = #"{ name: "t", duration_h: 48 }"#

    private func doses(_ table: String, base: String = base) throws -> [DoseRegimen] {
        let events = try EventTable.parse(table, file: "events.csv")
        return try ScenarioReader.decode(base, file: "s.json5", vocabulary: testVocabulary, events: events).scenario.doses
    }

    private func scenarioDoses(_ doses: String) throws -> [DoseRegimen] {
        try ScenarioReader.decode(#"{ name: "t", duration_h: 48, doses: [\#(doses)] }"#, file: "s.json5", vocabulary: testVocabulary).scenario.doses
    }

    @Test func addlAndIIGiveTheRepeatedSchedule() throws {
        let table = "time,amt,drug,route,addl,ii\n1,10,morphine,oral,3,6\n"
        #expect(try doses(table) == scenarioDoses(#"{ drug: "morphine", route: "oral", amount_mg: 10, start_h: 1, every_h: 6, count: 4 }"#))
    }

    @Test func oneRowWithoutADDLIsASingleDose() throws {
        #expect(try doses("TIME,AMT,DRUG,ROUTE\n2.5,4,naloxone,iv_bolus\n")
            == scenarioDoses(#"{ drug: "naloxone", route: "iv_bolus", amount_mg: 4, at_h: 2.5 }"#))
    }

    @Test(arguments: ["RATE,DUR\n1,,,10,2", "AMT,DUR\n1,20,,,2", "AMT,RATE\n1,20,,10,", "AMT,RATE,DUR\n1,20,,10,2"])
    func infusionFromAnyTwoOfAmountRateAndDuration(given: String) throws {
        // The same columns in every table, the empty ones not given.
        let parts = given.split(separator: "\n")
        let header = "TIME,AMT,DRUG,RATE,DUR,ROUTE"
        let present = Set(parts[0].split(separator: ",").map(String.init))
        let values = ["AMT": "20", "RATE": "10", "DUR": "2"]
        let row = ["1", present.contains("AMT") ? values["AMT"]! : "", "fentanyl", present.contains("RATE") ? values["RATE"]! : "",
                   present.contains("DUR") ? values["DUR"]! : "", "iv_infusion"].joined(separator: ",")
        #expect(try doses(header + "\n" + row + "\n")
            == scenarioDoses(#"{ drug: "fentanyl", route: "iv_infusion", rate_mg_per_h: 10, start_h: 1, duration_h: 2 }"#))
    }

    @Test func tableDosesFollowTheScenarioDosesAndObservationRowsAreSkipped() throws {
        let base = #"{ name: "t", duration_h: 48, doses: [{ drug: "naloxone", route: "iv_bolus", amount_mg: 0.4, at_h: 3 }] }"#
        let table = "ID,TIME,EVID,AMT,DRUG,ROUTE\n7,0,0,.,,\n7,1,1,10,morphine,oral\n7,5,0,,,\n"
        let events = try EventTable.parse(table, file: "e.csv")
        #expect(events.ignoredObservationRows == 2)
        #expect(events.doseRowCount == 1)
        #expect(try doses(table, base: base) == scenarioDoses(
            #"{ drug: "naloxone", route: "iv_bolus", amount_mg: 0.4, at_h: 3 }, { drug: "morphine", route: "oral", amount_mg: 10, at_h: 1 }"#))
    }

    @Test(arguments: [
        ("TIME,AMT,DRUG,ROUTE\n1,abc,morphine,oral\n", "events.csv:2: error: column 'AMT': must be a finite number, found abc"),
        ("TIME,AMT,DRUG,ROUTE\n1,,morphine,oral\n",
         "events.csv:2: error: column 'AMT': no amount given (a dose row needs AMT in mg; an infusion RATE and DUR)"),
        ("TIME,AMT,DRUG,ROUTE\n1,5,morfine,oral\n",
         "events.csv:2: error: column 'DRUG': unknown drug 'morfine'; did you mean 'morphine'? (see 'receptor-sim drugs' for the library)"),
        ("TIME,AMT,DRUG,ROUTE,RATE,DUR\n1,20,fentanyl,iv_infusion,10,3\n",
         "events.csv:2: error: column 'AMT': AMT 20 mg is not RATE x DUR = 10 mg/h x 3 h = 30 mg; give two of AMT, RATE and DUR, or three that agree"),
        ("TIME,AMT,DRUG,ROUTE,RATE\n1,,fentanyl,iv_infusion,10\n",
         "events.csv:2: error: column 'AMT': no amount given: an infusion needs two of AMT, RATE and DUR (found only RATE)"),
        ("TIME,AMT,DRUG,ROUTE\n-1,5,morphine,oral\n", "events.csv:2: error: column 'TIME': must be a finite number >= 0, found -1"),
        ("TIME,AMT,DRUG,ROUTE\n60,5,morphine,oral\n", "events.csv:2: error: column 'TIME': starts at 60 h, after the end of the run (duration_h 48)"),
        ("TIME,AMT,DRUG,ROUTE,SS\n0,5,morphine,oral,1\n",
         "events.csv:2: error: column 'SS': SS=1 needs II, the interval of the regimen the subject is at steady state on (h)"),
        ("TIME,AMT,DRUG,ROUTE,SS,II\n0,5,morphine,oral,1,0\n", "events.csv:2: error: column 'II': II must be > 0 h with SS=1, found 0"),
        ("TIME,AMT,DRUG,ROUTE,SS,II\n0,5,morphine,oral,2,6\n",
         "events.csv:2: error: column 'SS': SS=2 is not supported (1: the subject starts at the regimen's steady state; 0 or empty: no steady state)"),
        ("TIME,AMT,DRUG,ROUTE,RATE,DUR,SS,II\n0,,fentanyl,iv_infusion,0.05,2,1,6\n",
         "events.csv:2: error: column 'SS': SS=1 on an infusion is not supported: a steady-state start needs doses every II h (bolus or depot routes)"),
        ("ID,TIME,AMT,DRUG,ROUTE,SS,II\n1,0,5,morphine,oral,1,6\n1,0,0.4,naloxone,iv_bolus,1,12\n",
         "events.csv:3: error: column 'SS': a second SS=1 row for ID 1 (the first is on line 2); one regimen per subject can start at steady state"),
        ("TIME,AMT,DRUG,ROUTE,EVID\n0,5,morphine,oral,4\n", "events.csv:2: error: column 'EVID': EVID 4 is not supported (1 = dose; 0 = observation, skipped)"),
        ("TIME,AMT,DRUG,ROUTE,ADDL\n0,5,morphine,oral,2\n", "events.csv:2: error: column 'II': ADDL 2 needs II, the interval between doses (h)"),
        ("TIME,AMT,DRUG,ROUTE,ADDL,II\n0,5,morphine,oral,1.5,6\n", "events.csv:2: error: column 'ADDL': must be a whole number, found 1.5"),
        ("TIME,AMT,DRUG,ROUTE\n0,5,fentanyl,oral\n",
         "events.csv:2: error: column 'ROUTE': drug 'fentanyl' cannot be given by route 'oral' (supported: iv_bolus, iv_infusion, transdermal)"),
        ("TIME,AMNT,DRUG,ROUTE\n", "events.csv:1: error: unknown column 'AMNT'; did you mean 'AMT'?"),
        ("TIME,AMT,DRUG,ROUTE,CMT\n",
         "events.csv:1: error: column 'CMT' is not supported: name the drug and route in DRUG and ROUTE columns (the model has no compartment numbers)"),
        ("TIME,AMT,DRUG\n", "events.csv:1: error: missing column 'ROUTE'"),
        ("TIME,AMT,DRUG,ROUTE\n0,5,morphine\n", "events.csv:2: error: row has 3 cells, the header has 4"),
    ])
    func problemsNameFileLineAndColumn(table: String, message: String) throws {
        let error = #expect(throws: ScenarioError.self) { try doses(table) }
        #expect(error?.description == message)
    }

    @Test(arguments: ["\r\n", "\r", "\n"])
    func lineNumbersCountEveryKindOfLineEnd(end: String) throws {
        let table = ["TIME,AMT,DRUG,ROUTE", "# a comment", "", "1,-5,morphine,oral", ""].joined(separator: end)
        let error = #expect(throws: ScenarioError.self) { try doses(table) }
        #expect(error?.description == "events.csv:4: error: column 'AMT': must be a finite number >= 0, found -5")
    }

    private func scenario(_ table: String) throws -> Scenario {
        try ScenarioReader.decode(Self.base, file: "s.json5", vocabulary: testVocabulary,
                                  events: try EventTable.parse(table, file: "events.csv")).scenario
    }

    /// NONMEM's SS=1 at TIME 0: the row's dose (and ADDL after it) is given in the run, which
    /// starts at the trough of the regimen's periodic steady state (the last dose one II before).
    @Test func steadyStateAtTimeZeroStartsAtTheTroughBeforeTheRowsDose() throws {
        let s = try scenario("TIME,AMT,DRUG,ROUTE,II,SS,ADDL\n0,10,morphine,oral,6,1,3\n")
        #expect(s.doses == (try scenarioDoses(#"{ drug: "morphine", route: "oral", amount_mg: 10, start_h: 0, every_h: 6, count: 4 }"#)))
        #expect(s.steadyStateStart == SteadyStateStart(drug: "morphine", route: .oral, amountMilligrams: 10, intervalHours: 6,
                                                       hoursSinceLastDose: 6))
    }

    /// SS=1 at TIME 10 every 6 h: the subject had doses at 4 and 10 h in the run (and at -2, -8,
    /// ... before it), so the run starts 2 h after a dose and gives the doses from 4 h on.
    @Test func steadyStateLaterInTheRunGivesTheRegimensDosesFromTheFirstAfterZero() throws {
        let s = try scenario("TIME,AMT,DRUG,ROUTE,II,SS\n10,10,morphine,oral,6,1\n")
        #expect(s.doses == (try scenarioDoses(#"{ drug: "morphine", route: "oral", amount_mg: 10, start_h: 4, every_h: 6, count: 2 }"#)))
        #expect(s.steadyStateStart?.hoursSinceLastDose == 2)
        #expect(s.steadyStateStart?.intervalHours == 6)
        // Without SS the same row is one dose at 10 h and no steady-state start.
        let plain = try scenario("TIME,AMT,DRUG,ROUTE,II,SS\n10,10,morphine,oral,6,0\n")
        #expect(plain.steadyStateStart == nil)
        #expect(plain.doses == (try scenarioDoses(#"{ drug: "morphine", route: "oral", amount_mg: 10, at_h: 10 }"#)))
    }

    /// Several IDs: the subjects in order of first appearance, each subject's table its rows.
    @Test func idsSplitTheTableIntoSubjects() throws {
        let text = "ID,TIME,AMT,DRUG,ROUTE\n7,1,10,morphine,oral\n3,2,0.4,naloxone,iv_bolus\n7,5,10,morphine,oral\n"
        let table = try EventTable.parse(text, file: "events.csv")
        #expect(table.subjects == ["7", "3"])
        #expect(table.subject("7").doseRowCount == 2 && table.subject("3").doseRowCount == 1)
        let seven = try ScenarioReader.decode(Self.base, file: "s.json5", vocabulary: testVocabulary, events: table.subject("7")).scenario
        #expect(seven.doses == (try scenarioDoses(
            #"{ drug: "morphine", route: "oral", amount_mg: 10, at_h: 1 }, { drug: "morphine", route: "oral", amount_mg: 10, at_h: 5 }"#)))
    }

    /// A number that fails to parse in one row does not hide the other rows' problems (they
    /// used to appear only once it was fixed): every row in one report, in line order.
    @Test func aRowThatFailsToParseDoesNotHideTheOthers() throws {
        let table = "ID,TIME,AMT,DRUG,ROUTE\n1,abc,10,morphine,oral\n1,5,-3,morphine,orl\n"
        let error = #expect(throws: ScenarioError.self) { try doses(table) }
        #expect(error?.problems.map(\.description) == [
            "events.csv:2: error: column 'TIME': must be a finite number, found abc",
            "events.csv:3: error: column 'AMT': must be a finite number >= 0, found -3",
            "events.csv:3: error: column 'ROUTE': unknown route 'orl'; did you mean 'oral'? (routes: oral, sublingual, intranasal, im, iv_bolus, iv_infusion, sc, oral_er, im_er, sc_er_weekly, sc_er_monthly, transdermal)",
        ])
    }

    /// Each subject's table keeps its own rows' problems (and those of rows without a known
    /// ID): a subject whose row is wrong is never decoded as if the row were absent.
    @Test func eachSubjectKeepsItsRowsProblems() throws {
        let text = "ID,TIME,AMT,DRUG,ROUTE\n7,1,10,morphine,oral\n3,x,0.4,naloxone,iv_bolus\n"
        let table = try EventTable.parse(text, file: "events.csv")
        #expect(table.subjects == ["7", "3"])
        let seven = try ScenarioReader.decode(Self.base, file: "s.json5", vocabulary: testVocabulary, events: table.subject("7")).scenario
        #expect(seven.doses.count == 1)
        let error = #expect(throws: ScenarioError.self) {
            try ScenarioReader.decode(Self.base, file: "s.json5", vocabulary: testVocabulary, events: table.subject("3"))
        }
        #expect(error?.description == "events.csv:3: error: column 'TIME': must be a finite number, found x")
        let short = try EventTable.parse(text + "7,2\n", file: "events.csv")
        let orphan = #expect(throws: ScenarioError.self) {
            try ScenarioReader.decode(Self.base, file: "s.json5", vocabulary: testVocabulary, events: short.subject("7"))
        }
        #expect(orphan?.description == "events.csv:4: error: row has 2 cells, the header has 5")
    }

    @Test func everyProblemOfTheTableAtOnce() throws {
        let table = "TIME,AMT,DRUG,ROUTE\n1,x,morphine,oral\n2,,morphine,oral\n"
        let error = #expect(throws: ScenarioError.self) { try doses(table) }
        #expect(error?.problems.map(\.line) == [2, 3])
    }
}
