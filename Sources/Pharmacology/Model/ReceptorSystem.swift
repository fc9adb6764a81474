import Foundation
import Integrators

/// The compiled receptor-dynamics model as a flat ODE system: index arrays and coefficient
/// vectors only, so the right-hand side is a loop over arrays (no dictionaries, strings,
/// existentials, closures or allocation). See Sources/Pharmacology/Pharmacology.docc/Model.md for the equations.
///
/// Amounts: PK compartments and depots in nmol, effect sites and peptides in nM, receptor
/// states as fractions of the healthy total (1 per receptor type).
public struct ReceptorSystem: ODESystem, Sendable {
    public let dimension: Int

    // MARK: Pharmacokinetic species (drugs and metabolites), count S.
    @usableFromInline package internal(set) var speciesCentral: [Int]
    @usableFromInline package internal(set) var speciesPeripheral: [Int]   // -1 when none
    @usableFromInline package internal(set) var speciesDeepPeripheral: [Int]   // -1 when none
    @usableFromInline package internal(set) var speciesEffect: [Int]
    @usableFromInline package internal(set) var speciesK10: [Double]        // CL/V1
    @usableFromInline package internal(set) var speciesK12: [Double]        // Q/V1
    @usableFromInline package internal(set) var speciesK21: [Double]        // Q/V2
    @usableFromInline package internal(set) var speciesK13: [Double]        // Q3/V1 (deep peripheral)
    @usableFromInline package internal(set) var speciesK31: [Double]        // Q3/V3
    @usableFromInline package internal(set) var speciesInverseV1: [Double]
    @usableFromInline package internal(set) var speciesKe0: [Double]
    /// Current infusion rate into the central compartment, nmol/h (changed by time events).
    public var speciesInfusionNanomolePerHour: [Double]

    // MARK: Depots, count Dp.
    @usableFromInline package internal(set) var depotState: [Int]
    @usableFromInline package internal(set) var depotTarget: [Int]          // central state of the species
    @usableFromInline package internal(set) var depotKa: [Double]
    @usableFromInline package internal(set) var depotBioavailability: [Double]

    // MARK: Metabolite formation: linear transfers y[target] += coefficient · y[source].
    @usableFromInline package internal(set) var transferSource: [Int]
    @usableFromInline package internal(set) var transferTarget: [Int]
    @usableFromInline package internal(set) var transferCoefficient: [Double]

    // MARK: Ligands (peptides first, then species), count L: concentration = scale · y[state].
    @usableFromInline package internal(set) var ligandState: [Int]
    @usableFromInline package internal(set) var ligandScale: [Double]

    // MARK: Receptors, count R.
    @usableFromInline package internal(set) var receptorFree: [Int]
    @usableFromInline package internal(set) var receptorDesensitized: [Int]
    @usableFromInline package internal(set) var receptorInternal: [Int]
    @usableFromInline package internal(set) var receptorSynthesisState: [Int]
    @usableFromInline package internal(set) var receptorAdaptationState: [Int]
    @usableFromInline package internal(set) var receptorPairStart: [Int]
    @usableFromInline package internal(set) var receptorPairEnd: [Int]
    @usableFromInline package internal(set) var receptorModulatorStart: [Int]
    @usableFromInline package internal(set) var receptorModulatorEnd: [Int]
    @usableFromInline package internal(set) var receptorSynthesis: [Double]      // ksyn0, 1/h
    @usableFromInline package internal(set) var receptorEndocytosis: [Double]    // kendo, 1/h
    @usableFromInline package internal(set) var receptorResensitization: [Double]
    @usableFromInline package internal(set) var receptorRecycling: [Double]
    @usableFromInline package internal(set) var receptorDegradation: [Double]
    @usableFromInline package internal(set) var receptorConstitutive: [Double]   // c0
    @usableFromInline package internal(set) var receptorTransducer: [Double]     // KE
    @usableFromInline package internal(set) var receptorSynthesisGain: [Double]
    @usableFromInline package internal(set) var receptorSynthesisRate: [Double]  // kH
    @usableFromInline package internal(set) var receptorAdaptationGain: [Double] // gamma
    @usableFromInline package internal(set) var receptorAdaptationRate: [Double] // kA
    /// Transduced-response set point E_set per receptor (the healthy control steady state).
    @usableFromInline package internal(set) var receptorSetPoint: [Double]

    // MARK: Binding pairs, count P, grouped by receptor.
    @usableFromInline package internal(set) var pairState: [Int]
    @usableFromInline package internal(set) var pairLigand: [Int]
    @usableFromInline package internal(set) var pairKon: [Double]
    @usableFromInline package internal(set) var pairKoff: [Double]
    @usableFromInline package internal(set) var pairEfficacy: [Double]
    @usableFromInline package internal(set) var pairDesensitization: [Double]
    @usableFromInline package internal(set) var pairInternalization: [Double]
    /// 1 when internalized receptors recycle (reversible ligand), 0 when degraded (irreversible).
    @usableFromInline package internal(set) var pairRecycles: [Double]
    /// 1 for agonist pairs (subject to allosteric modulation), else 0.
    @usableFromInline package internal(set) var pairModulated: [Double]

