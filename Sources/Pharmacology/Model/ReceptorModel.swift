import Integrators

/// Receives one row of observables per output time during a simulation.
public protocol ObservableSink {
    /// `values` holds the requested columns in order; valid only during the call.
    mutating func receive(timeHours: Double, values: UnsafeBufferPointer<Double>) throws
}

/// Keeps every row in memory, for tests and short runs.
public struct ObservableRecorder: ObservableSink {
    public let columns: [String]
    public private(set) var times: [Double] = []
    /// Row-major: `rows[k * columns.count + j]`.
    public private(set) var rows: [Double] = []

    public init(columns: [String]) { self.columns = columns }

    public mutating func receive(timeHours: Double, values: UnsafeBufferPointer<Double>) {
        times.append(timeHours)
        rows.append(contentsOf: values)
    }

    /// The time series of column `name` (empty when not recorded).
    public func series(_ name: String) -> [Double] {
        guard let j = columns.firstIndex(of: name) else { return [] }
        let w = columns.count
        return (0..<times.count).map { rows[$0 * w + j] }
    }
}

/// The public entry points of the model: compile a scenario, list its parameters and columns,
/// simulate it into a streaming sink.
public enum ReceptorModel {
    /// Compiles `scenario` over `library` (overrides applied): state layout, coefficients,
    /// drug-free steady state and time events.
    /// - Throws: `ModelError.invalidScenario` with every problem `Scenario.problems` finds,
    ///   `.steadyStateNotFound`.
    public static func compile(_ scenario: Scenario, library: DrugLibrary) throws -> CompiledModel {
        // The one check of every setting (`ScenarioCheck`), whoever made the scenario; it joins
        // the scenario's drug definitions to the library itself.
        try scenario.validate(library: library)
        let library = library.including(scenario.drugs)
        let layout0 = try ModelLayout.make(scenario: scenario, library: library)
        let lib = try ParameterCatalog.apply(scenario.parameterOverrides, to: library, drugIDs: Set(layout0.speciesIDs))
        let layout = try ModelLayout.make(scenario: scenario, library: lib)
        return try CompiledModel(scenario: scenario, library: lib, layout: layout)
    }

    /// Valid `parameterOverrides` names for `scenario` (its drugs, metabolites, receptors,
    /// peptides and `model.*`), including the derived `<drug>.half_life_h`.
    /// - Throws: `ModelError.unknownDrug`, `.unsupportedRoute`.
    public static func parameterNames(for scenario: Scenario, library: DrugLibrary) throws -> [String] {
        let library = library.including(scenario.drugs)
        let layout = try ModelLayout.make(scenario: scenario, library: library)
        let ids = Set(layout.speciesIDs)
        return ParameterCatalog.entries(of: library, drugIDs: ids).map(\.name)
            + ParameterCatalog.derivedNames(of: library, drugIDs: ids)
    }

    /// Valid output column names for `scenario`, in canonical order.
    /// - Throws: `ModelError.unknownDrug`, `.unsupportedRoute`.
    public static func columnNames(for scenario: Scenario, library: DrugLibrary) throws -> [String] {
        Observable.all(for: try ModelLayout.make(scenario: scenario, library: library.including(scenario.drugs))).map(\.name)
    }

    /// Columns written only on request, for `scenario`: `<drug>_plasma_ng_per_mL` of each drug
    /// and metabolite (nM x molar mass / 1000).
    /// - Throws: `ModelError.unknownDrug`, `.unsupportedRoute`.
    public static func optionalColumnNames(for scenario: Scenario, library: DrugLibrary) throws -> [String] {
        let library = library.including(scenario.drugs)
        let layout = try ModelLayout.make(scenario: scenario, library: library)
        return layout.speciesIDs.map { $0 + "_plasma_ng_per_mL" }
    }

    /// Solver options for a scenario: its tolerances; a 0.01 h fixed step for RK4 (see
    /// `solverOptions(for: CompiledModel)` for a step chosen for stability).
    public static func solverOptions(for scenario: Scenario) -> SolverOptions {
        solverOptions(scenario.solver)
    }

    /// Solver options for `solver`'s scalar tolerances, a 0.01 h fixed step for RK4.
    static func solverOptions(_ solver: SolverSpecification) -> SolverOptions {
        SolverOptions(
            relativeTolerance: .scalar(solver.relativeTolerance),
            absoluteTolerance: .scalar(solver.absoluteTolerance),
            fixedStepSize: 0.01, maximumSteps: 10_000_000)
    }

