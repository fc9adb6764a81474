import Foundation
import Testing
@testable import Pharmacology

/// Model 2 withdrawal behaviours, rows B4-B7, B9-B11 (with B9m), B29, B31-B33 of Model2Design.md section 11
/// (B8 is in `AntagonistTests`), and the COWS calibration of section 7. Each test states the
/// expected range and its source as the design's "expected" column does; where the model misses
/// it (design section 11 lists the prototype's misses) the real assertion sits inside
/// `withKnownIssue`, whose message gives the model's value, the published one and the reason.
///
/// B9s of the table (B9/B9b with buprenorphine ke0 1.5 /h against the former 0.24 /h) is a
/// sensitivity run of the design's open question 2, not a behaviour with an expected range, so it
/// has no test here; since buprenorphine's brain entry was fitted to PET (1.39 /h, issue 16) the
/// B9 rows themselves run close to it.
///
/// Chronic regimens run once per process (`Model2Regimens`, `DependentSubject`); probes branch
/// from the stored state, so a row costs its probe, not another 28 days.
@Suite
struct WithdrawalTests {
    typealias R = Model2Regimens
    static let day = Model2Regimens.day
    static let columns = ["cows_equivalent", "withdrawal_index", "withdrawal_signs", "mu_pet_occupancy", "buprenorphine_plasma_nM"]

    /// B4 spontaneous morphine withdrawal. Expected: onset (COWS +5 over the last-dose level)
    /// 6-12 h, peak 24-72 h, < 20 % of peak by day 5-10; COWS > 12 by 12-16 h
    /// (pharmacology.md 9 item 14; docslib 'Opioid withdrawal'; EmergencyCareBC COWS summary
    /// (Wesson & Ling 2003 scale)). Read on the 0.5 h output grid of 28 d of 30 mg q6h. The onset
    /// and the COWS 12 crossing rest on clinical summaries only; the defaults (k2-t16-s0.2, design
    /// section 12 item 1) miss both: a known issue, the criteria kept.
    @Test func b4SpontaneousMorphineWithdrawal() throws {
        let run = try R.morphineRun.get()
        let last = R.lastMorphineDose
        let course = run.withdrawalCourse(after: last, until: last + 21 * Self.day)
        reportValues("B4", "COWS \(course.cowsAtStop) at the last dose; onset +\(course.onsetHours ?? .nan) h, peak +\(course.peakHours) h (WI \(course.peakIndex)), < 20 % at +\((course.resolvedHours ?? .nan) / 24) d, COWS > 12 at +\((run.firstTime("cows_equivalent", from: last, where: { $0 > 12 }) ?? .nan) - last) h")
        let onset = try #require(course.onsetHours, "COWS never rises 5 over its last-dose level \(course.cowsAtStop)")
        withKnownIssue("B4: model's onset +14.5 h, published 6-12 h (clinical summaries): κ_AC 2, bounded by Schuh 1996's low-dose naloxone row, adapts less than the prototype's 12 (design section 12 item 1)") {
            #expect(onset >= 6 && onset <= 12, "onset +\(onset) h")
        }
        #expect(course.peakHours >= 24 && course.peakHours <= 72, "peak +\(course.peakHours) h")
        let resolved = try #require(course.resolvedHours, "withdrawal_index never falls below 20 % of its peak \(course.peakIndex)")
        #expect(resolved >= 5 * Self.day, "below 20 % of the peak at +\(resolved / 24) d")
        #expect(resolved <= 10 * Self.day, "below 20 % of the peak at +\(resolved / 24) d")
        withKnownIssue("B4: model's COWS peaks at 7.6 and never exceeds 12 (half-index 1.346 fitted to Tompkins 2009's naloxone peak 7.6), published > 12 by 12-16 h (EmergencyCareBC summary)") {
            let moderate = try #require(run.firstTime("cows_equivalent", from: last, where: { $0 > 12 }), "COWS never exceeds 12")
            #expect(moderate - last >= 12 && moderate - last <= 16, "COWS > 12 at +\(moderate - last) h")
        }
    }

