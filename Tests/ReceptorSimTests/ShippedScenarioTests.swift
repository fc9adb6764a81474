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
            "mu_occupancy_buprenorphine,kappa_occupancy_buprenorphine,hedonic_tone,tolerance_index,mu_response"])
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
        // Tolerance: the same dose gives a much smaller response after four weeks.
        #expect(table.peak("mu_response", from: 0, to: 6).value > 1.5 * table.peak("mu_response", from: lastDose, to: lastDose + 6).value)
        #expect(table.value("mu_total_rel", at: lastDose) < 0.9)
        #expect(table.value("endorphin_nM", at: lastDose) < table.value("endorphin_nM", at: 0))
        #expect(table.value("dynorphin_nM", at: lastDose) > table.value("dynorphin_nM", at: 0))
        let peak = table.peak("withdrawal_index")
        #expect(peak.value > 0.05)
        #expect(peak.time > lastDose + 24 && peak.time < lastDose + 72, "withdrawal peak at \(peak.time) h")
        #expect(table.value("withdrawal_index", at: 840) < 0.25 * peak.value)
    }

    @Test func taperKeepsWithdrawalLowWhileTapering() throws {
        let taper = try simulateShipped("morphine-taper", ["--interval", "0.5", "--columns", "withdrawal_index"])
        let abrupt = try morphineAbruptStop.get()
        let abruptPeak = abrupt.peak("withdrawal_index").value
        // While tapering, withdrawal between doses stays well below the abrupt stop's peak ...
        #expect(taper.peak("withdrawal_index", from: 672, to: 1002).value < 0.4 * abruptPeak)
        // ... and the peak after the last taper dose is lower than after the abrupt stop
        // (MODEL.md section 3: a taper gives a lower peak).
        #expect(taper.peak("withdrawal_index", from: 1002, to: 1176).value < 0.75 * abruptPeak)
    }

    @Test func methadoneWithdrawalLaterAndLower() throws {
        let methadone = try simulateShipped("methadone-stop", ["--interval", "0.5", "--columns", "withdrawal_index,methadone_plasma_nM"])
        let morphine = try morphineAbruptStop.get()
        // Accumulation over the first week (half-life about a day and more).
        #expect(methadone.peak("methadone_plasma_nM", from: 144, to: 168).value > 1.5 * methadone.peak("methadone_plasma_nM", from: 0, to: 24).value)
        let methadonePeak = methadone.peak("withdrawal_index", from: 648)
        let morphinePeak = morphine.peak("withdrawal_index", from: 666)
        #expect(methadonePeak.time - 648 > morphinePeak.time - 666)
        // Clinically the peak comes 3–4 days after the last dose (pharmacology.md §8); the model: ≈92 h.
        #expect(methadonePeak.time - 648 >= 72 && methadonePeak.time - 648 <= 96, "methadone peak at +\(methadonePeak.time - 648) h")
        #expect(methadonePeak.value < 0.5 * morphinePeak.value)
        #expect(methadonePeak.value > 0)
    }

    @Test func naloxonePrecipitatesWithdrawalWithinMinutes() throws {
        let table = try simulateShipped("naloxone-precipitated", ["--columns", "withdrawal_index,mu_occupancy_morphine,mu_occupancy_naloxone"])
        #expect(table.value("withdrawal_index", at: 332.95) < 0.01)
        let peak = table.peak("withdrawal_index", from: 333, to: 334)
        #expect(peak.value > 0.05)
        #expect(peak.time <= 333.25, "precipitated peak at \(peak.time) h")
        #expect(table.value("mu_occupancy_morphine", at: 333.1) < table.value("mu_occupancy_morphine", at: 333) - 0.1)
        // Naloxone clears within hours and the index falls back before spontaneous withdrawal.
        // After a saturating 2 mg dose, occupancy falls more slowly than plasma (PET receptor
        // occupancy half-life about 100 min, Johansson et al. 2019): under a third of peak at 4 h.
        #expect(table.value("mu_occupancy_naloxone", at: 337) < 0.35 * table.peak("mu_occupancy_naloxone", from: 333, to: 334).value)
        #expect(table.value("withdrawal_index", at: 337) < 0.5 * peak.value)
    }

    @Test func buprenorphineStandardInductionVersusMicroInduction() throws {
        let columns = ["--interval", "0.25", "--columns", "withdrawal_index,mu_occupancy_buprenorphine,mu_occupancy_morphine"]
        let standard = try simulateShipped("buprenorphine-standard-induction", columns)
        let micro = try simulateShipped("buprenorphine-micro-induction", columns)
        // Standard: buprenorphine takes over mu from morphine.
        #expect(standard.peak("mu_occupancy_buprenorphine", from: 332, to: 344).value > standard.value("mu_occupancy_buprenorphine", at: 331) + 0.02)
        #expect(standard.value("mu_occupancy_morphine", at: 340) < standard.value("mu_occupancy_morphine", at: 332) - 0.05)
        // Micro-induction: buprenorphine climbs step by step; no withdrawal while morphine continues.
        #expect(micro.peak("mu_occupancy_buprenorphine", from: 456, to: 480).value > 5 * micro.peak("mu_occupancy_buprenorphine", from: 336, to: 360).value)
        #expect(micro.peak("withdrawal_index", from: 336, to: 498).value < 0.01)
        // Standard induction on top of morphine precipitates withdrawal (within hours).
        #expect(standard.peak("withdrawal_index", from: 332, to: 344).value > 0.05)
    }

    @Test func naltrexoneBlocksUpregulatesAndSensitises() throws {
        let table = try simulateShipped("naltrexone-stop", ["--columns", "mu_occupancy_total,mu_total_rel,mu_response"])
        // Known gap (issue 16): 6β-naltrexol is peripherally restricted, so daily 50 mg blocks only
        // part of each day (trough 0.39; Weerts 2008 0.949, weerts-2008 known_gap).
        withKnownIssue("trough blockade under daily naltrexone without metabolite blockade") {
            #expect(table.trough("mu_occupancy_total", from: 72, to: 696).value > 0.8)
        }
        #expect(table.peak("mu_occupancy_total", from: 672, to: 696).value > 0.9)
        #expect(table.value("mu_total_rel", at: 696) > 1.5)
        let before = table.peak("mu_response", from: 0, to: 12).value
        let after = table.peak("mu_response", from: 792, to: 804).value
        #expect(after > before, "probe response before \(before), after \(after)")
    }

    @Test func lowDoseNaltrexoneBriefBlockadeThenHigherTone() throws {
        let table = try simulateShipped("low-dose-naltrexone", ["--columns", "mu_occupancy_naltrexone,mu_total_rel,hedonic_tone"])
        for night in stride(from: 22.0, through: 670, by: 24) {
            #expect(table.peak("mu_occupancy_naltrexone", from: night, to: night + 3).value > 0.3)
            #expect(table.value("mu_occupancy_naltrexone", at: night + 12) < 0.05)
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
        // Kratom withdrawal peaks 1-3 days after the last dose ([R-low], pharmacology.md §8); 73 h with
        // the two-compartment mitragynine of issue 16 (45 h terminal phase), accepted up to 3.5 days.
        #expect(peak.time > 666 + 24 && peak.time < 666 + 84, "peak at \(peak.time - 666) h")
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

    @Test func exerciseEasesWithdrawal() throws {
        let exercise = try simulateShipped("exercise-during-withdrawal", ["--interval", "0.25", "--columns", "withdrawal_index,endorphin_nM"])
        let morphine = try morphineAbruptStop.get()
        for session in stride(from: 690.0, through: 810, by: 24) {
            #expect(exercise.peak("endorphin_nM", from: session, to: session + 1).value > morphine.value("endorphin_nM", at: session + 0.5) * 1.2)
            let withExercise = exercise.value("withdrawal_index", at: session + 1)
            let without = morphine.value("withdrawal_index", at: session + 1)
            #expect(withExercise <= without + 1e-12, "session at \(session) h")
            if without > 0.02 { #expect(withExercise < without, "session at \(session) h") }
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
        #expect(table.peak("norketamine_plasma_nM").time > peak.time + 2)
        #expect(table.peak("nmda_occupancy_ketamine").value > 0)
    }
}
