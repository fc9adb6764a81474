import BuiltInLibrary
import Foundation
import Testing
import Integrators
@testable import Pharmacology
import TestSupport

/// Model 2 behaviours outside withdrawal, affect and antagonists: rows B1-B3, B12-B14, B30 and S1
/// of Model2Design.md section 11, the respiratory ceiling and the tolerance/dependence
/// separability of section 13, and the observables of section 7. Expected ranges and sources as
/// the design's "expected" column; where the model misses it the real assertion sits inside
/// `withKnownIssue` (model value, published value, reason).
///
/// Not simulated, as the design says: B23 (oxytocin PAM; see `AffectTests`), B25 (kratom PK:
/// MG Cmax 81.9 nM, 7-OH 16.1 nM (Tanna 2022); a library PK fix of section 9, outside this
/// design's pharmacodynamics) and B28 (irreversible antagonist removed only by turnover (seed
/// 003): an engine feature kept from model 1, no library drug to give).
@Suite
struct Model2BehaviourTests {
    typealias R = Model2Regimens
    static let day = Model2Regimens.day

    /// B1 tolerance over days of chronic agonist. Expected: rises within days; t1/2 of onset
    /// ~1 d; d7 > 0.3 (Ekblom 1993 (tolerance t1/2 26 +- 6 h); pharmacology.md 7.1). Morphine
    /// 30 mg q6h, tolerance_index 3 h after a dose (same phase each day): d1 < d3 < d7,
    /// d7 > 0.3, and half of the day-7 value reached 12-48 h after the first dose ("~1 d").
    @Test func b1ToleranceRisesOverDays() throws {
        let run = try R.morphineRun.get()
        let v = [1.0, 3, 7].map { run.value("tolerance_index", at: $0 * Self.day - 3) }
        #expect(v[0] < v[1] && v[1] < v[2], "d1/d3/d7 \(v)")
        #expect(v[2] > 0.3, "day 7 \(v[2])")
        let phase = stride(from: 3.0, through: 7 * Self.day - 3, by: 6)
        let half = phase.first { run.value("tolerance_index", at: $0) >= 0.5 * v[2] } ?? .infinity
        reportValues("B1", "d1/d3/d7 \(v); half of day 7 at \(half) h")
        #expect(half >= 12 && half <= 48, "half of the day-7 tolerance at \(half) h")
    }

    /// B2 agonist-specific down-regulation. Expected: morphine mu_total within +-20 %; fentanyl,
    /// methadone lower (Whistler 1998; pharmacology.md 9 item 17). At the end of 28 days: morphine
    /// at its last dose, fentanyl at the end of its infusion, methadone at its last dose.
    @Test func b2AgonistSpecificDownRegulation() throws {
        let morphine = try R.morphineRun.get().value("mu_total_rel", at: R.lastMorphineDose)
        let fentanyl = try R.fentanylRun.get().value("mu_total_rel", at: R.fentanylStop)
        let methadone = try R.methadoneRun.get().value("mu_total_rel", at: R.lastDailyDose)
        reportValues("B2", "morphine \(morphine), methadone \(methadone), fentanyl \(fentanyl)")
        #expect(abs(morphine - 1) <= 0.2, "morphine mu_total_rel \(morphine)")
        #expect(fentanyl < morphine, "fentanyl \(fentanyl) vs morphine \(morphine)")
        #expect(methadone < morphine, "methadone \(methadone) vs morphine \(morphine)")
    }

