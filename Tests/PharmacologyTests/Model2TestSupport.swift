import BuiltInLibrary
import Foundation
import Testing
@testable import Pharmacology

/// One recorded run as plain values, so runs can be shared between tests (`Sendable`) and read
/// with the few questions the behaviour table asks (value at, peak and its time, trough, from
/// `RecordedRun`; mean, first crossing).
struct Trace: Sendable, RecordedRun {
    let times: [Double]
    let columns: [String: [Double]]

    init(_ recorder: ObservableRecorder) {
        times = recorder.times
        var columns: [String: [Double]] = [:]
        for name in recorder.columns { columns[name] = recorder.series(name) }
        self.columns = columns
    }

    /// The series of `column`; a column the run did not record is recorded as an issue and
    /// reads as NaN (so every comparison on it fails) instead of stopping the test process.
    func series(_ column: String) -> [Double] {
        guard let values = columns[column] else {
            Issue.record("column \(column) was not recorded")
            return Array(repeating: .nan, count: times.count)
        }
        return values
    }

    /// Mean of `column` over the output rows in [from, to].
    func mean(_ column: String, from: Double, to: Double) -> Double {
        let v = series(column)
        let picked = times.indices.filter { times[$0] >= from - 1e-9 && times[$0] <= to + 1e-9 }.map { v[$0] }
        return picked.reduce(0, +) / Double(max(picked.count, 1))
    }

    /// First output time in [from, to] where `column` satisfies `condition`; nil if none.
    func firstTime(_ column: String, from: Double, to: Double = .infinity, where condition: (Double) -> Bool) -> Double? {
        let v = series(column)
        for (i, t) in times.enumerated() where t >= from - 1e-9 && t <= to + 1e-9 && condition(v[i]) { return t }
        return nil
    }

    /// The withdrawal course after `stop` (Model2Design.md section 11, B4/B5): onset = first time
    /// COWS exceeds its value at `stop` by 5 points, peak (value and time) of `withdrawal_index`,
    /// and the first time after the peak it is below 20 % of the peak. Times in h after `stop`.
    func withdrawalCourse(after stop: Double, until end: Double) -> WithdrawalCourse {
        let start = value("cows_equivalent", at: stop)
        let onset = firstTime("cows_equivalent", from: stop, to: end) { $0 >= start + 5 }
        let peak = maximum("withdrawal_index", from: stop, to: end)
        let resolved = firstTime("withdrawal_index", from: peak.time, to: end) { $0 < 0.2 * peak.value }
        return WithdrawalCourse(
            cowsAtStop: start, onsetHours: onset.map { $0 - stop }, peakIndex: peak.value,
            peakHours: peak.time - stop, resolvedHours: resolved.map { $0 - stop })
    }
}

/// Onset, peak and resolution of one withdrawal episode (h after the last dose).
struct WithdrawalCourse: Sendable {
    let cowsAtStop: Double
    let onsetHours: Double?
    let peakIndex: Double
    let peakHours: Double
    let resolvedHours: Double?
}

/// Simulates `scenario` into a `Trace` (time_h added), default solver at the scenario's tolerances.
func trace(_ scenario: Scenario, columns: [String], intervalHours: Double) throws -> Trace {
    Trace(try simulate(scenario, columns: columns, intervalHours: intervalHours))
}

/// A set-up that cannot give what a test needs (a missing branch point, no crossing).
struct Model2TestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// COWS of `run` minus COWS of `control` at time `t` (both traces on the same output grid).
func cowsExcess(_ run: Trace, over control: Trace, at t: Double) -> Double {
    run.value("cows_equivalent", at: t) - control.value("cows_equivalent", at: t)
}

/// Largest COWS excess of `run` over `control` at the output times of `run` in [from, to].
func maximumCowsExcess(_ run: Trace, over control: Trace, from: Double, to: Double) -> Double {
    var best = -Double.infinity
    for t in run.times where t >= from - 1e-9 && t <= to + 1e-9 { best = max(best, cowsExcess(run, over: control, at: t)) }
    return best
}

