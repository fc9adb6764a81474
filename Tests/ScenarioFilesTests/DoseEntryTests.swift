import Pharmacology
import Testing
@testable import ScenarioFiles

/// `ScenarioReader.decodeDose`: a dose given outside a file is checked as a `doses` entry is.
@Suite struct DoseEntryTests {
    func decode(_ drug: String, _ route: String, at: Double = 1, mg: Double = 5) -> Result<DoseRegimen, ScenarioError> {
        Result { () throws(ScenarioError) in
            try ScenarioReader.decodeDose(drug: drug, route: route, atHours: GivenNumber(at, literal: "\(at)"),
                                          amountMilligrams: GivenNumber(mg, literal: "\(mg)"), durationHours: 24,
                                          vocabulary: testVocabulary)
        }
    }

    @Test func validDoseComesBackAsASingleDose() throws {
        let dose = try decode("morphine", "iv_bolus", at: 2, mg: 10).get()
        #expect(dose == DoseRegimen(drug: "morphine", route: .ivBolus, schedule: .single(atHours: 2, amountMilligrams: 10)))
    }

    @Test func problemsNameTheDoseFieldsWithTheFileMessages() {
        func problems(_ result: Result<DoseRegimen, ScenarioError>) -> [String] {
            guard case .failure(let error) = result else { return [] }
            return error.problems.map { "\($0.path): \($0.message)" }
        }
        #expect(problems(decode("morfine", "oral")) == [
            "dose.drug: unknown drug 'morfine'; did you mean 'morphine'? (see 'receptor-sim drugs' for the library)"])
        #expect(problems(decode("oxycodone", "iv_bolus")) == [
            "dose.route: drug 'oxycodone' cannot be given by route 'iv_bolus' (supported: oral, oral_er)"])
        #expect(problems(decode("morphine", "oral", at: 30, mg: 1e6)) == [
            "dose.amount_mg: must be at most 100000, found 1000000.0",
            "dose.at_h: starts at 30 h, after the end of the run (duration_h 24)"])
    }
}
