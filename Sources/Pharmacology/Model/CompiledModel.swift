import Foundation
import Integrators

/// A scenario compiled into a flat system, its drug-free initial state and its time events.
///
/// Compile once, solve many: `withParameterValues(_:)` swaps the parameter vector (for sweeps
/// and virtual populations) and reuses the state layout, event structure and column set.
public struct CompiledModel: Sendable {
    public let scenario: Scenario
    /// The library after the scenario's overrides.
    public let library: DrugLibrary
    package let layout: ModelLayout
    /// The system at t = 0 (infusion rates and stimuli zero until their events).
    public let system: ReceptorSystem
    /// The drug-free steady state of the subject's phenotype, or with a steady-state start
    /// (`Scenario.steadyStateStart`) the regimen's periodic steady state (`PeriodicSteadyState`).
    public private(set) var initialState: [Double]
    package let events: [ModelEvent]
    package let reference: ObservableReference
    let physiology: Physiology

    /// Per-state absolute tolerances for a scenario's `atol` and `rtol`: atol in each state's
    /// natural scale (`stateScales`), and for depots at least rtol times theirs
    /// (`relativeToleranceFloorScales`, the largest dose).
    ///
    /// Why depots differ: a depot only empties into the body, so an error δ there reaches the
    /// body as at most F·δ, while the body's compartments are held to rtol of their content, of
    /// the order of F × dose at the peak. Held to rtol of what is left instead, the depot's own
    /// exponential tail set the step size for most of every dose interval (morphine q6h:
    /// 3432 → 2659 steps, kratom-stop 2715 → 1596), with the error of every column against an
    /// rtol 1e-11 reference still of the order of rtol (measured on seven 28-day scenarios).
    public func absoluteTolerances(absolute atol: Double, relative rtol: Double) -> [Double] {
        let scales = stateScales
        return zip(scales, relativeToleranceFloorScales(scales)).map { scale, floor in max(atol * scale, rtol * floor) }
    }

    /// The scale whose product with rtol floors each state's absolute tolerance
    /// (`absoluteTolerances`): a depot's largest dose (nmol), 0 for every other state.
    public var relativeToleranceFloorScales: [Double] { relativeToleranceFloorScales(stateScales) }

    private func relativeToleranceFloorScales(_ scales: [Double]) -> [Double] {
        var floors = Array(repeating: 0.0, count: layout.dimension)
        for depot in layout.depots { floors[depot.state] = scales[depot.state] }
        return floors
    }

    /// The absolute-tolerance scale of the LC extrinsic drive G (units of E_LC; a numerical
    /// choice, unsourced: measured in Benchmarks/RESULTS.md, "LC extrinsic drive's tolerance").
    static let lcExtrinsicDriveScale = 3.0

    /// The natural magnitude of each state component, for scaling absolute tolerances: the
    /// largest single dose (nmol) of the species or its parent for depots and compartments, that
    /// amount over V1 (nM) for effect sites, the baseline for peptides, 3 for the LC extrinsic
    /// drive (`lcExtrinsicDriveScale`), 1 otherwise.
    public var stateScales: [Double] {
        var scales = Array(repeating: 1.0, count: layout.dimension)
        var largestDose = Array(repeating: 0.0, count: layout.speciesIDs.count)
        for event in events {
            switch event.action {
            case .addAmount(let state, let amount):
                if let s = layout.speciesCentral.firstIndex(of: state) ?? layout.depots.first(where: { $0.state == state })?.species {
                    largestDose[s] = max(largestDose[s], amount)
                }
            case .changeInfusion(let s, let delta):
                largestDose[s] = max(largestDose[s], abs(delta))
            case .changeDepotInput(let k, let delta):
                // A rate into a depot (a patch, a zero-order release, a spread bolus share): about
                // a day's delivery is the scale of what the depot holds.
                largestDose[layout.depots[k].species] = max(largestDose[layout.depots[k].species], 24 * abs(delta))
            case .changeStimulus:
                break
            }
        }
        // Metabolites inherit their parent's scale.
        for (s, id) in layout.speciesIDs.enumerated() {
            for m in library.drug(id)?.metabolites ?? [] {
                if let t = layout.speciesIDs.firstIndex(of: m.metabolite) { largestDose[t] = max(largestDose[t], largestDose[s]) }
            }
        }
        for s in 0..<layout.speciesIDs.count {
            let amount = max(largestDose[s], 1)
            scales[layout.speciesCentral[s]] = amount
            if layout.speciesPeripheral[s] >= 0 { scales[layout.speciesPeripheral[s]] = amount }
            if layout.speciesDeepPeripheral[s] >= 0 { scales[layout.speciesDeepPeripheral[s]] = amount }
            scales[layout.speciesEffect[s]] = max(amount * system.speciesInverseV1[s], 1e-3)
        }
        for depot in layout.depots { scales[depot.state] = max(largestDose[depot.species], 1) }
        for (q, state) in layout.peptideStates.enumerated() { scales[state] = system.peptideProduction[q] }
        // G feeds only withdrawal_signs, and its target's C² ramp kinks twice per dose interval
        // of a dependent subject: held to 1e-9 it caused 100 of the 104 rejections (2778 + 104
        // attempts) of 28 days of morphine; 3 is the widest scale keeping its columns within
        // rtol-sized error (RESULTS.md).
        scales[layout.lcExtrinsic] = Self.lcExtrinsicDriveScale
        return scales
    }