    /// COWS calibration (Model2Design.md sections 7 and 13): moderate withdrawal (COWS > 12)
    /// begins 12-16 h after the last dose of a short-acting opioid (morphine 30 mg q6h x 28 d)
    /// and 30-48 h after methadone (60 mg/day x 28 d) (EmergencyCareBC clinical summary); the
    /// dependent state before the stop reads below 'mild' (COWS < 5, Wesson & Ling 2003 bands).
    /// The naloxone anchor (Dunn 2023) is B7. The half-index is fitted to Tompkins 2009's naloxone
    /// challenge (1.346; design section 12 item 9), with which neither course reaches COWS 12: a
    /// known issue, the criteria kept.
    @Test func cowsCalibrationCrossesModerateInTheClinicalWindows() throws {
        let morphine = try R.morphineRun.get(), methadone = try R.methadoneRun.get()
        let m = morphine.firstTime("cows_equivalent", from: R.lastMorphineDose, where: { $0 > 12 }).map { $0 - R.lastMorphineDose }
        let d = methadone.firstTime("cows_equivalent", from: R.lastDailyDose, where: { $0 > 12 }).map { $0 - R.lastDailyDose }
        let morphinePeak = morphine.maximum("cows_equivalent", from: R.lastMorphineDose, to: R.lastMorphineDose + 21 * Self.day).value
        let methadonePeak = methadone.maximum("cows_equivalent", from: R.lastDailyDose, to: R.lastDailyDose + 14 * Self.day).value
        let maintained = morphine.maximum("cows_equivalent", from: R.lastMorphineDose - 7 * Self.day, to: R.lastMorphineDose).value
        reportValues("COWS", "morphine > 12 at +\(m ?? .nan) h (peak \(morphinePeak)), methadone at +\(d ?? .nan) h (peak \(methadonePeak)), maintenance max \(maintained)")
        withKnownIssue("COWS: model peaks at 7.6 after morphine and 4.3 after methadone, never > 12 (half-index 1.346 fitted to Tompkins 2009's naloxone peak 7.6; 0.4 with the former dependence defaults crossed at +11.5 h and +46.5 h), published > 12 at 12-16 h and 30-48 h (EmergencyCareBC summary)") {
            let morphineHours = try #require(m, "morphine: COWS never exceeds 12 (peak \(morphinePeak))")
            #expect(morphineHours >= 12 && morphineHours <= 16, "morphine: COWS > 12 at +\(morphineHours) h")
            let methadoneHours = try #require(d, "methadone: COWS never exceeds 12 (peak \(methadonePeak))")
            #expect(methadoneHours >= 30 && methadoneHours <= 48, "methadone: COWS > 12 at +\(methadoneHours) h")
        }
        #expect(maintained < 5, "COWS during maintenance \(maintained)")
    }

    /// No signs under steady agonist exposure, the common thread of B9f and B33 (MODEL.md 2.6:
    /// signs are the counter-adaptation left unopposed when inhibitory signalling falls; at a
    /// steady full-agonist level it has not fallen). Expected: the dependent state reads below
    /// 'mild' (COWS < 5, Wesson & Ling 2003 bands, the COWS calibration's maintenance criterion)
    /// at every output time of the last week of use, for morphine 30 mg q6h, methadone 60 mg/day
    /// and fentanyl 0.06 mg/h IV (`Model2Regimens.fentanyl()`). Met since the pools oppose the
    /// AC-path inhibition they follow (`dependence.ac_opposition` 1, design section 4.2,
    /// 2026-12-08); the prototype's choice gave COWS 7.8 on the fentanyl infusion.
    @Test func steadyAgonistExposureShowsNoSigns() throws {
        let morphine = try R.morphineRun.get(), methadone = try R.methadoneRun.get(), fentanyl = try R.fentanylRun.get()
        let m = morphine.maximum("cows_equivalent", from: R.lastMorphineDose - 7 * Self.day, to: R.lastMorphineDose).value
        let d = methadone.maximum("cows_equivalent", from: R.lastDailyDose - 7 * Self.day, to: R.lastDailyDose).value
        let f = fentanyl.maximum("cows_equivalent", from: R.fentanylStop - 7 * Self.day, to: R.fentanylStop).value
        reportValues("steady", "largest COWS over the last week of use: morphine \(m), methadone \(d), fentanyl \(f)")
        #expect(m < 5, "morphine maintenance COWS \(m)")
        #expect(d < 5, "methadone maintenance COWS \(d)")
        #expect(f < 5, "fentanyl infusion COWS \(f)")
    }

