import BuiltInLibrary
import Foundation
import Testing
@testable import Pharmacology
import TestSupport

/// PK against closed forms (MODEL.md §3).
@Suite
struct PharmacokineticsTests {
    /// One-compartment oral morphine 30 mg: plasma follows the Bateman function
    /// C(t) = F·D·ka / (V (ka − k)) · (e^{−kt} − e^{−ka t}), F 0.24, ka 3.4 /h, V 276 L, k = 95/276 /h.
    @Test func oralMorphineMatchesBateman() throws {
        let rec = try simulate(Scenario(name: "bateman", durationHours: 24, doses: [
            dose("morphine", .oral, .single(atHours: 0, amountMilligrams: 30)),
        ]), columns: ["morphine_plasma_nM"], intervalHours: 0.5)
        let m = DrugLibrary.builtIn.drug("morphine")!
        let f = 0.24, ka = 3.4, v = 276.0, k = 95.0 / 276
        let doseNanomole = 30 * 1e6 / m.molarMassGramsPerMole.value
        for (t, c) in zip(rec.times, rec.series("morphine_plasma_nM")) where t > 0 {
            let expected = f * doseNanomole * ka / (v * (ka - k)) * (exp(-k * t) - exp(-ka * t))
            #expect(isClose(c, expected, relative: 1e-4, absolute: 1e-6), "t = \(t)")
        }
    }

    /// IV bolus morphine 10 mg decays mono-exponentially with t½ = ln2·276/95 = 2.01 h
    /// (Stuart-Harris 2000: 2.2 ± 1.0 h).
    @Test func ivBolusDecaysWithHalfLife() throws {
        let rec = try simulate(Scenario(name: "iv", durationHours: 8.04, doses: [
            dose("morphine", .ivBolus, .single(atHours: 0, amountMilligrams: 10)),
        ]), columns: ["morphine_plasma_nM"], intervalHours: 2.01)
        let c = rec.series("morphine_plasma_nM")
        let halfLife = Foundation.log(2.0) * 276 / 95
        #expect(isClose(halfLife, 2.01, relative: 0.01))
        let c0 = 10 * 1e6 / 285.34 / 276
        #expect(isClose(c[0], c0, relative: 1e-9))
        for k in 1..<c.count {
            let t = rec.times[k]
            #expect(isClose(c[k], c0 * exp(-Foundation.log(2.0) * t / halfLife), relative: 1e-4))
        }
    }

    /// Naloxone 2 mg IV: FDA model (Mann 2022) terminal t½ ≈ 82 min of the 3-compartment model;
    /// our 2-compartment lumping must give a terminal t½ within 60–110 min and brain
    /// equilibration t½ 6.5 min (pharmacology.md §9 item 3).
    @Test func naloxoneTerminalHalfLife() throws {
        let rec = try simulate(Scenario(name: "nlx", durationHours: 6, doses: [
            dose("naloxone", .ivBolus, .single(atHours: 0, amountMilligrams: 2)),
        ]), columns: ["naloxone_plasma_nM"], intervalHours: 0.5)
        let c4 = rec.value("naloxone_plasma_nM", at: 4), c6 = rec.value("naloxone_plasma_nM", at: 6)
        let terminal = 2 * Foundation.log(2.0) / Foundation.log(c4 / c6) * 60
        #expect(terminal > 60 && terminal < 110, "terminal t½ \(terminal) min")
    }
}