    /// A fixed step (h) for classical RK4: 2.5 over the largest Jacobian diagonal at a "loaded"
    /// state (every dose of the scenario given at once, effect sites at their plasma level),
    /// clamped to [1e-4, 0.01] h so a run costs at most 10⁴ steps per hour (a stiffer scenario
    /// fails with a non-finite state instead of running for hours). Stability only: RK4 is for
    /// teaching and reference; the stiff default method does not use it.
    public var stableFixedStep: Double {
        var y = initialState
        for event in events {
            if case .addAmount(let state, let amount) = event.action { y[state] += amount }
        }
        for s in 0..<layout.speciesIDs.count {
            let central = layout.speciesCentral[s]
            let depots = layout.depots.filter { $0.species == s }.reduce(0) { $0 + y[$1.state] }
            y[layout.speciesEffect[s]] = (y[central] + depots) * system.speciesInverseV1[s]
        }
        var j = Array(repeating: 0.0, count: dimension * dimension)
        y.withUnsafeBufferPointer { yb in j.withUnsafeMutableBufferPointer { system.jacobian(time: 0, state: yb, into: $0) } }
        var largest = 0.0
        for i in 0..<dimension { largest = max(largest, abs(j[i * dimension + i])) }
        return largest > 0 ? min(0.01, max(1e-4, 2.5 / largest)) : 0.01
    }

    /// Names of the state components, in order (for debugging and docs).
    public var stateNames: [String] { layout.stateNames }
    /// Number of state components.
    public var dimension: Int { layout.dimension }

    init(scenario: Scenario, library: DrugLibrary, layout: ModelLayout) throws {
        self.scenario = scenario
        self.library = library
        self.layout = layout
        physiology = library.physiology
        events = try ModelEvent.make(scenario: scenario, layout: layout, library: library)
        // Healthy set points (Model2Design.md §1): the control steady state with every
        // rule-driven state pinned at 0 (rules disabled). With them at 0 and the peptides at
        // their targets the receptor equations are linear in the receptor amounts (U = 0), so
        // scaling synthesis by 1/total makes the healthy total exactly 1 per receptor type in
        // one pass (model 2's "short fixed-point iteration" of k_syn needs a single step here).
        // The set points read at that state make U = A = G = K_p = X = 0 consistent, so it is
        // also the steady state of the full control system.
        var control = ReceptorSystem(layout: layout, library: library, subject: Subject(
            phenotype: .control, weightKilograms: scenario.subject.weightKilograms))
        control.rules.enabled = false
        var controlState = try SteadyState.solve(control, from: control.initialGuess())
        Self.zeroDrugStates(layout: layout, &controlState)
        // X_e and X_d are zero at the control steady state (their targets vanish there); Newton
        // leaves them at round-off.
        for i in [layout.endorphinSuppressionState, layout.dynorphinInductionState] where abs(controlState[i]) < 1e-12 {
            controlState[i] = 0
        }
        var synthesis = control.receptorSynthesis
        for r in 0..<layout.receptorKinds.count {
            let total = Self.totalReceptor(layout: layout, r: r, controlState)
            synthesis[r] /= total
            var states = [layout.receptorFree[r], layout.receptorDesensitized[r], layout.receptorInternal[r],
                          layout.receptorAgonistInternal[r]]
            states += layout.pairs.filter { $0.receptor == r }.map(\.state)
            for i in states { controlState[i] /= total }
        }
        control.receptorSynthesis = synthesis
        var rules = control.rules
        controlState.withUnsafeBufferPointer { y in
            let inputs = control.ruleInputs(y)
            let circuits = rules.circuits(inputs)
            rules.rewardSetPoint = circuits.reward
            rules.lcSetPoint = circuits.lc
            rules.rewardACSetPoint = circuits.rewardAC
            rules.lcACSetPoint = circuits.lcAC
            rules.dopamineSetPoint = circuits.dopamine
            rules.muActivationSetPoint = inputs.muActivation
            rules.deltaActivationSetPoint = inputs.deltaActivation
            rules.kappaActivationSetPoint = inputs.kappaActivation
        }
        rules.enabled = true
        let respirationResponse = controlState.withUnsafeBufferPointer { y in rules.respiration(control.ruleInputs(y)) }
        control.rules = rules
        let controlProbe = controlState.withUnsafeBufferPointer { y in
            Self.probeResponse(system: control, physiology: library.physiology, y)
        }
        var system = ReceptorSystem(layout: layout, library: library, subject: scenario.subject)
        system.receptorSynthesis = synthesis
        if scenario.subject.phenotype == .opioidDeficit {
            for (r, kind) in layout.receptorKinds.enumerated() where kind != .nmda {
                system.receptorSynthesis[r] *= library.physiology.deficitReceptorSynthesisFactor.value
            }
        }
        system.rules = rules
        var state = controlState
        if SteadyState.norm(SteadyState.residual(system, state)) > SteadyState.tolerance {
            state = try SteadyState.solve(system, from: controlState)
            Self.zeroDrugStates(layout: layout, &state)
        }
        self.system = system
        initialState = state
        let controlTotal = (0..<layout.receptorKinds.count).map { r in
            Self.totalReceptor(layout: layout, r: r, controlState)
        }
        let baselineSurface = (0..<layout.receptorKinds.count).map { r in
            var total = state[layout.receptorFree[r]] + state[layout.receptorDesensitized[r]]
            for pair in layout.pairs where pair.receptor == r { total += state[pair.state] }
            return total
        }
        reference = ObservableReference(
            controlTotal: controlTotal, probeResponse: controlProbe, respirationResponse: respirationResponse,
            baselineSurface: baselineSurface)
        // The references above stay the drug-free subject's: a steady-state start changes where
        // the run begins, not what its observables are measured against.
        if let start = scenario.steadyStateStart {
            initialState = try PeriodicSteadyState.state(of: self, start: start)
        }
    }