    /// B5 methadone withdrawal later, longer, not more severe. Expected (design section 12 item 4's
    /// evidence band): onset (COWS +5 over the stop level) 24-72 h and later than morphine's; peak
    /// 72-168 h; signs > 7 d (above 20 % of the peak for 7 days); peak 0.5-1.1 x morphine's
    /// (Martin, Jasinski et al. 1973 Arch Gen Psychiatry 28:286: slower onset, "moderate or
    /// severe", then a protracted phase). Formerly peak 72-96 h, >= 0.95 x morphine, >= 10 d
    /// (pharmacology.md 9 item 14, Gossop & Strang 1991: a taper study, textbook peak).
    @Test func b5MethadoneWithdrawalLaterLongerNotMoreSevere() throws {
        let methadone = try R.methadoneRun.get(), morphine = try R.morphineRun.get()
        let course = methadone.withdrawalCourse(after: R.lastDailyDose, until: R.lastDailyDose + 21 * Self.day)
        let reference = morphine.withdrawalCourse(after: R.lastMorphineDose, until: R.lastMorphineDose + 21 * Self.day)
        reportValues("B5", "onset +\(course.onsetHours ?? .nan) h (morphine +\(reference.onsetHours ?? .nan) h), peak +\(course.peakHours) h, \(course.peakIndex / reference.peakIndex) x morphine, < 20 % at +\((course.resolvedHours ?? .nan) / 24) d")
        withKnownIssue("B5: model's COWS never rises 5 over its stop level (0.2 to a peak of 4.3), published onset 24-72 h (Martin, Jasinski 1973: slower than morphine's): methadone's adaptation is too small at κ_AC 2 (design section 12 item 1)") {
            let onset = try #require(course.onsetHours, "methadone's COWS never rises 5 over its stop level \(course.cowsAtStop)")
            #expect(onset >= 24 && onset <= 72, "methadone onset +\(onset) h")
            #expect(onset > reference.onsetHours ?? .infinity, "methadone onset +\(onset) h vs morphine +\(reference.onsetHours ?? .nan) h")
        }
        #expect(course.peakHours >= 72 && course.peakHours <= 168, "methadone peak +\(course.peakHours) h")
        let ratio = course.peakIndex / reference.peakIndex
        #expect(ratio >= 0.5 && ratio <= 1.1, "methadone \(course.peakIndex) vs morphine \(reference.peakIndex)")
        let resolved = course.resolvedHours ?? .infinity
        #expect(resolved > 7 * Self.day, "methadone below 20 % of its peak at +\(resolved / 24) d")
    }

    /// B6 a taper lowers the peak. Expected: taper peak < abrupt peak (MODEL.md 3). The design's
    /// verdict uses model 1's margin (< 0.8 x abrupt); the prototype missed it (0.81 x: the slow
    /// pool integrates the whole exposure), the Swift model meets it since the LC output's loss
    /// below control counts in the signs (0.77 x; Model2Design.md §4.3). Taper: the last 10 days
    /// as 25, 20, 15, 10, 5 mg q6h, two days each (the prototype's taper).
    @Test func b6TaperLowersThePeak() throws {
        let abrupt = try R.morphineRun.get()
        let start = R.lastMorphineDose + 6 - 10 * Self.day
        let steps: [Double] = [25.0, 20, 15, 10, 5].flatMap { mg in [Double](repeating: mg, count: 8) }
        let last = start + Double(steps.count - 1) * 6
        let taper = try trace(Scenario(name: "taper", durationHours: last + 10 * Self.day, doses: [
            R.morphine(days: 18), dose("morphine", .oral, .stepped(startHours: start, everyHours: 6, amountsMilligrams: steps)),
        ]), columns: ["withdrawal_index"], intervalHours: 0.5)
        let t = taper.maximum("withdrawal_index", from: last, to: last + 10 * Self.day).value
        let a = abrupt.maximum("withdrawal_index", from: R.lastMorphineDose, to: R.lastMorphineDose + 21 * Self.day).value
        reportValues("B6", "taper \(t) vs abrupt \(a) (\(t / a) x)")
        #expect(t < a, "taper \(t) vs abrupt \(a)")
        #expect(t < 0.8 * a, "taper \(t) vs abrupt \(a) (\(t / a) x)")
    }

