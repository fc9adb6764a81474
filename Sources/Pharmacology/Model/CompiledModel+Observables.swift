extension CompiledModel {
    /// Net response R = E − A of receptor r.
    static func response(system: ReceptorSystem, r: Int, _ y: UnsafeBufferPointer<Double>) -> Double {
        system.signal(r, y).transduced - y[system.receptorAdaptationState[r]]
    }

    /// Hedonic tone h = R_mu (1 + w_δ R_δ) − w_κ R_κ (dimensionless; fraction of maximal mu response).
    static func hedonicTone(system: ReceptorSystem, layout: ModelLayout, physiology: Physiology,
                            _ y: UnsafeBufferPointer<Double>) -> Double {
        func responseOf(_ kind: ReceptorKind) -> Double {
            guard let r = layout.receptorKinds.firstIndex(of: kind) else { return 0 }
            return response(system: system, r: r, y)
        }
        return hedonicTone(mu: responseOf(.mu), delta: responseOf(.delta), kappa: responseOf(.kappa),
                           physiology: physiology)
    }

    /// Hedonic tone from the net responses (0 for a receptor type the model lacks).
    static func hedonicTone(mu: Double, delta: Double, kappa: Double, physiology: Physiology) -> Double {
        mu * (1 + physiology.hedonicDeltaWeight.value * delta) - physiology.hedonicKappaWeight.value * kappa
    }

    /// Mu response to the tolerance probe: the reference agonist at a fixed free concentration,
    /// in equilibrium with the current peptides on the current coupled surface receptors
    /// (free plus reversibly bound; drugs washed out), minus the current adaptation. Algebraic,
    /// no second simulation.
    static func probeResponse(system: ReceptorSystem, layout: ModelLayout, physiology: Physiology,
                              _ y: UnsafeBufferPointer<Double>) -> Double {
        guard let r = layout.receptorKinds.firstIndex(of: .mu) else { return 0 }
        let probeRatio = physiology.probeConcentrationNanomolar.value / physiology.probeKiNanomolar.value
        var coupled = y[system.receptorFree[r]]
        var denominator = 1 + probeRatio
        var weighted = system.receptorConstitutive[r] + physiology.probeEfficacy.value * probeRatio
        for p in system.receptorPairStart[r]..<system.receptorPairEnd[r] {
            if system.pairRecycles[p] != 0 { coupled += y[system.pairState[p]] }
            let l = system.pairLigand[p]
            guard l < layout.peptideIDs.count, system.pairKoff[p] > 0 else { continue }
            let ratio = system.ligandScale[l] * y[system.ligandState[l]] * system.pairKon[p] / system.pairKoff[p]
            denominator += ratio
            weighted += system.pairEfficacy[p] * ratio
        }
        let s = coupled * weighted / denominator
        return s / (s + system.receptorTransducer[r]) - y[system.receptorAdaptationState[r]]
    }

    /// The value of `observable` at (time, y), for a single value (tests, checks). A row of
    /// columns goes through `ObservableRowQuantities` and `value(of:time:_:shared:)` instead.
    func value(of observable: Observable, time: Double, _ y: UnsafeBufferPointer<Double>) -> Double {
        var shared = ObservableRowQuantities(model: self, observables: [observable])
        shared.update(model: self, y)
        return value(of: observable, time: time, y, shared: shared)
    }

    /// Writes the values of `observables` at (time, y) into `row` (same count), updating
    /// `shared` first. Non-generic, so the generic sink that calls it per output row neither
    /// copies the model nor checks the row's uniqueness per column.
    func values(of observables: [Observable], time: Double, _ y: UnsafeBufferPointer<Double>,
                shared: inout ObservableRowQuantities, into row: inout [Double]) {
        shared.update(model: self, y)
        row.withUnsafeMutableBufferPointer { out in
            for j in 0..<observables.count { out[j] = value(of: observables[j], time: time, y, shared: shared) }
        }
    }

    /// The value of `observable` at (time, y), reading receptor signals, surface amounts, the
    /// hedonic tone and the probe response from `shared` (filled by `update` at the same y).
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
            return y[system.receptorInternal[r]] / reference.controlTotal[r]
        case .totalRelative(let r):
            return (shared.surface[r] + y[system.receptorInternal[r]]) / reference.controlTotal[r]
        case .stimulus(let r):
            return shared.stimulus[r]
        case .response(let r):
            return shared.response[r]
        case .adaptation(let r):
            return y[system.receptorAdaptationState[r]]
        case .hedonicTone:
            return shared.hedonicTone
        case .withdrawalIndex:
            return max(0, reference.hedonicTone - shared.hedonicTone)
        case .toleranceIndex:
            return 1 - shared.probeResponse / reference.probeResponse
        }
    }

    /// Surface receptors of type r: free + desensitized + bound.
    func surface(_ r: Int, _ y: UnsafeBufferPointer<Double>) -> Double {
        var total = y[system.receptorFree[r]] + y[system.receptorDesensitized[r]]
        for p in system.receptorPairStart[r]..<system.receptorPairEnd[r] { total += y[system.pairState[p]] }
        return total
    }
}

