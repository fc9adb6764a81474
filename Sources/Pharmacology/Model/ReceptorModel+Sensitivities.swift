import Integrators

extension ReceptorModel {
    /// The step h in ln p of the compile differences behind the receptor model's dc/dp (the
    /// slopes of the compiled coefficients that ∂f/∂p chains through, `ParameterDirection`),
    /// its rule-constant part and ∂y0/∂p (`ParametricReceptorSystem`). Coefficients that are
    /// power laws in p are exact; the others carry an O(h²) ≈ 1e-8 relative error;
    /// the rules' smooth maxima σ (C¹, width w = 0.002) carry up to about h a²/(4w) ≈ 0.0125 a²
    /// when an input moving at a per unit ln p sits at a kink; the drug-free steady state,
    /// solved to a residual of 1e-12, adds about 1e-12/(2h) = 5e-9 to the initial
    /// sensitivities. 1e-3 was tried first: its kink error (0.125 a²) showed as 2e-4 relative
    /// in the test of ∂f/∂p at rest.
    public static let sensitivityStep = 1e-4

    /// Simulates `model` with the forward sensitivities of the given parameters (BDF, staggered
    /// direct method) and returns the observables `columns` at `outputTimes` with their
    /// derivatives with respect to ln p_k.
    ///
    /// - Parameters:
    ///   - perturbed: for each parameter p_k, the same scenario compiled at p_k e^{+step} and
    ///     p_k e^{−step} (`CompiledModel.withParameterValues`; same layout and events). They
    ///     give the coefficients' slopes behind ∂f/∂ln p_k (`ParametricReceptorSystem`), the
    ///     initial sensitivities (the drug-free steady state moves with receptor and physiology
    ///     parameters), the jump of a dose whose amount in nmol depends on p (molar mass) and
    ///     ∂observable/∂ln p_k.
    ///   - errorControl: whether the sensitivities take part in the error test (CVODES's
    ///     errconS). Off by default, as CVODES's `CVodeSetSensErrCon` default is: `fit` needs
    ///     the Jacobian of its residuals to a few digits only, and off the steps are the state's
    ///     alone (RESULTS.md: POLLU with 10 parameters 4.9x one solve against 6.6-6.9x on).
    ///   - options: solver options (nil: `solverOptions(for: model)`); the method is always BDF.
    /// - Throws: `ModelError.invalidValue` when the perturbed models' events differ in time or
    ///   kind (a `lag_h` parameter moves its doses: event times must not depend on p) or the
    ///   run starts at a periodic steady state (each perturbed pre-run stops within its own
    ///   tolerance, so their difference over 2 × step would be noise), `.unknownColumn`,
    ///   `.solverFailed`.
    public static func simulateWithSensitivities(
        _ model: CompiledModel, perturbed: [(plus: CompiledModel, minus: CompiledModel)], step: Double = sensitivityStep,
        columns: [String], outputTimes: [Double], errorControl: Bool = false, options: SolverOptions? = nil
    ) throws -> ObservableSensitivities {
        guard model.scenario.steadyStateStart == nil else {
            throw ModelError.invalidValue(path: "steady state", reason: "sensitivities of a run that starts at a periodic steady state "
                + "(SS=1) are not computed: give the regimen's doses instead")
        }
        let available = Observable.available(in: model)
        let observables = try columns.map { name in
            guard let o = available.first(where: { $0.name == name }) else { throw ModelError.unknownColumn(name) }
            return o.observable
        }
        let plusModels = perturbed.map(\.plus), minusModels = perturbed.map(\.minus)
        let events = model.events
        for other in plusModels + minusModels {
            guard other.events.count == events.count,
                  zip(other.events, events).allSatisfy({ $0.timeHours == $1.timeHours && sameKind($0.action, $1.action) }) else {
                throw ModelError.invalidValue(
                    path: "parameters", reason: "a parameter moves the scenario's events (a lag_h, slow_release_duration_h or slow_bolus_duration_h): sensitivities need fixed event times")
            }
        }
        let n = model.dimension, m = perturbed.count
        let system = ParametricReceptorSystem(
            base: model.system, plus: plusModels.map(\.system), minus: minusModels.map(\.system), step: step)
        var initial = [Double](repeating: 0, count: n * m)
        for k in 0..<m {
            for i in 0..<n {
                initial[k * n + i] = (plusModels[k].initialState[i] - minusModels[k].initialState[i]) / (2 * step)
            }
        }
        let schedule = TimeEventSchedule<ParametricReceptorSystem>(times: events.map(\.timeHours)) { index, _, system, state in
            ModelEvent.apply(events[index].action, to: &system.base, state: state)
            for k in 0..<system.parameterCount where !isDose(events[index].action) {
                system.updatePerturbed(k) { plus, minus in
                    applyToSystem(plusModels[k].events[index].action, &plus)
                    applyToSystem(minusModels[k].events[index].action, &minus)
                }
            }
        }
        let jumps: [[(state: Int, slope: Double)]] = events.indices.map { index in
            (0..<m).compactMap { k in
                guard case .addAmount(let i, let a) = plusModels[k].events[index].action,
                      case .addAmount(_, let b) = minusModels[k].events[index].action, a != b else { return nil }
                return (k * n + i, (a - b) / (2 * step))
            }
        }
        var sink = ObservableSensitivitySink(
            model: model, plus: plusModels, minus: minusModels, observables: observables, columns: columns, step: step)
        var solverOptions = options ?? self.solverOptions(for: model)
        solverOptions.fixedStepSize = nil
        let problem = ODEProblem(system: system, initialState: model.initialState, startTime: 0, endTime: model.scenario.durationHours)
        do {
            let solution = try ODESolver.solveWithSensitivities(
                problem, method: .bdf, options: solverOptions,
                sensitivities: SensitivityOptions(initialSensitivities: initial, errorControl: errorControl),
                events: schedule,
                eventSensitivities: { index, _, _, _, sensitivities in
                    for jump in jumps[index] { sensitivities[jump.state] += jump.slope }
                },
                output: .times(outputTimes), into: &sink)
            sink.result.statistics = solution.solution.statistics
            sink.result.sensitivityIterations = solution.sensitivityIterations
        } catch let error as SolverError {
            throw ModelError.solverFailed(error)
        }
        return sink.result
    }

    /// Whether two event actions are the same kind on the same target (amounts may differ).
    private static func sameKind(_ a: ModelEventAction, _ b: ModelEventAction) -> Bool {
        switch (a, b) {
        case (.addAmount(let i, _), .addAmount(let j, _)): i == j
        case (.changeInfusion(let s, _), .changeInfusion(let t, _)): s == t
        case (.changeDepotInput(let k, _), .changeDepotInput(let l, _)): k == l
        case (.changeStimulus(let k, _), .changeStimulus(let l, _)): k == l
        default: false
        }
    }

    private static func isDose(_ action: ModelEventAction) -> Bool {
        if case .addAmount = action { true } else { false }
    }

    /// An event's change to the system's inputs (infusion, patch release, stimulus) alone; the
    /// state jump is the base model's.
    private static func applyToSystem(_ action: ModelEventAction, _ system: inout ReceptorSystem) {
        switch action {
        case .addAmount: break
        case .changeInfusion, .changeDepotInput, .changeStimulus:
            var none = [Double]()
            none.withUnsafeMutableBufferPointer { ModelEvent.apply(action, to: &system, state: $0) }
        }
    }
}
