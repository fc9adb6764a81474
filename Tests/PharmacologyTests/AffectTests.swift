import Foundation
import Testing
@testable import Pharmacology

/// Model 2 affect behaviours, rows B18-B22, B24, B26, B27 and B21b of Model2Design.md section 11,
/// and the deficit phenotype of section 13. Expected ranges and sources as the design's
/// "expected" column; where the model misses it the real assertion sits inside `withKnownIssue`,
/// whose message gives the model's value, the published one and the reason.
///
/// B23 (oxytocin as a mu PAM; expected: acts at reachable levels, or documented as untestable
/// (seed 000; Meguro 2018 (µM))) is not simulated: design section 6.3 documents the PAM as inert
/// at physiological levels, so there is no behaviour to assert beyond that documentation.
@Suite
struct AffectTests {
    /// One event (24-26 h, intensity 1) in a subject otherwise drug-free, or on aticaprant 10 mg
    /// given at 0 h (the prototype's set-up): the hedonic dip (minimum over 24-30 h minus the
    /// value at 23.9 h, negative for a dip), the dysphoria rise and the dopamine rise (maxima
    /// over the same window minus their values at 23.9 h).
    struct EventResponse {
        let restingHedonic: Double
        let hedonicDip: Double
        let dysphoriaRise: Double
        let dopamineRise: Double
    }

    static func respond(to kind: StimulusKind, phenotype: Phenotype = .control, aticaprant: Bool = false) throws -> EventResponse {
        let run = try trace(Scenario(
            name: "\(kind.rawValue) \(phenotype.rawValue)", durationHours: 36, subject: Subject(phenotype: phenotype),
            doses: aticaprant ? [dose("aticaprant", .oral, .single(atHours: 0, amountMilligrams: 10))] : [],
            events: [StimulusEvent(kind: kind, startHours: 24, durationHours: 2, intensity: 1)]),
            columns: ["hedonic_tone", "dysphoria", "dopamine_tone"], intervalHours: 0.1)
        let pre = 23.9
        return EventResponse(
            restingHedonic: run.value("hedonic_tone", at: pre),
            hedonicDip: run.minimum("hedonic_tone", from: 24, to: 30) - run.value("hedonic_tone", at: pre),
            dysphoriaRise: run.maximum("dysphoria", from: 24, to: 30).value - run.value("dysphoria", at: pre),
            dopamineRise: run.maximum("dopamine_tone", from: 24, to: 30).value - run.value("dopamine_tone", at: pre))
    }

    /// The `social_rejection` event kind of design section 6.3 (added with model 2).
    static func socialRejection() throws -> StimulusKind {
        guard let kind = StimulusKind(rawValue: "social_rejection") else {
            throw Model2TestError("StimulusKind has no social_rejection (design section 6.3)")
        }
        return kind
    }

    /// B18 kappa agonist lowers hedonic tone. Expected: nalfurafine lowers hedonic tone,
    /// dose-dependently (seeds 000, 004). Oral 5, 50 and 500 µg at 1 h; the lowest hedonic_tone
    /// over 24 h relative to its drug-free value: each below it, and lower at each larger dose.
    @Test func b18KappaAgonistLowersHedonicToneDoseDependently() throws {
        var change: [Double] = []
        for micrograms in [5.0, 50, 500] {
            let run = try trace(Scenario(name: "nalfurafine", durationHours: 24, doses: [
                dose("nalfurafine", .oral, .single(atHours: 1, amountMilligrams: micrograms / 1000)),
            ]), columns: ["hedonic_tone"], intervalHours: 0.25)
            change.append(run.minimum("hedonic_tone", from: 0, to: 24) / run.value("hedonic_tone", at: 0) - 1)
        }
        #expect(change.allSatisfy { $0 < 0 }, "\(change)")
        reportValues("B18", "5/50/500 µg: \(change.map { $0 * 100 }) %")
        #expect(change[0] > change[1] && change[1] > change[2], "5/50/500 µg: \(change)")
    }

    /// B19 kappa antagonist blunts stress dysphoria. Expected: stress hedonic dip with aticaprant
    /// < 0.5x without (Bruchas 2010; seed 001). (The prototype missed at 0.54x; the Swift model,
    /// with dynorphin also at mu and delta, gives 0.47x.)
    @Test func b19KappaAntagonistBluntsStressDysphoria() throws {
        let plain = try Self.respond(to: .stress), blocked = try Self.respond(to: .stress, aticaprant: true)
        reportValues("B19", "dip \(plain.hedonicDip) vs \(blocked.hedonicDip) with aticaprant (\(blocked.hedonicDip / plain.hedonicDip) x); resting \(plain.restingHedonic) vs \(blocked.restingHedonic)")
        #expect(plain.hedonicDip < 0, "stress dip \(plain.hedonicDip)")
        #expect(abs(blocked.hedonicDip) < 0.5 * abs(plain.hedonicDip), "dip \(blocked.hedonicDip) with aticaprant vs \(plain.hedonicDip)")
    }

