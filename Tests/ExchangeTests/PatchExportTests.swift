import Testing
@testable import Exchange
@testable import Pharmacology

/// A transdermal patch (issue 16) has no SBML form yet: the export refuses it with an error
/// naming the dose, instead of writing a model that silently drops the patch.
@Suite struct PatchExportTests {
    @Test func aPatchIsRefusedByName() throws {
        let scenario = Scenario(name: "patch", durationHours: 100, doses: [
            DoseRegimen(drug: "morphine", route: .oral, schedule: .single(atHours: 0, amountMilligrams: 10)),
            DoseRegimen(drug: "fentanyl", route: .transdermal,
                        schedule: .patch(startHours: 0, everyHours: 72, count: 1, wearHours: 72, rateMilligramsPerHour: 0.025)),
        ])
        let model = try ReceptorModel.compile(scenario)
        #expect(throws: ExchangeError.unsupportedDoseKind("doses[1]: a transdermal patch (fentanyl)")) {
            _ = try SBMLExporter.document(for: model)
        }
        #expect(ExchangeError.unsupportedDoseKind("doses[1]: a transdermal patch (fentanyl)").description
                == "doses[1]: a transdermal patch (fentanyl) cannot be exported to SBML yet; export the scenario without it")
    }
}
