import Foundation

extension ReceptorSystem {
    /// The exact ∂f/∂y, dense row-major. Derived term by term from `evaluate` (Sources/Pharmacology/Pharmacology.docc/Model.md,
    /// "Jacobian"); tested against central finite differences.
    @inlinable
    public func jacobian(time: Double, state y: UnsafeBufferPointer<Double>,
                         into J: UnsafeMutableBufferPointer<Double>) {
        let n = dimension
        for i in 0..<(n * n) { J[i] = 0 }
        // Pharmacokinetics (linear).
        for s in 0..<speciesCentral.count {
            let c = speciesCentral[s]
            J[c * n + c] -= speciesK10[s] + speciesK12[s]
            let per = speciesPeripheral[s]
            if per >= 0 {
                J[c * n + per] += speciesK21[s]
                J[per * n + c] += speciesK12[s]
                J[per * n + per] -= speciesK21[s]
            }
            let e = speciesEffect[s]
            J[e * n + c] += speciesKe0[s] * speciesInverseV1[s]
            J[e * n + e] -= speciesKe0[s]
        }
        for k in 0..<depotState.count {
            let a = depotState[k]
            J[a * n + a] -= depotKa[k]
            J[depotTarget[k] * n + a] += depotBioavailability[k] * depotKa[k]
        }
        for k in 0..<transferSource.count {
            J[transferTarget[k] * n + transferSource[k]] += transferCoefficient[k]
        }
        // Receptors.
        for r in 0..<receptorFree.count {
            let (fa, fe) = modulation(r, y)
            let iF = receptorFree[r], iD = receptorDesensitized[r], iI = receptorInternal[r]
            let ih = receptorSynthesisState[r], ia = receptorAdaptationState[r]
            let free = y[iF]
            let kendo = receptorEndocytosis[r]
            let synthesis = receptorSynthesis[r] * exp(receptorSynthesisGain[r] * y[ih])
            J[iF * n + iF] -= kendo
            J[iF * n + iD] += receptorResensitization[r]
            J[iF * n + iI] += receptorRecycling[r]
            J[iF * n + ih] += synthesis * receptorSynthesisGain[r]
            J[iD * n + iD] -= receptorResensitization[r] + kendo
            J[iI * n + iF] += kendo
            J[iI * n + iD] += kendo
            J[iI * n + iI] -= receptorRecycling[r] + receptorDegradation[r]
            var s = receptorConstitutive[r] * free
            for p in receptorPairStart[r]..<receptorPairEnd[r] {
                let ib = pairState[p]
                let b = y[ib]
                let l = pairLigand[p]
                let il = ligandState[l]
                let c = ligandScale[l] * y[il]
                let modulated = pairModulated[p] != 0
                let kon = modulated ? pairKon[p] * fa : pairKon[p]
                let kdes = pairDesensitization[p], kint = pairInternalization[p]
                let dvdF = kon * c, dvdL = kon * ligandScale[l] * free, dvdB = -pairKoff[p]
                J[ib * n + iF] += dvdF
                J[ib * n + il] += dvdL
                J[ib * n + ib] += dvdB - kdes - kint
                J[iF * n + iF] -= dvdF
                J[iF * n + il] -= dvdL
                J[iF * n + ib] -= dvdB
                J[iD * n + ib] += kdes
                J[iI * n + ib] += pairRecycles[p] * kint
                if modulated {
                    // ∂v/∂(modulator effect site) through the affinity factor.
                    for m in receptorModulatorStart[r]..<receptorModulatorEnd[r] {
                        let (dfa, _) = modulationDerivative(m, fa: fa, fe: fe, y)
                        let im = ligandState[modulatorLigand[m]]
                        let dv = pairKon[p] * dfa * c * free
                        J[ib * n + im] += dv
                        J[iF * n + im] -= dv
                    }
                }
                s += (modulated ? pairEfficacy[p] * fe : pairEfficacy[p]) * b
            }
            // Rows driven by the transduced response E(S): H, A (and X_e, X_d for mu).
            let ke = receptorTransducer[r]
            let dEdS = ke / ((s + ke) * (s + ke))
            let isMu = r == muReceptor
            let coefH = -receptorSynthesisRate[r] * dEdS
            let coefA = receptorAdaptationRate[r] * receptorAdaptationGain[r] * dEdS
            let coefXe = isMu ? endorphinSuppressionRate * dEdS : 0
            let coefXd = isMu ? dynorphinInductionRate * dynorphinDriveFromMu * dEdS : 0
            let ixe = endorphinSuppressionState, ixd = dynorphinInductionState
            @inline(__always) func addStimulusGradient(_ column: Int, _ dS: Double) {
                J[ih * n + column] += coefH * dS
                J[ia * n + column] += coefA * dS
                if isMu {
                    J[ixe * n + column] += coefXe * dS
                    J[ixd * n + column] += coefXd * dS
                }
            }
            addStimulusGradient(iF, receptorConstitutive[r])
            for p in receptorPairStart[r]..<receptorPairEnd[r] {
                let modulated = pairModulated[p] != 0
                addStimulusGradient(pairState[p], modulated ? pairEfficacy[p] * fe : pairEfficacy[p])
            }
            for m in receptorModulatorStart[r]..<receptorModulatorEnd[r] {
                let (_, dfe) = modulationDerivative(m, fa: fa, fe: fe, y)
                var dS = 0.0
                for p in receptorPairStart[r]..<receptorPairEnd[r] where pairModulated[p] != 0 {
                    dS += pairEfficacy[p] * dfe * y[pairState[p]]
                }
                addStimulusGradient(ligandState[modulatorLigand[m]], dS)
            }
            J[ih * n + ih] -= receptorSynthesisRate[r]
            J[ia * n + ia] -= receptorAdaptationRate[r]
        }
        // Peptides.
        let ixe = endorphinSuppressionState, ixd = dynorphinInductionState
        let xe = y[ixe], xd = y[ixd]
        for q in 0..<peptideState.count {
            var drive = peptideBasal[q]
            for k in 0..<Self.stimulusKinds {
                drive += peptideStimulusGain[q * Self.stimulusKinds + k] * stimulusIntensity[k]
            }
            let i = peptideState[q]
            let kcl = peptideClearance[q]
            J[i * n + i] -= kcl
            if q == endorphinPeptide {
                let production = peptideProduction[q] * drive * exp(-endorphinSuppressionGain * xe)
                J[i * n + ixe] += kcl * production * (-endorphinSuppressionGain)
            }
            if q == dynorphinPeptide {
                let production = peptideProduction[q] * drive * exp(dynorphinInductionGain * xd)
                J[i * n + ixd] += kcl * production * dynorphinInductionGain
            }
        }
        J[ixe * n + ixe] -= endorphinSuppressionRate
        J[ixd * n + ixd] -= dynorphinInductionRate
    }

    /// ∂(affinity factor)/∂y and ∂(efficacy factor)/∂y with respect to the effect-site state of
    /// modulator `m` (product rule over the receptor's modulators).
    @inlinable
    func modulationDerivative(_ m: Int, fa: Double, fe: Double, _ y: UnsafeBufferPointer<Double>)
        -> (Double, Double)
    {
        let l = modulatorLigand[m]
        let scale = ligandScale[l]
        let c = scale * y[ligandState[l]]
        let kd = modulatorKd[m]
        let rho = c / (c + kd)
        let dRho = scale * kd / ((c + kd) * (c + kd))
        let a1 = modulatorAlphaMinusOne[m], b1 = modulatorBetaMinusOne[m]
        return (fa / (1 + a1 * rho) * a1 * dRho, fe / (1 + b1 * rho) * b1 * dRho)
    }
}
