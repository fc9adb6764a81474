/// One compiled coefficient of `ReceptorSystem` that the right-hand side reads, with its index:
/// the unit of the sparse ∂f/∂c of `ReceptorSystem.addCoefficientTangent`. Each case names the
/// array (or scalar) of `ReceptorSystem` it stands for; `ReceptorCoefficient.arrays` and
/// `.scalars` map the names to the stored properties, so the set handled exactly is one list.
///
/// Pair and receptor cases carry the receptor (or the state) they act on, found once when the
/// direction is built (`ParameterDirection`), so the per-step pass does no search.
@usableFromInline
enum ReceptorCoefficient: Sendable, Equatable {
    // Pharmacokinetics, per species s.
    case infusion(Int), k10(Int), k12(Int), k21(Int), k13(Int), k31(Int), inverseV1(Int), ke0(Int)
    // Depots and metabolite formation.
    case depotInput(Int), depotKa(Int), depotBioavailability(Int), transfer(Int)
    /// ligandScale[l]: every binding pair of ligand l (none may be a modulator's, see `ParameterDirection`).
    case ligandScale(Int)
    // Receptors, per receptor r.
    case synthesis(Int), endocytosis(Int), resensitization(Int), recycling(Int), degradation(Int)
    case agonistDegradation(Int), arrestinInternalization(Int)
    /// c0 of receptor r: the rule input Q'_r.
    case constitutive(Int)
    // Binding pairs p (with their receptor r).
    case kon(Int), koff(Int), desensitization(Int), internalization(Int)
    case efficacy(pair: Int, receptor: Int), activation(pair: Int, receptor: Int)
    // Peptides q and the scalars of the rule-driven states.
    case peptideClearance(Int), peptideProduction(Int), peptideDrive(Int)
    case endorphinSuppressionGain, endorphinSuppressionRate, dynorphinInductionGain, dynorphinInductionRate
    case fastRate, slowRate, extrinsicRate

    /// The coefficient arrays handled exactly, by property name (the label `Mirror` reports).
    nonisolated(unsafe) static let arrays: [(name: String, path: KeyPath<ReceptorSystem, [Double]>, make: (Int) -> ReceptorCoefficient)] = [
        ("speciesInfusionNanomolePerHour", \.speciesInfusionNanomolePerHour, { .infusion($0) }),
        ("speciesK10", \.speciesK10, { .k10($0) }), ("speciesK12", \.speciesK12, { .k12($0) }),
        ("speciesK21", \.speciesK21, { .k21($0) }), ("speciesK13", \.speciesK13, { .k13($0) }),
        ("speciesK31", \.speciesK31, { .k31($0) }), ("speciesInverseV1", \.speciesInverseV1, { .inverseV1($0) }),
        ("speciesKe0", \.speciesKe0, { .ke0($0) }),
        ("depotInputNanomolePerHour", \.depotInputNanomolePerHour, { .depotInput($0) }),
        ("depotKa", \.depotKa, { .depotKa($0) }), ("depotBioavailability", \.depotBioavailability, { .depotBioavailability($0) }),
        ("transferCoefficient", \.transferCoefficient, { .transfer($0) }),
        ("ligandScale", \.ligandScale, { .ligandScale($0) }),
        ("receptorSynthesis", \.receptorSynthesis, { .synthesis($0) }),
        ("receptorEndocytosis", \.receptorEndocytosis, { .endocytosis($0) }),
        ("receptorResensitization", \.receptorResensitization, { .resensitization($0) }),
        ("receptorRecycling", \.receptorRecycling, { .recycling($0) }),
        ("receptorDegradation", \.receptorDegradation, { .degradation($0) }),
        ("receptorAgonistDegradation", \.receptorAgonistDegradation, { .agonistDegradation($0) }),
        ("receptorArrestinInternalization", \.receptorArrestinInternalization, { .arrestinInternalization($0) }),
        ("receptorConstitutive", \.receptorConstitutive, { .constitutive($0) }),
        ("pairKon", \.pairKon, { .kon($0) }), ("pairKoff", \.pairKoff, { .koff($0) }),
        ("pairDesensitization", \.pairDesensitization, { .desensitization($0) }),
        ("pairInternalization", \.pairInternalization, { .internalization($0) }),
        // The receptor is filled in by `ParameterDirection` (-1 here).
        ("pairEfficacy", \.pairEfficacy, { .efficacy(pair: $0, receptor: -1) }),
        ("pairActivation", \.pairActivation, { .activation(pair: $0, receptor: -1) }),
        ("peptideClearance", \.peptideClearance, { .peptideClearance($0) }),
        ("peptideProduction", \.peptideProduction, { .peptideProduction($0) }),
        ("peptideDrive", \.peptideDrive, { .peptideDrive($0) }),
    ]

    /// The scalar coefficients handled exactly, by property name.
    nonisolated(unsafe) static let scalars: [(name: String, path: KeyPath<ReceptorSystem, Double>, coefficient: ReceptorCoefficient)] = [
        ("endorphinSuppressionGain", \.endorphinSuppressionGain, .endorphinSuppressionGain),
        ("endorphinSuppressionRate", \.endorphinSuppressionRate, .endorphinSuppressionRate),
        ("dynorphinInductionGain", \.dynorphinInductionGain, .dynorphinInductionGain),
        ("dynorphinInductionRate", \.dynorphinInductionRate, .dynorphinInductionRate),
        ("fastRate", \.fastRate, .fastRate), ("slowRate", \.slowRate, .slowRate), ("extrinsicRate", \.extrinsicRate, .extrinsicRate),
    ]

