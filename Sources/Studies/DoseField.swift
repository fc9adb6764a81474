import Pharmacology

/// A dose-regimen field a sweep or population may vary, named as in scenario files
/// (`doses[0].amount_mg`). Changing one changes the scenario's events, so the scenario is
/// recompiled for each value.
package enum DoseField: String, Sendable, CaseIterable {
    case amountMilligrams = "amount_mg"
    /// The amount in µg (`amount_mg` x 1000), as fentanyl and buprenorphine doses are written.
    case amountMicrograms = "amount_ug"
    /// The amount per kg of the subject's weight (`amount_mg` / `subject.weight_kg`).
    case amountMilligramsPerKilogram = "amount_mg_per_kg"
    case everyHours = "every_h"
    case startHours = "start_h"
    case atHours = "at_h"
    case count
    case rateMilligramsPerHour = "rate_mg_per_h"
    /// The infusion rate in µg/h (`rate_mg_per_h` x 1000).
    case rateMicrogramsPerHour = "rate_ug_per_h"
    /// The infusion rate per kg of the subject's weight (`rate_mg_per_h` / `subject.weight_kg`).
    case rateMilligramsPerKilogramPerHour = "rate_mg_per_kg_per_h"
    case durationHours = "duration_h"

    /// Parses `doses[I].FIELD`; nil when `name` does not have that shape.
    static func parse(_ name: String) -> (dose: Int, field: String)? {
        guard name.hasPrefix("doses["), let close = name.firstIndex(of: "]") else { return nil }
        let digits = name[name.index(name.startIndex, offsetBy: 6)..<close]
        let rest = name[name.index(after: close)...]
        guard let dose = Int(digits), dose >= 0, rest.hasPrefix(".") else { return nil }
        return (dose, String(rest.dropFirst()))
    }

    /// `schedule` with this field set to `value`, which `ScenarioCheck` then judges as it
    /// judges a scenario file's (ranges, the end of the run): this only maps the field onto the
    /// schedule, converting µg and per-kg amounts and rates to mg first.
    /// - Parameters:
    ///   - dose: the index of the dose entry, for the field's name in problems.
    ///   - weightKilograms: the subject's weight, for `amount_mg_per_kg` and `rate_mg_per_kg_per_h`.
    /// - Throws: `StudyError.invalidDoseField` when the schedule has no such field,
    ///   `.invalidValues` for a count that is not a whole number from 1 to the limit (it must
    ///   become an `Int` before the schedule can hold it).
    func apply(_ value: Double, to schedule: DoseSchedule, dose: Int, weightKilograms: Double = 70) throws(StudyError) -> DoseSchedule {
        if let (canonical, factor) = inMilligrams(weightKilograms: weightKilograms), canonical != self {
            return try canonical.apply(value * factor, to: schedule, dose: dose)
        }
        switch (self, schedule) {
        case (.amountMilligrams, .single(let at, _)):
            return .single(atHours: at, amountMilligrams: value)
        case (.amountMilligrams, .repeated(let start, let every, let count, _)):
            return .repeated(startHours: start, everyHours: every, count: count, amountMilligrams: value)
        case (.atHours, .single(_, let amount)):
            return .single(atHours: value, amountMilligrams: amount)
        case (.everyHours, .repeated(let start, _, let count, let amount)):
            return .repeated(startHours: start, everyHours: value, count: count, amountMilligrams: amount)
        case (.everyHours, .stepped(let start, _, let amounts)):
            return .stepped(startHours: start, everyHours: value, amountsMilligrams: amounts)
        case (.startHours, .repeated(_, let every, let count, let amount)):
            return .repeated(startHours: value, everyHours: every, count: count, amountMilligrams: amount)
        case (.startHours, .stepped(_, let every, let amounts)):
            return .stepped(startHours: value, everyHours: every, amountsMilligrams: amounts)
        case (.startHours, .infusion(_, let duration, let rate)):
            return .infusion(startHours: value, durationHours: duration, rateMilligramsPerHour: rate)
        case (.count, .repeated(let start, let every, _, let amount)):
            let problems = ScenarioCheck.count(value)
            guard problems.isEmpty else { throw .invalidValues(problems.map { $0.under("doses[\(dose)]") }) }
            return .repeated(startHours: start, everyHours: every, count: Int(value), amountMilligrams: amount)
        case (.rateMilligramsPerHour, .infusion(let start, let duration, _)):
            return .infusion(startHours: start, durationHours: duration, rateMilligramsPerHour: value)
        case (.durationHours, .infusion(let start, _, let rate)):
            return .infusion(startHours: start, durationHours: value, rateMilligramsPerHour: rate)
        case (.startHours, .patch(_, let every, let count, let wear, let rate)):
            return .patch(startHours: value, everyHours: every, count: count, wearHours: wear, rateMilligramsPerHour: rate)
        case (.everyHours, .patch(let start, _, let count, let wear, let rate)):
            return .patch(startHours: start, everyHours: value, count: count, wearHours: wear, rateMilligramsPerHour: rate)
        case (.count, .patch(let start, let every, _, let wear, let rate)):
            let problems = ScenarioCheck.count(value)
            guard problems.isEmpty else { throw .invalidValues(problems.map { $0.under("doses[\(dose)]") }) }
            return .patch(startHours: start, everyHours: every, count: Int(value), wearHours: wear, rateMilligramsPerHour: rate)
        case (.rateMilligramsPerHour, .patch(let start, let every, let count, let wear, _)):
            return .patch(startHours: start, everyHours: every, count: count, wearHours: wear, rateMilligramsPerHour: value)
        default:
            throw .invalidDoseField(name: "doses[\(dose)].\(rawValue)",
                                    reason: "this dose has no field '\(rawValue)' (its schedule is \(Self.kind(of: schedule)))")
        }
    }

    /// For an amount or rate field, the field in mg (`amount_mg`, `rate_mg_per_h`) and mg per
    /// unit of this one (1, 0.001 for µg, the weight for per-kg fields); nil for the others.
    func inMilligrams(weightKilograms: Double) -> (field: DoseField, milligramsPerUnit: Double)? {
        switch self {
        case .amountMilligrams: return (.amountMilligrams, 1)
        case .amountMicrograms: return (.amountMilligrams, 0.001)
        case .amountMilligramsPerKilogram: return (.amountMilligrams, weightKilograms)
        case .rateMilligramsPerHour: return (.rateMilligramsPerHour, 1)
        case .rateMicrogramsPerHour: return (.rateMilligramsPerHour, 0.001)
        case .rateMilligramsPerKilogramPerHour: return (.rateMilligramsPerHour, weightKilograms)
        default: return nil
        }
    }

    static func kind(of schedule: DoseSchedule) -> String {
        switch schedule {
        case .single: return "a single dose: amount_mg (or amount_ug, amount_mg_per_kg), at_h"
        case .repeated: return "repeated: amount_mg (or amount_ug, amount_mg_per_kg), start_h, every_h, count"
        case .stepped: return "a taper or titration: start_h, every_h"
        case .infusion: return "an infusion: rate_mg_per_h (or rate_ug_per_h, rate_mg_per_kg_per_h), start_h, duration_h"
        case .patch: return "a patch: rate_mg_per_h (or rate_ug_per_h), start_h, every_h, count (wear_h cannot be varied)"
        }
    }
}