    /// B7 naloxone in a dependent subject: withdrawal within minutes. Expected: peak <= 60 min,
    /// rise >= 6 COWS (MCID), subsides over 30-90 min (Dunn et al. 2023 Front Psychiatry
    /// 14:1141980 (0.4 mg IM in morphine-maintained); docslib). Given 3 h after the last of 28 d
    /// of 30 mg q6h. "Subsides": COWS 3 h after naloxone at least 3 points below the peak (the
    /// design checker's reading). Also the second COWS anchor of section 7 (>= 6 within 60 min).
    @Test func b7NaloxonePrecipitatesWithinMinutes() throws {
        let subject = try DependentSubject.morphine.get()
        let t = DependentSubject.afterLastDose3
        let probe = dose("naloxone", .intramuscular, .single(atHours: t, amountMilligrams: 0.4))
        let run = try subject.branch(at: t, hours: 6, adding: [probe], columns: Self.columns, intervalHours: 1.0 / 12)
        let before = run.value("cows_equivalent", at: t)
        let peak = run.maximum("cows_equivalent", from: t, to: t + 6)
        #expect(peak.time - t <= 1, "peak \((peak.time - t) * 60) min after naloxone")
        let withinHour = run.maximum("cows_equivalent", from: t, to: t + 1).value
        reportValues("B7", "0.4 mg IM: COWS \(before) -> \(peak.value) at +\((peak.time - t) * 60) min (\(withinHour) within 60 min), \(run.value("cows_equivalent", at: t + 3)) at +3 h")
        #expect(withinHour - before >= 6, "COWS \(before) -> \(withinHour) within 60 min")
        #expect(run.value("cows_equivalent", at: t + 3) < peak.value - 3, "COWS \(run.value("cows_equivalent", at: t + 3)) at +3 h, peak \(peak.value)")
    }

    /// B9 buprenorphine on top of morphine 120 mg/day does not precipitate withdrawal. Expected:
    /// COWS rise < 5 over the no-buprenorphine control within 4 h, and below naloxone 2 mg IV's
    /// (Schuh et al. 1996 J Pharmacol Exp Ther 278:836: 6 mg IM "failed to precipitate withdrawal
    /// even when subjects were treated with 120 mg/day morphine"; a rise >= 5 within 4 h is
    /// precipitated withdrawal in Thakrar et al. 2024 JAMA Netw Open 7:e2435895). 8 and 16 mg SL
    /// 2 h after the last of 28 days of 30 mg q6h; control = the same branch without
    /// buprenorphine. The former criterion (a rise >= 6 by 90 min, from clinical summaries) is
    /// contradicted by Schuh 1996 at this dose (design section 12 item 1). Oral 120 mg/day is a
    /// weaker stand-in for Schuh's parenteral maintenance (about a quarter of the exposure at oral
    /// F 0.24): the faithful regimen (SC) is the held-back study
    /// `schuh-1996-buprenorphine-6mg-on-morphine-120mg`, where the model's rise is about +3.9 to
    /// +4.5 COWS, close to the 5 of precipitation.
    @Test func b9BuprenorphineOnMorphine120DoesNotPrecipitate() throws {
        let subject = try DependentSubject.morphine.get()
        let t = DependentSubject.afterLastDose2
        let control = try subject.branch(at: t, hours: 4, columns: Self.columns)
        let naloxone = try subject.branch(at: t, hours: 4, adding: [dose("naloxone", .ivBolus, .single(atHours: t, amountMilligrams: 2))],
                                          columns: Self.columns)
        let naloxoneExcess = maximumCowsExcess(naloxone, over: control, from: t, to: t + 4)
        for mg in [8.0, 16] {
            let run = try subject.branch(at: t, hours: 4, adding: [dose("buprenorphine", .sublingual, .single(atHours: t, amountMilligrams: mg))],
                                         columns: Self.columns)
            let at90 = cowsExcess(run, over: control, at: t + 1.5)
            let within4 = maximumCowsExcess(run, over: control, from: t, to: t + 4)
            reportValues("B9", "\(mg) mg at +2 h: +\(at90) COWS at 90 min, max +\(within4) within 4 h (naloxone 2 mg IV +\(naloxoneExcess))")
            #expect(within4 < 5, "\(mg) mg SL: COWS excess \(within4) within 4 h")
            #expect(within4 < naloxoneExcess, "\(mg) mg: excess \(within4) vs naloxone 2 mg IV \(naloxoneExcess)")
        }
    }

