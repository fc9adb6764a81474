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
    /// Current zero-order input into each depot, nmol/h: a worn patch's delivery into the skin
    /// depot (changed by time events; 0 for every depot filled by doses).
    public var depotInputNanomolePerHour: [Double]

    // MARK: Metabolite formation: linear transfers y[target] += coefficient · y[source].
    @usableFromInline package internal(set) var transferSource: [Int]
    @usableFromInline package internal(set) var transferTarget: [Int]
    @usableFromInline package internal(set) var transferCoefficient: [Double]

    // MARK: Ligands (peptides first, then species), count L: concentration = scale · y[state].
    @usableFromInline package internal(set) var ligandState: [Int]
    @usableFromInline package internal(set) var ligandScale: [Double]

    // MARK: Receptors, count R (at most 4: mu, delta, kappa, nmda).
    @usableFromInline package internal(set) var receptorFree: [Int]
    @usableFromInline package internal(set) var receptorDesensitized: [Int]
    /// Constitutive endosome I^c.
    @usableFromInline package internal(set) var receptorInternal: [Int]
    /// Agonist (arrestin) endosome I^a.
    @usableFromInline package internal(set) var receptorAgonistInternal: [Int]
    /// Long-term uncoupled fraction U.
    @usableFromInline package internal(set) var receptorUncoupled: [Int]
    @usableFromInline package internal(set) var receptorPairStart: [Int]
    @usableFromInline package internal(set) var receptorPairEnd: [Int]
    @usableFromInline package internal(set) var receptorModulatorStart: [Int]
    @usableFromInline package internal(set) var receptorModulatorEnd: [Int]
    @usableFromInline package internal(set) var receptorSynthesis: [Double]      // ksyn, 1/h
    @usableFromInline package internal(set) var receptorEndocytosis: [Double]    // kendo, 1/h
    @usableFromInline package internal(set) var receptorResensitization: [Double]
    @usableFromInline package internal(set) var receptorRecycling: [Double]
    @usableFromInline package internal(set) var receptorDegradation: [Double]
    /// Degradation of the agonist endosome, k_rec f/(1 − f), 1/h.
    @usableFromInline package internal(set) var receptorAgonistDegradation: [Double]
    /// Arrestin internalization of desensitized receptors D → I^a, 1/h.
    @usableFromInline package internal(set) var receptorArrestinInternalization: [Double]
    @usableFromInline package internal(set) var receptorConstitutive: [Double]   // c0
    /// Receptor indices of mu, delta, kappa and nmda (−1 when the layout lacks the type).
    @usableFromInline package internal(set) var muReceptor: Int
    @usableFromInline package internal(set) var deltaReceptor: Int
    @usableFromInline package internal(set) var kappaReceptor: Int
    @usableFromInline package internal(set) var nmdaReceptor: Int

    // MARK: Circuits, counter-adaptation and plasticity (Model2Design.md §3–§6).
    @usableFromInline package internal(set) var rules: SignallingRules
    @usableFromInline package internal(set) var lcFastState: Int
    @usableFromInline package internal(set) var lcSlowState: Int
    @usableFromInline package internal(set) var rewardFastState: Int
    @usableFromInline package internal(set) var rewardSlowState: Int
    @usableFromInline package internal(set) var lcExtrinsicState: Int
    /// −1 without an NMDA blocker.
    @usableFromInline package internal(set) var ketaminePlasticityState: Int
    @usableFromInline package internal(set) var fastRate: Double
    @usableFromInline package internal(set) var slowRate: Double
    @usableFromInline package internal(set) var extrinsicRate: Double

    // MARK: Binding pairs, count P, grouped by receptor.
    @usableFromInline package internal(set) var pairState: [Int]
    @usableFromInline package internal(set) var pairLigand: [Int]
    @usableFromInline package internal(set) var pairKon: [Double]
    @usableFromInline package internal(set) var pairKoff: [Double]
    @usableFromInline package internal(set) var pairEfficacy: [Double]
    /// k_des · bias (B → D), agonists only.
    @usableFromInline package internal(set) var pairDesensitization: [Double]
    /// Constitutive endocytosis of the bound receptor (B → I^c): k_endo, χ k_endo for antagonists.
    @usableFromInline package internal(set) var pairInternalization: [Double]
    /// ε (s_U + (1 − s_U) bias) for agonists, 0 otherwise: the activation that drives uncoupling.
    @usableFromInline package internal(set) var pairActivation: [Double]
    /// 1 when the ligand is a drug or metabolite (not a peptide): NMDA block and PET count these.
    @usableFromInline package internal(set) var pairIsDrug: [Double]
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
    /// Basal release relative to control (the phenotype factor; of the stimulus-driven release
    /// only the stress-type stimuli's is scaled, in `peptideStimulusGain`).
    @usableFromInline package internal(set) var peptideBasal: [Double] { didSet { updatePeptideDrive() } }
    /// Row-major [peptide][StimulusKind.allCases index]; in the opioid-deficit phenotype the
    /// endorphin and enkephalin gains of stress-type stimuli carry the evoked-release factor.
    @usableFromInline package internal(set) var peptideStimulusGain: [Double] { didSet { updatePeptideDrive() } }
    @usableFromInline package internal(set) var endorphinPeptide: Int
    @usableFromInline package internal(set) var dynorphinPeptide: Int
    @usableFromInline package internal(set) var endorphinSuppressionState: Int
    @usableFromInline package internal(set) var dynorphinInductionState: Int
    @usableFromInline package internal(set) var endorphinSuppressionGain: Double
    @usableFromInline package internal(set) var endorphinSuppressionRate: Double
    @usableFromInline package internal(set) var dynorphinInductionGain: Double
    @usableFromInline package internal(set) var dynorphinInductionRate: Double
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
    @usableFromInline static let painIndex = StimulusKind.allCases.firstIndex(of: .pain)!
    @usableFromInline static let rejectionIndex = StimulusKind.allCases.firstIndex(of: .socialRejection)!
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

    /// Q'_r = c0 F + Σ ε β B (no uncoupling factor) and the activation a_r = Σ ε (s_U + (1 − s_U) bias) B
    /// of receptor `r`, at the efficacy factor `fe` of its modulators.
    @inlinable @inline(__always)
    func rawStimulus(_ r: Int, _ y: UnsafeBufferPointer<Double>, fe: Double) -> (raw: Double, activation: Double) {
        var s = receptorConstitutive[r] * y[receptorFree[r]]
        var a = 0.0
        var p = receptorPairStart[r]
        let end = receptorPairEnd[r]
        while p < end {
            let b = y[pairState.unchecked(p)]
            s += pairEfficacy.unchecked(p) * (pairModulated.unchecked(p) != 0 ? fe : 1) * b
            a += pairActivation.unchecked(p) * b
            p += 1
        }
        return (s, a)
    }

    /// N = 1 − (surface NMDA receptors held by drugs) / (surface NMDA receptors); 1 without an
    /// NMDA blocker. Dynorphin's own NMDA block (K 500 nM, about 1e-4 at rest) is left out so
    /// that N is exactly 1 drug-free (Model2Design.md §4.4).
    @inlinable
    func nmdaAvailable(_ y: UnsafeBufferPointer<Double>) -> Double {
        let r = nmdaReceptor
        guard r >= 0 else { return 1 }
        var surface = y[receptorFree[r]] + y[receptorDesensitized[r]]
        var drug = 0.0
        for p in receptorPairStart[r]..<receptorPairEnd[r] {
            let b = y[pairState.unchecked(p)]
            surface += b
            drug += pairIsDrug.unchecked(p) * b
        }
        return surface > 0 ? 1 - drug / surface : 1
    }

    /// Q'_r, U_r and a_r of receptor r (0, 0, 0 when the layout lacks it).
    @inlinable @inline(__always)
    func ruleAggregate(_ r: Int, _ y: UnsafeBufferPointer<Double>) -> (raw: Double, uncoupled: Double, activation: Double) {
        guard r >= 0 else { return (0, 0, 0) }
        let (raw, act) = rawStimulus(r, y, fe: modulation(r, y).efficacy)
        return (raw, y[receptorUncoupled[r]], act)
    }

    /// The rule inputs at `y` in `Double` (`SignallingRules.Inputs`). Always inlined: the call
    /// itself was about 80 of its 410 instructions (Benchmarks/RESULTS.md).
    @inlinable @inline(__always)
    func ruleInputs(_ y: UnsafeBufferPointer<Double>) -> SignallingRules.Inputs<Double> {
        let mu = ruleAggregate(muReceptor, y), delta = ruleAggregate(deltaReceptor, y), kappa = ruleAggregate(kappaReceptor, y)
        return SignallingRules.Inputs(
            muRaw: mu.raw, deltaRaw: delta.raw, kappaRaw: kappa.raw,
            muUncoupled: mu.uncoupled, deltaUncoupled: delta.uncoupled, kappaUncoupled: kappa.uncoupled,
            muActivation: mu.activation, deltaActivation: delta.activation, kappaActivation: kappa.activation,
            nmdaAvailable: nmdaAvailable(y),
            lcAdaptation: y[lcFastState] + y[lcSlowState], rewardAdaptation: y[rewardFastState] + y[rewardSlowState],
            ketaminePlasticity: ketaminePlasticityState >= 0 ? y[ketaminePlasticityState] : 0)
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
            d[depotState[k]] += depotInputNanomolePerHour[k] - flux
            d[depotTarget[k]] += depotBioavailability[k] * flux
        }
        for k in 0..<transferSource.count {
            d[transferTarget[k]] += transferCoefficient[k] * y[transferSource[k]]
        }
        // Receptors: binding and trafficking (Model2Design.md §5), and the rule inputs. The pair
        // loop reads the compiled arrays unchecked (their indices are the layout's own): 16 %
        // fewer right-hand-side instructions, the same arithmetic (Benchmarks/RESULTS.md).
        var muRaw = 0.0, deltaRaw = 0.0, kappaRaw = 0.0
        var muActivation = 0.0, deltaActivation = 0.0, kappaActivation = 0.0
        for r in 0..<receptorFree.count {
            let (fa, fe) = modulation(r, y)
            let iF = receptorFree[r], iD = receptorDesensitized[r]
            let iI = receptorInternal[r], iA = receptorAgonistInternal[r]
            let free = y[iF], des = y[iD], inside = y[iI], agonistInside = y[iA]
            let kendo = receptorEndocytosis[r], krec = receptorRecycling[r]
            let karr = receptorArrestinInternalization[r]
            var dF = receptorSynthesis[r] - kendo * free + receptorResensitization[r] * des
                + krec * (inside + agonistInside)
            var dD = -(receptorResensitization[r] + karr) * des
            var dI = kendo * free - (krec + receptorDegradation[r]) * inside
            let dA = karr * des - (krec + receptorAgonistDegradation[r]) * agonistInside
            var s = receptorConstitutive[r] * free
            var a = 0.0
            var p = receptorPairStart[r]
            let pairEnd = receptorPairEnd[r]
            while p < pairEnd {
                let ib = pairState.unchecked(p)
                let b = y[ib]
                let l = pairLigand.unchecked(p)
                let c = ligandScale.unchecked(l) * y[ligandState.unchecked(l)]
                // Both coefficients are loaded unconditionally and scaled by 1 when the pair is
                // not modulated (exact), so the loads leave the branch.
                let modulated = pairModulated.unchecked(p) != 0
                let kon = pairKon.unchecked(p) * (modulated ? fa : 1)
                let v = kon * c * free - pairKoff.unchecked(p) * b
                let kdes = pairDesensitization.unchecked(p), kint = pairInternalization.unchecked(p)
                d[ib] = v - (kdes + kint) * b
                dF -= v
                dD += kdes * b
                dI += pairRecycles.unchecked(p) * kint * b
                s += pairEfficacy.unchecked(p) * (modulated ? fe : 1) * b
                a += pairActivation.unchecked(p) * b
                p += 1
            }
            // Named sums rather than a SIMD4 indexed by r (a dynamic index went through the stack).
            if r == muReceptor { muRaw = s; muActivation = a }
            else if r == deltaReceptor { deltaRaw = s; deltaActivation = a }
            else if r == kappaReceptor { kappaRaw = s; kappaActivation = a }
            d[iF] = dF
            d[iD] = dD
            d[iI] = dI
            d[iA] = dA
        }
        // Signalling rules (SignallingRules, stated once).
        let dr = deltaReceptor, kr = kappaReceptor
        let inputs = SignallingRules.Inputs(
            muRaw: muRaw, deltaRaw: deltaRaw, kappaRaw: kappaRaw,
            muUncoupled: y[receptorUncoupled[muReceptor]], deltaUncoupled: dr >= 0 ? y[receptorUncoupled[dr]] : 0,
            kappaUncoupled: kr >= 0 ? y[receptorUncoupled[kr]] : 0,
            muActivation: muActivation, deltaActivation: deltaActivation, kappaActivation: kappaActivation,
            nmdaAvailable: nmdaAvailable(y),
            lcAdaptation: y[lcFastState] + y[lcSlowState], rewardAdaptation: y[rewardFastState] + y[rewardSlowState],
            ketaminePlasticity: ketaminePlasticityState >= 0 ? y[ketaminePlasticityState] : 0)
        let stress = stimulusIntensity[Self.stressIndex]
        let circuits = rules.circuits(inputs)
        let drives = rules.drives(inputs, circuits: circuits, stress: stress)
        d[receptorUncoupled[muReceptor]] = drives.muUncoupling
        if deltaReceptor >= 0 { d[receptorUncoupled[deltaReceptor]] = drives.deltaUncoupling }
        if kappaReceptor >= 0 { d[receptorUncoupled[kappaReceptor]] = drives.kappaUncoupling }
        if nmdaReceptor >= 0 { d[receptorUncoupled[nmdaReceptor]] = -rules.uncouplingRecoveryRate * y[receptorUncoupled[nmdaReceptor]] }
        d[lcFastState] = fastRate * (drives.lcFastTarget - y[lcFastState])
        d[lcSlowState] = slowRate * (drives.lcSlowTarget - y[lcSlowState])
        d[rewardFastState] = fastRate * (drives.rewardFastTarget - y[rewardFastState])
        d[rewardSlowState] = slowRate * (drives.rewardSlowTarget - y[rewardSlowState])
        d[lcExtrinsicState] = extrinsicRate * (drives.extrinsicTarget - y[lcExtrinsicState])
        if ketaminePlasticityState >= 0 { d[ketaminePlasticityState] = drives.ketaminePlasticity }
        // Endogenous peptides and their slow feedback states.
        let xe = y[endorphinSuppressionState], xd = y[dynorphinInductionState]
        for q in 0..<peptideState.count {
            var production = peptideProduction[q] * peptideDrive[q]
            if q == endorphinPeptide { production *= exp(-endorphinSuppressionGain * xe) }
            if q == dynorphinPeptide { production *= exp(dynorphinInductionGain * xd) }
            let i = peptideState[q]
            d[i] = peptideClearance[q] * (production - y[i])
        }
        d[endorphinSuppressionState] = endorphinSuppressionRate * (drives.endorphinSuppressionTarget - xe)
        d[dynorphinInductionState] = dynorphinInductionRate * (drives.dynorphinInductionTarget - xd)
    }
}
