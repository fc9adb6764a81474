/// The one check of every value a user can set in a scenario: each rule once, returning every
/// problem with the dotted path of its field.
///
/// A scenario file is decoded into values and checked by these rules (the decoder adds lines);
/// the compiler checks the whole scenario (`Scenario.problems`) before building a model, so a
/// scenario made by a sweep, a population, a dose field or a command-line override meets the
/// same rules with the same messages. Paths are relative to the value checked; the caller puts
/// them under their place (`ScenarioProblem.under`).
package enum ScenarioCheck {
    /// `duration_h`: > 0, at most `ScenarioLimits.maximumDurationHours`.
    package static func duration(_ hours: Double) -> [ScenarioProblem] {
        number(hours, "duration_h", .positive, atMost: ScenarioLimits.maximumDurationHours)
    }

    /// `subject.weight_kg`: > 0, at most `ScenarioLimits.maximumWeightKilograms`.
    package static func weight(_ kilograms: Double) -> [ScenarioProblem] {
        number(kilograms, "subject.weight_kg", .positive, atMost: ScenarioLimits.maximumWeightKilograms)
    }

    /// A dose's route against the form of its schedule: `iv_infusion` takes exactly the rate
    /// schedule, `transdermal` exactly the patch schedule. Path `route`.
    package static func route(_ route: Route, isInfusion: Bool, isPatch: Bool = false) -> [ScenarioProblem] {
        if isPatch || route == .transdermal {
            if isPatch && route == .transdermal { return [] }
            return [ScenarioProblem(path: "route", .conflict(isPatch
                ? "wear_h (a patch) needs route 'transdermal', found '\(route.rawValue)'"
                : "route 'transdermal' needs a patch: rate_ug_per_h (or rate_mg_per_h), wear_h, start_h; every_h and count for repeated patches"))]
        }
        return (route == .ivInfusion) == isInfusion ? [] : [ScenarioProblem(path: "route", .routeScheduleMismatch(route: route))]
    }

    /// `count` of a repeated dose: a whole number from 1 to `ScenarioLimits.maximumCountPerEntry`.
    /// Path `count`.
    package static func count(_ value: Double) -> [ScenarioProblem] {
        var problems = number(value, "count", .positive, atMost: Double(ScenarioLimits.maximumCountPerEntry))
        if problems.isEmpty, value != value.rounded() { problems.append(ScenarioProblem(path: "count", .invalidNumber(value, .wholeNumber))) }
        return problems
    }

    /// The numbers of one schedule and its place in the run: amounts and rates from 0 to
    /// `ScenarioLimits.maximumAmountMilligrams`, times >= 0, intervals and infusion lengths > 0,
    /// counts from 1 to `maximumCountPerEntry`, every dose (the last of a schedule) no later than
    /// `durationHours` (nil: the duration is itself invalid, so nothing is after it).
    ///
    /// Paths are the keys of a dose entry (`amount_mg`, `at_h`, `count`, ...), a taper's or
    /// titration's too (`start_h`, `amounts_mg[2]`: a file puts them under `taper`, studies name
    /// them as here).
    /// - Complexity: O(number of amounts of a taper or titration).
    package static func schedule(_ schedule: DoseSchedule, durationHours: Double?) -> [ScenarioProblem] {
        let amountLimit = ScenarioLimits.maximumAmountMilligrams
        func after(_ time: Double, _ path: String) -> [ScenarioProblem] {
            guard let durationHours, time > durationHours else { return [] }
            return [ScenarioProblem(path: path, .afterEndOfRun(timeHours: time, durationHours: durationHours))]
        }
        switch schedule {
        case .single(let at, let amount):
            let amountProblems = number(amount, "amount_mg", .nonNegative, atMost: amountLimit)
            let atProblems = number(at, "at_h", .nonNegative)
            return amountProblems + atProblems + (atProblems.isEmpty ? after(at, "at_h") : [])
        case .repeated(let start, let every, let count, let amount):
            let amountProblems = number(amount, "amount_mg", .nonNegative, atMost: amountLimit)
            let startProblems = number(start, "start_h", .nonNegative)
            let everyProblems = number(every, "every_h", .positive)
            let countProblems = Self.count(Double(count))
            var problems = amountProblems + startProblems + everyProblems + countProblems
            if startProblems.isEmpty, let durationHours, start > durationHours {
                problems += after(start, "start_h")
            } else if startProblems.isEmpty, everyProblems.isEmpty, countProblems.isEmpty {
                problems += after(start + Double(count - 1) * every, "count")
            }
            return problems
        case .stepped(let start, let every, let amounts):
            let startProblems = number(start, "start_h", .nonNegative)
            let everyProblems = number(every, "every_h", .positive)
            var amountProblems: [ScenarioProblem] = []
            for (i, amount) in amounts.enumerated() {
                amountProblems += number(amount, "amounts_mg[\(i)]", .nonNegative, atMost: amountLimit)
            }
            if amounts.isEmpty { amountProblems.append(ScenarioProblem(path: "amounts_mg", .emptyList)) }
            if amounts.count > ScenarioLimits.maximumCountPerEntry {
                amountProblems.append(ScenarioProblem(path: "amounts_mg", .invalidNumber(Double(amounts.count), .atMost(Double(ScenarioLimits.maximumCountPerEntry)))))
            }
            var problems = startProblems + everyProblems + amountProblems
            if problems.isEmpty { problems += after(start + Double(amounts.count - 1) * every, "amounts_mg") }
            return problems
        case .infusion(let start, let length, let rate):
            let rateProblems = number(rate, "rate_mg_per_h", .nonNegative, atMost: amountLimit)
            let startProblems = number(start, "start_h", .nonNegative)
            return rateProblems + startProblems + number(length, "duration_h", .positive)
                + (startProblems.isEmpty ? after(start, "start_h") : [])
        case .patch(let start, let every, let count, let wear, let rate):
            let startProblems = number(start, "start_h", .nonNegative)
            let everyProblems = number(every, "every_h", .positive)
            let countProblems = Self.count(Double(count))
            var problems = number(rate, "rate_mg_per_h", .nonNegative, atMost: amountLimit) + startProblems
                + everyProblems + countProblems + number(wear, "wear_h", .positive)
            if startProblems.isEmpty, let durationHours, start > durationHours {
                problems += after(start, "start_h")
            } else if startProblems.isEmpty, everyProblems.isEmpty, countProblems.isEmpty {
                problems += after(start + Double(count - 1) * every, "count")
            }
            return problems
        }
    }

    /// An event's start (>= 0, within the run), length (> 0) and intensity (0 to
    /// `ScenarioLimits.maximumIntensity`). Paths `start_h`, `duration_h`, `intensity`.
    package static func event(_ event: StimulusEvent, durationHours: Double?) -> [ScenarioProblem] {
        let startProblems = number(event.startHours, "start_h", .nonNegative)
        var problems = startProblems + number(event.durationHours, "duration_h", .positive)
            + number(event.intensity, "intensity", .nonNegative, atMost: ScenarioLimits.maximumIntensity)
        if startProblems.isEmpty, let durationHours, event.startHours > durationHours {
            problems.append(ScenarioProblem(path: "start_h", .afterEndOfRun(timeHours: event.startHours, durationHours: durationHours)))
        }
        return problems
    }

    /// One parameter override against its range (`ParameterCatalog`); without a range, library
    /// values are never negative. Path `parameters["NAME"]`.
    package static func parameter(_ name: String, _ value: Double, range: ParameterRange?) -> [ScenarioProblem] {
        let path = parameterPath(name)
        guard let range else { return number(value, path, .nonNegative) }
        return range.contains(value) ? [] : [ScenarioProblem(path: path, .outOfRange(value, range))]
    }

    /// `parameters["NAME"]`: the path of an override, as scenario files and studies name it.
    package static func parameterPath(_ name: String) -> String { "parameters[\"\(name)\"]" }

    /// `<drug>.half_life_h` together with `<drug>.clearance_l_per_h`: both set the clearance.
    package static func halfLifeConflicts(_ overrides: [String: Double]) -> [ScenarioProblem] {
        overrides.keys.sorted().compactMap { name in
            guard name.hasSuffix(".half_life_h") else { return nil }
            let clearance = String(name.dropLast(".half_life_h".count)) + ".clearance_l_per_h"
            guard overrides[clearance] != nil else { return nil }
            return ScenarioProblem(path: parameterPath(name), .conflict(
                "conflicts with '\(clearance)': the half-life override sets the clearance "
                    + "(ln 2 x central_volume_l / half_life_h); give one of '\(name)' and '\(clearance)'"))
        }
    }

    /// `output.interval_h`: > 0.
    package static func interval(_ hours: Double) -> [ScenarioProblem] {
        number(hours, "output.interval_h", .positive)
    }

    /// `solver.rtol` and `solver.atol` against the ranges the solvers can honour
    /// (`SolverSpecification.relativeToleranceRange`, `.absoluteToleranceRange`).
    package static func tolerances(_ solver: SolverSpecification) -> [ScenarioProblem] {
        var problems: [ScenarioProblem] = []
        if !SolverSpecification.relativeToleranceRange.contains(solver.relativeTolerance) {
            problems.append(ScenarioProblem(path: "solver.rtol", .outOfRange(solver.relativeTolerance, SolverSpecification.relativeToleranceRange)))
        }
        if !SolverSpecification.absoluteToleranceRange.contains(solver.absoluteTolerance) {
            problems.append(ScenarioProblem(path: "solver.atol", .outOfRange(solver.absoluteTolerance, SolverSpecification.absoluteToleranceRange)))
        }
        return problems
    }

    /// The caps of `limits` on the cost of a run (`ScenarioCost`: counted, never expanded):
    /// administrations and events at `doses` (or `events` when there are no doses), the output
    /// size at `output.interval_h`; `coarsen` names what to change in the message
    /// (`output.interval_h`, `--interval`).
    package static func cost(_ cost: ScenarioCost, limits: ScenarioLimits, hasDoses: Bool,
                             coarsen: String = "output.interval_h") -> [ScenarioProblem] {
        var problems: [ScenarioProblem] = []
        if let message = limits.administrationsProblem(cost) {
            problems.append(ScenarioProblem(path: hasDoses ? "doses" : "events", .tooCostly(message)))
        }
        if let message = limits.outputProblem(cost, coarsen: coarsen) {
            problems.append(ScenarioProblem(path: "output.interval_h", .tooCostly(message)))
        }
        return problems
    }

    /// `value` against `requirement` (and at most `limit`): no problem, or one at `path`.
    package static func number(_ value: Double, _ path: String, _ requirement: NumberRequirement,
                               atMost limit: Double? = nil) -> [ScenarioProblem] {
        guard requirement.isMet(by: value) else { return [ScenarioProblem(path: path, .invalidNumber(value, requirement))] }
        if let limit, value > limit { return [ScenarioProblem(path: path, .invalidNumber(value, .atMost(limit)))] }
        return []
    }
}
