import BuiltInLibrary
import Foundation
import Testing
@testable import Pharmacology

/// Model 2 antagonist behaviours, rows B8 and B15-B17 of Model2Design.md section 11, the naive
/// antagonist control of section 13 (both phenotypes) and the PET occupancy column of section 7.
/// Expected ranges and sources as the design's "expected" column; where the model misses it the
/// real assertion sits inside `withKnownIssue` (model value, published value, reason).
@Suite
struct AntagonistTests {
    /// An antagonist dose given to a drug-naive subject.
    struct NaiveDose: Sendable, CustomStringConvertible {
        let drug: String
        let route: Route
        let milligrams: Double
        var description: String { "\(drug) \(milligrams) mg \(route.rawValue)" }
    }

    static let naiveDoses = [
        NaiveDose(drug: "naloxone", route: .ivBolus, milligrams: 0.4),
        NaiveDose(drug: "naloxone", route: .ivBolus, milligrams: 2),
        NaiveDose(drug: "naltrexone", route: .oral, milligrams: 4.5),
        NaiveDose(drug: "naltrexone", route: .oral, milligrams: 50),
        NaiveDose(drug: "nalmefene", route: .ivBolus, milligrams: 1),
        NaiveDose(drug: "aticaprant", route: .oral, milligrams: 10),
    ]

    /// Bound of the smooth max σ(x) = w ln(1 + e^{x/w}) − w ln 2 below and above max(0, x):
    /// w ln 2 with w = 0.002 (`dependence.smoothing_width`, design section 8). A "zero" that
    /// passes through σ is zero within this.
    static let smoothingBound = 0.002 * log(2.0)

    /// B8 any antagonist in a drug-naive subject: no withdrawal. Expected: withdrawal_signs = 0
    /// and withdrawal_index = 0 (seed 003; MODEL.md 3), and from section 13 for naloxone 0.4/2 mg
    /// IV, naltrexone 4.5/50 mg, nalmefene 1 mg and aticaprant 10 mg in a naive control and
    /// deficit subject: COWS < 0.5. Zero within the smoothing bound w ln 2; 72 h after one dose.
    @Test(arguments: naiveDoses, Phenotype.allCases)
    func b8AntagonistInNaiveSubjectGivesNoWithdrawal(antagonist: NaiveDose, phenotype: Phenotype) throws {
        let run = try trace(Scenario(name: "naive \(antagonist)", durationHours: 72, subject: Subject(phenotype: phenotype), doses: [
            dose(antagonist.drug, antagonist.route, .single(atHours: 1, amountMilligrams: antagonist.milligrams)),
        ]), columns: ["withdrawal_signs", "withdrawal_index", "cows_equivalent"], intervalHours: 0.25)
        let signs = run.maximum("withdrawal_signs", from: 0, to: 72).value
        let index = run.maximum("withdrawal_index", from: 0, to: 72).value
        let cows = run.maximum("cows_equivalent", from: 0, to: 72).value
        reportValues("B8", "\(antagonist), \(phenotype): signs \(signs), WI \(index), COWS \(cows)")
        #expect(abs(signs) <= Self.smoothingBound, "\(antagonist), \(phenotype): withdrawal_signs \(signs)")
        #expect(abs(index) <= Self.smoothingBound, "\(antagonist), \(phenotype): withdrawal_index \(index)")
        #expect(cows < 0.5, "\(antagonist), \(phenotype): COWS \(cows)")
    }

