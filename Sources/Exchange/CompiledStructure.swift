import Pharmacology

/// The compiled model's own index and coefficient arrays, read through their `package` access.
///
/// Reading the very arrays the right-hand side loops over keeps every exported number identical
/// to the compiled one; the compiler checks every field read here, and the Swift tests that
/// evaluate the exported math against `ReceptorSystem.evaluate` catch any change of the
/// equations themselves.
struct CompiledStructure {
    struct Event {
        enum Action: Equatable {
            case addAmount(state: Int, nanomole: Double)
            case changeInfusion(species: Int, delta: Double)
            case changeStimulus(kind: Int, delta: Double)
        }
        var timeHours: Double
        var action: Action
    }

    // Layout.
    var stateNames: [String]
    var speciesIDs: [String]
    var peptideIDs: [String]
    var ligandIDs: [String]
    var receptorKinds: [ReceptorKind]

    // System arrays (names as in ReceptorSystem).
    var speciesCentral: [Int], speciesPeripheral: [Int], speciesDeepPeripheral: [Int], speciesEffect: [Int]
    var speciesK10: [Double], speciesK12: [Double], speciesK21: [Double], speciesK13: [Double], speciesK31: [Double]
    var speciesInverseV1: [Double], speciesKe0: [Double], speciesInfusion: [Double]
    var depotState: [Int], depotTarget: [Int], depotKa: [Double], depotBioavailability: [Double]
    var transferSource: [Int], transferTarget: [Int], transferCoefficient: [Double]
    var ligandState: [Int], ligandScale: [Double]
    var receptorFree: [Int], receptorDesensitized: [Int], receptorInternal: [Int]
    var receptorSynthesisState: [Int], receptorAdaptationState: [Int]
    var receptorPairStart: [Int], receptorPairEnd: [Int]
    var receptorModulatorStart: [Int], receptorModulatorEnd: [Int]
    var receptorSynthesis: [Double], receptorEndocytosis: [Double], receptorResensitization: [Double]
    var receptorRecycling: [Double], receptorDegradation: [Double], receptorConstitutive: [Double]
    var receptorTransducer: [Double], receptorSynthesisGain: [Double], receptorSynthesisRate: [Double]
    var receptorAdaptationGain: [Double], receptorAdaptationRate: [Double], receptorSetPoint: [Double]
    var pairState: [Int], pairLigand: [Int]
    var pairKon: [Double], pairKoff: [Double], pairEfficacy: [Double]
    var pairDesensitization: [Double], pairInternalization: [Double]
    var pairRecycles: [Double], pairModulated: [Double]
    var modulatorLigand: [Int], modulatorKd: [Double]
    var modulatorAlphaMinusOne: [Double], modulatorBetaMinusOne: [Double]
    var peptideState: [Int], peptideClearance: [Double], peptideProduction: [Double], peptideBasal: [Double]
    var peptideStimulusGain: [Double]
    var endorphinPeptide: Int, dynorphinPeptide: Int
    var endorphinSuppressionState: Int, dynorphinInductionState: Int
    var endorphinSuppressionGain: Double, endorphinSuppressionRate: Double
    var dynorphinInductionGain: Double, dynorphinInductionRate: Double
    var dynorphinDriveFromMu: Double, dynorphinDriveFromStress: Double
    var muReceptor: Int
    var stimulusIntensity: [Double]

    // Events and observable references.
    var events: [Event]
    var controlTotal: [Double]
    var baselineSurface: [Double]
    var referenceHedonicTone: Double
    var referenceProbeResponse: Double