    /// Solver options for a compiled model: the scenario's relative tolerance, and its absolute
    /// tolerance applied in each state's natural scale (`CompiledModel.absoluteTolerances`:
    /// scaled by the largest dose in nmol for depots and compartments, that dose over V1 for
    /// effect sites, 1 for receptor fractions and feedback states (3 for the LC extrinsic
    /// drive), the baseline for peptides; depots no tighter than rtol × dose). Without the scaling an absolute tolerance of 1e-9
    /// nmol on compartments holding 1e5 nmol forces needless steps.
    ///
    /// - Parameter solver: the tolerances to scale (nil: the scenario's own); the compiled model
    ///   supplies only the scales, so other tolerances need no new compile.
    public static func solverOptions(for model: CompiledModel, solver: SolverSpecification? = nil) -> SolverOptions {
        let solver = solver ?? model.scenario.solver
        var options = solverOptions(solver)
        options.absoluteTolerance = .perComponent(model.absoluteTolerances(
            absolute: solver.absoluteTolerance, relative: solver.relativeTolerance))
        options.fixedStepSize = model.stableFixedStep
        return options
    }

    /// Simulates `model` from its drug-free steady state over the scenario's duration, calling
    /// `sink` once per output time with the requested columns. Nothing proportional to the run
    /// length is kept.
    ///
    /// - Parameters:
    ///   - columns: CSV column names (nil: the scenario's `output.columns`, or all).
    ///   - intervalHours: output spacing (nil: the scenario's `output.intervalHours`).
    ///   - solver: the method and tolerances of this run (nil: the scenario's own,
    ///     `model.scenario.solver`). The compiled model does not depend on them: one model
    ///     solves with any method and tolerances without a new compile (sweeps and populations
    ///     with `--method` and `--rtol`).
    ///   - options: solver options (nil: `solverOptions(for: model, solver: solver)`); the
    ///     method is still `solver`'s.
    ///   - outputTimes: explicit output times, ascending, within the run (nil: the uniform grid
    ///     of `intervalHours`); `validate` uses them to hit every observation time exactly.
    /// - Throws: `ModelError.unknownColumn`, `.invalidValue`, `.invalidScenario` for tolerances
    ///   outside `SolverSpecification`'s ranges (`solver.rtol`, `solver.atol`), `.solverFailed`,
    ///   or whatever `sink` throws.
    @discardableResult
    public static func simulate<Sink: ObservableSink>(
        _ model: CompiledModel, solver: SolverSpecification? = nil, columns: [String]? = nil, intervalHours: Double? = nil,
        options: SolverOptions? = nil, outputTimes: [Double]? = nil, into sink: inout Sink
    ) throws -> SolverStatistics {
        try simulate(model, solver: solver, columns: columns, intervalHours: intervalHours, options: options, outputTimes: outputTimes,
                     extremaOf: [], into: &sink).statistics
    }

    /// `simulate`, also finding the peak and trough (with their first times) of the
    /// `extremaOf` columns on the solution itself, between output rows too (`ExtremaTracker`):
    /// the values do not depend on the output interval. With no such columns the solve runs
    /// exactly as without them.
    ///
    /// - Parameters:
    ///   - outputTimes: the row times (ascending, within the run) instead of the uniform grid.
    ///   - extremaOf: CSV column names (any of the model's, written or not).
    ///   - window: only the solution within this time window (hours) counts for the extremes.
    /// - Returns: the solver statistics and one `ObservableExtremes` per `extremaOf` column.
    /// - Throws: as `simulate`; `ModelError.unknownColumn` for an unknown `extremaOf` name.
    public static func simulate<Sink: ObservableSink>(
        _ model: CompiledModel, solver: SolverSpecification? = nil, columns: [String]? = nil, intervalHours: Double? = nil,
        options: SolverOptions? = nil, outputTimes: [Double]? = nil, extremaOf extremaColumns: [String],
        window: ClosedRange<Double>? = nil, into sink: inout Sink
    ) throws -> (statistics: SolverStatistics, extremes: [ObservableExtremes]) {
        try simulate(model, solver: solver, columns: columns, intervalHours: intervalHours, options: options, outputTimes: outputTimes,
                     extremaOf: extremaColumns.map { (column: $0, window: window) }, into: &sink)
    }

