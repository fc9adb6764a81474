import Pharmacology
import Testing
@testable import ScenarioFiles

/// Doses written as they are prescribed (issue 16): µg and mg/kg amounts, µg/h and mg/kg/h
/// rates, converted to the model's mg exactly once; exactly one amount key per dose.
@Suite struct DoseUnitTests {
    @Test func microgramsAndPerKilogramAmountsBecomeMilligrams() throws {
        let loaded = try decodeValid("""
            { name: "units", duration_h: 10, subject: { weight_kg: 80 },
              doses: [
                { drug: "fentanyl", route: "iv_bolus", amount_ug: 100, at_h: 0 },
                { drug: "morphine", route: "iv_bolus", amount_mg_per_kg: 0.1, start_h: 1, every_h: 4, count: 2 },
                { drug: "fentanyl", route: "iv_infusion", rate_ug_per_h: 50, start_h: 0, duration_h: 2 },
                { drug: "morphine", route: "iv_infusion", rate_mg_per_kg_per_h: 0.05, start_h: 0, duration_h: 1 },
              ] }
            """)
        let schedules = loaded.scenario.doses.map(\.schedule)
        // 100 µg = 0.1 mg; 0.1 mg/kg x 80 kg = 8 mg; 50 µg/h = 0.05 mg/h; 0.05 mg/kg/h x 80 kg = 4 mg/h.
        #expect(Array(schedules.prefix(3)) == [
            .single(atHours: 0, amountMilligrams: 0.1),
            .repeated(startHours: 1, everyHours: 4, count: 2, amountMilligrams: 8),
            .infusion(startHours: 0, durationHours: 2, rateMilligramsPerHour: 0.05),
        ])
        #expect(schedules[3] == .infusion(startHours: 0, durationHours: 1, rateMilligramsPerHour: 0.05 * 80))
        // Without a subject the default 70 kg is used.
        let defaultWeight = try decodeValid("""
            { name: "w", duration_h: 1, doses: [{ drug: "morphine", route: "iv_bolus", amount_mg_per_kg: 0.1, at_h: 0 }] }
            """)
        #expect(defaultWeight.scenario.doses[0].schedule == .single(atHours: 0, amountMilligrams: 0.1 * 70))
    }

    @Test func exactlyOneAmountKeyPerDose() {
        #expect(errorLines("""
            { name: "two", duration_h: 1,
              doses: [{ drug: "fentanyl", route: "iv_bolus", amount_mg: 0.1, amount_ug: 100, at_h: 0 }] }
            """) == ["test.json5:2: error: doses[0]: give exactly one of amount_mg, amount_ug, amount_mg_per_kg (found: amount_mg, amount_ug)"])
        #expect(errorLines("""
            { name: "two", duration_h: 1,
              doses: [{ drug: "fentanyl", route: "iv_infusion", rate_ug_per_h: 50, rate_mg_per_kg_per_h: 0.001, start_h: 0, duration_h: 1 }] }
            """) == ["test.json5:2: error: doses[0]: give exactly one of rate_mg_per_h, rate_ug_per_h, rate_mg_per_kg_per_h (found: rate_ug_per_h, rate_mg_per_kg_per_h)"])
    }

    @Test func badAmountsAreReportedUnderTheKeyWritten() {
        #expect(errorLines("""
            { name: "bad", duration_h: 1,
              doses: [
                { drug: "fentanyl", route: "iv_bolus", amount_ug: -1, at_h: 0 },
                { drug: "fentanyl", route: "iv_bolus", amount_ug: 1e12, at_h: 0 },
                { drug: "morphine", route: "iv_bolus", amount_mg_per_kg: "ten", at_h: 0 },
              ] }
            """) == [
                "test.json5:3: error: doses[0].amount_ug: must be a finite number >= 0, found -1",
                "test.json5:4: error: doses[1].amount_ug: must be at most 100000000, found 1e12",
                "test.json5:5: error: doses[2].amount_mg_per_kg: expected a number, found a string",
            ])
    }
}