    /// B20 stress dysphoric, more so in the deficit phenotype. Expected: hedonic dip in both,
    /// deeper in deficit (MODEL.md 1 (Bandelow 2010); seed 000); section 13: dysphoria rise to
    /// stress larger than control. Met since the deficit phenotype releases no endorphin or
    /// enkephalin under stress (`model.deficit_evoked_release_factor` 0: opioid deactivation in
    /// the NAc and hypothalamus under sadness in borderline personality disorder, Prossin et al.
    /// 2010 Am J Psychiatry 167:925): dip -0.203 against -0.173, dysphoria rise +0.108 against
    /// +0.087. With half the control release the dip was -0.164: the deficit's steeper mu
    /// response (u +0.056 against +0.045 at the hedonic minimum) outweighed kappa's larger dysphoria.
    @Test func b20StressDysphoricMoreSoInDeficit() throws {
        let control = try Self.respond(to: .stress), deficit = try Self.respond(to: .stress, phenotype: .opioidDeficit)
        reportValues("B20", "dysphoria rise control \(control.dysphoriaRise), deficit \(deficit.dysphoriaRise); hedonic dip \(control.hedonicDip) / \(deficit.hedonicDip)")
        #expect(control.hedonicDip < 0 && deficit.hedonicDip < 0, "dips \(control.hedonicDip) / \(deficit.hedonicDip)")
        #expect(deficit.dysphoriaRise > control.dysphoriaRise, "dysphoria rise deficit \(deficit.dysphoriaRise) vs \(control.dysphoriaRise)")
        #expect(deficit.hedonicDip < control.hedonicDip, "hedonic dip deficit \(deficit.hedonicDip) vs control \(control.hedonicDip)")
    }

    /// The opioid-deficit phenotype's evoked-release factor (0) removes the endorphin and
    /// enkephalin released by stress, and leaves the release by pain and exercise at the control
    /// gains (`StimulusKind.deficitScalesEvokedRelease`: opioid deactivation in the NAc and
    /// hypothalamus under sadness in borderline personality disorder, Prossin et al. 2010 Am J
    /// Psychiatry 167:925; less release to rejection in depression, Hsu et al. 2015 Mol
    /// Psychiatry 20:193). Enkephalin (t½ 2 min, no feedback) sits at its production target
    /// P0 (b + g s) within minutes of an event of intensity 1: 0.3 nM × (0.5 + 0 × 0.3) under
    /// stress, 0.3 × (0.5 + 0.5) under pain and 0.3 × (0.5 + 0.3) under exercise (Model.md
    /// §3.5; gains in the peptide library).
    @Test(arguments: [(StimulusKind.stress, 0.15), (.pain, 0.30), (.exercise, 0.24)])
    func deficitScalesStressEvokedReleaseOnly(kind: StimulusKind, expectedNanomolar: Double) throws {
        let run = try trace(Scenario(
            name: "deficit \(kind.rawValue)", durationHours: 4, subject: Subject(phenotype: .opioidDeficit),
            events: [StimulusEvent(kind: kind, startHours: 2, durationHours: 1, intensity: 1)]),
            columns: ["enkephalin_nM"], intervalHours: 0.1)
        let before = run.value("enkephalin_nM", at: 1.9), plateau = run.value("enkephalin_nM", at: 2.9)
        #expect(abs(before - 0.15) < 1e-3 * 0.15, "resting enkephalin \(before) nM, expected 0.3 × 0.5")
        #expect(abs(plateau - expectedNanomolar) < 1e-3 * expectedNanomolar, "\(kind) enkephalin \(plateau) nM, expected \(expectedNanomolar)")
    }

    /// B21 pain is aversive (endorphin relief partial), more so in the deficit phenotype.
    /// Expected: hedonic dip in both, deeper in deficit (seed 000; MODEL.md 3); section 13:
    /// dysphoria rise to pain larger than control.
    @Test func b21PainAversiveMoreSoInDeficit() throws {
        let control = try Self.respond(to: .pain), deficit = try Self.respond(to: .pain, phenotype: .opioidDeficit)
        reportValues("B21", "dysphoria rise control \(control.dysphoriaRise), deficit \(deficit.dysphoriaRise); hedonic dip \(control.hedonicDip) / \(deficit.hedonicDip)")
        #expect(control.hedonicDip < 0 && deficit.hedonicDip < 0, "dips \(control.hedonicDip) / \(deficit.hedonicDip)")
        #expect(deficit.hedonicDip < control.hedonicDip, "hedonic dip deficit \(deficit.hedonicDip) vs control \(control.hedonicDip)")
        #expect(deficit.dysphoriaRise > control.dysphoriaRise, "dysphoria rise deficit \(deficit.dysphoriaRise) vs \(control.dysphoriaRise)")
    }

