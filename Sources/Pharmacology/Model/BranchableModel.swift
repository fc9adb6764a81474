import Integrators

/// The state of a run at one time and the system in force then (infusion rates and stimulus
/// intensities set by earlier events): everything a copy needs to continue from that time.
public struct BranchPoint: Sendable {
    /// Time of the branch (h from the start of the run).
    public let timeHours: Double
    /// The state after every event at or before `timeHours`.
    package let state: [Double]
    /// The system after every event at or before `timeHours`.
    package let system: ReceptorSystem
}

/// A scenario compiled so that its run can be branched: simulated to chosen times, and continued
/// from each in copies that receive extra doses (a challenge's probe) the scenario itself does
/// not give.
///
/// Compiled once from the scenario with the extra doses appended, so the probe drug and route
/// have their states and the absolute tolerances are scaled to the largest probe; the run to the
/// branch points and every continuation use the scenario's own events only, plus the doses a
/// continuation adds.
public struct BranchableModel: Sendable {
    /// The compiled model (its scenario holds the extra doses, which no run gives by itself).
    public let model: CompiledModel
    /// The events of the scenario's own doses and stimuli, sorted by time.
    package let baseEvents: [ModelEvent]

    /// Compiles `scenario` with room for `extraDoses` (their drugs and routes get states; any
    /// schedule with the largest amount the continuations will give).
    /// - Throws: `ModelError` as `ReceptorModel.compile`.
    public init(scenario: Scenario, extraDoses: [DoseRegimen], library: DrugLibrary) throws {
        var extended = scenario
        extended.doses += extraDoses
        model = try ReceptorModel.compile(extended, library: library)
        var own = model.scenario
        own.doses = scenario.doses
        baseEvents = try ModelEvent.make(scenario: own, layout: model.layout, library: model.library)
    }

    /// Simulates the scenario to each of `times` and returns the state and system there, after
    /// the events at that time (a dose due at a branch time is in the branch point).
    ///
    /// - Parameter times: branch times (h, ≥ 0), any order; the points come back in that order.
    /// - Complexity: one run from 0 to the latest time.
    /// - Throws: `ModelError.invalidValue` for a negative or non-finite time,
    ///   `.solverFailed`.
    public func branchPoints(at times: [Double], options: SolverOptions? = nil) throws -> [BranchPoint] {
        for t in times where !(t.isFinite && t >= 0) {
            throw ModelError.invalidValue(path: "branch time", reason: "must be a finite number >= 0, got \(t)")
        }
        let sorted = Array(Set(times)).sorted()
        guard let last = sorted.last else { return [] }
        let method = method()
        let events = baseEvents
        let schedule = TimeEventSchedule<ReceptorSystem>(times: events.map(\.timeHours)) { index, _, system, state in
            ModelEvent.apply(events[index].action, to: &system, state: state)
        }
        // Past the last branch time, so events at that time are applied (events at the end
        // time are not) and its output row reports the state after them.
        let problem = ODEProblem(system: model.system, initialState: model.initialState, startTime: 0, endTime: last + 1)
        var recorder = TrajectoryRecorder(dimension: model.dimension)
        do {
            _ = try ODESolver.solve(problem, method: method, options: options ?? ReceptorModel.solverOptions(for: model),
                                    events: schedule, output: .times(sorted), into: &recorder)
        } catch let error as SolverError {
            throw ModelError.solverFailed(error)
        }
        let points = sorted.enumerated().map { k, t in
            var system = model.system
            var scratch = [0.0]
            for event in events where event.timeHours <= t {
                if case .addAmount = event.action { continue }
                scratch.withUnsafeMutableBufferPointer { ModelEvent.apply(event.action, to: &system, state: $0) }
            }
            return BranchPoint(timeHours: t, state: recorder.state(at: k), system: system)
        }
        return times.map { t in points[sorted.firstIndex(of: t)!] }
    }

    /// Continues a copy of `point` for `durationHours` with the scenario's later events and
    /// `doses` added, calling `sink` at `outputTimes` with `columns`.
    ///
    /// - Parameters:
    ///   - doses: extra doses, in run time (a probe at the branch time: `.single(atHours:
    ///     point.timeHours, ...)`); their drugs and routes must be among the extra doses the
    ///     model was compiled with or the scenario's own. Doses before the branch are ignored.
    ///   - outputTimes: ascending, within `point.timeHours...point.timeHours + durationHours`.
    /// - Throws: `ModelError.unknownColumn`, `.unknownDrug`, `.unsupportedRoute` (a dose the
    ///   layout has no state for), `.invalidValue`, `.solverFailed`, or
    ///   whatever `sink` throws.
    @discardableResult
    public func simulate<Sink: ObservableSink>(
        from point: BranchPoint, durationHours: Double, adding doses: [DoseRegimen] = [], columns: [String],
        outputTimes: [Double], options: SolverOptions? = nil, into sink: inout Sink
    ) throws -> SolverStatistics {
        guard durationHours.isFinite, durationHours > 0 else {
            throw ModelError.invalidValue(path: "branch duration", reason: "must be a finite number > 0, got \(durationHours)")
        }
        let all = Observable.available(in: model)
        var observables: [Observable] = []
        for name in columns {
            guard let o = all.first(where: { $0.name == name }) else { throw ModelError.unknownColumn(name) }
            observables.append(o.observable)
        }
        for dose in doses {
            guard model.layout.speciesIDs.contains(dose.drug), let drug = model.library.drug(dose.drug) else {
                throw ModelError.unknownDrug(dose.drug)
            }
            let hasState = dose.route == .ivBolus || dose.route == .ivInfusion
                || model.layout.depots.contains { model.layout.speciesIDs[$0.species] == dose.drug && $0.route == dose.route }
            guard drug.supportedRoutes.contains(dose.route), hasState else {
                throw ModelError.unsupportedRoute(drug: dose.drug, route: dose.route, supported: drug.supportedRoutes)
            }
        }
        var extra = model.scenario
        extra.doses = doses
        extra.events = []
        let added = try ModelEvent.make(scenario: extra, layout: model.layout, library: model.library)
        let start = point.timeHours
        let later = baseEvents.filter { $0.timeHours > start } + added.filter { $0.timeHours >= start }
        let events = later.enumerated().sorted { a, b in
            a.element.timeHours != b.element.timeHours ? a.element.timeHours < b.element.timeHours : a.offset < b.offset
        }.map(\.element)
        let schedule = TimeEventSchedule<ReceptorSystem>(times: events.map(\.timeHours)) { index, _, system, state in
            ModelEvent.apply(events[index].action, to: &system, state: state)
        }
        let problem = ODEProblem(system: point.system, initialState: point.state, startTime: start,
                                 endTime: start + durationHours)
        var destination = sink
        defer { sink = destination }
        let options = options ?? ReceptorModel.solverOptions(for: model)
        var adapter = ObservingSink(model: model, observables: observables, names: columns,
                                    absoluteTolerance: options.absoluteTolerance) { time, values in
            try destination.receive(timeHours: time, values: values)
        }
        do {
            let solution = try ODESolver.solve(
                problem, method: method(), options: options,
                events: schedule, output: .times(outputTimes), into: &adapter)
            return solution.statistics
        } catch let error as SolverError {
            throw ModelError.solverFailed(error)
        }
    }

    private func method() -> IntegrationMethod { model.scenario.solver.method }
}