/// The quantities several columns of one output row share: per receptor the surface amount,
/// the signal S and the net response R, plus the hedonic tone and the probe response. Filled
/// once per row, so a row of all columns computes each receptor's signal once instead of once
/// per column (stimulus, response, hedonic tone and withdrawal each recomputed it). Storage is
/// allocated once per simulation; only what the requested columns use is computed.
struct ObservableRowQuantities {
    var surface: [Double]
    var stimulus: [Double]
    var response: [Double]
    var hedonicTone = 0.0
    var probeResponse = 0.0
    private let needsSurface: Bool
    private let needsSignal: Bool
    private let needsHedonicTone: Bool
    private let needsProbe: Bool
    /// Receptor indices of mu, delta and kappa (-1 when the model lacks the type).
    private let mu: Int, delta: Int, kappa: Int

    init(model: CompiledModel, observables: [Observable]) {
        let receptors = model.layout.receptorKinds.count
        surface = Array(repeating: 0, count: receptors)
        stimulus = Array(repeating: 0, count: receptors)
        response = Array(repeating: 0, count: receptors)
        var surfaceUsed = false, signalUsed = false, hedonicUsed = false, probeUsed = false
        for observable in observables {
            switch observable {
            case .occupancy, .occupancyTotal, .petOccupancy, .surfaceRelative, .totalRelative: surfaceUsed = true
            case .stimulus, .response: signalUsed = true
            case .hedonicTone, .withdrawalIndex: hedonicUsed = true; signalUsed = true
            case .toleranceIndex: probeUsed = true
            case .time, .plasma, .plasmaMass, .brain, .peptide, .internalRelative, .adaptation: break
            }
        }
        needsSurface = surfaceUsed
        needsSignal = signalUsed
        needsHedonicTone = hedonicUsed
        needsProbe = probeUsed
        let kinds = model.layout.receptorKinds
        mu = kinds.firstIndex(of: .mu) ?? -1
        delta = kinds.firstIndex(of: .delta) ?? -1
        kappa = kinds.firstIndex(of: .kappa) ?? -1
    }

    /// Computes the shared quantities of `model` at the state `y`.
    mutating func update(model: CompiledModel, _ y: UnsafeBufferPointer<Double>) {
        if needsSurface {
            for r in 0..<surface.count { surface[r] = model.surface(r, y) }
        }
        if needsSignal {
            for r in 0..<stimulus.count {
                let (s, e) = model.system.signal(r, y)
                stimulus[r] = s
                response[r] = e - y[model.system.receptorAdaptationState[r]]
            }
        }
        if needsHedonicTone {
            hedonicTone = CompiledModel.hedonicTone(
                mu: mu >= 0 ? response[mu] : 0, delta: delta >= 0 ? response[delta] : 0,
                kappa: kappa >= 0 ? response[kappa] : 0, physiology: model.physiology)
        }
        if needsProbe {
            probeResponse = CompiledModel.probeResponse(
                system: model.system, layout: model.layout, physiology: model.physiology, y)
        }
    }
}