    /// B21b social rejection aversive, more so in deficit; social contact rewarding. Expected:
    /// rejection dip deeper in deficit; social contact raises dopamine_tone (seed 000 (core
    /// stimulus); MODEL.md 3); section 13: dysphoria rise to social_rejection larger than control.
    @Test func b21bSocialRejectionAversiveContactRewarding() throws {
        let rejection = try Self.socialRejection()
        let control = try Self.respond(to: rejection), deficit = try Self.respond(to: rejection, phenotype: .opioidDeficit)
        #expect(control.hedonicDip < 0, "rejection dip \(control.hedonicDip)")
        #expect(deficit.hedonicDip < control.hedonicDip, "hedonic dip deficit \(deficit.hedonicDip) vs control \(control.hedonicDip)")
        #expect(deficit.dysphoriaRise > control.dysphoriaRise, "dysphoria rise deficit \(deficit.dysphoriaRise) vs \(control.dysphoriaRise)")
        let contact = try Self.respond(to: .socialContact)
        reportValues("B21b", "rejection dysphoria rise control \(control.dysphoriaRise), deficit \(deficit.dysphoriaRise) (hedonic \(control.hedonicDip) / \(deficit.hedonicDip)); social contact dopamine \(contact.dopamineRise)")
        #expect(contact.dopamineRise > 0, "social contact dopamine_tone rise \(contact.dopamineRise)")
    }

    /// B22 ketamine slows tolerance/dependence; mood effect outlasts plasma. Expected: with
    /// ketamine: lower tolerance and precipitated withdrawal after 3 d morphine; dysphoria lower
    /// at 7 d after one 0.5 mg/kg infusion (Trujillo & Akil 1991 Science 251:85; Talati 2019
    /// (MADRS lower at 1 week)). Morphine 3 mg/h IV for 72 h with or without ketamine 10 mg/h,
    /// naloxone 2 mg IV at 72 h; ketamine 35 mg (0.5 mg/kg, 70 kg) over 40 min at 24 h in a
    /// drug-free subject, dysphoria 7 days later against its value before.
    @Test func b22KetamineSlowsToleranceAndDependenceMoodOutlastsPlasma() throws {
        func exposure(ketamine: Bool) throws -> (tolerance: Double, cows: Double) {
            var doses = [
                dose("morphine", .ivInfusion, .infusion(startHours: 0, durationHours: 72, rateMilligramsPerHour: 3)),
                dose("naloxone", .ivBolus, .single(atHours: 72, amountMilligrams: 2)),
            ]
            if ketamine { doses.append(dose("ketamine", .ivInfusion, .infusion(startHours: 0, durationHours: 72, rateMilligramsPerHour: 10))) }
            let run = try trace(Scenario(name: "morphine 72 h", durationHours: 74, doses: doses),
                                columns: ["tolerance_index", "cows_equivalent"], intervalHours: 0.05)
            return (run.value("tolerance_index", at: 71.9), run.maximum("cows_equivalent", from: 72, to: 74).value)
        }
        let without = try exposure(ketamine: false), with = try exposure(ketamine: true)
        #expect(with.tolerance < without.tolerance, "tolerance \(with.tolerance) with ketamine vs \(without.tolerance)")
        #expect(with.cows < without.cows, "precipitated COWS \(with.cows) with ketamine vs \(without.cows)")
        let mood = try trace(Scenario(name: "ketamine 0.5 mg/kg", durationHours: 24 + 7 * 24 + 1, doses: [
            dose("ketamine", .ivInfusion, .infusion(startHours: 24, durationHours: 40.0 / 60, rateMilligramsPerHour: 35 * 60 / 40)),
        ]), columns: ["dysphoria", "ketamine_plasma_nM"], intervalHours: 0.5)
        let before = mood.value("dysphoria", at: 23.5), week = mood.value("dysphoria", at: 24 + 7 * 24)
        reportValues("B22", "tolerance \(without.tolerance) -> \(with.tolerance), precipitated COWS \(without.cows) -> \(with.cows); dysphoria day 7 \((week / before - 1) * 100) %")
        #expect(week < before, "dysphoria \(week) at 7 d vs \(before) before")
        // Outlasts plasma: ketamine (t1/2 2.2 h) is below 1 % of its peak by then.
        let plasmaPeak = mood.maximum("ketamine_plasma_nM", from: 24, to: 26).value
        #expect(mood.value("ketamine_plasma_nM", at: 24 + 7 * 24) < 0.01 * plasmaPeak)
    }

