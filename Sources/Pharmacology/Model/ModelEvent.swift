/// A discontinuity of the compiled model, applied by the integrator at an exact time.
package enum ModelEventAction: Sendable, Equatable {
    /// Add an amount (nmol) to a state: a dose into a depot or, for an IV bolus, the central compartment.
    case addAmount(state: Int, nanomole: Double)
    /// Change a species' infusion rate by `delta` nmol/h (start: +rate, stop: −rate).
    case changeInfusion(species: Int, delta: Double)
    /// Change the zero-order input into depot `depot` (index into the layout's depots) by
    /// `delta` nmol/h: a patch applied (+rate × the depot's fraction) or removed (−).
    case changeDepotInput(depot: Int, delta: Double)
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
        case .changeDepotInput(let k, let delta):
            let v = system.depotInputNanomolePerHour[k] + delta
            system.depotInputNanomolePerHour[k] = abs(v) < 1e-9 * abs(delta) ? 0 : v
        case .changeStimulus(let k, let delta):
            let v = system.stimulusIntensity[k] + delta
            system.stimulusIntensity[k] = abs(v) < 1e-12 ? 0 : v
        }
    }

    /// The events of `scenario` for `layout`, sorted by time (stable): its one expansion
    /// (`Scenario.schedule`) with each dose into its depots at the route's lag, the slow depot at
    /// its own lag where it states one and, with `slow_release_duration_h`, as a constant input
    /// over that duration less the `slow_bolus_fraction` added at the lag (or over
    /// `slow_bolus_duration_h` where given); an IV bolus goes into
    /// the central compartment at once. Ends cut at the end of the run are not events: nothing
    /// is simulated after it. The values were checked when the scenario was (`ScenarioCheck`).
    static func make(scenario: Scenario, layout: ModelLayout, library: DrugLibrary) throws -> [ModelEvent] {
        var events: [ModelEvent] = []
        for entry in scenario.schedule(library: library) {
            switch entry.kind {
            case .dose(let index, let mg, let lag):
                let dose = scenario.doses[index]
                let s = layout.speciesIDs.firstIndex(of: dose.drug)!
                let amount = mg * 1e6 / library.drug(dose.drug)!.molarMassGramsPerMole.value
                if dose.route == .ivBolus {
                    events.append(ModelEvent(timeHours: entry.timeHours, action: .addAmount(state: layout.speciesCentral[s], nanomole: amount)))
                } else {
                    let parameters = library.drug(dose.drug)!.parameters(of: dose.route)
                    for (k, depot) in layout.depots.enumerated() where depot.species == s && depot.route == dose.route {
                        let (delay, share) = depot.arrival(parameters, routeLag: lag)
                        let start = entry.timeHours + delay
                        if depot.slow, let slow = parameters?.slowDepot, let duration = slow.releaseDurationHours?.value {
                            // Zero-order release: a constant input into the slow depot from its lag,
                            // beside a bolus share added at the lag (always an event: fixed times).
                            let bolus = slow.bolusFraction?.value
                            if let bolus, let spread = slow.bolusDurationHours?.value {
                                // The bolus share spread: its own constant input over its duration.
                                let bolusRate = amount * share * bolus / spread
                                events.append(ModelEvent(timeHours: start, action: .changeDepotInput(depot: k, delta: bolusRate)))
                                events.append(ModelEvent(timeHours: start + spread, action: .changeDepotInput(depot: k, delta: -bolusRate)))
                            } else if let bolus {
                                events.append(ModelEvent(timeHours: start, action: .addAmount(state: depot.state, nanomole: amount * share * bolus)))
                            }
                            let rate = amount * share * (1 - (bolus ?? 0)) / duration
                            events.append(ModelEvent(timeHours: start, action: .changeDepotInput(depot: k, delta: rate)))
                            events.append(ModelEvent(timeHours: start + duration, action: .changeDepotInput(depot: k, delta: -rate)))
                        } else {
                            events.append(ModelEvent(timeHours: start, action: .addAmount(state: depot.state, nanomole: amount * share)))
                        }
                    }
                }
            case .infusionStart(let index, let rate), .infusionEnd(let index, let rate, cut: false):
                let dose = scenario.doses[index]
                let s = layout.speciesIDs.firstIndex(of: dose.drug)!
                let delta = rate * 1e6 / library.drug(dose.drug)!.molarMassGramsPerMole.value
                let starts = if case .infusionStart = entry.kind { true } else { false }
                if dose.route == .ivInfusion {
                    events.append(ModelEvent(timeHours: entry.timeHours, action: .changeInfusion(species: s, delta: starts ? delta : -delta)))
                } else {
                    // A patch: its input goes into the route's depots (skin), shifted by the lag.
                    let parameters = library.drug(dose.drug)!.parameters(of: dose.route)
                    for (k, depot) in layout.depots.enumerated() where depot.species == s && depot.route == dose.route {
                        let (delay, share) = depot.arrival(parameters, routeLag: parameters?.lagHours.value ?? 0)
                        events.append(ModelEvent(timeHours: entry.timeHours + delay,
                                                 action: .changeDepotInput(depot: k, delta: starts ? delta * share : -delta * share)))
                    }
                }
            case .stimulusStart(let index), .stimulusEnd(let index, cut: false):
                let event = scenario.events[index]
                let k = StimulusKind.allCases.firstIndex(of: event.kind)!
                let starts = if case .stimulusStart = entry.kind { true } else { false }
                events.append(ModelEvent(timeHours: entry.timeHours, action: .changeStimulus(kind: k, delta: starts ? event.intensity : -event.intensity)))
            case .infusionEnd(_, _, cut: true), .stimulusEnd(_, cut: true):
                break
            }
        }
        // Lags move doses: sort again, stably (equal times keep the schedule's order).
        return events.enumerated().sorted { a, b in
            a.element.timeHours != b.element.timeHours ? a.element.timeHours < b.element.timeHours : a.offset < b.offset
        }.map(\.element)
    }
}