    /// B9m buprenorphine precipitates more in subjects maintained on more methadone. Expected: the
    /// COWS excess over the no-buprenorphine control within 6.5 h of 8 mg SL is positive and larger
    /// at 60 than at 30 mg/day (Walsh et al. 1995, "Effects of buprenorphine and methadone in
    /// methadone-maintained subjects", issue 3 pp. 268-276, abstract: withdrawal "more
    /// prominent in the 60 mg than in the 30 mg methadone maintenance condition"; sizes not in the
    /// abstract). Given 24 h after the last of 28 daily doses (the timing is not in the abstract).
    @Test func b9mBuprenorphinePrecipitatesMoreOnMoreMethadone() throws {
        let t = R.lastDailyDose + Self.day
        var excess: [Double] = []
        for mg in [30.0, 60] {
            let methadone = dose("methadone", .oral, .repeated(startHours: 0, everyHours: 24, count: R.chronicDays, amountMilligrams: mg))
            let subject = try DependentSubject(
                scenario: Scenario(name: "methadone \(mg) mg/day 28 d", durationHours: t + 7, doses: [methadone]), branchTimes: [t])
            let control = try subject.branch(at: t, hours: 6.5, columns: Self.columns)
            let run = try subject.branch(at: t, hours: 6.5, adding: [dose("buprenorphine", .sublingual, .single(atHours: t, amountMilligrams: 8))],
                                         columns: Self.columns)
            excess.append(maximumCowsExcess(run, over: control, from: t, to: t + 6.5))
        }
        reportValues("B9m", "8 mg SL 24 h after methadone 30 / 60 mg/day: max COWS excess +\(excess[0]) / +\(excess[1]) within 6.5 h")
        #expect(excess[0] > 0, "30 mg/day: excess \(excess[0])")
        #expect(excess[1] > excess[0], "excess 60 mg/day \(excess[1]) vs 30 mg/day \(excess[0])")
    }

    /// B9b buprenorphine given once withdrawal has begun relieves it within 1-2 h. Expected:
    /// COWS falls by >= 6 (MCID) within 2 h of 8 mg SL given at COWS >= 12 (MODEL.md 3; docslib;
    /// Dunn 2023 (MCID)). The prototype misses (14 -> 11 at +2 h): buprenorphine's biophase
    /// t1/2 173 min (design section 12 item 3); with brain entry fitted to PET (ke0 1.39 /h,
    /// issue 16) the Swift model gave 13.8 -> 10.6 with the half-index 0.4 and gave 7.3 -> 5.5 with the half-index 0.85 and gives 4.4 -> 3.2
    /// with the fitted 1.346 and the dependence defaults of 2026-12-08, given 12 h after the last dose (COWS no longer reaches 12 then).
    @Test func b9bBuprenorphineRelievesBegunWithdrawal() throws {
        let (t, subject) = try DependentSubject.inWithdrawal.get()
        let run = try subject.branch(at: t, hours: 4, adding: [dose("buprenorphine", .sublingual, .single(atHours: t, amountMilligrams: 8))],
                                     columns: Self.columns)
        let start = run.value("cows_equivalent", at: t)
        withKnownIssue("B9b: given 12 h after the last dose at COWS 4.4, below the 12 of the criterion: with the half-index 1.346 fitted to Tompkins 2009 COWS never reaches 12 after morphine 30 mg q6h (design 12 item 9)") {
            #expect(start >= 12, "given at COWS \(start)")
        }
        let lowest = run.minimum("cows_equivalent", from: t, to: t + 2)
        reportValues("B9b", "given at +\(t - R.lastMorphineDose) h (COWS \(start)): \(run.value("cows_equivalent", at: t + 2)) at +2 h, lowest \(lowest) within 2 h")
        withKnownIssue("B9b: model gives COWS 4.4 -> 3.2 at +2 h (7.1 -> 5.3 before the dependence defaults of 2026-12-08, 13.8 -> 10.6 with the half-index 0.4), published a fall >= 6 within 2 h: a fall of 6 needs a start above 6 (design 12 items 1 and 9)") {
            #expect(start - lowest >= 6, "COWS \(start) -> \(lowest) within 2 h")
        }
    }