    /// B24 delta potentiates mu. Expected: morphine's peak dopamine lower without delta
    /// signalling (seed 000; Spanagel 1992). Morphine 10 mg IV with `delta_reward.coupling` 0 (no
    /// delta signalling) against the library value. Compared on `reward_response` (E_RW), whose
    /// peak sets the absolute dopamine peak: `dopamine_tone` is normalised by each compiled
    /// model's own control baseline, which the override moves too.
    @Test func b24DeltaPotentiatesMu() throws {
        func peak(_ overrides: [String: Double]) throws -> Double {
            let run = try trace(Scenario(name: "morphine 10 mg IV", durationHours: 8, doses: [
                dose("morphine", .ivBolus, .single(atHours: 0, amountMilligrams: 10)),
            ], parameterOverrides: overrides), columns: ["reward_response"], intervalHours: 0.1)
            return run.maximum("reward_response", from: 0, to: 8).value
        }
        let with = try peak([:]), without = try peak(["delta_reward.coupling": 0])
        reportValues("B24", "peak reward_response \(with) with delta, \(without) without")
        #expect(without < with, "peak reward response \(without) without delta vs \(with)")
    }

    /// B26 deficit phenotype: measurable resting deficit, larger responses. Expected: resting
    /// dopamine and hedonic lower; social-contact response > 1.3x control (Bandelow 2010; Prossin
    /// 2010 (higher MOR BPND; larger sadness-induced release)); section 13: resting dopamine_tone
    /// < 0.97 and hedonic_tone < 0.95 x control. The control's resting dopamine_tone is 1 by
    /// definition (section 7: DA / DA_control,0), to 1e-9.
    @Test func b26DeficitPhenotypeRestingDeficitLargerResponses() throws {
        func resting(_ phenotype: Phenotype) throws -> Trace {
            try trace(Scenario(name: "rest", durationHours: 1, subject: Subject(phenotype: phenotype)),
                      columns: ["dopamine_tone", "hedonic_tone"], intervalHours: 1)
        }
        let control = try resting(.control), deficit = try resting(.opioidDeficit)
        #expect(abs(control.value("dopamine_tone", at: 0) - 1) <= 1e-9, "control dopamine_tone \(control.value("dopamine_tone", at: 0))")
        let dopamine = deficit.value("dopamine_tone", at: 0)
        #expect(dopamine < 0.97, "deficit resting dopamine_tone \(dopamine)")
        let hedonic = deficit.value("hedonic_tone", at: 0), reference = control.value("hedonic_tone", at: 0)
        #expect(hedonic < 0.95 * reference, "deficit resting hedonic_tone \(hedonic) vs control \(reference)")
        let c = try Self.respond(to: .socialContact), d = try Self.respond(to: .socialContact, phenotype: .opioidDeficit)
        reportValues("B26", "resting dopamine \(dopamine), hedonic \(hedonic) vs \(reference) (\((hedonic / reference - 1) * 100) %); social-contact rise \(d.dopamineRise) vs \(c.dopamineRise) (\(d.dopamineRise / c.dopamineRise) x)")
        #expect(d.dopamineRise > 1.3 * c.dopamineRise, "social-contact dopamine rise deficit \(d.dopamineRise) vs control \(c.dopamineRise)")
    }

    /// B27 exercise eases withdrawal. Expected: withdrawal_index lower during sessions (seed
    /// 003). A 1 h session 24-25 h after the last of 28 d of morphine 30 mg q6h, against the same
    /// subject without it, at the end of the session; "lower" by more than 1e-3 (numerical noise
    /// between two solves is far below). The prototype missed (0.225 vs 0.225: the signs
    /// subtracted only inhibition above the control level, and the released endorphin leaves the
    /// tolerant LC output below it); the output's loss below control now adds to the signs in a
    /// dependent subject (`dependence.tone_loss_share`, Model2Design.md §4.3), which the
    /// endorphin reduces.
    @Test func b27ExerciseEasesWithdrawal() throws {
        let last = Model2Regimens.lastMorphineDose
        let exercised = try trace(Scenario(name: "morphine 28 d, exercise", durationHours: last + 26,
                                           doses: [Model2Regimens.morphine()],
                                           events: [StimulusEvent(kind: .exercise, startHours: last + 24, durationHours: 1)]),
                                  columns: ["withdrawal_index"], intervalHours: 0.5)
        let plain = try Model2Regimens.morphineRun.get()
        let a = exercised.value("withdrawal_index", at: last + 25), b = plain.value("withdrawal_index", at: last + 25)
        reportValues("B27", "\(a) vs \(b) at the end of a 1 h session (+25 h)")
        #expect(a < b - 1e-3, "withdrawal_index \(a) with exercise vs \(b) without")
    }
}