    /// `simulate`, finding the peak and trough of each (column, window) pair in one solve: one
    /// `ExtremaTracker` per distinct window (`validate` and `fit` compare window extremes of
    /// several observation windows of one run).
    ///
    /// - Parameters:
    ///   - extremaOf: CSV column names, each with the time window (hours; nil: the whole run)
    ///     its extremes are taken over; a column may appear with several windows.
    /// - Returns: the solver statistics and one `ObservableExtremes` per pair, in their order.
    /// - Throws: as `simulate`; `ModelError.unknownColumn` for an unknown column name.
    public static func simulate<Sink: ObservableSink>(
        _ model: CompiledModel, solver: SolverSpecification? = nil, columns: [String]? = nil, intervalHours: Double? = nil,
        options: SolverOptions? = nil, outputTimes: [Double]? = nil,
        extremaOf requests: [(column: String, window: ClosedRange<Double>?)], into sink: inout Sink
    ) throws -> (statistics: SolverStatistics, extremes: [ObservableExtremes]) {
        let scenario = model.scenario
        // The scenario's own settings passed `compile`'s check; settings given here meet the same one.
        if let solver {
            let problems = ScenarioCheck.tolerances(solver)
            guard problems.isEmpty else { throw ModelError.invalidScenario(problems) }
        }
        let solver = solver ?? scenario.solver
        let available = Observable.available(in: model)
        func lookUp(_ names: [String]) throws -> [Observable] {
            try names.map { name in
                guard let o = available.first(where: { $0.name == name }) else { throw ModelError.unknownColumn(name) }
                return o.observable
            }
        }
        let names = columns ?? scenario.output.columns ?? Observable.all(for: model.layout).map(\.name)
        let observables = try lookUp(names)
        // One tracker per distinct window, with its columns; `placement` maps each request to
        // (tracker, column index) so the results come back in request order.
        var windows: [ClosedRange<Double>?] = []
        var windowColumns: [[String]] = []
        var placement: [(tracker: Int, column: Int)] = []
        for request in requests {
            let w = windows.firstIndex(where: { $0 == request.window }) ?? {
                windows.append(request.window)
                windowColumns.append([])
                return windows.count - 1
            }()
            let c = windowColumns[w].firstIndex(of: request.column) ?? {
                windowColumns[w].append(request.column)
                return windowColumns[w].count - 1
            }()
            placement.append((w, c))
        }
        var trackers: [ExtremaTracker] = []
        for (w, window) in windows.enumerated() {
            trackers.append(ExtremaTracker(model: model, observables: try lookUp(windowColumns[w]), columns: windowColumns[w],
                                           window: window))
        }
        let interval = intervalHours ?? scenario.output.intervalHours
        guard interval.isFinite, interval > 0 else {
            throw ModelError.invalidValue(path: "output.intervalHours", reason: "must be a finite number > 0, got \(interval)")
        }
        let events = model.events
        let schedule = TimeEventSchedule<ReceptorSystem>(times: events.map(\.timeHours)) { index, _, system, state in
            ModelEvent.apply(events[index].action, to: &system, state: state)
        }
        let problem = ODEProblem(system: model.system, initialState: model.initialState,
                                 startTime: 0, endTime: scenario.durationHours)
        var destination = sink
        defer { sink = destination }
        let options = options ?? solverOptions(for: model, solver: solver)
        var adapter = ObservingSink(model: model, observables: observables, names: names,
                                    absoluteTolerance: options.absoluteTolerance, extrema: trackers) { time, values in
            try destination.receive(timeHours: time, values: values)
        }
        do {
            let solution = try ODESolver.solve(
                problem, method: solver.method, options: options, events: schedule,
                output: outputTimes.map { .times($0) } ?? .uniform(start: 0, interval: interval, end: scenario.durationHours),
                into: &adapter)
            return (solution.statistics, placement.map { trackers[$0.tracker].extremes[$0.column] })
        } catch let error as SolverError {
            throw ModelError.solverFailed(error)
        }
    }
}

/// Turns solver output (states) into observable rows, handed to `emit` once per output time.
///
/// Not generic over the destination: with a generic sink the solve could not specialize on
/// `ReceptorSystem` either and ran as generic code, calling the right-hand side, the Jacobian
/// and the tableau through witness tables (measured: 2 % of the 28-day morphine run's
/// instructions). A closure call per output row costs nothing in comparison.
struct ObservingSink: SolutionSink {
    let model: CompiledModel
    let observables: [Observable]
    let emit: (Double, UnsafeBufferPointer<Double>) throws -> Void
    var row: [Double]
    /// Per-row quantities several columns share (receptor signals, surface, hedonic tone).
    let shared: ObservableRowQuantities
    /// Peaks and troughs found on the solution between rows too, when asked for (one tracker
    /// per window).
    let extrema: [ExtremaTracker]
    /// Round-off negatives of non-negative columns to 0; real negative excursions stop the run.
    let nonNegative: NonNegativeOutput

    init(model: CompiledModel, observables: [Observable], names: [String], absoluteTolerance: Tolerance,
         extrema: [ExtremaTracker] = [],
         emit: @escaping (Double, UnsafeBufferPointer<Double>) throws -> Void) {
        self.model = model
        self.observables = observables
        self.extrema = extrema
        self.emit = emit
        row = Array(repeating: 0, count: observables.count)
        shared = ObservableRowQuantities(model: model, observables: observables)
        nonNegative = NonNegativeOutput(model: model, observables: observables, names: names, absoluteTolerance: absoluteTolerance)
    }

    mutating func record(time: Double, state: UnsafeBufferPointer<Double>) throws {
        model.values(of: observables, time: time, state, shared: shared, into: &row)
        try nonNegative.clamp(&row, time: time, surface: shared.surface)
        try row.withUnsafeBufferPointer { try emit(time, $0) }
    }

    var observesSteps: Bool { !extrema.isEmpty }

    func observeStep<Step: StepDenseOutput>(_ step: Step) {
        for tracker in extrema { tracker.observe(step, model: model) }
    }
}