    /// B3 chronic agonist: endorphin down, dynorphin up, dynorphin adds dysphoria in withdrawal.
    /// Expected: endorphin -20..-40 %, dynorphin +30..100 %; dysphoria at the withdrawal peak
    /// higher with induction (pharmacology.md 6 (Fang 1998; Koob) [M magnitudes]; seed 004).
    /// Levels at the last of 28 d of morphine against t = 0; "without induction" = the dynorphin
    /// drives of section 6.4 set to 0 (`model.dynorphin_drive_from_dopamine`,
    /// `model.dynorphin_drive_from_adaptation`), dysphoria compared at the withdrawal_index peak.
    @Test func b3EndorphinDownDynorphinUpAddsDysphoria() throws {
        let run = try R.morphineRun.get()
        let last = R.lastMorphineDose
        let endorphin = run.value("endorphin_nM", at: last) / run.value("endorphin_nM", at: 0) - 1
        let dynorphin = run.value("dynorphin_nM", at: last) / run.value("dynorphin_nM", at: 0) - 1
        #expect(endorphin >= -0.4 && endorphin < 0, "endorphin \(endorphin * 100) %")
        // The -20..-40 % band is a modelling estimate ([M]), not a measured size: Fang 1998 (Mol
        // Brain Res 55:1, guinea pig, 7 d pellets) saw arcuate POMC mRNA fall, while rat pellets
        // for 8 d (Neurochem Int 2010 57:323) and rat pellets in PMC3689674 left hypothalamic POMC
        // unchanged; so the suppression gain is not re-set on it (Model2Design.md section 12).
        withKnownIssue("B3: model gives endorphin -18.5 %, band -20..-40 % is [M] (no sourced magnitude: Fang 1998 down, two rat pellet studies unchanged); suppression gain set on the prototype's -19 %") {
            #expect(endorphin <= -0.2, "endorphin \(endorphin * 100) %")
        }
        #expect(dynorphin >= 0.3 && dynorphin <= 1.0, "dynorphin \(dynorphin * 100) %")
        let peak = run.maximum("withdrawal_index", from: last, to: last + 7 * Self.day).time
        let induced = run.value("dysphoria", at: peak)
        let noInduction = try trace(Scenario(
            name: "morphine 28 d, no dynorphin induction", durationHours: peak + 1, doses: [R.morphine()],
            parameterOverrides: ["model.dynorphin_drive_from_dopamine": 0, "model.dynorphin_drive_from_adaptation": 0]),
            columns: ["dysphoria"], intervalHours: 0.5)
        let without = noInduction.value("dysphoria", at: peak)
        reportValues("B3", "endorphin \(endorphin * 100) %, dynorphin \(dynorphin * 100) %, dysphoria \(induced) at the peak (+\(peak - last) h) vs \(without) without induction, \(run.value("dysphoria", at: 0)) drug-free")
        #expect(induced > without, "dysphoria at the withdrawal peak \(induced) with induction vs \(without) without")
        #expect(induced > run.value("dysphoria", at: 0), "dysphoria \(induced) vs drug-free \(run.value("dysphoria", at: 0))")
    }

    /// B12 buprenorphine naive: real agonist effect, respiratory ceiling; fentanyl reaches apnea.
    /// Expected: 0.3 mg IV ~ morphine 10 mg IV (ratio of peak reward response 0.5-1.5);
    /// ventilation plateau 50 +- 15 % for >= 3 ug/kg (0.21-0.6 mg/70 kg); fentanyl >= 2.9 ug/kg
    /// (0.2 mg) < 10 % (Buprenex label / equianalgesic tables; Dahan 2005 (pharmacology.md 2.2,
    /// 9 item 5)). Reward = peak rise of `reward_response`; ventilation = minimum
    /// `respiratory_drive`; plateau = 0.21 and 0.6 mg both in 0.35-0.65 and within 0.15 of each
    /// other. The prototype missed the buprenorphine parts (0.31x; 0.98/0.93 at 0.21/0.6 mg: 15-27 %
    /// occupancy with the PET-calibrated affinity and the slow biophase); with brain entry fitted to
    /// PET (ke0 1.39 /h, issue 16) 0.47x and 0.96/0.86 (peak occupancy 0.28/0.44 after 0.3/0.6 mg,
    /// close to macaque PET's 20/49 % at 3/6 ug/kg, Auvity 2021), so what still misses is the
    /// respiratory response at that occupancy, not the affinity (design section 12 item 2).
    @Test func b12BuprenorphineAgonistEffectCeilingFentanylApnea() throws {
        func naive(_ drug: String, _ mg: Double, hours: Double = 12) throws -> Trace {
            try trace(Scenario(name: "\(drug) \(mg) mg IV", durationHours: hours, doses: [
                dose(drug, .ivBolus, .single(atHours: 0, amountMilligrams: mg)),
            ]), columns: ["reward_response", "respiratory_drive"], intervalHours: 0.05)
        }
        let morphine = try naive("morphine", 10), bup = try naive("buprenorphine", 0.3)
        let baseline = morphine.value("reward_response", at: 0)
        let ratio = (bup.maximum("reward_response", from: 0, to: 12).value - baseline)
            / (morphine.maximum("reward_response", from: 0, to: 12).value - baseline)
        let fentanyl = try naive("fentanyl", 0.2, hours: 3).minimum("respiratory_drive", from: 0, to: 3)
        #expect(fentanyl < 0.1, "fentanyl 0.2 mg IV ventilation \(fentanyl)")
        let low = try naive("buprenorphine", 0.21).minimum("respiratory_drive", from: 0, to: 12)
        let high = try naive("buprenorphine", 0.6).minimum("respiratory_drive", from: 0, to: 12)
        reportValues("B12", "reward ratio bup 0.3 mg / morphine 10 mg \(ratio); ventilation bup 0.21/0.6 mg \(low)/\(high), morphine 10 mg \(morphine.minimum("respiratory_drive", from: 0, to: 12)), fentanyl 0.2 mg \(fentanyl)")
        withKnownIssue("B12: model gives reward 0.47x morphine, ventilation 0.96/0.86 at 0.21/0.6 mg (respiration.coupling 3.3, ke0 1.39 /h), published 0.5-1.5x and 0.35-0.65 (peak occupancy 0.28/0.44 at 0.3/0.6 mg, as macaque PET; the respiratory circuit does not reach its plateau at that occupancy, design 12 item 2)") {
            #expect(ratio >= 0.5 && ratio <= 1.5, "peak reward rise buprenorphine 0.3 mg / morphine 10 mg \(ratio)")
            #expect(low >= 0.35 && low <= 0.65, "ventilation at 0.21 mg \(low)")
            #expect(high >= 0.35 && high <= 0.65, "ventilation at 0.6 mg \(high)")
            #expect(abs(high - low) < 0.15, "plateau 0.21 -> 0.6 mg: \(low) -> \(high)")
        }
    }