/// The regimens of the behaviour table (Model2Design.md section 11; the prototype
/// `Benchmarks/peers/model2_reference.py` uses the same), as dose lists and shared runs.
enum Model2Regimens {
    static let day = 24.0
    static let chronicDays = 28
    /// Last of 112 oral morphine doses every 6 h from t = 0 (666 h).
    static let lastMorphineDose = Double(chronicDays * 4 - 1) * 6
    /// Last of 28 daily doses from t = 0 (648 h).
    static let lastDailyDose = Double(chronicDays - 1) * day
    /// End of the 28-day fentanyl infusion (672 h).
    static let fentanylStop = Double(chronicDays) * day

    /// Oral morphine 30 mg every 6 h (the shipped morphine-abrupt-stop set-up).
    static func morphine(days: Int = chronicDays, startHours: Double = 0, milligrams: Double = 30) -> DoseRegimen {
        dose("morphine", .oral, .repeated(startHours: startHours, everyHours: 6, count: days * 4, amountMilligrams: milligrams))
    }

    /// Oral methadone 60 mg daily.
    static func methadone(days: Int = chronicDays) -> DoseRegimen {
        dose("methadone", .oral, .repeated(startHours: 0, everyHours: 24, count: days, amountMilligrams: 60))
    }

    /// Fentanyl 0.06 mg/h IV for 28 days: the highly tolerant subject (B9f, B33). The plasma level
    /// of the former 0.1 mg/h at CL 75.6 L/h (0.1 × 44.8 / 75.6 = 0.059 mg/h at the fitted 44.8).
    static func fentanyl() -> DoseRegimen {
        dose("fentanyl", .ivInfusion, .infusion(startHours: 0, durationHours: fentanylStop, rateMilligramsPerHour: 0.06))
    }

    /// Sublingual buprenorphine daily.
    static func buprenorphine(milligrams: Double, days: Int, startHours: Double = 0) -> DoseRegimen {
        dose("buprenorphine", .sublingual, .repeated(startHours: startHours, everyHours: 24, count: days, amountMilligrams: milligrams))
    }

    /// Columns every chronic run records.
    static let chronicColumns = [
        "withdrawal_index", "withdrawal_signs", "cows_equivalent", "tolerance_index", "mu_total_rel",
        "endorphin_nM", "dynorphin_nM", "dysphoria", "lc_adaptation_slow", "mu_pet_occupancy",
    ]

    /// 28 days of morphine, then 21 days without: one run shared by B1-B4, B31 and the
    /// comparisons of B5, B6, B32, B33 (computed once per test process).
    static let morphineRun = Result {
        try trace(Scenario(name: "morphine 28 d, stop", durationHours: lastMorphineDose + 21 * day, doses: [morphine()]),
                  columns: chronicColumns, intervalHours: 0.5)
    }

    /// 28 days of methadone, then 21 days without (B2, B5, COWS calibration).
    static let methadoneRun = Result {
        try trace(Scenario(name: "methadone 28 d, stop", durationHours: lastDailyDose + 21 * day, doses: [methadone()]),
                  columns: chronicColumns, intervalHours: 0.5)
    }

    /// 28 days of fentanyl infusion, then 14 days without (B2, B33).
    static let fentanylRun = Result {
        try trace(Scenario(name: "fentanyl 28 d, stop", durationHours: fentanylStop + 14 * day, doses: [fentanyl()]),
                  columns: chronicColumns, intervalHours: 0.5)
    }

    /// 28 days of buprenorphine 16 mg SL, then 14 days without (B32).
    static let buprenorphineRun = Result {
        try trace(Scenario(name: "buprenorphine 28 d, stop", durationHours: lastDailyDose + 14 * day,
                           doses: [buprenorphine(milligrams: 16, days: chronicDays)]),
                  columns: chronicColumns, intervalHours: 0.5)
    }
}

