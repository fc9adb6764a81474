import Pharmacology
import Testing
@testable import ScenarioFiles

/// The patch dose kind (issue 16): `rate_ug_per_h` (or `rate_mg_per_h`), `wear_h`, `start_h`
/// and, for repeated patches, `every_h` and `count`, only by route `transdermal`; every other
/// form by that route, and a patch by any other route, is an error naming the dose.
@Suite struct PatchDoseTests {
    func decode(_ text: String) throws -> LoadedScenario { try decodeValid(text) }

    func errors(_ text: String) -> [String] { errorLines(text) }

    /// One patch needs no `every_h` or `count` (one patch, `every_h` defaulting to the wear
    /// time); µg/h becomes mg/h once.
    @Test func patchesDecodeWithTheirRateInMilligramsPerHour() throws {
        let loaded = try decode("""
            { name: "patches", duration_h: 300,
              doses: [{ drug: "fentanyl", route: "transdermal", rate_ug_per_h: 25, wear_h: 72, start_h: 0, every_h: 72, count: 3 },
                      { drug: "buprenorphine", route: "transdermal", rate_mg_per_h: 0.01, wear_h: 168, start_h: 12 }] }
            """)
        #expect(loaded.scenario.doses.map(\.schedule) == [
            .patch(startHours: 0, everyHours: 72, count: 3, wearHours: 72, rateMilligramsPerHour: 0.025),
            .patch(startHours: 12, everyHours: 168, count: 1, wearHours: 168, rateMilligramsPerHour: 0.01),
        ])
    }

    @Test func aPatchNeedsRouteTransdermalAndTransdermalNeedsAPatch() {
        #expect(errors("""
            { name: "p", duration_h: 100,
              doses: [{ drug: "fentanyl", route: "iv_infusion", rate_ug_per_h: 25, wear_h: 72, start_h: 0 }] }
            """) == ["test.json5:2: error: doses[0].route: wear_h (a patch) needs route 'transdermal', found 'iv_infusion'"])
        #expect(errors("""
            { name: "p", duration_h: 100,
              doses: [{ drug: "fentanyl", route: "transdermal", amount_ug: 25, at_h: 0 }] }
            """) == ["test.json5:2: error: doses[0].route: route 'transdermal' needs a patch: rate_ug_per_h (or rate_mg_per_h), wear_h, start_h; every_h and count for repeated patches"])
        #expect(errors("""
            { name: "p", duration_h: 100,
              doses: [{ drug: "fentanyl", route: "transdermal", rate_ug_per_h: 25, start_h: 0, duration_h: 72 }] }
            """) == ["test.json5:2: error: doses[0].route: route 'transdermal' needs a patch: rate_ug_per_h (or rate_mg_per_h), wear_h, start_h; every_h and count for repeated patches"])
    }

    @Test func patchNumbersAreChecked() {
        #expect(errors("""
            { name: "p", duration_h: 100,
              doses: [{ drug: "fentanyl", route: "transdermal", rate_ug_per_h: 25, wear_h: 0, start_h: 0, every_h: 72, count: 3 }] }
            """) == [
                "test.json5:2: error: doses[0].wear_h: must be a finite number > 0, found 0",
                "test.json5:2: error: doses[0].count: starts at 144 h, after the end of the run (duration_h 100)",
            ])
        #expect(errors("""
            { name: "p", duration_h: 100,
              doses: [{ drug: "fentanyl", route: "transdermal", wear_h: 72, start_h: 0 }] }
            """) == ["test.json5:2: error: doses[0]: missing required key 'rate_mg_per_h'"])
    }
}
