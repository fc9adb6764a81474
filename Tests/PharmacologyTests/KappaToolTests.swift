import Foundation
import Testing
@testable import Pharmacology
import TestSupport

/// U-50,488, the kappa tool agonist (issue 16). No human PK exists: its disposition is an
/// assumption (t½ 1 h, V 210 L), so these check the model's kappa pathway, not a clinical figure.
@Suite
struct KappaToolTests {
    /// 1 mg IV bolus in a control subject: kappa occupancy rises above 0.5 (free plasma
    /// 1 mg / 369.3 g/mol / 210 L × fu 0.5 = 6.4 nM at t = 0 against Ki 0.7 nM: 0.90 at
    /// equilibrium before the effect-site lag and elimination); kappa agonism raises dysphoria
    /// and lowers dopamine tone (kappa agonists are dysphoric in humans and lower striatal
    /// dopamine release in rats, MODEL.md); with t½ 1 h the occupancy is gone 12 h later
    /// (below 0.02).
    @Test func u50488OccupiesKappaAndIsDysphoric() throws {
        let columns = ["kappa_occupancy_u50488", "dysphoria", "dopamine_tone"]
        let rec = try simulate(Scenario(name: "u50488", durationHours: 12, doses: [
            dose("u50488", .ivBolus, .single(atHours: 0, amountMilligrams: 1)),
        ]), columns: columns, intervalHours: 0.05)
        let occupancy = rec.maximum(columns[0], from: 0, to: 3)
        #expect(occupancy.value > 0.5 && occupancy.value < 0.95, "kappa occupancy \(occupancy.value) at \(occupancy.time) h")
        let baseline = rec.series(columns[1])[0], dopamine = rec.series(columns[2])[0]
        #expect(rec.maximum(columns[1], from: 0, to: 6).value > baseline + 0.01, "dysphoria from \(baseline)")
        let lowDopamine = rec.series(columns[2]).prefix(Int(6 / 0.05)).min()!
        #expect(lowDopamine < dopamine - 0.01, "dopamine_tone \(lowDopamine) from \(dopamine)")
        #expect(rec.series(columns[0]).last! < 0.02)
    }
}