    /// B15 naltrexone 50 mg: > 90 % mu blockade, lasting days. Expected: PET >= 90 % at 8 h;
    /// blockade half-time 72-108 h; delta <= 30 % (Rabiner 2011 via Troestheim 2022; Lee 1988;
    /// Weerts 2008 (review B15)). Half-time = first time after 8 h the mu PET occupancy is below
    /// half its 8 h value. The prototype misses (0.83 at 8 h, half at 12 h): the parent alone
    /// blocks for hours; days need brain retention (design section 12 item 4). Lee 1988 compared
    /// with each volunteer's own scan before the dose, as the PET measure here does (S_0 the
    /// drug-free density); the model's receptor rise after one dose (+17 % at 48 h, +24 % with
    /// f_mu 0.15) makes the measure negative once the drug is gone (-0.08 at 72 h). Kept as a
    /// known issue because B17 (low-dose naltrexone blocks for hours) and Lee's course exclude
    /// each other under linear kinetics (`NaltrexoneBlockadeTests`).
    @Test func b15NaltrexoneBlockade() throws {
        let run = try trace(Scenario(name: "naltrexone 50 mg", durationHours: 168, doses: [
            dose("naltrexone", .oral, .single(atHours: 0, amountMilligrams: 50)),
        ]), columns: ["mu_pet_occupancy", "delta_pet_occupancy"], intervalHours: 0.5)
        let at8 = run.value("mu_pet_occupancy", at: 8)
        let delta = run.value("delta_pet_occupancy", at: 8)
        #expect(delta <= 0.3, "delta PET occupancy \(delta) at 8 h")
        let half = run.firstTime("mu_pet_occupancy", from: 8, where: { $0 < 0.5 * at8 }) ?? .infinity
        reportValues("B15", "mu \(at8) at 8 h, \(run.value("mu_pet_occupancy", at: 72)) at 72 h, half of the 8 h blockade at \(half) h; delta \(delta)")
        withKnownIssue("B15: model gives mu PET 0.76 at 8 h, half of it at 27.0 h (0.75 and 25.5 h with f_mu 0.15), published >= 0.9 and 72-108 h (naltrexone's occupancy 0.13 at 48 h: no sourced 96 h plasma phase amplitude; a brain-side delay that meets the half-time, 79 h, makes 4.5 mg nightly block 0.42 at 16 h against B17's < 0.25, and by linearity any mechanism that gives Lee's course does: NaltrexoneBlockadeTests, design 12 item 4)") {
            #expect(at8 >= 0.9, "mu PET occupancy \(at8) at 8 h")
            #expect(half >= 72 && half <= 108, "blockade half-time \(half) h")
        }
    }

    /// B16 chronic antagonist up-regulates mu, delta less, kappa ~none. Expected: 7 d naltrexone:
    /// mu +30-90 %, delta < mu, kappa -10..+20 % (Lesscher 2003; Yoburn; pharmacology.md 9 item
    /// 16). 50 mg oral daily, read at 7 d.
    @Test func b16NaltrexoneUpRegulatesMuDeltaLessKappaNone() throws {
        let run = try trace(Scenario(name: "naltrexone 7 d", durationHours: 168, doses: [
            dose("naltrexone", .oral, .repeated(startHours: 0, everyHours: 24, count: 7, amountMilligrams: 50)),
        ]), columns: ["mu_total_rel", "delta_total_rel", "kappa_total_rel"], intervalHours: 1)
        let mu = run.value("mu_total_rel", at: 168) - 1
        let delta = run.value("delta_total_rel", at: 168) - 1
        let kappa = run.value("kappa_total_rel", at: 168) - 1
        reportValues("B16", "mu \(mu * 100) %, delta \(delta * 100) %, kappa \(kappa * 100) %")
        #expect(mu >= 0.3 && mu <= 0.9, "mu \(mu * 100) %")
        #expect(delta < mu, "delta \(delta * 100) % vs mu \(mu * 100) %")
        #expect(kappa >= -0.1 && kappa <= 0.2, "kappa \(kappa * 100) %")
    }

    /// B17 low-dose naltrexone: hours of blockade, then rebound. Expected: mu blockade > 50 % at
    /// 1-2 h, < 25 % by 16 h; after 7 nights more receptors and higher trough reward (MODEL.md
    /// 1/3; seed 001; Toljan & Vrooman 2018). 4.5 mg at 22:00 for 7 nights; blockade = mu PET
    /// occupancy after the last dose; trough = noon of day 7 (14 h after it): mu_total_rel and
    /// dopamine_tone above their drug-free values (1).
    @Test func b17LowDoseNaltrexoneBlockadeThenRebound() throws {
        let last = 6 * Model2Regimens.day + 22
        let run = try trace(Scenario(name: "LDN", durationHours: last + 18, doses: [
            dose("naltrexone", .oral, .repeated(startHours: 22, everyHours: 24, count: 7, amountMilligrams: 4.5)),
        ]), columns: ["mu_pet_occupancy", "mu_total_rel", "dopamine_tone"], intervalHours: 0.25)
        let early = run.maximum("mu_pet_occupancy", from: last + 1, to: last + 2).value
        let late = run.value("mu_pet_occupancy", at: last + 16)
        reportValues("B17", "blockade \(early) at 1-2 h, \(late) at +16 h; at noon day 7 mu_total \(run.value("mu_total_rel", at: last + 14)), dopamine_tone \(run.value("dopamine_tone", at: last + 14))")
        #expect(early > 0.5, "mu blockade \(early) at 1-2 h")
        #expect(late < 0.25, "mu blockade \(late) at 16 h")
        #expect(run.value("mu_total_rel", at: last + 14) > 1, "mu_total_rel \(run.value("mu_total_rel", at: last + 14)) at noon")
        #expect(run.value("dopamine_tone", at: last + 14) > 1, "dopamine_tone \(run.value("dopamine_tone", at: last + 14)) at noon")
    }