    /// Respiratory ceiling (design section 13): buprenorphine's minimum respiratory_drive is
    /// 0.35-0.65 at saturating doses and not lower at twice the dose; fentanyl 0.2 mg IV < 0.1
    /// (Dahan 2005). Saturating: 16 mg IV (mu occupancy by buprenorphine > 0.85 at its peak),
    /// twice: 32 mg; "not lower" within 0.1 of normal ventilation (a plateau, not a slope).
    @Test func respiratoryCeilingForBuprenorphineApneaForFentanyl() throws {
        func ventilation(_ drug: String, _ mg: Double) throws -> Trace {
            try trace(Scenario(name: "\(drug) \(mg) mg IV", durationHours: 12, doses: [
                dose(drug, .ivBolus, .single(atHours: 0, amountMilligrams: mg)),
            ]), columns: ["respiratory_drive", "mu_occupancy_\(drug)"], intervalHours: 0.05)
        }
        let saturating = try ventilation("buprenorphine", 16), twice = try ventilation("buprenorphine", 32)
        let occupancy = saturating.maximum("mu_occupancy_buprenorphine", from: 0, to: 12).value
        #expect(occupancy > 0.85, "16 mg IV peak mu occupancy \(occupancy)")
        let at16 = saturating.minimum("respiratory_drive", from: 0, to: 12), at32 = twice.minimum("respiratory_drive", from: 0, to: 12)
        reportValues("ceiling", "buprenorphine 16/32 mg IV ventilation \(at16)/\(at32), peak occupancy \(occupancy)")
        #expect(at16 >= 0.35 && at16 <= 0.65, "16 mg ventilation \(at16)")
        #expect(at32 >= 0.35 && at32 <= 0.65, "32 mg ventilation \(at32)")
        #expect(at32 >= at16 - 0.1, "16 -> 32 mg: \(at16) -> \(at32)")
        let fentanyl = try trace(Scenario(name: "fentanyl 0.2 mg IV", durationHours: 3, doses: [
            dose("fentanyl", .ivBolus, .single(atHours: 0, amountMilligrams: 0.2)),
        ]), columns: ["respiratory_drive"], intervalHours: 0.01)
        #expect(fentanyl.minimum("respiratory_drive", from: 0, to: 3) < 0.1)
    }

