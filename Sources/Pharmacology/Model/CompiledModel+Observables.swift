import Foundation

extension CompiledModel {
    /// Mu response to the tolerance probe (Model2Design.md §7): the reference agonist at a fixed
    /// free concentration c = K on the **currently free** mu receptors (receptors held by any
    /// ligand are unavailable), through the reward circuit's coupling and the uncoupling:
    /// R = S/(1 + S), S = κ_RW (1 − U_mu) ε_probe F_mu θ, θ = c/(c + K). No adaptation term:
    /// tolerance is receptor-level.
    /// Always inlined: called per output row with the model's own system and physiology, it
    /// copied both structs into its arguments (memcpy, 1.4 M of the 28-day run).
    @inline(__always)
    static func probeResponse(system: ReceptorSystem, physiology: Physiology, _ y: UnsafeBufferPointer<Double>) -> Double {
        let r = system.muReceptor
        let c = physiology.probeConcentrationNanomolar.value
        let theta = c / (c + physiology.probeKiNanomolar.value)
        let s = system.rules.rewardCoupling * (1 - y[system.receptorUncoupled[r]]) * physiology.probeEfficacy.value
            * y[system.receptorFree[r]] * theta
        return s / (1 + s)
    }

    /// The value of `observable` at (time, y), for a single value (tests, checks). A row of
    /// columns goes through `ObservableRowQuantities` and `value(of:time:_:shared:)` instead.
    func value(of observable: Observable, time: Double, _ y: UnsafeBufferPointer<Double>) -> Double {
        let shared = ObservableRowQuantities(model: self, observables: [observable])
        shared.update(model: self, time: time, y)
        return value(of: observable, time: time, y, shared: shared)
    }

    /// Writes the values of `observables` at (time, y) into `row` (same count), updating
    /// `shared` first. Non-generic, so the generic sink that calls it per output row does not
    /// check the row's uniqueness per column (the model is still copied once per row).
    func values(of observables: [Observable], time: Double, _ y: UnsafeBufferPointer<Double>,
                shared: ObservableRowQuantities, into row: inout [Double]) {
        shared.update(model: self, time: time, y)
        row.withUnsafeMutableBufferPointer { out in
            for j in 0..<observables.count { out[j] = value(of: observables[j], time: time, y, shared: shared) }
        }
    }

    /// The value of `observable` at (time, y), reading receptor signals, surface amounts, the
    /// hedonic tone and the probe response from `shared` (filled by `update` at the same y).
    /// Always inlined: called per column per row, as a call it took the model by address
    /// (1.3 % of the 28-day run with `update`; Benchmarks/RESULTS.md).
    @inline(__always)
    func value(of observable: Observable, time: Double, _ y: UnsafeBufferPointer<Double>,
               shared: ObservableRowQuantities) -> Double {
        switch observable {
        case .time:
            return time
        case .plasma(let s):
            return y[system.speciesCentral[s]] * system.speciesInverseV1[s]
        case .plasmaMass(let s, let gramsPerMole):
            return y[system.speciesCentral[s]] * system.speciesInverseV1[s] * gramsPerMole / 1000
        case .brain(let s):
            let l = layout.peptideIDs.count + s
            return system.ligandScale[l] * y[system.ligandState[l]]
        case .peptide(let q):
            return y[system.peptideState[q]]
        case .occupancy(let r, let p):
            return y[layout.pairs[p].state] / shared.surface[r]
        case .occupancyTotal(let r):
            var bound = 0.0
            for p in system.receptorPairStart[r]..<system.receptorPairEnd[r] { bound += y[system.pairState[p]] }
            return bound / shared.surface[r]
        case .petOccupancy(let r):
            // Available sites = surface − sites held by drugs and metabolites (ligands after
            // the peptides); 1 − available / drug-free baseline surface.
            var drugBound = 0.0
            let peptides = layout.peptideIDs.count
            for p in system.receptorPairStart[r]..<system.receptorPairEnd[r] where system.pairLigand[p] >= peptides {
                drugBound += y[system.pairState[p]]
            }
            return 1 - (shared.surface[r] - drugBound) / reference.baselineSurface[r]
        case .surfaceRelative(let r):
            return shared.surface[r] / reference.controlTotal[r]
        case .internalRelative(let r):
            return (y[system.receptorInternal[r]] + y[system.receptorAgonistInternal[r]]) / reference.controlTotal[r]
        case .totalRelative(let r):
            return (shared.surface[r] + y[system.receptorInternal[r]] + y[system.receptorAgonistInternal[r]])
                / reference.controlTotal[r]
        case .stimulus(let r):
            return shared.stimulus[r]
        case .uncoupled(let r):
            return y[system.receptorUncoupled[r]]
        case .circuitResponse(let circuit):
            switch circuit {
            case .reward: return shared.circuits.reward
            case .lc: return shared.circuits.lc
            case .kappa: return shared.circuits.kappa
            case .respiration: return shared.respiration
            }
        case .lcAdaptation:
            return y[system.lcFastState] + y[system.lcSlowState]
        case .lcAdaptationSlow:
            return y[system.lcSlowState]
        case .rewardAdaptation:
            return y[system.rewardFastState] + y[system.rewardSlowState]
        case .dopamineTone:
            return shared.dopamineTone
        case .respiratoryDrive:
            return (1 - shared.respiration) / (1 - reference.respirationResponse)
        case .withdrawalSigns:
            return shared.withdrawalSigns
        case .dysphoria:
            return shared.dysphoria
        case .hedonicTone:
            return shared.dopamineTone - shared.dysphoria
        case .withdrawalIndex:
            return shared.withdrawalIndex
        case .cowsEquivalent:
            return Self.cowsEquivalent(withdrawalIndex: shared.withdrawalIndex, halfIndex: physiology.cowsHalfIndex.value)
        case .toleranceIndex:
            return 1 - shared.probeResponse / reference.probeResponse
        }
    }

