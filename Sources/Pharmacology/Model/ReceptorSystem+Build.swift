import Foundation

extension ReceptorSystem {
    static let ln2 = 0.6931471805599453

    /// Coefficient vectors for `layout` from the (overridden) `library` values and the subject.
    /// Set points are left at zero; `SteadyState` fills them.
    init(layout: ModelLayout, library: DrugLibrary, subject: Subject) {
        let ln2 = Self.ln2
        dimension = layout.dimension
        let weight = subject.weightKilograms / 70
        let clearanceScale = pow(weight, 0.75)
        let drugs = layout.speciesIDs.map { library.drug($0)! }
        speciesCentral = layout.speciesCentral
        speciesPeripheral = layout.speciesPeripheral
        speciesDeepPeripheral = layout.speciesDeepPeripheral
        speciesEffect = layout.speciesEffect
        speciesK10 = []; speciesK12 = []; speciesK21 = []; speciesK13 = []; speciesK31 = []
        speciesInverseV1 = []; speciesKe0 = []
        // A normal metabolizer's k10, from which each metabolite's formation is a fraction.
        var normalK10: [Double] = []
        for d in drugs {
            let v1 = d.centralVolumeLiters.value * weight
            speciesInverseV1.append(1 / v1)
            let k10 = d.clearanceLitersPerHour.value * clearanceScale / v1
            normalK10.append(k10)
            // The CYP2D6 pathways' share of the parent's clearance follows the phenotype:
            // k10 = k_other + factor·k_2D6 (k_2D6 = fm·k10 for each CYP2D6-formed metabolite),
            // so a poor metabolizer keeps a drug whose clearance is mostly CYP2D6 (Model.md).
            speciesK10.append(k10 * Self.cyp2d6ClearanceScale(d, subject.cyp2d6))
            if let p = d.peripheral {
                let q = p.intercompartmentalClearanceLitersPerHour.value * clearanceScale
                speciesK12.append(q / v1)
                speciesK21.append(q / (p.volumeLiters.value * weight))
            } else {
                speciesK12.append(0); speciesK21.append(0)
            }
            if let p = d.deepPeripheral {
                let q = p.intercompartmentalClearanceLitersPerHour.value * clearanceScale
                speciesK13.append(q / v1)
                speciesK31.append(q / (p.volumeLiters.value * weight))
            } else {
                speciesK13.append(0); speciesK31.append(0)
            }
            speciesKe0.append(d.effectSiteRatePerHour.value)
        }
        speciesInfusionNanomolePerHour = Array(repeating: 0, count: drugs.count)
        depotState = []; depotTarget = []; depotKa = []; depotBioavailability = []
        depotInputNanomolePerHour = Array(repeating: 0, count: layout.depots.count)
        transferSource = []; transferTarget = []; transferCoefficient = []
        for depot in layout.depots {
            let route = drugs[depot.species].parameters(of: depot.route)!
            depotState.append(depot.state)
            depotTarget.append(layout.speciesCentral[depot.species])
            depotKa.append(depot.slow ? route.slowDepot!.absorptionRatePerHour.value : route.absorptionRatePerHour.value)
            depotBioavailability.append(Self.cyp2d6Bioavailability(drugs[depot.species], route.bioavailability.value, subject.cyp2d6))
        }
        for (s, d) in drugs.enumerated() {
            for m in d.metabolites {
                guard let t = layout.speciesIDs.firstIndex(of: m.metabolite) else { continue }
                let enzyme = m.cyp2d6?.factor(subject.cyp2d6) ?? 1
                transferSource.append(layout.speciesCentral[s])
                transferTarget.append(layout.speciesCentral[t])
                transferCoefficient.append(enzyme * m.formationFraction.value * normalK10[s])
                for (k, depot) in layout.depots.enumerated() where depot.species == s {
                    transferSource.append(depot.state)
                    transferTarget.append(layout.speciesCentral[t])
                    let normalBioavailability = drugs[s].parameters(of: depot.route)!.bioavailability.value
                    transferCoefficient.append(enzyme * m.firstPassFraction.value * (1 - normalBioavailability) * depotKa[k])
                }
            }
        }
        // Ligands.
        ligandState = layout.peptideStates + layout.speciesEffect
        ligandScale = Array(repeating: 1, count: layout.peptideStates.count)
            + drugs.map { $0.fractionUnbound.value * $0.brainPartition.value }
        let ligandBindings: [[ReceptorBinding]] = library.peptides.map(\.bindings) + drugs.map(\.bindings)
        // Receptors.
        let ph = library.physiology
        let arrestinIndependent = ph.uncouplingArrestinIndependentShare.value
        receptorFree = layout.receptorFree
        receptorDesensitized = layout.receptorDesensitized
        receptorInternal = layout.receptorInternal
        receptorAgonistInternal = layout.receptorAgonistInternal
        receptorUncoupled = layout.receptorUncoupled
        receptorPairStart = []; receptorPairEnd = []; receptorModulatorStart = []; receptorModulatorEnd = []
        receptorSynthesis = []; receptorEndocytosis = []; receptorResensitization = []; receptorRecycling = []
        receptorDegradation = []; receptorAgonistDegradation = []; receptorArrestinInternalization = []
        receptorConstitutive = []
        pairState = []; pairLigand = []; pairKon = []; pairKoff = []; pairEfficacy = []
        pairDesensitization = []; pairInternalization = []; pairRecycles = []; pairModulated = []
        pairActivation = []; pairIsDrug = []
        modulatorLigand = []; modulatorKd = []; modulatorAlphaMinusOne = []; modulatorBetaMinusOne = []
        muReceptor = layout.receptorKinds.firstIndex(of: .mu) ?? 0
        deltaReceptor = layout.receptorKinds.firstIndex(of: .delta) ?? -1
        kappaReceptor = layout.receptorKinds.firstIndex(of: .kappa) ?? -1
        nmdaReceptor = layout.receptorKinds.firstIndex(of: .nmda) ?? -1
        for (r, kind) in layout.receptorKinds.enumerated() {
            let rp = library.receptor(kind)!
            let kturn = ln2 / rp.turnoverHalfLifeHours.value
            let phi = rp.internalFraction.value
            let krec = ln2 / rp.recyclingHalfLifeHours.value
            let kdeg = kturn / phi
            let kendo = phi / (1 - phi) * (krec + kdeg)
            let degraded = rp.agonistDegradedFraction.value
            receptorSynthesis.append(kturn)
            receptorEndocytosis.append(kendo)
            receptorResensitization.append(ln2 / rp.resensitizationHalfLifeHours.value)
            receptorRecycling.append(krec)
            receptorDegradation.append(kdeg)
            receptorAgonistDegradation.append(krec * degraded / (1 - degraded))
            receptorArrestinInternalization.append(rp.arrestinInternalizationRatePerHour.value)
            let c0 = rp.constitutiveActivity.value
            receptorConstitutive.append(c0)
            receptorPairStart.append(pairState.count)
            for pair in layout.pairs where pair.receptor == r {
                let b = ligandBindings[pair.ligand].first { $0.receptor == kind }!
                let kon = b.konPerNanomolarHour.value
                pairState.append(pair.state)
                pairLigand.append(pair.ligand)
                pairKon.append(kon)
                pairKoff.append(b.irreversible ? 0 : kon * b.kiNanomolar.value)
                let isAgonist = b.efficacyClass == .agonist
                switch b.efficacyClass {
                case .agonist: pairEfficacy.append(b.efficacy.value)
                case .neutralAntagonist: pairEfficacy.append(c0)
                case .inverseAgonist: pairEfficacy.append(0)
                }
                let bias = isAgonist ? b.arrestinBias.value : 0
                pairDesensitization.append(rp.desensitizationRatePerHour.value * bias)
                pairInternalization.append(kendo * (isAgonist ? 1 : rp.chaperoneEndocytosisFactor.value))
                pairActivation.append(isAgonist ? b.efficacy.value * (arrestinIndependent + (1 - arrestinIndependent) * bias) : 0)
                pairIsDrug.append(pair.ligand >= layout.peptideIDs.count ? 1 : 0)
                pairRecycles.append(b.irreversible ? 0 : 1)
                pairModulated.append(isAgonist ? 1 : 0)
            }
            receptorPairEnd.append(pairState.count)
            receptorModulatorStart.append(modulatorLigand.count)
            for (s, d) in drugs.enumerated() {
                for m in d.modulations where m.receptor == kind {
                    modulatorLigand.append(layout.peptideStates.count + s)
                    modulatorKd.append(m.modulatorKdNanomolar.value)
                    modulatorAlphaMinusOne.append(m.affinityFactor.value - 1)
                    modulatorBetaMinusOne.append(m.efficacyFactor.value - 1)
                }
            }
            receptorModulatorEnd.append(modulatorLigand.count)
        }
        // Circuits and counter-adaptation.
        rules = SignallingRules(physiology: ph)
        lcFastState = layout.lcFast
        lcSlowState = layout.lcSlow
        rewardFastState = layout.rewardFast
        rewardSlowState = layout.rewardSlow
        lcExtrinsicState = layout.lcExtrinsic
        ketaminePlasticityState = layout.ketaminePlasticity
        fastRate = ln2 / ph.dependenceFastHalfLifeHours.value
        slowRate = ln2 / ph.dependenceSlowHalfLifeHours.value
        extrinsicRate = ln2 / ph.lcExtrinsicHalfLifeHours.value
        // Peptides.
        peptideState = layout.peptideStates
        peptideClearance = library.peptides.map { ln2 / $0.halfLifeHours.value }
        let isDeficit = subject.phenotype == .opioidDeficit
        let deficit = isDeficit ? ph.deficitReleaseFactor.value : 1
        let evoked = isDeficit ? ph.deficitEvokedReleaseFactor.value : 1
        peptideProduction = library.peptides.map(\.baselineNanomolar.value)
        peptideBasal = library.peptides.map { $0.id == "dynorphin" ? 1 : deficit }
        // The deficit's evoked-release factor scales what stress-type stimuli release of endorphin
        // and enkephalin (StimulusKind.deficitScalesEvokedRelease); dynorphin keeps its gains.
        peptideStimulusGain = library.peptides.flatMap { p in
            StimulusKind.allCases.map { kind in
                let gain = p.stimulusGains[kind]?.value ?? 0
                return kind.deficitScalesEvokedRelease && p.id != "dynorphin" ? gain * evoked : gain
            }
        }
        endorphinPeptide = layout.peptideIDs.firstIndex(of: "endorphin") ?? -1
        dynorphinPeptide = layout.peptideIDs.firstIndex(of: "dynorphin") ?? -1
        endorphinSuppressionState = layout.endorphinSuppressionState
        dynorphinInductionState = layout.dynorphinInductionState
        endorphinSuppressionGain = ph.endorphinSuppressionGain.value
        endorphinSuppressionRate = ln2 / ph.endorphinSuppressionHalfLifeHours.value
        dynorphinInductionGain = ph.dynorphinInductionGain.value
        dynorphinInductionRate = ln2 / ph.dynorphinInductionHalfLifeHours.value
        stimulusIntensity = Array(repeating: 0, count: StimulusKind.allCases.count)
        updatePeptideDrive()  // didSet does not run in an initializer
        jacobianPositions = structuralJacobianPositions()
    }

    /// A state with receptors at their ligand-free distribution, peptides at their production
    /// targets and everything else zero: the starting guess for the steady state.
    func initialGuess() -> [Double] {
        var y = Array(repeating: 0.0, count: dimension)
        for r in 0..<receptorFree.count {
            let phi = receptorEndocytosis[r] / (receptorEndocytosis[r] + receptorRecycling[r] + receptorDegradation[r])
            y[receptorFree[r]] = 1 - phi
            y[receptorInternal[r]] = phi
        }
        for q in 0..<peptideState.count { y[peptideState[q]] = peptideProduction[q] * peptideBasal[q] }
        return y
    }
}