    /// B13 buprenorphine PET occupancy. Expected: 2/16/32 mg: 41 +- 15 %, 80 +- 10 %, 84-95 %
    /// (Greenwald 2003 (pharmacology.md 2.4)). SL daily for 14 days, mu PET occupancy 4 h after
    /// the last dose. Greenwald's reference is the same subjects' placebo (0 mg) scan, so the
    /// subject's drug-free density S_0 is the right baseline; the model's miss came from
    /// buprenorphine raising mu by 8/28/34 % (it displaced the peptide route into the agonist
    /// endosome), which the PET measure counts as free sites: 0.18/0.66/0.80 with f_mu 0.15,
    /// 0.23/0.72/0.84 with 0.05 (drug occupancy 0.26/0.74/0.85). The rest was brain entry: with
    /// Yassen's respiratory biophase (ke0 0.24 /h) brain buprenorphine lagged plasma 4 h after the
    /// dose; ke0 fitted to PET (1.39 /h, issue 16) gives 0.298/0.771/0.870, all three in range. Plasma at the
    /// scan is 0.60/4.8/9.5 ng/mL against Greenwald's 0.5-1/5-6/13-14 (the 32 mg plasma is a known
    /// gap of greenwald-2003-buprenorphine-32mg-mu-pet; its PET is met). The 2 and 16 mg points
    /// are calibration checks (ke0 was fitted to them); the independent evidence is the 32 mg
    /// point, which no fit used, and the held-back Greenwald 2007 fall over 28-76 h after the last
    /// 16 mg dose (`validate`).
    @Test func b13BuprenorphinePETOccupancy() throws {
        var occupancy: [Double] = []
        for mg in [2.0, 16, 32] {
            let t = 13 * Self.day + 4
            let run = try trace(Scenario(name: "buprenorphine \(mg) mg", durationHours: t + 1, doses: [
                R.buprenorphine(milligrams: mg, days: 14),
            ]), columns: ["mu_pet_occupancy"], intervalHours: 1)
            occupancy.append(run.value("mu_pet_occupancy", at: t))
        }
        reportValues("B13", "2/16/32 mg: \(occupancy)")
        #expect(occupancy[0] < occupancy[1] && occupancy[1] < occupancy[2], "\(occupancy)")
        #expect(abs(occupancy[1] - 0.80) <= 0.10, "16 mg: \(occupancy[1])")
        #expect(abs(occupancy[0] - 0.41) <= 0.15, "2 mg: \(occupancy[0])")
        #expect(occupancy[2] >= 0.84 && occupancy[2] <= 0.95, "32 mg: \(occupancy[2])")
    }

    /// B14 buprenorphine SL terminal half-life. Expected: 24-42 h (label; Elkader 2005
    /// (pharmacology.md 2.5)). One 8 mg SL dose; apparent half-life from plasma at 48 and 96 h.
    @Test func b14BuprenorphineTerminalHalfLife() throws {
        let run = try trace(Scenario(name: "buprenorphine 8 mg SL", durationHours: 97, doses: [
            dose("buprenorphine", .sublingual, .single(atHours: 0, amountMilligrams: 8)),
        ]), columns: ["buprenorphine_plasma_nM"], intervalHours: 1)
        let halfLife = log(2.0) * 48 / log(run.value("buprenorphine_plasma_nM", at: 48) / run.value("buprenorphine_plasma_nM", at: 96))
        reportValues("B14", "apparent t1/2 48-96 h \(halfLife) h")
        #expect(halfLife >= 24 && halfLife <= 42, "apparent t1/2 \(halfLife) h")
    }