    /// `<receptor>_pet_occupancy` (design section 7) equals 1 − S(t)(1 − D(t))/S_0 at a generic
    /// state: S = `mu_surface_rel`, D = the drugs' and metabolites' share of the surface (sum of
    /// their `mu_occupancy_<ligand>`), S_0 the drug-free surface (t = 0). Morphine (with M6G) and
    /// naloxone together, read at 0.5 and 3 h; relative 1e-9.
    @Test func petOccupancyEqualsItsFormula() throws {
        let scenario = Scenario(name: "pet", durationHours: 4, doses: [
            dose("morphine", .ivBolus, .single(atHours: 0, amountMilligrams: 10)),
            dose("naloxone", .ivBolus, .single(atHours: 0.25, amountMilligrams: 0.4)),
        ])
        let peptides: Set = ["endorphin", "enkephalin", "dynorphin"]
        let drugColumns = try ReceptorModel.columnNames(for: scenario).filter {
            $0.hasPrefix("mu_occupancy_") && $0 != "mu_occupancy_total" && !peptides.contains(String($0.dropFirst("mu_occupancy_".count)))
        }
        #expect(Set(drugColumns).isSuperset(of: ["mu_occupancy_morphine", "mu_occupancy_naloxone"]), "\(drugColumns)")
        let run = try trace(scenario, columns: ["mu_pet_occupancy", "mu_surface_rel"] + drugColumns, intervalHours: 0.25)
        let s0 = run.value("mu_surface_rel", at: 0)
        for t in [0.5, 3] {
            let d = drugColumns.map { run.value($0, at: t) }.reduce(0, +)
            let expected = 1 - run.value("mu_surface_rel", at: t) * (1 - d) / s0
            let pet = run.value("mu_pet_occupancy", at: t)
            #expect(abs(pet - expected) <= 1e-9 * max(abs(expected), 1e-3), "t \(t): \(pet) vs formula \(expected)")
            #expect(pet > 0.05, "t \(t): a drug is on the receptors")
        }
    }

    /// Naltrexone 7 days (design section 13: the PET column against occupancy_total once mu is
    /// up-regulated). With the surface above its baseline scan (S > S_0) the formula of section 7
    /// gives 1 − (S/S_0)(1 − D) < D: the extra receptors are free, so the baseline-referenced PET
    /// occupancy reads below the fraction of surface receptors held (occupancy_total ≥ D). The
    /// design's sentence states the opposite inequality; its own formula gives this one. Read
    /// 20 h after the last of seven daily 50 mg doses, when mu_total_rel > 1.2.
    @Test func petOccupancyBelowOccupancyWhenMuIsUpRegulated() throws {
        let t = 6 * Model2Regimens.day + 20
        let run = try trace(Scenario(name: "naltrexone 7 d", durationHours: t + 1, doses: [
            dose("naltrexone", .oral, .repeated(startHours: 0, everyHours: 24, count: 7, amountMilligrams: 50)),
        ]), columns: ["mu_pet_occupancy", "mu_occupancy_total", "mu_total_rel"], intervalHours: 0.5)
        let upRegulated = run.value("mu_total_rel", at: t)
        #expect(upRegulated > 1.2, "mu_total_rel \(upRegulated)")
        let pet = run.value("mu_pet_occupancy", at: t), total = run.value("mu_occupancy_total", at: t)
        reportValues("PET", "naltrexone 7 d: mu_total \(upRegulated), PET \(pet), occupancy_total \(total)")
        #expect(pet < total, "PET \(pet) vs occupancy_total \(total)")
    }
}
