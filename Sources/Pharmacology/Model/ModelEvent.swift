/// A discontinuity of the compiled model, applied by the integrator at an exact time.
package enum ModelEventAction: Sendable, Equatable {
    /// Add an amount (nmol) to a state: a dose into a depot or, for an IV bolus, the central compartment.
    case addAmount(state: Int, nanomole: Double)
    /// Change a species' infusion rate by `delta` nmol/h (start: +rate, stop: −rate).
    case changeInfusion(species: Int, delta: Double)
    /// Change a stimulus kind's intensity by `delta` (start: +intensity, end: −intensity).
    case changeStimulus(kind: Int, delta: Double)
}

package struct ModelEvent: Sendable, Equatable {
    package var timeHours: Double
    package var action: ModelEventAction

    /// Applies the event to the system parameters or the state.
    static func apply(_ action: ModelEventAction, to system: inout ReceptorSystem,
                      state: UnsafeMutableBufferPointer<Double>) {
        switch action {
        case .addAmount(let i, let amount):
            state[i] += amount
        case .changeInfusion(let s, let delta):
            let v = system.speciesInfusionNanomolePerHour[s] + delta
            system.speciesInfusionNanomolePerHour[s] = abs(v) < 1e-9 * abs(delta) ? 0 : v
        case .changeStimulus(let k, let delta):
            let v = system.stimulusIntensity[k] + delta
            system.stimulusIntensity[k] = abs(v) < 1e-12 ? 0 : v
        }
    }

    /// The events of `scenario` for `layout`, sorted by time (stable).
    /// - Throws: `ModelError.invalidValue` for negative amounts, times or intervals.
    static func make(scenario: Scenario, layout: ModelLayout, library: DrugLibrary) throws -> [ModelEvent] {
        var events: [ModelEvent] = []
        for (index, dose) in scenario.doses.enumerated() {
            let path = "doses[\(index)]"
            let s = layout.speciesIDs.firstIndex(of: dose.drug)!
            let drug = library.drug(dose.drug)!
            let nanomolePerMilligram = 1e6 / drug.molarMassGramsPerMole.value
            let route = drug.routes.first { $0.route == dose.route }!
            func check(_ value: Double, _ field: String, positive: Bool = false) throws {
                guard value.isFinite, positive ? value > 0 : value >= 0 else {
                    throw ModelError.invalidValue(
                        path: path + "." + field, reason: "must be a finite number \(positive ? ">" : ">=") 0, got \(value)")
                }
            }
            func addDose(_ t: Double, _ mg: Double) {
                let amount = mg * nanomolePerMilligram
                if dose.route == .ivBolus {
                    events.append(ModelEvent(timeHours: t, action: .addAmount(state: layout.speciesCentral[s], nanomole: amount)))
                } else {
                    for depot in layout.depots where depot.species == s && depot.route == dose.route {
                        events.append(ModelEvent(timeHours: t + route.lagHours.value,
                                                 action: .addAmount(state: depot.state, nanomole: amount * depot.fraction)))
                    }
                }
            }
            switch dose.schedule {
            case .infusion(let start, let duration, let rate):
                guard dose.route == .ivInfusion else {
                    throw ModelError.invalidValue(path: path + ".route", reason: "an infusion schedule needs route iv_infusion")
                }
                try check(start, "startHours"); try check(duration, "durationHours"); try check(rate, "rateMilligramsPerHour")
                let r = rate * nanomolePerMilligram
                events.append(ModelEvent(timeHours: start, action: .changeInfusion(species: s, delta: r)))
                events.append(ModelEvent(timeHours: start + duration, action: .changeInfusion(species: s, delta: -r)))
                continue
            default:
                guard dose.route != .ivInfusion else {
                    throw ModelError.invalidValue(path: path + ".schedule", reason: "route iv_infusion needs an infusion schedule")
                }
            }
            switch dose.schedule {
            case .single(let t, let mg):
                try check(t, "atHours"); try check(mg, "amountMilligrams")
                addDose(t, mg)
            case .repeated(let start, let every, let count, let mg):
                try check(start, "startHours"); try check(every, "everyHours", positive: true); try check(mg, "amountMilligrams")
                guard count >= 0 else { throw ModelError.invalidValue(path: path + ".count", reason: "must be >= 0, got \(count)") }
                for k in 0..<count { addDose(start + Double(k) * every, mg) }
            case .stepped(let start, let every, let amounts):
                try check(start, "startHours"); try check(every, "everyHours", positive: true)
                for (k, mg) in amounts.enumerated() {
                    try check(mg, "amountsMilligrams[\(k)]")
                    addDose(start + Double(k) * every, mg)
                }
            case .infusion:
                break
            }
        }
        for (index, event) in scenario.events.enumerated() {
            let path = "events[\(index)]"
            for (value, field) in [(event.startHours, "startHours"), (event.durationHours, "durationHours"), (event.intensity, "intensity")] {
                guard value.isFinite, value >= 0 else {
                    throw ModelError.invalidValue(path: path + "." + field, reason: "must be a finite number >= 0, got \(value)")
                }
            }
            let k = StimulusKind.allCases.firstIndex(of: event.kind)!
            events.append(ModelEvent(timeHours: event.startHours, action: .changeStimulus(kind: k, delta: event.intensity)))
            events.append(ModelEvent(timeHours: event.startHours + event.durationHours,
                                     action: .changeStimulus(kind: k, delta: -event.intensity)))
        }
        // Stable sort: events at equal times keep scenario order.
        return events.enumerated().sorted { a, b in
            a.element.timeHours != b.element.timeHours ? a.element.timeHours < b.element.timeHours : a.offset < b.offset
        }.map(\.element)
    }
}