    /// B9f buprenorphine in a highly tolerant subject (fentanyl 0.06 mg/h for 28 d, continuing)
    /// precipitates withdrawal. Expected: COWS rise >= 6 over the continuing-fentanyl control
    /// within 90 min (MODEL.md 2.5 (precipitation in a highly tolerant subject); Sporer 2004;
    /// Dunn 2023 (MCID)). 16 mg SL on day 27 while the infusion runs. The prototype misses
    /// (+0.8): signs already during the infusion, design section 4.2 defect.
    @Test func b9fBuprenorphinePrecipitatesInFentanylTolerantSubject() throws {
        let t = R.fentanylStop - Self.day
        let subject = try DependentSubject(
            scenario: Scenario(name: "fentanyl 28 d", durationHours: R.fentanylStop, doses: [R.fentanyl()]), branchTimes: [t])
        let control = try subject.branch(at: t, hours: 6, columns: Self.columns)
        let run = try subject.branch(at: t, hours: 6, adding: [dose("buprenorphine", .sublingual, .single(atHours: t, amountMilligrams: 16))],
                                     columns: Self.columns)
        let within90 = maximumCowsExcess(run, over: control, from: t, to: t + 1.5)
        reportValues("B9f", "16 mg SL: +\(within90) COWS within 90 min, max +\(maximumCowsExcess(run, over: control, from: t, to: t + 6)) within 6 h; control COWS \(control.value("cows_equivalent", at: t))")
        withKnownIssue("B9f: model gives +0.22 COWS within 90 min from COWS 0.0 on the infusion (+0.49 from 7.8 before the dependence defaults of 2026-12-08), published >= 6 (design 4.2, 12 item 1)") {
            #expect(within90 >= 6, "COWS excess \(within90) within 90 min")
        }
    }

    /// B10 micro-induction avoids precipitation. Expected: no COWS rise >= 6 over control while
    /// morphine continues (Haemmig 2016 (pharmacology.md 2.5)). Buprenorphine SL twice daily,
    /// 0.2 mg doubling daily to 12.8 mg, over the last 7 days of morphine; control = the same
    /// subject without buprenorphine.
    @Test func b10MicroInductionAvoidsPrecipitation() throws {
        let subject = try DependentSubject.morphine.get()
        let t = DependentSubject.microInductionStart
        var doses: [DoseRegimen] = []
        for d in 0..<7 {
            let mg = 0.2 * pow(2, Double(d))
            for offset in [1.0, 13] {
                doses.append(dose("buprenorphine", .sublingual, .single(atHours: t + Double(d) * Self.day + offset, amountMilligrams: mg)))
            }
        }
        let control = try subject.branch(at: t, hours: 7 * Self.day, columns: Self.columns, intervalHours: 0.5)
        let run = try subject.branch(at: t, hours: 7 * Self.day, adding: doses, columns: Self.columns, intervalHours: 0.5)
        let excess = maximumCowsExcess(run, over: control, from: t, to: t + 7 * Self.day)
        reportValues("B10", "max excess COWS \(excess) over 7 days; mu PET occupancy \(run.value("mu_pet_occupancy", at: t + 7 * Self.day - 1)) at the end")
        #expect(excess < 6, "largest COWS excess \(excess) over 7 days")
    }

    /// B11 buprenorphine 16-24 mg/day suppresses withdrawal after a switch. Expected: mean COWS
    /// on days 2-7 after the switch < 5 (below 'mild'); >= 50 % mu occupancy, trough >= 1 ng/mL
    /// (Greenwald 2014 (pharmacology.md 2.4); EmergencyCareBC COWS bands). 8 + 8 mg SL on the
    /// first day (given at COWS > 12), then 16 mg daily; trough = day 7 minimum. (The prototype's
    /// trough PET occupancy was 0.39; the Swift model's two-depot SL route gives 0.50.)
    @Test func b11BuprenorphineMaintenanceSuppressesWithdrawal() throws {
        let (t, subject) = try DependentSubject.inWithdrawal.get()
        let doses = [
            dose("buprenorphine", .sublingual, .single(atHours: t, amountMilligrams: 8)),
            dose("buprenorphine", .sublingual, .single(atHours: t + 2, amountMilligrams: 8)),
            R.buprenorphine(milligrams: 16, days: 7, startHours: t + Self.day),
        ]
        let run = try subject.branch(at: t, hours: 8 * Self.day, adding: doses, columns: Self.columns, intervalHours: 0.5)
        let mean = run.mean("cows_equivalent", from: t + Self.day, to: t + 7 * Self.day)
        #expect(mean < 5, "mean COWS days 2-7 \(mean)")
        let occupancy = run.minimum("mu_pet_occupancy", from: t + 6 * Self.day, to: t + 7 * Self.day)
        let plasma = run.minimum("buprenorphine_plasma_nM", from: t + 6 * Self.day, to: t + 7 * Self.day) * 467.6 / 1000
        reportValues("B11", "mean COWS d2-7 \(mean); trough mu PET occupancy \(occupancy), trough plasma \(plasma) ng/mL")
        #expect(plasma >= 1, "trough plasma \(plasma) ng/mL")
        #expect(occupancy >= 0.5, "trough mu PET occupancy \(occupancy)")
    }