    /// B30 tolerance and dependence separable, and the separability test of section 13.
    /// Expected: in a beta-arrestin-2 knock-out, tolerance ~0 (< 0.05) with dependence kept
    /// (>= 70 % of naloxone-precipitated COWS) (Bohn 2000 Nature 408:720; seed 003). Bohn read
    /// tolerance as the hot-plate response to a morphine challenge (abstract; Raehal & Bohn 2011
    /// Neuropharmacology 60:58), i.e. fresh drug on receptors the chronic drug no longer holds, so
    /// `tolerance_index` (which counts held receptors as unavailable) is read 24 h after the last
    /// of 7 d of morphine 30 mg q6h, when morphine and M6G are gone (mu occupancy at its drug-free
    /// level). Dependence: naloxone 2 mg IV 3 h after the last dose, as before.
    @Test func b30ToleranceAndDependenceSeparable() throws {
        let last = 7 * Self.day - 6, probe = last + Self.day
        func exposure(_ overrides: [String: Double]) throws -> (tolerance: Double, cows: Double, trace: Trace) {
            let chronic = try trace(Scenario(name: "morphine 7 d", durationHours: probe, doses: [R.morphine(days: 7)],
                                             parameterOverrides: overrides),
                                    columns: ["tolerance_index", "mu_uncoupled", "mu_total_rel", "mu_occupancy_total"], intervalHours: 0.1)
            let precipitated = try trace(Scenario(name: "morphine 7 d, naloxone", durationHours: last + 5, doses: [
                R.morphine(days: 7), dose("naloxone", .ivBolus, .single(atHours: last + 3, amountMilligrams: 2)),
            ], parameterOverrides: overrides), columns: ["cows_equivalent"], intervalHours: 0.1)
            return (chronic.value("tolerance_index", at: probe), precipitated.maximum("cows_equivalent", from: last + 3, to: last + 5).value, chronic)
        }
        let normal = try exposure([:]), knockOut = try exposure(Self.arrestinKnockOut)
        let ko = knockOut.trace, wt = normal.trace
        reportValues("B30", "at +24 h: wild type tolerance \(normal.tolerance) (U_mu \(wt.value("mu_uncoupled", at: probe)); \(wt.value("tolerance_index", at: last + 2.9)) at +2.9 h), precipitated COWS \(normal.cows); knock-out tolerance \(knockOut.tolerance) (\(ko.value("tolerance_index", at: last + 2.9)) at +2.9 h), COWS \(knockOut.cows), U_mu \(ko.value("mu_uncoupled", at: probe)), mu_total \(ko.value("mu_total_rel", at: probe)), mu occupancy \(ko.value("mu_occupancy_total", at: probe)) (drug-free \(ko.value("mu_occupancy_total", at: 0)))")
        // The probe is drug-free: mu occupancy back within 0.03 of its value before any drug.
        #expect(abs(ko.value("mu_occupancy_total", at: probe) - ko.value("mu_occupancy_total", at: 0)) < 0.03)
        #expect(knockOut.tolerance < normal.tolerance, "tolerance \(knockOut.tolerance) in the knock-out vs \(normal.tolerance)")
        // The wild type is tolerant by the same measure: above the < 0.05 that counts as ~0.
        #expect(normal.tolerance >= 0.05, "wild-type tolerance \(normal.tolerance) at +24 h")
        #expect(normal.cows > 0)
        #expect(knockOut.cows >= 0.7 * normal.cows, "precipitated COWS \(knockOut.cows) in the knock-out vs \(normal.cows)")
        // The knock-out keeps its receptors coupled and on the membrane (no uncoupling, no loss).
        #expect(ko.value("mu_uncoupled", at: probe) == 0, "U_mu \(ko.value("mu_uncoupled", at: probe)) in the knock-out")
        #expect(abs(ko.value("mu_total_rel", at: probe) - 1) < 0.01, "mu_total \(ko.value("mu_total_rel", at: probe)) in the knock-out")
        #expect(knockOut.tolerance < 0.05, "tolerance \(knockOut.tolerance) in the knock-out")
    }

    /// The beta-arrestin-2 knock-out as parameter overrides of the wild type (Model2Design.md
    /// §4.1, B30), each a mu process that needs the arrestin:
    /// - `uncoupling.gain` 0: after chronic morphine the knock-out's brainstem keeps its
    ///   agonist-stimulated GTPγS binding, i.e. no loss of MOR–G-protein coupling (Bohn 2000), and
    ///   U is that loss (the model's arrestin-independent share s_U is not seen there);
    /// - `mu.desensitization_rate_per_h` 0: the acute desensitized state D is the arrestin-bound
    ///   receptor; without beta-arrestin-2 morphine's G-protein coupling is more potent and its
    ///   analgesia longer (Bohn 1999 Science 286:2495);
    /// - `mu.arrestin_internalization_rate_per_h` 0: the arrestin-dependent endocytosis out of D
    ///   (constitutive endocytosis, arrestin-free, stays).
    static let arrestinKnockOut: [String: Double] = [
        "uncoupling.gain": 0, "mu.desensitization_rate_per_h": 0, "mu.arrestin_internalization_rate_per_h": 0,
    ]

