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
        return responseOf(.mu) * (1 + physiology.hedonicDeltaWeight.value * responseOf(.delta))
            - physiology.hedonicKappaWeight.value * responseOf(.kappa)
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

    /// Writes the value of `observable` at (time, y).
    func value(of observable: Observable, time: Double, _ y: UnsafeBufferPointer<Double>) -> Double {
        switch observable {
        case .time:
            return time
        case .plasma(let s):
            return y[system.speciesCentral[s]] * system.speciesInverseV1[s]
        case .brain(let s):
            let l = layout.peptideIDs.count + s
            return system.ligandScale[l] * y[system.ligandState[l]]
        case .peptide(let q):
            return y[system.peptideState[q]]
        case .occupancy(let r, let p):
            return y[layout.pairs[p].state] / surface(r, y)
        case .occupancyTotal(let r):
            var bound = 0.0
            for p in system.receptorPairStart[r]..<system.receptorPairEnd[r] { bound += y[system.pairState[p]] }
            return bound / surface(r, y)
        case .surfaceRelative(let r):
            return surface(r, y) / reference.controlTotal[r]
        case .internalRelative(let r):
            return y[system.receptorInternal[r]] / reference.controlTotal[r]
        case .totalRelative(let r):
            return (surface(r, y) + y[system.receptorInternal[r]]) / reference.controlTotal[r]
        case .stimulus(let r):
            return system.signal(r, y).stimulus
        case .response(let r):
            return Self.response(system: system, r: r, y)
        case .adaptation(let r):
            return y[system.receptorAdaptationState[r]]
        case .hedonicTone:
            return Self.hedonicTone(system: system, layout: layout, physiology: physiology, y)
        case .withdrawalIndex:
            let h = Self.hedonicTone(system: system, layout: layout, physiology: physiology, y)
            return max(0, reference.hedonicTone - h)
        case .toleranceIndex:
            let probe = Self.probeResponse(system: system, layout: layout, physiology: physiology, y)
            return 1 - probe / reference.probeResponse
        }
    }

    /// Surface receptors of type r: free + desensitized + bound.
    func surface(_ r: Int, _ y: UnsafeBufferPointer<Double>) -> Double {
        var total = y[system.receptorFree[r]] + y[system.receptorDesensitized[r]]
        for p in system.receptorPairStart[r]..<system.receptorPairEnd[r] { total += y[system.pairState[p]] }
        return total
    }
}
