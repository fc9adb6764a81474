import Integrators

/// The state a run starts from when its subject has long been on a regimen
/// (`Scenario.steadyStateStart`, an event table's `SS=1`): the regimen's periodic steady state.
///
/// How it is reached: from the drug-free steady state the regimen alone (no other dose, no
/// stimulus) is simulated one dosing interval at a time, with the scenario's method and
/// tolerances, comparing the state at the start of successive intervals (just before a dose).
/// With `change` the largest difference between two successive starts over all states, each in
/// units of ReceptorSim's own error tolerance for that state (atol in the state's scale +
/// rtol × |value|), and `ratio` the last change over the one before, the pre-run stops when
/// `change <= 1` and either the distance still to go, estimated geometrically as
/// change × r / (1 − r) with r the largest ratio of the last three cycles, is at most 1 too, or
/// the change has not shrunk for three cycles in a row (it is then the solver's own noise; one
/// cycle of noise must not end a pre-run whose slow states still move, ratio about 0.99). So the start is within the run's tolerance of the exact periodic
/// state, the slow states included: the receptor pools, adaptation pools and peptide feedback
/// of model 2 relax over weeks, so a pre-run takes months of simulated time (`maximumHours`).
enum PeriodicSteadyState {
    /// At most this many dosing intervals are pre-run...
    static let maximumCycles = 100_000
    /// ...and at most 20 years of simulated time.
    static let maximumHours = 175_200.0

    /// The state at t = 0: the periodic state `start.hoursSinceLastDose` after a dose.
    /// - Throws: `ModelError.invalidValue` for a regimen the model has no states for or with
    ///   bad numbers, `.periodicSteadyStateNotFound`, `.unknownMethod`, `.solverFailed`.
    static func state(of model: CompiledModel, start: SteadyStateStart) throws -> [Double] {
        let interval = start.intervalHours
        guard interval.isFinite, interval > 0 else {
            throw ModelError.invalidValue(path: "steady state interval", reason: "must be a finite number > 0, got \(interval)")
        }
        guard start.amountMilligrams.isFinite, start.amountMilligrams > 0 else {
            throw ModelError.invalidValue(path: "steady state amount", reason: "must be a finite number > 0 mg, got \(start.amountMilligrams)")
        }
        let since = start.hoursSinceLastDose
        guard since.isFinite, since > 0, since <= interval else {
            throw ModelError.invalidValue(path: "steady state hours since the last dose", reason: "must be in (0, \(interval)], got \(since)")
        }
        guard start.route != .ivInfusion else {
            throw ModelError.invalidValue(path: "steady state route", reason: "an infusion has no dosing interval; give a bolus or depot route")
        }
        let layout = model.layout
        let species = layout.speciesIDs.firstIndex(of: start.drug)
        let hasState = species.map { s in start.route == .ivBolus || layout.depots.contains { $0.species == s && $0.route == start.route } } ?? false
        guard hasState else {
            throw ModelError.invalidValue(path: "steady state", reason: "\(start.drug) by \(start.route.rawValue) is not among the "
                + "scenario's doses; the regimen's later doses must be (an event table's SS=1 row gives them)")
        }
        var lead = model.scenario
        lead.doses = [DoseRegimen(drug: start.drug, route: start.route,
                                  schedule: .single(atHours: 0, amountMilligrams: start.amountMilligrams))]
        lead.events = []
        lead.durationHours = interval
        lead.steadyStateStart = nil
        let events = try ModelEvent.make(scenario: lead, layout: layout, library: model.library)
        // A route's absorption lag moves the dose into its depot later in the interval: it must
        // stay inside the interval, and inside the part of it before t = 0.
        let latest = events.map(\.timeHours).max() ?? 0
        guard latest < since else {
            // Name the key that delays it: a spread bolus share or a zero-order release (whichever
            // ends later), a slow depot's own lag or the route's.
            let route = model.library.drug(start.drug)?.parameters(of: start.route)
            let slow = route?.slowDepot
            let bolusEnd = (slow?.lagHours?.value ?? route?.lagHours.value ?? 0) + (slow?.bolusDurationHours?.value ?? -.infinity)
            let late = slow?.bolusDurationHours != nil && bolusEnd >= latest
                ? "its slow share's bolus part enters its depot until \(latest) h after the dose is given (slow_lag_h + slow_bolus_duration_h)"
                : slow?.releaseDurationHours != nil
                ? "its slow share's zero-order release ends \(latest) h after the dose is given (slow_lag_h + slow_release_duration_h)"
                : route?.slowDepot?.lagHours.map { $0.value >= latest } == true
                ? "its slow share reaches its depot \(latest) h after the dose is given (slow_lag_h)"
                : "the dose reaches its depot \(latest) h after it is given (lag_h)"
            throw ModelError.invalidValue(path: "steady state", reason: late
                + ", not before the run starts \(since) h after the last dose; start the regimen's doses at t = 0")
        }
        // The scenario's own settings: the start is part of the compiled model, not of one run.
        let method = model.scenario.solver.method
        let options = ReceptorModel.solverOptions(for: model)
        let rtol = model.scenario.solver.relativeTolerance
        let atol = model.absoluteTolerances(absolute: model.scenario.solver.absoluteTolerance, relative: rtol)
        let schedule = TimeEventSchedule<ReceptorSystem>(times: events.map(\.timeHours)) { index, _, system, state in
            ModelEvent.apply(events[index].action, to: &system, state: state)
        }
        func advance(_ y: [Double], hours: Double) throws -> [Double] {
            let problem = ODEProblem(system: model.system, initialState: y, startTime: 0, endTime: hours)
            var recorder = TrajectoryRecorder(dimension: model.dimension)
            do {
                _ = try ODESolver.solve(problem, method: method, options: options, events: schedule,
                                        output: .times([hours]), into: &recorder)
            } catch let error as SolverError {
                throw ModelError.solverFailed(error)
            }
            return recorder.state(at: 0)
        }
        var y = model.initialState
        var previous = Double.infinity
        var change = Double.infinity
        var recentRatios = [Double]()  // the last three, oldest first
        var cycles = 0
        while cycles < maximumCycles, Double(cycles + 1) * interval <= maximumHours {
            let next = try advance(y, hours: interval)
            cycles += 1
            change = 0
            for i in 0..<y.count { change = max(change, abs(next[i] - y[i]) / (atol[i] + rtol * abs(next[i]))) }
            y = next
            recentRatios.append(change / previous)
            if recentRatios.count > 3 { recentRatios.removeFirst() }
            previous = change
            let slowest = recentRatios.max() ?? .infinity
            let noise = recentRatios.count == 3 && recentRatios.allSatisfy { $0 >= 1 }
            if change <= 1, noise || (slowest < 1 && change * slowest / (1 - slowest) <= 1) {
                return since < interval ? try advance(y, hours: since) : y
            }
        }
        throw ModelError.periodicSteadyStateNotFound(drug: start.drug, intervalHours: interval, cycles: cycles, change: change)
    }
}