    /// COWS points from the withdrawal index: 48 (1 − exp(−ln 2 · WI / WI_½)), monotone and
    /// saturating (Model2Design.md §7; calibrated, not a prediction of item scores).
    static func cowsEquivalent(withdrawalIndex: Double, halfIndex: Double) -> Double {
        48 * (1 - exp(-0.6931471805599453 * max(0, withdrawalIndex) / halfIndex))
    }

    /// Surface receptors of type r: free + desensitized + bound.
    func surface(_ r: Int, _ y: UnsafeBufferPointer<Double>) -> Double {
        var total = y[system.receptorFree[r]] + y[system.receptorDesensitized[r]]
        for p in system.receptorPairStart[r]..<system.receptorPairEnd[r] { total += y[system.pairState[p]] }
        return total
    }
}

/// The quantities several columns of one output row share: per receptor the surface amount
/// and the stimulus Q_r, the circuit responses, dopamine, dysphoria, the withdrawal signs and
/// index, and the probe response. Filled once per row; storage is allocated once per
/// simulation; only what the requested columns use is computed. A class: passed per column
/// and per refinement step, a struct of this size was copied (retains, memcpy) each time.
final class ObservableRowQuantities {
    /// Unchecked: each read of a class's array property went through the runtime's dynamic
    /// exclusivity check (`swift_beginAccess`, 76 instructions), 11.5 M of the 28-day run's
    /// 222 M; only `update` writes them, never during a read (Benchmarks/RESULTS.md).
    @exclusivity(unchecked) var surface: [Double]
    @exclusivity(unchecked) var stimulus: [Double]
    var circuits = SignallingRules.Circuits<Double>(
        reward: 0, lc: 0, kappa: 0, delta: 0, rewardAC: 0, lcAC: 0, disinhibition: 0, dopamine: 0)
    var respiration = 0.0
    var dopamineTone = 0.0
    var dysphoria = 0.0
    var withdrawalSigns = 0.0
    var withdrawalIndex = 0.0
    var probeResponse = 0.0
    private let needsSurface: Bool
    /// Per receptor Q_r (only `stimulus` columns; the rule inputs compute their own).
    private let needsStimulus: Bool
    /// The rule inputs and circuits (every signalling column).
    private let needsSignal: Bool
    /// E_R: a `pow` per sample, for the respiration columns only.
    private let needsRespiration: Bool
    private let needsDysphoria: Bool
    private let needsWithdrawal: Bool
    private let needsProbe: Bool
    /// The scenario's events as (kind index, start, end, intensity): the stimulus intensities
    /// at an output time, for dysphoria (the system's own intensities are those at t = 0).
    private let stimuli: [(kind: Int, start: Double, end: Double, intensity: Double)]

