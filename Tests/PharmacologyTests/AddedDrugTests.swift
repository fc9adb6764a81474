import BuiltInLibrary
import Foundation
import Testing
@testable import Pharmacology
import TestSupport

/// The drugs added for issue 16 ("Drugs, metabolites and products"): each against a published
/// figure (its source and accepted band named in the test), plus analytic checks of the
/// features they use (a metabolite of a metabolite, irreversible binding removed only by
/// receptor turnover). Where a figure was used to set a parameter the test says so: it then
/// checks that the engine reproduces the figure, not independent evidence.
@Suite
struct AddedDrugTests {
    let library = DrugLibrary.builtIn

    func drug(_ id: String) throws -> Drug { try #require(library.drug(id)) }

    /// Peak time and value of `column` over the recorded rows.
    func peak(_ rec: ObservableRecorder, _ column: String) -> (value: Double, time: Double) {
        rec.maximum(column, from: 0, to: rec.times.last!)
    }

    // MARK: Heroin → 6-MAM → morphine

    /// A metabolite of a metabolite: after an IV heroin bolus, 6-MAM and morphine follow the
    /// closed-form solution of three one-compartment species in series (Bateman functions), to
    /// 1e-3 relative. Heroin converts fully to 6-MAM, 6-MAM 57 % to morphine.
    @Test func heroinChainMatchesTheClosedForm() throws {
        let heroin = try drug("heroin"), mam = try drug("monoacetylmorphine_6"), morphine = try drug("morphine")
        let doseMilligrams = 10.0
        let rec = try simulate(Scenario(name: "heroin iv", durationHours: 8, doses: [
            dose("heroin", .ivBolus, .single(atHours: 0, amountMilligrams: doseMilligrams)),
        ]), columns: ["heroin_plasma_nM", "monoacetylmorphine_6_plasma_nM", "morphine_plasma_nM"], intervalHours: 0.05)
        let d = doseMilligrams * 1e6 / heroin.molarMassGramsPerMole.value
        let k1 = heroin.clearanceLitersPerHour.value / heroin.centralVolumeLiters.value
        let k2 = mam.clearanceLitersPerHour.value / mam.centralVolumeLiters.value
        let k3 = morphine.clearanceLitersPerHour.value / morphine.centralVolumeLiters.value
        let f1 = try #require(heroin.metabolites.first).formationFraction.value
        let f2 = try #require(mam.metabolites.first { $0.metabolite == "morphine" }).formationFraction.value
        #expect(f1 == 1 && isClose(f2, 0.57, relative: 1e-12))
        for t in [0.05, 0.25, 0.5, 1, 3, 6] {
            let heroinNM = d * Foundation.exp(-k1 * t) / heroin.centralVolumeLiters.value
            let mamNM = f1 * d * k1 / (k2 - k1) * (Foundation.exp(-k1 * t) - Foundation.exp(-k2 * t)) / mam.centralVolumeLiters.value
            let rates = [k1, k2, k3]
            var sum = 0.0
            for (i, ki) in rates.enumerated() {
                var denominator = 1.0
                for (j, kj) in rates.enumerated() where j != i { denominator *= kj - ki }
                sum += Foundation.exp(-ki * t) / denominator
            }
            let morphineNM = f1 * f2 * k1 * k2 * d * sum / morphine.centralVolumeLiters.value
            #expect(isClose(rec.value("heroin_plasma_nM", at: t), heroinNM, relative: 1e-3, absolute: 1e-6), "heroin at \(t) h")
            #expect(isClose(rec.value("monoacetylmorphine_6_plasma_nM", at: t), mamNM, relative: 1e-3), "6-MAM at \(t) h")
            #expect(isClose(rec.value("morphine_plasma_nM", at: t), morphineNM, relative: 1e-3), "morphine at \(t) h")
        }
    }

    /// IV heroin: the simulated heroin curve falls with t½ 3.0 ± 1.3 min (Inturrisi et al. 1984
    /// NEJM 310:1213; accepted 1.7-4.3 min) and 6-MAM with its terminal t½ 21.8 min (Rook et al.
    /// 2006 Clin Pharmacokinet 45:401; ± 20 %). Both set the parameters (consistency check).
    /// Intranasal heroin peaks within 5 min (Cone et al. 1993 J Anal Toxicol 17:327; accepted
    /// ≤ 6 min) and its 6-MAM exposure is about half that of the same IM dose (relative potency
    /// one-half, Cone 1993; accepted 0.4-0.6).
    @Test func heroinHalfLivesAndIntranasalPeak() throws {
        let iv = try simulate(Scenario(name: "heroin iv", durationHours: 2, doses: [
            dose("heroin", .ivBolus, .single(atHours: 0, amountMilligrams: 10)),
        ]), columns: ["heroin_plasma_nM", "monoacetylmorphine_6_plasma_nM"], intervalHours: 1.0 / 120)
        let heroinMinutes = 60 * fittedHalfLife(iv, "heroin_plasma_nM", from: 0.05, to: 0.3)
        #expect(heroinMinutes >= 1.7 && heroinMinutes <= 4.3, "heroin t½ \(heroinMinutes) min")
        let mamMinutes = 60 * fittedHalfLife(iv, "monoacetylmorphine_6_plasma_nM", from: 1, to: 2)
        #expect(isClose(mamMinutes, 21.8, relative: 0.2), "6-MAM t½ \(mamMinutes) min")
        func run(_ route: Route) throws -> ObservableRecorder {
            try simulate(Scenario(name: "heroin \(route)", durationHours: 3, doses: [
                dose("heroin", route, .single(atHours: 0, amountMilligrams: 12)),
            ]), columns: ["heroin_plasma_nM", "monoacetylmorphine_6_plasma_nM"], intervalHours: 1.0 / 120)
        }
        let nasal = try run(.intranasal), muscle = try run(.intramuscular)
        let nasalPeak = peak(nasal, "heroin_plasma_nM")
        #expect(nasalPeak.time <= 0.1, "intranasal heroin Tmax \(nasalPeak.time * 60) min")
        let ratio = area(nasal, "monoacetylmorphine_6_plasma_nM") / area(muscle, "monoacetylmorphine_6_plasma_nM")
        #expect(ratio >= 0.4 && ratio <= 0.6, "IN/IM 6-MAM exposure \(ratio)")
    }

    // MARK: Delta tools

    /// SNC80 is delta-selective (mu/delta Ki ratio 495, Bilsky et al. 1995 JPET 273:359): 1 mg IV
    /// occupies a third of delta receptors and under 1 % of mu. In the model's hedonic tone delta
    /// potentiates mu (MODEL.md), so SNC80 given at morphine's effect peak raises the tone, and
    /// naltrindole 0.1 mg (delta Ke 0.11 nM vs mu 4.26 nM, Srivastava et al. 2002 J Med Chem
    /// 45:537) removes more than half of that gain while keeping at least 80 % of morphine's mu
    /// occupancy (its mu/delta selectivity is only 39-fold, so it cannot block delta alone).
    @Test func deltaAgonistPotentiatesMuAndNaltrindoleBlocksIt() throws {
        let columns = ["mu_occupancy_morphine", "hedonic_tone"]
        func run(_ extra: [DoseRegimen], _ more: [String] = []) throws -> ObservableRecorder {
            try simulate(Scenario(name: "delta", durationHours: 2.5, doses: [
                dose("morphine", .ivBolus, .single(atHours: 0, amountMilligrams: 10)),
            ] + extra), columns: columns + more, intervalHours: 0.25)
        }
        let alone = try run([])
        let snc = dose("snc80", .ivBolus, .single(atHours: 2, amountMilligrams: 1))
        let potentiated = try run([snc], ["delta_occupancy_snc80", "mu_occupancy_snc80"])
        let blocked = try run([snc, dose("naltrindole", .ivBolus, .single(atHours: 1.5, amountMilligrams: 0.1))])
        let t = 2.5
        #expect(potentiated.value("delta_occupancy_snc80", at: t) > 0.3, "\(potentiated.value("delta_occupancy_snc80", at: t))")
        #expect(potentiated.value("mu_occupancy_snc80", at: t) < 0.01)
        let gain = potentiated.value("hedonic_tone", at: t) - alone.value("hedonic_tone", at: t)
        let blockedGain = blocked.value("hedonic_tone", at: t) - alone.value("hedonic_tone", at: t)
        #expect(gain > 0, "SNC80 gain \(gain)")
        #expect(blockedGain < 0.5 * gain, "gain with naltrindole \(blockedGain) vs \(gain)")
        #expect(blocked.value("mu_occupancy_morphine", at: t) > 0.8 * alone.value("mu_occupancy_morphine", at: t))
    }

    // MARK: Hydromorphone and oxymorphone

    /// Hydromorphone: after 2 mg IV over 20 min the terminal t½ is 1.87 ± 0.4 h (Westerling et
    /// al. 1996 Pain Res Manag 1:86; accepted 1.47-2.27 h, which also set V); intranasal 2 mg
    /// peaks at a median 20-25 min (Coda et al. 2003 Anesth Analg 97:117; accepted 15-35 min,
    /// which set ka) with bioavailability 52-58 % (AUC ratio IN/IV, accepted 0.5-0.6).
    @Test func hydromorphoneIntravenousAndIntranasal() throws {
        let iv = try simulate(Scenario(name: "hm iv", durationHours: 12, doses: [
            dose("hydromorphone", .ivInfusion, .infusion(startHours: 0, durationHours: 1.0 / 3, rateMilligramsPerHour: 6)),
        ]), columns: ["hydromorphone_plasma_nM"], intervalHours: 1.0 / 12)
        let halfLife = fittedHalfLife(iv, "hydromorphone_plasma_nM", from: 2, to: 12)
        #expect(halfLife >= 1.47 && halfLife <= 2.27, "t½ \(halfLife) h")
        let nasal = try simulate(Scenario(name: "hm in", durationHours: 12, doses: [
            dose("hydromorphone", .intranasal, .single(atHours: 0, amountMilligrams: 2)),
        ]), columns: ["hydromorphone_plasma_nM"], intervalHours: 1.0 / 60)
        let tmax = peak(nasal, "hydromorphone_plasma_nM").time * 60
        #expect(tmax >= 15 && tmax <= 35, "IN Tmax \(tmax) min")
        let ratio = area(nasal, "hydromorphone_plasma_nM") / area(iv, "hydromorphone_plasma_nM")
        #expect(ratio >= 0.5 && ratio <= 0.6, "IN/IV AUC \(ratio)")
    }

    /// Oxymorphone oral immediate release: Tmax about 30 min (Medical Letter 1251; accepted
    /// ≤ 1 h) and a terminal half-life of about 8 h (eperc Fast Fact 181; label ER 9.4-11.3 h;
    /// accepted 7-11.3 h over 12-48 h); AUC after 10 mg within 8.94 ± 4.16 ng·h/mL (single
    /// 10 mg ER dose, Adams & Ahdieh 2004 Pharmacotherapy 24:468, which set CL).
    @Test func oxymorphoneOralPeakAndTerminalPhase() throws {
        let rec = try simulate(Scenario(name: "om oral", durationHours: 96, doses: [
            dose("oxymorphone", .oral, .single(atHours: 0, amountMilligrams: 10)),
        ]), columns: ["oxymorphone_plasma_nM"], intervalHours: 1.0 / 12)
        let tmax = peak(rec, "oxymorphone_plasma_nM").time
        #expect(tmax <= 1, "Tmax \(tmax) h")
        let halfLife = fittedHalfLife(rec, "oxymorphone_plasma_nM", from: 12, to: 48)
        #expect(halfLife >= 7 && halfLife <= 11.3, "t½ \(halfLife) h")
        let auc = area(rec, "oxymorphone_plasma_nM") * 301.3 / 1000
        #expect(auc >= 8.94 - 4.16 && auc <= 8.94 + 4.16, "AUC \(auc) ng·h/mL")
    }

    // MARK: Peripheral opioids

    /// Loperamide 8 mg capsules: Tmax 5.2 ± 0.3 h and t½ 10.8 ± 0.6 h (Killinger et al. 1979 J
    /// Clin Pharmacol 19:211; accepted Tmax 4.2-6.2 h, t½ over 24-72 h 9.1-14.4 h, the label
    /// range). Peripherally restricted: at the labelled maximum 16 mg/day for 3 days its central
    /// mu occupancy stays below 1 % (no respiratory depression from 16 mg alone, Sadeque et al.
    /// 2000 Clin Pharmacol Ther 68:231).
    @Test func loperamidePharmacokineticsAndPeripheralRestriction() throws {
        let single = try simulate(Scenario(name: "lop", durationHours: 72, doses: [
            dose("loperamide", .oral, .single(atHours: 0, amountMilligrams: 8)),
        ]), columns: ["loperamide_plasma_nM"], intervalHours: 0.1)
        let tmax = peak(single, "loperamide_plasma_nM").time
        #expect(tmax >= 4.2 && tmax <= 6.2, "Tmax \(tmax) h")
        let halfLife = fittedHalfLife(single, "loperamide_plasma_nM", from: 24, to: 72)
        #expect(halfLife >= 9.1 && halfLife <= 14.4, "t½ \(halfLife) h")
        let daily = try simulate(Scenario(name: "lop max", durationHours: 72, doses: [
            dose("loperamide", .oral, .repeated(startHours: 0, everyHours: 12, count: 6, amountMilligrams: 8)),
        ]), columns: ["mu_occupancy_loperamide"], intervalHours: 0.5)
        let occupancy = daily.maximum("mu_occupancy_loperamide", from: 0, to: 72).value
        #expect(occupancy < 0.01, "central mu occupancy \(occupancy)")
    }

    /// Methylnaltrexone 0.15 mg/kg subcutaneous (10.5 mg bromide, 70 kg): Cmax 117 ± 33 ng/mL
    /// at about 0.5 h (Relistor product information; accepted one SD, 84-150 ng/mL of the
    /// cation, and 0.25-0.75 h); terminal t½ of the disposition 8-13 h (same source; accepted
    /// 7.5-13 h). Peripheral: 12 mg with morphine 10 mg IV leaves central mu occupancy by
    /// methylnaltrexone below 2 % (no reversal of central analgesia, Rotshteyn et al. 2011).
    @Test func methylnaltrexonePeakAndPeripheralRestriction() throws {
        let rec = try simulate(Scenario(name: "mntx", durationHours: 4, doses: [
            dose("methylnaltrexone", .intramuscular, .single(atHours: 0, amountMilligrams: 10.5)),
            dose("morphine", .ivBolus, .single(atHours: 0, amountMilligrams: 10)),
        ]), columns: ["methylnaltrexone_plasma_nM", "mu_occupancy_methylnaltrexone"], intervalHours: 1.0 / 60)
        let top = peak(rec, "methylnaltrexone_plasma_nM")
        let ngPerMilliliter = top.value * 356.4 / 1000
        #expect(ngPerMilliliter >= 84 && ngPerMilliliter <= 150, "Cmax \(ngPerMilliliter) ng/mL")
        #expect(top.time >= 0.25 && top.time <= 0.75, "Tmax \(top.time) h")
        let terminal = try drug("methylnaltrexone").terminalHalfLifeHours
        #expect(terminal >= 7.5 && terminal <= 13, "terminal t½ \(terminal) h")
        #expect(rec.maximum("mu_occupancy_methylnaltrexone", from: 0, to: 4).value < 0.02)
    }

    // MARK: Irreversible antagonist

    /// Methocinnamox binds mu irreversibly: the drug is gone within hours (plasma t½ 70 min),
    /// bound receptors are internalized and degraded, and the mu pool comes back only by
    /// synthesis. Analytic check: with the endogenous peptides switched off (model 2 has no
    /// synthesis feedback), once the drug-bound receptors are gone the pool obeys the linear
    /// trafficking system F' = k_syn − k_endo F + k_rec I, I' = k_endo F − (k_rec + k_deg) I, so
    /// the deficit 1 − mu_total_rel decays with its slow eigenvalue (t½ 47.4 h for turnover 48 h,
    /// internal share 0.1, recycling 0.75 h): the fitted half-life over days 5-10 matches within
    /// 3 %. With the library's defaults the pool is still below 90 % three days after the dose
    /// although no drug is left (MOR Bmax back to control only 8 days after clocinnamox in
    /// mice, Burke et al., pharmacology.md §5.3).
    @Test func irreversibleBlockadeRecoversWithReceptorTurnover() throws {
        let columns = ["methocinnamox_plasma_nM", "mu_occupancy_methocinnamox", "mu_total_rel"]
        let doses = [dose("methocinnamox", .ivBolus, .single(atHours: 0, amountMilligrams: 10))]
        let quiet = ["endorphin.baseline_nM": 1e-9,
                     "enkephalin.baseline_nM": 1e-9, "dynorphin.baseline_nM": 1e-9]
        let plain = try simulate(Scenario(name: "mcam", durationHours: 240, doses: doses, parameterOverrides: quiet),
                                 columns: columns, intervalHours: 1)
        #expect(plain.maximum("mu_occupancy_methocinnamox", from: 0, to: 2).value > 0.9)
        // Antagonist-bound receptors leave the surface at χ_mu·k_endo (the chaperone factor 0.4 of
        // model 2, t½ about 15 h), so the bound pool is gone (< 2 %) by day 5, not day 3.
        #expect(plain.value("mu_occupancy_methocinnamox", at: 120) < 0.02)
        let mu = try #require(library.receptor(.mu))
        let ln2 = Foundation.log(2.0)
        let kturn = ln2 / mu.turnoverHalfLifeHours.value, phi = mu.internalFraction.value
        let krec = ln2 / mu.recyclingHalfLifeHours.value, kdeg = kturn / phi
        let kendo = phi / (1 - phi) * (krec + kdeg)
        let trace = kendo + krec + kdeg, determinant = kendo * kdeg
        let slow = (trace - (trace * trace - 4 * determinant).squareRoot()) / 2
        let expected = ln2 / slow
        #expect(isClose(expected, 47.4, relative: 0.01), "slow eigenvalue t½ \(expected) h")
        let deficit = plain.series("mu_total_rel").map { 1 - $0 }
        let recovery = fittedHalfLife(plain.times, deficit, from: 120, to: 240)
        #expect(isClose(recovery, expected, relative: 0.03), "deficit t½ \(recovery) h vs \(expected) h")
        let defaults = try simulate(Scenario(name: "mcam default", durationHours: 72, doses: doses),
                                    columns: columns, intervalHours: 1)
        let peakPlasma = peak(defaults, "methocinnamox_plasma_nM").value
        #expect(defaults.value("methocinnamox_plasma_nM", at: 72) < 1e-6 * peakPlasma)
        #expect(defaults.value("mu_total_rel", at: 72) < 0.9, "mu_total_rel at 72 h \(defaults.value("mu_total_rel", at: 72))")
    }

    // MARK: Mixed kappa agonist / mu partial agonists

    /// Nalbuphine 10 mg IM: Cmax 29 ng/mL at 30-40 min, t½ 2.2-2.6 h (Lo et al. 1987 Eur J Clin
    /// Pharmacol 33:297; accepted Cmax ± 30 %, Tmax 0.33-0.83 h, t½ 2.2-2.6 h ± 10 %). Butorphanol
    /// 1 mg intranasal: Cmax 1.04 ng/mL (0.35-1.97) at 0.62 h (0.5-2.0) (Stadol NS label, young
    /// subjects; accepted the label ranges). Both act at kappa as agonists and at mu as partial
    /// agonists with efficacy below a full agonist's.
    @Test func nalbuphineAndButorphanolPharmacokinetics() throws {
        let nal = try simulate(Scenario(name: "nal", durationHours: 12, doses: [
            dose("nalbuphine", .intramuscular, .single(atHours: 0, amountMilligrams: 10)),
        ]), columns: ["nalbuphine_plasma_nM"], intervalHours: 1.0 / 60)
        let nalPeak = peak(nal, "nalbuphine_plasma_nM")
        let nalNg = nalPeak.value * 357.4 / 1000
        #expect(nalNg >= 29 * 0.7 && nalNg <= 29 * 1.3, "nalbuphine Cmax \(nalNg) ng/mL")
        #expect(nalPeak.time >= 0.33 && nalPeak.time <= 0.83, "nalbuphine Tmax \(nalPeak.time) h")
        let nalHalfLife = fittedHalfLife(nal, "nalbuphine_plasma_nM", from: 4, to: 12)
        #expect(nalHalfLife >= 2.2 * 0.9 && nalHalfLife <= 2.6 * 1.1, "nalbuphine t½ \(nalHalfLife) h")
        let but = try simulate(Scenario(name: "but", durationHours: 6, doses: [
            dose("butorphanol", .intranasal, .single(atHours: 0, amountMilligrams: 1)),
        ]), columns: ["butorphanol_plasma_nM"], intervalHours: 1.0 / 60)
        let butPeak = peak(but, "butorphanol_plasma_nM")
        let butNg = butPeak.value * 327.5 / 1000
        #expect(butNg >= 0.35 && butNg <= 1.97, "butorphanol Cmax \(butNg) ng/mL")
        #expect(butPeak.time >= 0.5 && butPeak.time <= 2, "butorphanol Tmax \(butPeak.time) h")
        for id in ["nalbuphine", "butorphanol"] {
            let d = try drug(id)
            let kappa = try #require(d.bindings.first { $0.receptor == .kappa })
            let mu = try #require(d.bindings.first { $0.receptor == .mu })
            #expect(kappa.efficacyClass == .agonist && mu.efficacyClass == .agonist)
            #expect(mu.efficacy.value < 0.5 && kappa.efficacy.value >= 0.5, "\(id)")
        }
    }
}