    /// B29 cAMP superactivation; acute dependence after one dose. Protocol of Compton 2004
    /// (Pharmacol Biochem Behav 77:263, abstract): morphine 10 mg/70 kg IV, naloxone 10 mg/70 kg
    /// IV 2 or 6 h later; every arm gave reliable withdrawal. No study found gives the size on
    /// COWS (they use their own sign and symptom checklists), so "signs" is read as COWS > 1
    /// (design's reading, unsourced). Held-out shape, from the same laboratory paradigm:
    /// - peak within 15 min of naloxone (Bickel 1988 J Pharmacol Exp Ther 244:126; Heishman 1989
    ///   J Pharmacol Exp Ther 248:127);
    /// - signs rise with the morphine dose, 3 to 17 mg IM, naloxone 10 mg IM at 6 h (Bickel 1988);
    /// - naloxone 24 h after morphine 18 mg IM still precipitates signs, fewer when naloxone was
    ///   also given at 6 h (Heishman 1990 Pharmacol Biochem Behav 36:393).
    @Test func b29AcuteDependenceAfterOneDose() throws {
        func precipitated(_ morphine: DoseRegimen, naloxone: [DoseRegimen], probe: Double) throws -> (cows: Double, minutes: Double, trace: Trace) {
            let run = try trace(Scenario(name: "acute", durationHours: probe + 3, doses: [morphine] + naloxone),
                                columns: ["cows_equivalent", "withdrawal_signs", "lc_adaptation"], intervalHours: 0.01)
            let peak = run.maximum("cows_equivalent", from: probe, to: probe + 3)
            return (peak.value, (peak.time - probe) * 60, run)
        }
        let iv = dose("morphine", .ivBolus, .single(atHours: 0, amountMilligrams: 10))
        let arms = try [2.0, 6].map { try precipitated(iv, naloxone: [dose("naloxone", .ivBolus, .single(atHours: $0, amountMilligrams: 10))], probe: $0) }
        let bickel = try [3.0, 5.6, 10, 17].map {
            try precipitated(dose("morphine", .intramuscular, .single(atHours: 0, amountMilligrams: $0)),
                             naloxone: [dose("naloxone", .intramuscular, .single(atHours: 6, amountMilligrams: 10))], probe: 6).cows
        }
        let im18 = dose("morphine", .intramuscular, .single(atHours: 0, amountMilligrams: 18))
        let at24 = try precipitated(im18, naloxone: [dose("naloxone", .intramuscular, .single(atHours: 24, amountMilligrams: 10))], probe: 24).cows
        let after6 = try precipitated(im18, naloxone: [6.0, 24].map { dose("naloxone", .intramuscular, .single(atHours: $0, amountMilligrams: 10)) }, probe: 24).cows
        reportValues("B29", "Compton arms: COWS \(arms[0].cows) at 2 h, \(arms[1].cows) at 6 h, peaks +\(arms[0].minutes)/+\(arms[1].minutes) min, lc_adaptation \(arms[1].trace.value("lc_adaptation", at: 6)) at 6 h; Bickel 3/5.6/10/17 mg \(bickel); Heishman 1990 at 24 h \(at24), after a 6-h naloxone \(after6)")
        for arm in arms {
            #expect(arm.trace.maximum("withdrawal_signs", from: 0, to: 9).value > 0)
            #expect(arm.minutes > 0 && arm.minutes <= 15, "peak +\(arm.minutes) min after naloxone")
        }
        #expect(arms[1].cows > 1, "COWS \(arms[1].cows) after naloxone at 6 h")
        #expect(zip(bickel, bickel.dropFirst()).allSatisfy { $0 < $1 }, "COWS by morphine dose \(bickel)")
        #expect(at24 > 1 && after6 < at24, "COWS at 24 h \(at24), after naloxone at 6 h \(after6)")
        withKnownIssue("B29: Compton 2004's 2-h arm: model gives COWS 0.40 after naloxone 2 h after morphine 10 mg IV (1.44 at 6 h), published reliable withdrawal at both (the fast pool, t1/2 16 h, has built little adaptation by 2 h)") {
            #expect(arms[0].cows > 1, "COWS \(arms[0].cows) after naloxone at 2 h")
        }
    }