    // MARK: Allosteric modulators, grouped by receptor.
    @usableFromInline package internal(set) var modulatorLigand: [Int]
    @usableFromInline package internal(set) var modulatorKd: [Double]
    @usableFromInline package internal(set) var modulatorAlphaMinusOne: [Double]
    @usableFromInline package internal(set) var modulatorBetaMinusOne: [Double]

    // MARK: Peptides, count Pp.
    @usableFromInline package internal(set) var peptideState: [Int]
    @usableFromInline package internal(set) var peptideClearance: [Double]
    /// Production target of the control phenotype without stimuli (the baseline), nM.
    @usableFromInline package internal(set) var peptideProduction: [Double]
    /// Basal release relative to control (the phenotype factor; stimulus-driven release is not scaled).
    @usableFromInline package internal(set) var peptideBasal: [Double] { didSet { updatePeptideDrive() } }
    /// Row-major [peptide][StimulusKind.allCases index].
    @usableFromInline package internal(set) var peptideStimulusGain: [Double] { didSet { updatePeptideDrive() } }
    @usableFromInline package internal(set) var endorphinPeptide: Int
    @usableFromInline package internal(set) var dynorphinPeptide: Int
    @usableFromInline package internal(set) var endorphinSuppressionState: Int
    @usableFromInline package internal(set) var dynorphinInductionState: Int
    @usableFromInline package internal(set) var endorphinSuppressionGain: Double
    @usableFromInline package internal(set) var endorphinSuppressionRate: Double
    @usableFromInline package internal(set) var dynorphinInductionGain: Double
    @usableFromInline package internal(set) var dynorphinInductionRate: Double
    @usableFromInline package internal(set) var dynorphinDriveFromMu: Double
    @usableFromInline package internal(set) var dynorphinDriveFromStress: Double
    @usableFromInline package internal(set) var muReceptor: Int
    /// Current intensity per `StimulusKind.allCases` index (changed by time events).
    public var stimulusIntensity: [Double] { didSet { updatePeptideDrive() } }
    /// Per peptide: basal release plus the stimulus-driven release at the current
    /// `stimulusIntensity` (factor on `peptideProduction`). Kept up to date when the intensities
    /// change (events), so the right-hand side does not sum the stimuli every call.
    @usableFromInline package internal(set) var peptideDrive: [Double] = []
    /// Row-major positions the Jacobian can fill (`structuralJacobianPositions`), set once the
    /// layout is built; the solver's `jacobianSparsity`.
    @usableFromInline package internal(set) var jacobianPositions: [Int] = []

    public var providesJacobian: Bool { true }
    public var isAutonomous: Bool { true }

    @usableFromInline static let stressIndex = StimulusKind.allCases.firstIndex(of: .stress)!
    @usableFromInline static let stimulusKinds = StimulusKind.allCases.count

    /// Recomputes `peptideDrive` from the basal release, the stimulus gains and the intensities.
    mutating func updatePeptideDrive() {
        peptideDrive = (0..<peptideState.count).map { q in
            var drive = peptideBasal[q]
            for k in 0..<Self.stimulusKinds {
                drive += peptideStimulusGain[q * Self.stimulusKinds + k] * stimulusIntensity[k]
            }
            return drive
        }
    }

    /// Allosteric factors (affinity, efficacy) at receptor `r` for the state `y`. Always
    /// inlined: without modulators it is two loads and a compare, less than the call.
    @inlinable @inline(__always)
    func modulation(_ r: Int, _ y: UnsafeBufferPointer<Double>) -> (affinity: Double, efficacy: Double) {
        var fa = 1.0, fe = 1.0
        var m = receptorModulatorStart[r]
        let end = receptorModulatorEnd[r]
        while m < end {
            let l = modulatorLigand[m]
            let c = ligandScale[l] * y[ligandState[l]]
            let rho = c / (c + modulatorKd[m])
            fa *= 1 + modulatorAlphaMinusOne[m] * rho
            fe *= 1 + modulatorBetaMinusOne[m] * rho
            m += 1
        }
        return (fa, fe)
    }

    /// Signalling stimulus S and transduced response E of receptor `r`.
    @inlinable
    func signal(_ r: Int, _ y: UnsafeBufferPointer<Double>) -> (stimulus: Double, transduced: Double) {
        let (_, fe) = modulation(r, y)
        var s = receptorConstitutive[r] * y[receptorFree[r]]
        var p = receptorPairStart[r]
        let end = receptorPairEnd[r]
        while p < end {
            let eff = pairEfficacy[p] * (pairModulated[p] != 0 ? fe : 1)
            s += eff * y[pairState[p]]
            p += 1
        }
        return (s, s / (s + receptorTransducer[r]))
    }

