import Foundation
import Testing
import TestSupport

/// `check`'s one-line summary names transdermal patches apart from infusions (each costs a
/// start and an end, like an infusion, but a reader looking for an IV line must not find one).
@Suite struct CheckSummaryTests {
    @Test func patchesAreCountedApartFromInfusions() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory.appendingPathComponent("patch.json5").path
        try """
        { name: "patch", duration_h: 100,
          doses: [
            { drug: "fentanyl", route: "transdermal", rate_ug_per_h: 25, wear_h: 24, start_h: 0, every_h: 24, count: 3 },
            { drug: "ketamine", route: "iv_infusion", rate_mg_per_h: 10, start_h: 1, duration_h: 2 },
            { drug: "morphine", route: "oral", amount_mg: 10, at_h: 5 },
          ] }
        """.write(toFile: path, atomically: false, encoding: .utf8)
        let result = try runProduct("receptor-sim", ["check", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\(path): ok: patch (100 h, 1 doses, 1 infusions, 3 patches, 0 events; "), "\(result.stdout)")
    }
}