    /// Stored properties that are not coefficients of f in their own right: `rules` (handled
    /// by `ParameterDirection.rulesPlus/Minus`), the peptide release terms that reach f only
    /// through `peptideDrive` (handled), and the layout's bookkeeping.
    static let notCoefficients: Set<String> = ["rules", "peptideBasal", "peptideStimulusGain", "jacobianPositions"]

    /// Stored properties no parameter is expected to move (the layout's indices, the
    /// modulators, the stimulus), compared at p e^{±h}: one that moves makes the direction
    /// inexact. Typed key paths, not `Mirror` (which cost 2.3 M instructions per parameter);
    /// `ParameterSensitivityTests` checks that these lists and the ones above name every stored
    /// property, so a property added later is never silently dropped.
    nonisolated(unsafe) static let fixedIndexArrays: [(name: String, path: KeyPath<ReceptorSystem, [Int]>)] = [
        ("speciesCentral", \.speciesCentral), ("speciesPeripheral", \.speciesPeripheral),
        ("speciesDeepPeripheral", \.speciesDeepPeripheral), ("speciesEffect", \.speciesEffect),
        ("depotState", \.depotState), ("depotTarget", \.depotTarget),
        ("transferSource", \.transferSource), ("transferTarget", \.transferTarget), ("ligandState", \.ligandState),
        ("receptorFree", \.receptorFree), ("receptorDesensitized", \.receptorDesensitized),
        ("receptorInternal", \.receptorInternal), ("receptorAgonistInternal", \.receptorAgonistInternal),
        ("receptorUncoupled", \.receptorUncoupled), ("receptorPairStart", \.receptorPairStart),
        ("receptorPairEnd", \.receptorPairEnd), ("receptorModulatorStart", \.receptorModulatorStart),
        ("receptorModulatorEnd", \.receptorModulatorEnd), ("pairState", \.pairState), ("pairLigand", \.pairLigand),
        ("modulatorLigand", \.modulatorLigand), ("peptideState", \.peptideState),
    ]

    /// See `fixedIndexArrays`.
    nonisolated(unsafe) static let fixedIndices: [(name: String, path: KeyPath<ReceptorSystem, Int>)] = [
        ("dimension", \.dimension), ("muReceptor", \.muReceptor), ("deltaReceptor", \.deltaReceptor),
        ("kappaReceptor", \.kappaReceptor), ("nmdaReceptor", \.nmdaReceptor), ("lcFastState", \.lcFastState),
        ("lcSlowState", \.lcSlowState), ("rewardFastState", \.rewardFastState), ("rewardSlowState", \.rewardSlowState),
        ("lcExtrinsicState", \.lcExtrinsicState), ("ketaminePlasticityState", \.ketaminePlasticityState),
        ("endorphinPeptide", \.endorphinPeptide), ("dynorphinPeptide", \.dynorphinPeptide),
        ("endorphinSuppressionState", \.endorphinSuppressionState), ("dynorphinInductionState", \.dynorphinInductionState),
    ]

    /// See `fixedIndexArrays`.
    nonisolated(unsafe) static let fixedValueArrays: [(name: String, path: KeyPath<ReceptorSystem, [Double]>)] = [
        ("pairIsDrug", \.pairIsDrug), ("pairRecycles", \.pairRecycles), ("pairModulated", \.pairModulated),
        ("modulatorKd", \.modulatorKd), ("modulatorAlphaMinusOne", \.modulatorAlphaMinusOne),
        ("modulatorBetaMinusOne", \.modulatorBetaMinusOne), ("stimulusIntensity", \.stimulusIntensity),
    ]
}

extension ReceptorCoefficient {
    /// Byte offsets in `ReceptorSystem` of the lists' stored properties, in their order (nil: not
    /// a stored property), so `ParameterDirection` reads them in place.
    struct FieldOffsets {
        let arrays, scalars, fixedIndexArrays, fixedIndices, fixedValueArrays: [Int?]
        let modulatorLigand: Int?
    }

    static let fieldOffsets: FieldOffsets = {
        func offsets<V>(_ paths: [KeyPath<ReceptorSystem, V>]) -> [Int?] { paths.map { MemoryLayout<ReceptorSystem>.offset(of: $0) } }
        return FieldOffsets(arrays: offsets(arrays.map(\.path)), scalars: offsets(scalars.map(\.path)),
                            fixedIndexArrays: offsets(fixedIndexArrays.map(\.path)), fixedIndices: offsets(fixedIndices.map(\.path)),
                            fixedValueArrays: offsets(fixedValueArrays.map(\.path)),
                            modulatorLigand: MemoryLayout<ReceptorSystem>.offset(of: \ReceptorSystem.modulatorLigand))
    }()
}

/// One nonzero entry of dc/d ln p_k.
@usableFromInline
struct CoefficientSlope: Sendable {
    @usableFromInline var coefficient: ReceptorCoefficient
    @usableFromInline var slope: Double
}