    @inlinable
    public func evaluate(time: Double, state y: UnsafeBufferPointer<Double>,
                         derivative d: UnsafeMutableBufferPointer<Double>) {
        for i in 0..<dimension { d[i] = 0 }
        // Pharmacokinetics.
        for s in 0..<speciesCentral.count {
            let c = speciesCentral[s]
            let ac = y[c]
            d[c] += speciesInfusionNanomolePerHour[s] - (speciesK10[s] + speciesK12[s]) * ac
            let per = speciesPeripheral[s]
            if per >= 0 {
                let ap = y[per]
                d[c] += speciesK21[s] * ap
                d[per] += speciesK12[s] * ac - speciesK21[s] * ap
            }
            let deep = speciesDeepPeripheral[s]
            if deep >= 0 {
                let ad = y[deep]
                d[c] += speciesK31[s] * ad - speciesK13[s] * ac
                d[deep] += speciesK13[s] * ac - speciesK31[s] * ad
            }
            let e = speciesEffect[s]
            d[e] = speciesKe0[s] * (ac * speciesInverseV1[s] - y[e])
        }
        for k in 0..<depotState.count {
            let a = y[depotState[k]]
            let flux = depotKa[k] * a
            d[depotState[k]] -= flux
            d[depotTarget[k]] += depotBioavailability[k] * flux
        }
        for k in 0..<transferSource.count {
            d[transferTarget[k]] += transferCoefficient[k] * y[transferSource[k]]
        }
        // Receptors and binding.
        var transducedMu = 0.0
        for r in 0..<receptorFree.count {
            let (fa, fe) = modulation(r, y)
            let iF = receptorFree[r], iD = receptorDesensitized[r], iI = receptorInternal[r]
            let free = y[iF], des = y[iD], inside = y[iI]
            let h = y[receptorSynthesisState[r]]
            let kendo = receptorEndocytosis[r]
            var dF = receptorSynthesis[r] * exp(receptorSynthesisGain[r] * h) - kendo * free
                + receptorResensitization[r] * des + receptorRecycling[r] * inside
            var dD = -(receptorResensitization[r] + kendo) * des
            var dI = kendo * (free + des) - (receptorRecycling[r] + receptorDegradation[r]) * inside
            var s = receptorConstitutive[r] * free
            for p in receptorPairStart[r]..<receptorPairEnd[r] {
                let b = y[pairState[p]]
                let l = pairLigand[p]
                let c = ligandScale[l] * y[ligandState[l]]
                // Both coefficients are loaded unconditionally and scaled by 1 when the pair is
                // not modulated (exact), so the loads and their bounds checks leave the branch.
                let modulated = pairModulated[p] != 0
                let kon = pairKon[p] * (modulated ? fa : 1)
                let v = kon * c * free - pairKoff[p] * b
                let kdes = pairDesensitization[p], kint = pairInternalization[p]
                d[pairState[p]] = v - (kdes + kint) * b
                dF -= v
                dD += kdes * b
                dI += pairRecycles[p] * kint * b
                s += pairEfficacy[p] * (modulated ? fe : 1) * b
            }
            let e = s / (s + receptorTransducer[r])
            if r == muReceptor { transducedMu = e }
            d[iF] = dF
            d[iD] = dD
            d[iI] = dI
            let setPoint = receptorSetPoint[r]
            let ih = receptorSynthesisState[r], ia = receptorAdaptationState[r]
            d[ih] = receptorSynthesisRate[r] * ((setPoint - e) - h)
            d[ia] = receptorAdaptationRate[r] * (receptorAdaptationGain[r] * (e - setPoint) - y[ia])
        }
        // Endogenous peptides and their slow feedback states.
        let xe = y[endorphinSuppressionState], xd = y[dynorphinInductionState]
        for q in 0..<peptideState.count {
            var production = peptideProduction[q] * peptideDrive[q]
            if q == endorphinPeptide { production *= exp(-endorphinSuppressionGain * xe) }
            if q == dynorphinPeptide { production *= exp(dynorphinInductionGain * xd) }
            let i = peptideState[q]
            d[i] = peptideClearance[q] * (production - y[i])
        }
        let muExcess = transducedMu - receptorSetPoint[muReceptor]
        d[endorphinSuppressionState] = endorphinSuppressionRate * (muExcess - xe)
        d[dynorphinInductionState] = dynorphinInductionRate
            * (dynorphinDriveFromMu * muExcess + dynorphinDriveFromStress * stimulusIntensity[Self.stressIndex] - xd)
    }
}