    /// Reads the structure of `model` (its `package` arrays, exactly as the right-hand side uses them).
    init(_ model: CompiledModel) {
        let layout = model.layout, s = model.system
        stateNames = layout.stateNames
        speciesIDs = layout.speciesIDs
        peptideIDs = layout.peptideIDs
        ligandIDs = layout.ligandIDs
        receptorKinds = layout.receptorKinds

        speciesCentral = s.speciesCentral
        speciesPeripheral = s.speciesPeripheral
        speciesDeepPeripheral = s.speciesDeepPeripheral
        speciesEffect = s.speciesEffect
        speciesK10 = s.speciesK10
        speciesK12 = s.speciesK12
        speciesK21 = s.speciesK21
        speciesK13 = s.speciesK13
        speciesK31 = s.speciesK31
        speciesInverseV1 = s.speciesInverseV1
        speciesKe0 = s.speciesKe0
        speciesInfusion = s.speciesInfusionNanomolePerHour
        depotState = s.depotState
        depotTarget = s.depotTarget
        depotKa = s.depotKa
        depotBioavailability = s.depotBioavailability
        transferSource = s.transferSource
        transferTarget = s.transferTarget
        transferCoefficient = s.transferCoefficient
        ligandState = s.ligandState
        ligandScale = s.ligandScale
        receptorFree = s.receptorFree
        receptorDesensitized = s.receptorDesensitized
        receptorInternal = s.receptorInternal
        receptorSynthesisState = s.receptorSynthesisState
        receptorAdaptationState = s.receptorAdaptationState
        receptorPairStart = s.receptorPairStart
        receptorPairEnd = s.receptorPairEnd
        receptorModulatorStart = s.receptorModulatorStart
        receptorModulatorEnd = s.receptorModulatorEnd
        receptorSynthesis = s.receptorSynthesis
        receptorEndocytosis = s.receptorEndocytosis
        receptorResensitization = s.receptorResensitization
        receptorRecycling = s.receptorRecycling
        receptorDegradation = s.receptorDegradation
        receptorConstitutive = s.receptorConstitutive
        receptorTransducer = s.receptorTransducer
        receptorSynthesisGain = s.receptorSynthesisGain
        receptorSynthesisRate = s.receptorSynthesisRate
        receptorAdaptationGain = s.receptorAdaptationGain
        receptorAdaptationRate = s.receptorAdaptationRate
        receptorSetPoint = s.receptorSetPoint
        pairState = s.pairState
        pairLigand = s.pairLigand
        pairKon = s.pairKon
        pairKoff = s.pairKoff
        pairEfficacy = s.pairEfficacy
        pairDesensitization = s.pairDesensitization
        pairInternalization = s.pairInternalization
        pairRecycles = s.pairRecycles
        pairModulated = s.pairModulated
        modulatorLigand = s.modulatorLigand
        modulatorKd = s.modulatorKd
        modulatorAlphaMinusOne = s.modulatorAlphaMinusOne
        modulatorBetaMinusOne = s.modulatorBetaMinusOne
        peptideState = s.peptideState
        peptideClearance = s.peptideClearance
        peptideProduction = s.peptideProduction
        peptideBasal = s.peptideBasal
        peptideStimulusGain = s.peptideStimulusGain
        endorphinPeptide = s.endorphinPeptide
        dynorphinPeptide = s.dynorphinPeptide
        endorphinSuppressionState = s.endorphinSuppressionState
        dynorphinInductionState = s.dynorphinInductionState
        endorphinSuppressionGain = s.endorphinSuppressionGain
        endorphinSuppressionRate = s.endorphinSuppressionRate
        dynorphinInductionGain = s.dynorphinInductionGain
        dynorphinInductionRate = s.dynorphinInductionRate
        dynorphinDriveFromMu = s.dynorphinDriveFromMu
        dynorphinDriveFromStress = s.dynorphinDriveFromStress
        muReceptor = s.muReceptor
        stimulusIntensity = s.stimulusIntensity

        controlTotal = model.reference.controlTotal
        baselineSurface = model.reference.baselineSurface
        referenceHedonicTone = model.reference.hedonicTone
        referenceProbeResponse = model.reference.probeResponse
        events = model.events.map { event in
            let action: Event.Action
            switch event.action {
            case .addAmount(let state, let nanomole): action = .addAmount(state: state, nanomole: nanomole)
            case .changeInfusion(let species, let delta): action = .changeInfusion(species: species, delta: delta)
            case .changeStimulus(let kind, let delta): action = .changeStimulus(kind: kind, delta: delta)
            }
            return Event(timeHours: event.timeHours, action: action)
        }
    }
}