    init(model: CompiledModel, observables: [Observable]) {
        let receptors = model.layout.receptorKinds.count
        surface = Array(repeating: 0, count: receptors)
        stimulus = Array(repeating: 0, count: receptors)
        var surfaceUsed = false, stimulusUsed = false, signalUsed = false, respirationUsed = false
        var dysphoriaUsed = false, withdrawalUsed = false, probeUsed = false
        for observable in observables {
            switch observable {
            case .occupancy, .occupancyTotal, .petOccupancy, .surfaceRelative, .totalRelative: surfaceUsed = true
            case .stimulus: stimulusUsed = true
            case .circuitResponse(let circuit):
                signalUsed = true
                if circuit == .respiration { respirationUsed = true }
            case .respiratoryDrive: signalUsed = true; respirationUsed = true
            case .dopamineTone: signalUsed = true
            case .dysphoria, .hedonicTone: signalUsed = true; dysphoriaUsed = true
            case .withdrawalSigns, .withdrawalIndex, .cowsEquivalent: signalUsed = true; withdrawalUsed = true
            case .toleranceIndex: probeUsed = true
            case .time, .plasma, .plasmaMass, .brain, .peptide, .internalRelative, .uncoupled, .lcAdaptation, .lcAdaptationSlow,
                 .rewardAdaptation:
                break
            }
        }
        needsSurface = surfaceUsed
        needsStimulus = stimulusUsed
        needsSignal = signalUsed
        needsRespiration = respirationUsed
        needsDysphoria = dysphoriaUsed
        needsWithdrawal = withdrawalUsed
        needsProbe = probeUsed
        stimuli = model.scenario.events.map { event in
            (StimulusKind.allCases.firstIndex(of: event.kind)!, event.startHours,
             event.startHours + event.durationHours, event.intensity)
        }
    }

    /// The intensity of stimulus kind `k` at `time` (events are on over [start, end)).
    private func intensity(_ k: Int, at time: Double) -> Double {
        var total = 0.0
        for s in stimuli where s.kind == k && time >= s.start && time < s.end { total += s.intensity }
        return total
    }

    /// Computes the shared quantities of `model` at (time, y). Always inlined, as `value(of:)`.
    @inline(__always)
    func update(model: CompiledModel, time: Double, _ y: UnsafeBufferPointer<Double>) {
        if needsSurface {
            for r in 0..<surface.count { surface[r] = model.surface(r, y) }
        }
        if needsStimulus {
            let system = model.system
            for r in 0..<stimulus.count {
                let fe = system.modulation(r, y).efficacy
                stimulus[r] = (1 - y[system.receptorUncoupled[r]]) * system.rawStimulus(r, y, fe: fe).raw
            }
        }
        if needsSignal {
            // `model.system` and its rules read in place (a local copy of either was a memcpy per
            // row); the optimizer still copies 1 KB of the system to the stack per call
            // (Benchmarks/RESULTS.md).
            let inputs = model.system.ruleInputs(y)
            circuits = model.system.rules.circuits(inputs)
            if needsRespiration { respiration = model.system.rules.respiration(inputs) }
            dopamineTone = circuits.dopamine / model.system.rules.dopamineSetPoint
            if needsDysphoria {
                dysphoria = model.system.rules.dysphoria(
                    inputs, circuits: circuits, stress: intensity(ReceptorSystem.stressIndex, at: time),
                    pain: intensity(ReceptorSystem.painIndex, at: time),
                    rejection: intensity(ReceptorSystem.rejectionIndex, at: time))
            }
            if needsWithdrawal {
                // Unopposed adaptation (hard max: an output, not a rate).
                let share = model.system.rules.acOpposition
                let lcOpposing = model.system.rules.lcOpposition(inputs.lcAdaptation, circuits: circuits) { max(0, $0) }
                let rewardOpposing = (1 - share) * max(0, circuits.reward - model.system.rules.rewardSetPoint)
                    + share * max(0, circuits.rewardAC - model.system.rules.rewardACSetPoint)
                withdrawalSigns = max(0, inputs.lcAdaptation - lcOpposing) + max(0, y[model.system.lcExtrinsicState])
                withdrawalIndex = withdrawalSigns + 0.5 * max(0, inputs.rewardAdaptation - rewardOpposing)
            }
        }
        if needsProbe {
            probeResponse = CompiledModel.probeResponse(system: model.system, physiology: model.physiology, y)
        }
    }
}
