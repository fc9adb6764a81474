import BuiltInLibrary
import Pharmacology
import Testing
@testable import ScenarioFiles

/// The calibration record of a fitted number (`fit`): read, checked and written back.
extension DrugDefinitionTests {
    /// A fitted number keeps its calibration record through the export and back (so the
    /// parameter reference lists it as fitted), and its kind is `.fitted`.
    @Test func fitRecordRoundTripsAndMarksTheValueFitted() throws {
        let text = Self.definition(replacing: "ke0_per_h", with:
            "ke0_per_h: { value: 0.24, source: \"[F] fitted to two studies\", fit: { studies: [\"study-a\", \"study-b\"], se_ln: 0.125, date: \"2026-12-07\" } },")
        let drug = try #require(try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        let record = FitRecord(studies: ["study-a", "study-b"], standardErrorLn: 0.125, date: "2026-12-07")
        #expect(drug.effectSiteRatePerHour.value == 0.24)
        #expect(drug.effectSiteRatePerHour.fit == record)
        #expect(drug.effectSiteRatePerHour.kind == .fitted)
        #expect(drug.centralVolumeLiters.kind == .source)
        let exported = DrugDefinitionWriter.libraryText([drug])
        #expect(exported.contains(
            "ke0_per_h: { value: 0.24, source: \"[F] fitted to two studies\", fit: { studies: [\"study-a\", \"study-b\"], se_ln: 0.125, date: \"2026-12-07\" } },"))
        let back = try #require(try DrugLibraryFile.decode(exported, file: "back.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(back == drug)
    }

    /// A fitted half_life_h gives a fitted clearance: the record is not dropped with the key.
    @Test func fittedHalfLifeMakesAFittedClearance() throws {
        let text = Self.definition(replacing: "clearance_l_per_h", with:
            "half_life_h: { value: 0.05, source: \"fit\", fit: { studies: [\"study-a\"], se_ln: 0.2, date: \"2026-12-07\" } },")
        let drug = try #require(try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(drug.clearanceLitersPerHour.fit == FitRecord(studies: ["study-a"], standardErrorLn: 0.2, date: "2026-12-07"))
        #expect(drug.clearanceLitersPerHour.kind == .fitted)
    }

    /// A fit record needs all three keys, at least one study, se_ln >= 0 and an ISO date.
    @Test func badFitRecordsAreRejected() {
        func errors(_ fit: String) -> [String] {
            Self.errors(Self.definition(replacing: "ke0_per_h", with: "ke0_per_h: { value: 0.24, source: \"x\", fit: \(fit) },"))
        }
        #expect(errors("{ studies: [\"a\"], se_ln: 0.1 }") == [
            "lib.json5:9: error: drugs[0].ke0_per_h.fit: missing required key 'date'",
        ])
        #expect(errors("{ studies: [], se_ln: 0.1, date: \"2026-12-07\" }") == [
            "lib.json5:9: error: drugs[0].ke0_per_h.fit.studies: must not be empty",
        ])
        #expect(errors("{ studies: [\"a\"], se_ln: -0.1, date: \"2026-12-07\" }") == [
            "lib.json5:9: error: drugs[0].ke0_per_h.fit.se_ln: must be a finite number >= 0, found -0.1",
        ])
        #expect(errors("{ studies: [\"a\"], se_ln: 0.1, date: \"7 Dec 2026\" }") == [
            "lib.json5:9: error: drugs[0].ke0_per_h.fit.date: a date as yyyy-mm-dd (the day of the fit), found '7 Dec 2026'",
        ])
        #expect(errors("{ studies: [\"a\"], se_ln: 0.1, date: \"2026-13-07\" }") == [
            "lib.json5:9: error: drugs[0].ke0_per_h.fit.date: a date as yyyy-mm-dd (the day of the fit), found '2026-13-07'",
        ])
        #expect(errors("{ studies: [\"a\"], se: 0.1, date: \"2026-12-07\" }") == [
            "lib.json5:9: error: drugs[0].ke0_per_h.fit: missing required key 'se_ln'",
            "lib.json5:9: error: drugs[0].ke0_per_h.fit.se: unknown key 'se'; did you mean 'se_ln'?",
        ])
    }
}