/// A morphine-dependent subject (28 days of 30 mg q6h, `Model2Regimens.morphine()`), compiled
/// once with room for the probes the withdrawal rows give (naloxone 0.4 mg IM and 2 mg IV,
/// buprenorphine SL), run once to its branch times and continued from there with probes added.
/// Doses of the base scenario after a branch time still come (B10 continues morphine).
struct DependentSubject: Sendable {
    let model: BranchableModel
    let points: [Double: BranchPoint]

    /// Probes every branch may add (largest amounts).
    static let probes = [
        dose("naloxone", .intramuscular, .single(atHours: 0, amountMilligrams: 0.4)),
        dose("naloxone", .ivBolus, .single(atHours: 0, amountMilligrams: 2)),
        dose("buprenorphine", .sublingual, .single(atHours: 0, amountMilligrams: 16)),
    ]

    init(scenario: Scenario, branchTimes: [Double]) throws {
        model = try BranchableModel(scenario: scenario, extraDoses: Self.probes)
        let list = try model.branchPoints(at: branchTimes)
        var points: [Double: BranchPoint] = [:]
        for (t, p) in zip(branchTimes, list) { points[t] = p }
        self.points = points
    }

    /// Continues from the branch point at `time` for `hours` with `doses` added, recording
    /// `columns` every `intervalHours` from the branch time on.
    func branch(at time: Double, hours: Double, adding doses: [DoseRegimen] = [], columns: [String],
                intervalHours: Double = 0.25) throws -> Trace {
        guard let point = points[time] else { throw Model2TestError("no branch point at \(time) h") }
        let names = ["time_h"] + columns
        var recorder = ObservableRecorder(columns: names)
        let count = Int((hours / intervalHours).rounded(.down))
        let times = (0...count).map { time + Double($0) * intervalHours }
        try model.simulate(from: point, durationHours: hours, adding: doses, columns: names, outputTimes: times, into: &recorder)
        return Trace(recorder)
    }

    /// Branch times of the shared morphine subject (h): 2 and 3 h after the last dose (B9, B7)
    /// and 7 days before the end of use, 6 h after a dose (B10).
    static let afterLastDose2 = Model2Regimens.lastMorphineDose + 2
    static let afterLastDose3 = Model2Regimens.lastMorphineDose + 3
    static let microInductionStart = Model2Regimens.lastMorphineDose + 6 - 7 * Model2Regimens.day

    /// The morphine-dependent subject, branched at the times above (computed once).
    static let morphine = Result {
        try DependentSubject(
            scenario: Scenario(name: "morphine 28 d", durationHours: Model2Regimens.lastMorphineDose + 21 * Model2Regimens.day,
                               doses: [Model2Regimens.morphine()]),
            branchTimes: [afterLastDose2, afterLastDose3, microInductionStart])
    }

    /// The subject in spontaneous withdrawal 12 h after the last dose (B9b, B11): the clinical
    /// wait before buprenorphine after a short-acting opioid, and where COWS 12 was crossed with
    /// the former half-index 0.4; with the fitted half-index (1.346) COWS stays below 12 after morphine 30 mg
    /// q6h, so B9b reports the COWS it starts from. The branch time and the subject (computed once).
    static let inWithdrawal = Result { () throws -> (time: Double, subject: DependentSubject) in
        let last = Model2Regimens.lastMorphineDose
        let time = last + 12
        let subject = try DependentSubject(
            scenario: Scenario(name: "morphine 28 d", durationHours: last + 21 * Model2Regimens.day, doses: [Model2Regimens.morphine()]),
            branchTimes: [time])
        return (time, subject)
    }
}

/// Prints a row's measured values as `[model2] B4: ...` when `RECEPTOR_SIM_MODEL2_VALUES=1`, so
/// the before/after table of issue #15 can be filled from one test run (passing tests print
/// nothing else).
func reportValues(_ row: String, _ text: @autoclosure () -> String) {
    guard ProcessInfo.processInfo.environment["RECEPTOR_SIM_MODEL2_VALUES"] == "1" else { return }
    print("[model2] \(row): \(text())")
}
