import Pharmacology

/// The compiled model's own index and coefficient arrays, read by reflection.
///
/// Why reflection: `ReceptorSystem` keeps its arrays `internal` (`@usableFromInline`) and
/// `CompiledModel` keeps its layout, events and reference values internal, so another module
/// cannot name them. Reading the very arrays the right-hand side loops over keeps every exported
/// number identical to the compiled one; a renamed or retyped field fails loudly with
/// `ExchangeError.modelStructureChanged`, and the Swift tests that evaluate the exported math
/// against `ReceptorSystem.evaluate` catch any change of the equations themselves.
/// (A `package` symbolic description exported by Pharmacology would replace this; see the
/// Exchange README section in Benchmarks/README.md.)
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
    var speciesCentral: [Int], speciesPeripheral: [Int], speciesEffect: [Int]
    var speciesK10: [Double], speciesK12: [Double], speciesK21: [Double]
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
    var referenceHedonicTone: Double
    var referenceProbeResponse: Double

    /// Reads the structure of `model`.
    /// - Throws: `ExchangeError.modelStructureChanged` naming the first field not found.
    init(_ model: CompiledModel) throws(ExchangeError) {
        let m = Reflected(model, owner: "CompiledModel")
        let layout = try Reflected(m.child("layout"), owner: "ModelLayout")
        let s = Reflected(model.system, owner: "ReceptorSystem")
        stateNames = try layout.value("stateNames")
        speciesIDs = try layout.value("speciesIDs")
        peptideIDs = try layout.value("peptideIDs")
        ligandIDs = try layout.value("ligandIDs")
        receptorKinds = try layout.value("receptorKinds")

        speciesCentral = try s.value("speciesCentral")
        speciesPeripheral = try s.value("speciesPeripheral")
        speciesEffect = try s.value("speciesEffect")
        speciesK10 = try s.value("speciesK10")
        speciesK12 = try s.value("speciesK12")
        speciesK21 = try s.value("speciesK21")
        speciesInverseV1 = try s.value("speciesInverseV1")
        speciesKe0 = try s.value("speciesKe0")
        speciesInfusion = model.system.speciesInfusionNanomolePerHour
        depotState = try s.value("depotState")
        depotTarget = try s.value("depotTarget")
        depotKa = try s.value("depotKa")
        depotBioavailability = try s.value("depotBioavailability")
        transferSource = try s.value("transferSource")
        transferTarget = try s.value("transferTarget")
        transferCoefficient = try s.value("transferCoefficient")
        ligandState = try s.value("ligandState")
        ligandScale = try s.value("ligandScale")
        receptorFree = try s.value("receptorFree")
        receptorDesensitized = try s.value("receptorDesensitized")
        receptorInternal = try s.value("receptorInternal")
        receptorSynthesisState = try s.value("receptorSynthesisState")
        receptorAdaptationState = try s.value("receptorAdaptationState")
        receptorPairStart = try s.value("receptorPairStart")
        receptorPairEnd = try s.value("receptorPairEnd")
        receptorModulatorStart = try s.value("receptorModulatorStart")
        receptorModulatorEnd = try s.value("receptorModulatorEnd")
        receptorSynthesis = try s.value("receptorSynthesis")
        receptorEndocytosis = try s.value("receptorEndocytosis")
        receptorResensitization = try s.value("receptorResensitization")
        receptorRecycling = try s.value("receptorRecycling")
        receptorDegradation = try s.value("receptorDegradation")
        receptorConstitutive = try s.value("receptorConstitutive")
        receptorTransducer = try s.value("receptorTransducer")
        receptorSynthesisGain = try s.value("receptorSynthesisGain")
        receptorSynthesisRate = try s.value("receptorSynthesisRate")
        receptorAdaptationGain = try s.value("receptorAdaptationGain")
        receptorAdaptationRate = try s.value("receptorAdaptationRate")
        receptorSetPoint = try s.value("receptorSetPoint")
        pairState = try s.value("pairState")
        pairLigand = try s.value("pairLigand")
        pairKon = try s.value("pairKon")
        pairKoff = try s.value("pairKoff")
        pairEfficacy = try s.value("pairEfficacy")
        pairDesensitization = try s.value("pairDesensitization")
        pairInternalization = try s.value("pairInternalization")
        pairRecycles = try s.value("pairRecycles")
        pairModulated = try s.value("pairModulated")
        modulatorLigand = try s.value("modulatorLigand")
        modulatorKd = try s.value("modulatorKd")
        modulatorAlphaMinusOne = try s.value("modulatorAlphaMinusOne")
        modulatorBetaMinusOne = try s.value("modulatorBetaMinusOne")
        peptideState = try s.value("peptideState")
        peptideClearance = try s.value("peptideClearance")
        peptideProduction = try s.value("peptideProduction")
        peptideBasal = try s.value("peptideBasal")
        peptideStimulusGain = try s.value("peptideStimulusGain")
        endorphinPeptide = try s.value("endorphinPeptide")
        dynorphinPeptide = try s.value("dynorphinPeptide")
        endorphinSuppressionState = try s.value("endorphinSuppressionState")
        dynorphinInductionState = try s.value("dynorphinInductionState")
        endorphinSuppressionGain = try s.value("endorphinSuppressionGain")
        endorphinSuppressionRate = try s.value("endorphinSuppressionRate")
        dynorphinInductionGain = try s.value("dynorphinInductionGain")
        dynorphinInductionRate = try s.value("dynorphinInductionRate")
        dynorphinDriveFromMu = try s.value("dynorphinDriveFromMu")
        dynorphinDriveFromStress = try s.value("dynorphinDriveFromStress")
        muReceptor = try s.value("muReceptor")
        stimulusIntensity = model.system.stimulusIntensity

        let reference = try Reflected(m.child("reference"), owner: "ObservableReference")
        controlTotal = try reference.value("controlTotal")
        referenceHedonicTone = try reference.value("hedonicTone")
        referenceProbeResponse = try reference.value("probeResponse")

        guard let rawEvents = try m.child("events") as? [Any] else {
            throw .modelStructureChanged(field: "CompiledModel.events", expected: "an array")
        }
        events = []
        for raw in rawEvents {
            let e = Reflected(raw, owner: "ModelEvent")
            let time: Double = try e.value("timeHours")
            events.append(Event(timeHours: time, action: try Self.action(try e.child("action"))))
        }
    }

    /// Decodes one `ModelEventAction` case by its name and payload labels.
    private static func action(_ raw: Any) throws(ExchangeError) -> Event.Action {
        guard let payload = Mirror(reflecting: raw).children.first, let name = payload.label else {
            throw .modelStructureChanged(field: "ModelEventAction", expected: "an enum with payloads")
        }
        let fields = Reflected(payload.value, owner: "ModelEventAction.\(name)")
        switch name {
        case "addAmount":
            return .addAmount(state: try fields.value("state"), nanomole: try fields.value("nanomole"))
        case "changeInfusion":
            return .changeInfusion(species: try fields.value("species"), delta: try fields.value("delta"))
        case "changeStimulus":
            return .changeStimulus(kind: try fields.value("kind"), delta: try fields.value("delta"))
        default:
            throw .modelStructureChanged(field: "ModelEventAction.\(name)", expected: "addAmount, changeInfusion or changeStimulus")
        }
    }
}

/// Named children of a reflected value, with typed access.
private struct Reflected {
    let children: [String: Any]
    let owner: String

    init(_ value: Any, owner: String) {
        var children: [String: Any] = [:]
        for child in Mirror(reflecting: value).children {
            if let label = child.label { children[label] = child.value }
        }
        self.children = children
        self.owner = owner
    }

    func child(_ label: String) throws(ExchangeError) -> Any {
        guard let value = children[label] else {
            throw .modelStructureChanged(field: owner + "." + label, expected: "present")
        }
        return value
    }

    func value<T>(_ label: String) throws(ExchangeError) -> T {
        guard let value = try child(label) as? T else {
            throw .modelStructureChanged(field: owner + "." + label, expected: "of type \(T.self)")
        }
        return value
    }
}
