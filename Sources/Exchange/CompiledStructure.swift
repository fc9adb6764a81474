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
            case changeDepotInput(depot: Int, delta: Double)
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
    var depotInput: [Double]
    var transferSource: [Int], transferTarget: [Int], transferCoefficient: [Double]
    var ligandState: [Int], ligandScale: [Double]
    var receptorFree: [Int], receptorDesensitized: [Int], receptorInternal: [Int]
    var receptorAgonistInternal: [Int], receptorUncoupled: [Int]
    var receptorPairStart: [Int], receptorPairEnd: [Int]
    var receptorModulatorStart: [Int], receptorModulatorEnd: [Int]
    var receptorSynthesis: [Double], receptorEndocytosis: [Double], receptorResensitization: [Double]
    var receptorRecycling: [Double], receptorDegradation: [Double], receptorConstitutive: [Double]
    var receptorAgonistDegradation: [Double], receptorArrestinInternalization: [Double]
    var pairState: [Int], pairLigand: [Int]
    var pairKon: [Double], pairKoff: [Double], pairEfficacy: [Double]
    var pairDesensitization: [Double], pairInternalization: [Double]
    var pairRecycles: [Double], pairModulated: [Double], pairActivation: [Double], pairIsDrug: [Double]
    var modulatorLigand: [Int], modulatorKd: [Double]
    var modulatorAlphaMinusOne: [Double], modulatorBetaMinusOne: [Double]
    var peptideState: [Int], peptideClearance: [Double], peptideProduction: [Double], peptideBasal: [Double]
    var peptideStimulusGain: [Double]
    var endorphinPeptide: Int, dynorphinPeptide: Int
    var endorphinSuppressionState: Int, dynorphinInductionState: Int
    var endorphinSuppressionGain: Double, endorphinSuppressionRate: Double
    var dynorphinInductionGain: Double, dynorphinInductionRate: Double
    var muReceptor: Int, deltaReceptor: Int, kappaReceptor: Int, nmdaReceptor: Int
    var rules: SignallingRules
    var lcFastState: Int, lcSlowState: Int, rewardFastState: Int, rewardSlowState: Int, lcExtrinsicState: Int
    var ketaminePlasticityState: Int
    var fastRate: Double, slowRate: Double, extrinsicRate: Double
    var stimulusIntensity: [Double]

    // Events and observable references.
    var events: [Event]
    var controlTotal: [Double]
    var baselineSurface: [Double]
    var referenceProbeResponse: Double
    var referenceRespirationResponse: Double

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
        depotInput = s.depotInputNanomolePerHour
        transferSource = s.transferSource
        transferTarget = s.transferTarget
        transferCoefficient = s.transferCoefficient
        ligandState = s.ligandState
        ligandScale = s.ligandScale
        receptorFree = s.receptorFree
        receptorDesensitized = s.receptorDesensitized
        receptorInternal = s.receptorInternal
        receptorAgonistInternal = s.receptorAgonistInternal
        receptorUncoupled = s.receptorUncoupled
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
        receptorAgonistDegradation = s.receptorAgonistDegradation
        receptorArrestinInternalization = s.receptorArrestinInternalization
        pairState = s.pairState
        pairLigand = s.pairLigand
        pairKon = s.pairKon
        pairKoff = s.pairKoff
        pairEfficacy = s.pairEfficacy
        pairDesensitization = s.pairDesensitization
        pairInternalization = s.pairInternalization
        pairRecycles = s.pairRecycles
        pairModulated = s.pairModulated
        pairActivation = s.pairActivation
        pairIsDrug = s.pairIsDrug
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
        muReceptor = s.muReceptor
        deltaReceptor = s.deltaReceptor
        kappaReceptor = s.kappaReceptor
        nmdaReceptor = s.nmdaReceptor
        rules = s.rules
        lcFastState = s.lcFastState
        lcSlowState = s.lcSlowState
        rewardFastState = s.rewardFastState
        rewardSlowState = s.rewardSlowState
        lcExtrinsicState = s.lcExtrinsicState
        ketaminePlasticityState = s.ketaminePlasticityState
        fastRate = s.fastRate
        slowRate = s.slowRate
        extrinsicRate = s.extrinsicRate
        stimulusIntensity = s.stimulusIntensity

        controlTotal = model.reference.controlTotal
        baselineSurface = model.reference.baselineSurface
        referenceProbeResponse = model.reference.probeResponse
        referenceRespirationResponse = model.reference.respirationResponse
        events = model.events.map { event in
            let action: Event.Action
            switch event.action {
            case .addAmount(let state, let nanomole): action = .addAmount(state: state, nanomole: nanomole)
            case .changeInfusion(let species, let delta): action = .changeInfusion(species: species, delta: delta)
            case .changeStimulus(let kind, let delta): action = .changeStimulus(kind: kind, delta: delta)
            case .changeDepotInput(let depot, let delta): action = .changeDepotInput(depot: depot, delta: delta)
            }
            return Event(timeHours: event.timeHours, action: action)
        }
    }
}