    /// Sets the drug states of a drug-free steady state to exactly zero: amounts, depots, effect
    /// sites and drug-bound receptors solve linear homogeneous equations there, whose solution is
    /// 0, but Newton leaves them at round-off (1e-16 to 1e-21). Exact zeros keep the exported
    /// initial values exact (SBML tools scale absolute tolerances by nonzero initial values).
    static func zeroDrugStates(layout: ModelLayout, _ y: inout [Double]) {
        var drug = layout.speciesCentral + layout.speciesPeripheral + layout.speciesDeepPeripheral + layout.speciesEffect
        drug += layout.depots.map(\.state)
        drug += layout.pairs.filter { $0.ligand >= layout.peptideIDs.count }.map(\.state)
        for i in drug where i >= 0 { y[i] = 0 }
    }

    static func totalReceptor(layout: ModelLayout, r: Int, _ y: [Double]) -> Double {
        var total = y[layout.receptorFree[r]] + y[layout.receptorDesensitized[r]] + y[layout.receptorInternal[r]]
            + y[layout.receptorAgonistInternal[r]]
        for pair in layout.pairs where pair.receptor == r { total += y[pair.state] }
        return total
    }
    /// The dotted names of the parameter vector, in order (`parameterValues` matches).
    public var parameterNames: [String] { Self.parameterEntries(library: library, layout: layout).map(\.name) }

    /// The current value of every parameter, in `parameterNames` order.
    public var parameterValues: [Double] {
        Self.parameterEntries(library: library, layout: layout).map { $0.value(in: library).value }
    }

    static func parameterEntries(library: DrugLibrary, layout: ModelLayout) -> [ParameterEntry] {
        ParameterCatalog.entries(of: library, drugIDs: Set(layout.speciesIDs))
    }

    /// The same scenario with a new parameter vector (in `parameterNames` order), reusing the layout.
    /// - Throws: `ModelError.invalidValue` for a wrong length or bad value, `.steadyStateNotFound`.
    public func withParameterValues(_ values: [Double]) throws -> CompiledModel {
        try withParameterValues(each: [values])[0]
    }

    /// `withParameterValues(_:)` for several vectors: the catalogue's entries and the current
    /// values are read once, and only the values that differ are written (a gradient's
    /// vectors differ from the model in one value each).
    ///
    /// Why: building the entries (key paths) and writing every value through its key path cost
    /// about five times the compile itself: 85 % of the 20 perturbed compiles of a
    /// 10-parameter gradient (callgrind, issue 14). An unchanged value keeps its source.
    /// - Throws: as `withParameterValues(_:)`.
    public func withParameterValues(each vectors: [[Double]]) throws -> [CompiledModel] {
        let writer = parameterWriter
        return try vectors.map { try writer.model(values: $0) }
    }
}