    /// S1 no drug: flat. Expected: every state within 1e-9 relative over 48 h (MODEL.md 3), in
    /// both phenotypes (the deficit one is measured against the control set points, section 6.5,
    /// and must still rest). The model-2 states of section 2 are present and the removed ones
    /// gone.
    @Test(arguments: Phenotype.allCases)
    func s1NoDrugIsFlat(phenotype: Phenotype) throws {
        let scenario = Scenario(name: "no drug", durationHours: 48, subject: Subject(phenotype: phenotype))
        let model = try ReceptorModel.compile(scenario)
        let names = Set(model.stateNames)
        for name in ["mu.uncoupled", "mu.internalized_constitutive", "mu.internalized_agonist", "lc.adaptation_fast",
                     "lc.adaptation_slow", "reward.adaptation_fast", "reward.adaptation_slow", "lc.extrinsic_drive"] {
            #expect(names.contains(name), "state \(name)")
        }
        #expect(names.isDisjoint(with: ["mu.synthesis_control", "mu.adaptation"]), "removed states")
        var recorder = TrajectoryRecorder(dimension: model.dimension)
        _ = try ODESolver.solve(
            ODEProblem(system: model.system, initialState: model.initialState, startTime: 0, endTime: 48),
            method: .rodas5P, options: ReceptorModel.solverOptions(for: model),
            output: .uniform(start: 0, interval: 24, end: 48), into: &recorder)
        let last = recorder.state(at: recorder.times.count - 1)
        for i in 0..<model.dimension {
            #expect(isClose(last[i], model.initialState[i], relative: 1e-9, absolute: 1e-12), "\(model.stateNames[i])")
        }
    }

    /// The observables of design section 7 exist by those names, and the removed model-1
    /// columns are refused with `ModelError.unknownColumn` (the scenario reader adds the
    /// suggestion of a replacement; `NameSuggestionTests`).
    @Test func observablesOfSection7() throws {
        let scenario = Scenario(name: "columns", durationHours: 1, doses: [
            dose("morphine", .ivBolus, .single(atHours: 0, amountMilligrams: 10)),
        ])
        let names = Set(try ReceptorModel.columnNames(for: scenario))
        let expected = [
            "mu_uncoupled", "reward_response", "lc_response", "respiration_response", "kappa_response",
            "lc_adaptation", "reward_adaptation", "lc_adaptation_slow", "dopamine_tone", "respiratory_drive",
            "withdrawal_signs", "dysphoria", "hedonic_tone", "withdrawal_index", "cows_equivalent", "mu_pet_occupancy",
            "tolerance_index", "mu_stimulus", "mu_internal_rel", "mu_total_rel",
        ]
        for name in expected { #expect(names.contains(name), "column \(name)") }
        #expect(!names.contains("mu_response") && !names.contains("mu_adaptation"), "removed model-1 columns")
        let model = try ReceptorModel.compile(scenario)
        var recorder = ObservableRecorder(columns: ["mu_response"])
        do {
            try ReceptorModel.simulate(model, columns: ["mu_response"], intervalHours: 1, into: &recorder)
            Issue.record("mu_response was accepted")
        } catch let error as ModelError {
            #expect(error.description == "unknown output column 'mu_response'")
        }
    }

    /// The COWS mapping of design section 7 at the drug-free state and its monotone saturation:
    /// cows_equivalent = 48 (1 − exp(−ln2 · WI / h)) wherever it is read, h the library's
    /// `cows.half_index`. Checked on the withdrawal course of the shared morphine run, relative 1e-9.
    @Test func cowsEquivalentFollowsItsMapping() throws {
        let run = try R.morphineRun.get()
        let halfIndex = DrugLibrary.builtIn.physiology.cowsHalfIndex.value
        for t in stride(from: R.lastMorphineDose - 12, through: R.lastMorphineDose + 96, by: 6.5) {
            let index = run.value("withdrawal_index", at: t)
            let expected = 48 * (1 - exp(-log(2.0) * index / halfIndex))
            #expect(isClose(run.value("cows_equivalent", at: t), expected, relative: 1e-9, absolute: 1e-12), "t \(t): WI \(index)")
        }
    }
}
