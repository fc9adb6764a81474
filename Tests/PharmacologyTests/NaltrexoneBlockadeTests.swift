import BuiltInLibrary
import Foundation
import Testing
@testable import Pharmacology

/// Why row B15 (naltrexone's days-long PET blockade, Lee 1988) stays a known issue while B17
/// (low-dose naltrexone blocks for hours) holds: with linear pharmacokinetics, linear brain entry
/// and equilibrium binding, Lee's time course after 50 mg and "4.5 mg blocks for hours" cannot
/// both be true (Model2Design.md §12 item 4 gives the arithmetic on the published figures, issue
/// 16). The test runs the one library-parameter mechanism that meets Lee's half-time (a
/// brain-side delay, as Rabiner 2011's indirect plasma-occupancy relation allows) and shows what
/// it does to low-dose naltrexone and to the PET measure.
@Suite
struct NaltrexoneBlockadeTests {
    /// The brain-side delay that meets Lee's half-time (not adopted): `naltrexone.ke0_per_h` 0.03
    /// (effect-site t½ 23 h) with `naltrexone.mu.ki_nM` 0.05 so that 5 mg still blocks as Rabiner
    /// 2011 measured. Rabiner found naltrexone's plasma-occupancy relation indirect (abstract), so
    /// a delay is allowed, but its size here is calibrated, not measured. Measured (2026-12-07):
    /// 50 mg PET 0.88 at 8 h and half of it at 79 h (B15 asks 72-108 h); 5 mg 0.39 over 1-8 h
    /// (band 0.33-0.68); low-dose naltrexone 4.5 mg blocks 0.14 at 1 h and, on the seventh night,
    /// 0.42 at 16 h (B17 asks > 0.5 and < 0.25); at 120 h after 50 mg naltrexone still holds 0.34
    /// of surface mu but mu_total_rel is 1.40, and the PET measure, which like Lee's pre-dose scan
    /// counts the new receptors as free, reads 0.05 against Lee's 0.46 (band 0.28-0.61).
    /// Thresholds between the measured values and the criteria.
    @Test func brainDelayThatMeetsLeeMakesLowDoseBlockAllDay() throws {
        let delay: [String: Double] = ["naltrexone.ke0_per_h": 0.03, "naltrexone.mu.ki_nM": 0.05]
        let columns = ["mu_pet_occupancy", "mu_occupancy_naltrexone", "mu_total_rel"]
        let standard = try trace(Scenario(name: "naltrexone 50 mg, brain delay", durationHours: 170, doses: [
            dose("naltrexone", .oral, .single(atHours: 0, amountMilligrams: 50)),
        ], parameterOverrides: delay), columns: columns, intervalHours: 0.5)
        let at8 = standard.value("mu_pet_occupancy", at: 8)
        let half = standard.firstTime("mu_pet_occupancy", from: 8, where: { $0 < 0.5 * at8 }) ?? .infinity
        #expect(half >= 72 && half <= 108, "half of the 8 h blockade at \(half) h")
        #expect(at8 > 0.85, "PET \(at8) at 8 h")
        #expect(standard.value("mu_occupancy_naltrexone", at: 120) > 0.28, "naltrexone's own occupancy at 120 h")
        #expect(standard.value("mu_total_rel", at: 120) > 1.3, "mu_total_rel at 120 h")
        #expect(standard.value("mu_pet_occupancy", at: 120) < 0.28, "PET at 120 h")

        let five = try trace(Scenario(name: "naltrexone 5 mg, brain delay", durationHours: 9, doses: [
            dose("naltrexone", .oral, .single(atHours: 0, amountMilligrams: 5)),
        ], parameterOverrides: delay), columns: columns, intervalHours: 0.05)
        let rabiner = five.mean("mu_pet_occupancy", from: 1, to: 8)
        #expect(rabiner >= 0.33 && rabiner <= 0.68, "5 mg: mean PET \(rabiner) over 1-8 h")

        let last = 6 * Model2Regimens.day + 22
        let low = try trace(Scenario(name: "LDN, brain delay", durationHours: last + 18, doses: [
            dose("naltrexone", .oral, .repeated(startHours: 22, everyHours: 24, count: 7, amountMilligrams: 4.5)),
        ], parameterOverrides: delay), columns: columns, intervalHours: 0.25)
        #expect(low.value("mu_pet_occupancy", at: 23) < 0.5, "first dose: PET \(low.value("mu_pet_occupancy", at: 23)) at 1 h")
        #expect(low.value("mu_pet_occupancy", at: last + 16) > 0.25, "seventh night: PET \(low.value("mu_pet_occupancy", at: last + 16)) at 16 h")
        reportValues("B15 brain delay", "50 mg: \(at8) at 8 h, half at \(half) h, PET \(standard.value("mu_pet_occupancy", at: 120)) at 120 h; 5 mg \(rabiner); LDN \(low.value("mu_pet_occupancy", at: 23)) at 1 h, \(low.value("mu_pet_occupancy", at: last + 16)) on night 7 at 16 h")
    }
}