    /// B31 protracted abstinence. Expected: slow component present 3 weeks after stopping
    /// (>= 10 % of its end-of-use level) (SAMHSA Advisory 2010 (weeks to months); Ouellet &
    /// Pollack 1995 (18.5 d recovery)). `lc_adaptation_slow` at the last dose and 21 d later.
    @Test func b31ProtractedAbstinence() throws {
        let run = try R.morphineRun.get()
        let end = run.value("lc_adaptation_slow", at: R.lastMorphineDose)
        let later = run.value("lc_adaptation_slow", at: R.lastMorphineDose + 21 * Self.day - 1)
        reportValues("B31", "slow pool \(end) -> \(later) at +21 d (\(later / end * 100) %); COWS \(run.value("cows_equivalent", at: R.lastMorphineDose + 21 * Self.day - 1))")
        #expect(end > 0)
        #expect(later >= 0.1 * end, "slow pool \(end) -> \(later) at +21 d")
    }

    /// B32 buprenorphine discontinuation milder and later. Expected: peak later than morphine's
    /// (2-5 d), lower; no antagonist-like up-regulation (pharmacology.md 8 [M]; review B32).
    /// 16 mg SL daily x 28 d. "No up-regulation": mu_total_rel on maintenance within +20 % (B2's
    /// band for an agonist). The prototype missed (mu_total 1.27: buprenorphine displaced the tonic
    /// peptide route into the agonist endosome, which carried a quarter of resting mu degradation
    /// with f_mu 0.15); with f_mu 0.05 (MOR recycles, Minnis 2003) the model gives 1.05.
    @Test func b32BuprenorphineDiscontinuationMilderAndLater() throws {
        let bup = try R.buprenorphineRun.get(), morphine = try R.morphineRun.get()
        let course = bup.withdrawalCourse(after: R.lastDailyDose, until: R.lastDailyDose + 14 * Self.day)
        let reference = morphine.withdrawalCourse(after: R.lastMorphineDose, until: R.lastMorphineDose + 21 * Self.day)
        #expect(course.peakHours > reference.peakHours, "peak +\(course.peakHours) h vs morphine +\(reference.peakHours) h")
        #expect(course.peakHours >= 48 && course.peakHours <= 120, "peak +\(course.peakHours) h")
        #expect(course.peakIndex < reference.peakIndex, "peak \(course.peakIndex) vs morphine \(reference.peakIndex)")
        let mu = bup.value("mu_total_rel", at: R.lastDailyDose)
        reportValues("B32", "peak +\(course.peakHours) h, \(course.peakIndex / reference.peakIndex) x morphine (morphine +\(reference.peakHours) h); mu_total \(mu), tolerance_index \(bup.value("tolerance_index", at: R.lastDailyDose))")
        #expect(mu <= 1.2, "mu_total_rel \(mu) on maintenance")
    }

    /// B33 fentanyl dependence at least as severe as morphine's. Expected: peak withdrawal >=
    /// morphine's (clinical (review B33), a weak source); 5 % margin as B5. No signs while the
    /// infusion runs: COWS at its end below the mild band's 5 (Wesson & Ling 2003), met since the
    /// pools oppose the AC-path inhibition (design section 4.2, 2026-12-08).
    @Test func b33FentanylDependenceAtLeastAsSevere() throws {
        let fentanyl = try R.fentanylRun.get(), morphine = try R.morphineRun.get()
        let f = fentanyl.maximum("withdrawal_index", from: R.fentanylStop, to: R.fentanylStop + 14 * Self.day).value
        let m = morphine.maximum("withdrawal_index", from: R.lastMorphineDose, to: R.lastMorphineDose + 21 * Self.day).value
        let fPeak = fentanyl.maximum("withdrawal_index", from: R.fentanylStop, to: R.fentanylStop + 14 * Self.day)
        reportValues("B33", "peak \(f) at +\(fPeak.time - R.fentanylStop) h = \(f / m) x morphine; tolerance \(fentanyl.value("tolerance_index", at: R.fentanylStop)); COWS at the end of the infusion \(fentanyl.value("cows_equivalent", at: R.fentanylStop))")
        #expect(f > 0)
        withKnownIssue("B33: model's fentanyl peak 0.80 x morphine's, expected >= 0.95 (clinical (review B33), weak): with the pools opposing the AC path the infusion's adaptation is smaller (design section 12 item 1)") {
            #expect(f >= 0.95 * m, "fentanyl \(f) vs morphine \(m)")
        }
        let onInfusion = fentanyl.value("cows_equivalent", at: R.fentanylStop)
        #expect(onInfusion < 5, "COWS \(onInfusion) at the end of the infusion")
    }
}
