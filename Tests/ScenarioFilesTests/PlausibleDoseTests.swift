import BuiltInLibrary
import Pharmacology
import Testing
@testable import ScenarioFiles

/// The plausibility warning (issue 16): a dose above its drug's labelled or commonly used range
/// is a warning naming the field, the bound and its source; the table covers the library.
@Suite struct PlausibleDoseTests {
    static let vocabulary: ScenarioVocabulary = {
        var vocabulary = testVocabulary
        vocabulary.plausibleDoses = PlausibleDoseTable.builtIn
        return vocabulary
    }()

    @Test func fentanylInMilligramsInsteadOfMicrogramsIsAWarning() throws {
        let loaded = try ScenarioReader.decode("""
            { name: "slip", duration_h: 1,
              doses: [{ drug: "fentanyl", route: "iv_bolus", amount_mg: 100, at_h: 0 },
                      { drug: "fentanyl", route: "iv_bolus", amount_ug: 100, at_h: 0 }] }
            """, file: "s.json5", vocabulary: Self.vocabulary)
        // The scenario is valid: a warning does not stop it.
        #expect(loaded.scenario.doses.count == 2)
        #expect(loaded.warnings.map(\.warningDescription) == [
            "s.json5:2: warning: doses[0].amount_mg: fentanyl 100 mg by iv_bolus is above the largest commonly used single dose, 3.5 mg "
                + "([M] fentanyl citrate injection label: 0.05-0.1 mg analgesia; up to 50 µg/kg (3.5 mg at 70 kg) as the sole anaesthetic "
                + "in cardiac surgery); if the dose is in µg, write amount_ug",
        ])
    }

    @Test func ratesAndTapersAreCheckedAndUnsourcedRowsNeverWarn() throws {
        let loaded = try ScenarioReader.decode("""
            { name: "rates", duration_h: 100,
              doses: [{ drug: "fentanyl", route: "iv_infusion", rate_ug_per_h: 5000, start_h: 0, duration_h: 1 },
                      { drug: "morphine", route: "oral", taper: { start_h: 0, every_h: 6, amounts_mg: [30, 300, 20] } },
                      { drug: "mitragynine", route: "oral", amount_mg: 5000, at_h: 0 }] }
            """, file: "s.json5", vocabulary: Self.vocabulary.including(library: []))
        #expect(loaded.warnings.map(\.path) == ["doses[0].rate_ug_per_h", "doses[1].taper.amounts_mg"])
        #expect(loaded.warnings.first?.warningDescription.contains("fentanyl 5 mg/h by iv_infusion is above the largest commonly used rate, 0.7 mg/h") == true)
    }

    /// Rows of an event table (`--events`) are checked too, named by line and column.
    @Test func eventTableRowsAreChecked() throws {
        let table = try EventTable.parse("TIME,AMT,DRUG,ROUTE\n0,100,fentanyl,iv_bolus\n0,0.1,fentanyl,iv_bolus\n", file: "events.csv")
        let loaded = try ScenarioReader.decode("{ name: \"e\", duration_h: 1 }", file: "s.json5", vocabulary: Self.vocabulary, events: table)
        #expect(loaded.scenario.doses.count == 2)
        #expect(loaded.warnings.map(\.warningDescription) == [
            "events.csv:2: warning: column 'AMT': fentanyl 100 mg by iv_bolus is above the largest commonly used single dose, 3.5 mg "
                + "([M] fentanyl citrate injection label: 0.05-0.1 mg analgesia; up to 50 µg/kg (3.5 mg at 70 kg) as the sole anaesthetic "
                + "in cardiac surgery); AMT is in mg",
        ])
    }

    /// Rows of the drugs added with the 14-drug library: hydromorphone's 10 mg IV bound
    /// (Dilaudid-HP, 10 mg/mL, for opioid-tolerant patients) catches 20 mg; the tool compounds
    /// (methocinnamox, SNC80) have no bound and never warn; codeine at its labelled 60 mg and
    /// loperamide at its 16 mg daily maximum do not warn (the bound is exclusive).
    @Test func newLibraryDrugsAreCovered() throws {
        let loaded = try ScenarioReader.decode("""
            { name: "new", duration_h: 10,
              doses: [{ drug: "hydromorphone", route: "iv_bolus", amount_mg: 20, at_h: 0 },
                      { drug: "methocinnamox", route: "iv_bolus", amount_mg: 1000, at_h: 0 },
                      { drug: "snc80", route: "iv_infusion", rate_mg_per_h: 1000, start_h: 0, duration_h: 1 },
                      { drug: "codeine", route: "oral", amount_mg: 60, at_h: 0 },
                      { drug: "loperamide", route: "oral", amount_mg: 16, at_h: 0 }] }
            """, file: "s.json5", vocabulary: Self.vocabulary.including(library: []))
        #expect(loaded.warnings.map(\.path) == ["doses[0].amount_mg"])
        #expect(loaded.warnings.first?.warningDescription.contains(
            "hydromorphone 20 mg by iv_bolus is above the largest commonly used single dose, 10 mg") == true)
        #expect(PlausibleDoseTable.entry(drug: "methocinnamox", route: .ivBolus)?.source.hasPrefix("unsourced: tool compound") == true)
    }

    /// Every route of every built-in drug has a row, every row names a drug and route of the
    /// library, and a row without a bound says why.
    @Test func tableCoversTheLibrary() {
        let table = PlausibleDoseTable.builtIn
        for drug in DrugLibrary.builtIn.drugs {
            for route in drug.supportedRoutes {
                #expect(PlausibleDoseTable.entry(drug: drug.id, route: route) != nil, "\(drug.id) \(route.rawValue) has no row")
            }
        }
        for row in table {
            #expect(DrugLibrary.builtIn.drug(row.drug)?.supportedRoutes.contains(row.route) == true, "\(row.drug) \(row.route.rawValue)")
            let bounded = row.maximumSingleMilligrams != nil || row.maximumRateMilligramsPerHour != nil
            #expect(bounded ? (row.source.hasPrefix("[M]") || row.source.hasPrefix("[R]")) : row.source.hasPrefix("unsourced: "),
                    "\(row.drug) \(row.route.rawValue): \(row.source)")
            // A rate bound only for infusions and patches, a single-dose bound never for them.
            let byRate = row.route == .ivInfusion || row.route == .transdermal
            #expect(byRate ? row.maximumSingleMilligrams == nil : row.maximumRateMilligramsPerHour == nil)
        }
        #expect(Set(table.map { "\($0.drug) \($0.route.rawValue)" }).count == table.count)
    }
}
