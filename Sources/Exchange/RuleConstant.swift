import Pharmacology

/// A constant of the signalling rules (`SignallingRules`) exported as a named SBML parameter,
/// so a COPASI or libRoadRunner user can change it where ReceptorSim's users write a
/// `parameters:` override.
///
/// The parameter's id is the catalogue name (`receptor-sim parameters`) made an SBML SId
/// (`uncoupling.gain` → `uncoupling_gain`), its name the catalogue name itself, its value and
/// source those of `Physiology`. The rules hold some constants as rates k = ln 2 / t½ while the
/// catalogue holds the half-life: those export the half-life as the parameter and the rate as
/// an assignment rule `ln(2) / t½` (`rateID`), so changing the half-life changes the rate.
struct RuleConstant: Sendable {
    /// How the value the rules hold follows from the catalogue value.
    enum Form: Sendable {
        /// The rules hold the catalogue value itself.
        case value
        /// The rules hold ln 2 / (catalogue half-life, h), named `rateID`.
        case rateFromHalfLife(rateID: String)
    }

    let keyPath: WritableKeyPath<SignallingRules, Double> & Sendable
    /// The dotted name of `receptor-sim parameters` and of scenario overrides.
    let catalogueName: String
    let physiology: KeyPath<Physiology, Sourced> & Sendable
    let form: Form
    let unit: ExportedUnit

    /// The SBML id of the catalogue value.
    var id: String { ExportedModel.identifier(catalogueName) }

    /// The SBML id the rules' math reads: the rate rule for a half-life, else the parameter.
    var symbol: String {
        switch form {
        case .value: return id
        case .rateFromHalfLife(let rateID): return rateID
        }
    }

    /// The value the rules hold, from the catalogue value `v`, computed as `SignallingRules`
    /// computes it (ln 2 with the same digits as the SBML's `ln(2)`).
    func rulesValue(from v: Double) -> Double {
        switch form {
        case .value: return v
        case .rateFromHalfLife: return 0.6931471805599453 / v
        }
    }

    /// Every `Double` constant of `SignallingRules` but the set points, in its declaration
    /// order. `RuleConstantTests` checks with `Mirror` that none is missing: a constant added
    /// to the rules without an entry here would be exported as an anonymous number.
    static let all: [RuleConstant] = [
        .init(keyPath: \.rewardCoupling, catalogueName: "reward.coupling", physiology: \.rewardCoupling, form: .value, unit: .dimensionless),
        .init(keyPath: \.lcCoupling, catalogueName: "lc.coupling", physiology: \.lcCoupling, form: .value, unit: .dimensionless),
        .init(keyPath: \.deltaCoupling, catalogueName: "delta_reward.coupling", physiology: \.deltaRewardCoupling, form: .value, unit: .dimensionless),
        .init(keyPath: \.kappaCoupling, catalogueName: "kappa.coupling", physiology: \.kappaCoupling, form: .value, unit: .dimensionless),
        .init(keyPath: \.respirationCoupling, catalogueName: "respiration.coupling", physiology: \.respirationCoupling, form: .value, unit: .dimensionless),
        .init(keyPath: \.respirationSlope, catalogueName: "respiration.slope", physiology: \.respirationSlope, form: .value, unit: .dimensionless),
        .init(keyPath: \.rewardACCoupling, catalogueName: "reward.ac_coupling", physiology: \.rewardACCoupling, form: .value, unit: .dimensionless),
        .init(keyPath: \.lcACCoupling, catalogueName: "lc.ac_coupling", physiology: \.lcACCoupling, form: .value, unit: .dimensionless),
        .init(keyPath: \.acOpposition, catalogueName: "dependence.ac_opposition", physiology: \.acOpposition, form: .value, unit: .dimensionless),
        .init(keyPath: \.toneLossShare, catalogueName: "dependence.tone_loss_share", physiology: \.toneLossShare, form: .value, unit: .dimensionless),
        .init(keyPath: \.toneLossHalfAdaptation, catalogueName: "dependence.tone_loss_half_adaptation", physiology: \.toneLossHalfAdaptation,
              form: .value, unit: .dimensionless),
        .init(keyPath: \.deltaPotentiation, catalogueName: "model.delta_potentiation", physiology: \.deltaPotentiation, form: .value, unit: .dimensionless),
        .init(keyPath: \.uncouplingOnsetRate, catalogueName: "uncoupling.onset_half_life_h", physiology: \.uncouplingOnsetHalfLifeHours,
              form: .rateFromHalfLife(rateID: "uncoupling_onset_rate"), unit: .hour),
        .init(keyPath: \.uncouplingRecoveryRate, catalogueName: "uncoupling.recovery_half_life_h", physiology: \.uncouplingRecoveryHalfLifeHours,
              form: .rateFromHalfLife(rateID: "uncoupling_recovery_rate"), unit: .hour),
        .init(keyPath: \.uncouplingGain, catalogueName: "uncoupling.gain", physiology: \.uncouplingGain, form: .value, unit: .dimensionless),
        .init(keyPath: \.fastGain, catalogueName: "dependence.fast_gain", physiology: \.dependenceFastGain, form: .value, unit: .dimensionless),
        .init(keyPath: \.slowGain, catalogueName: "dependence.slow_gain", physiology: \.dependenceSlowGain, form: .value, unit: .dimensionless),
        .init(keyPath: \.smoothingWidth, catalogueName: "dependence.smoothing_width", physiology: \.smoothingWidth, form: .value, unit: .dimensionless),
        .init(keyPath: \.uncouplingSmoothingWidth, catalogueName: "uncoupling.smoothing_width", physiology: \.uncouplingSmoothingWidth, form: .value, unit: .dimensionless),
        .init(keyPath: \.extrinsicSmoothingWidth, catalogueName: "lc.extrinsic_smoothing_width", physiology: \.lcExtrinsicSmoothingWidth, form: .value, unit: .dimensionless),
        .init(keyPath: \.nmdaShare, catalogueName: "model.nmda_share", physiology: \.nmdaShare, form: .value, unit: .dimensionless),
        .init(keyPath: \.extrinsicGain, catalogueName: "lc.extrinsic_gain", physiology: \.lcExtrinsicGain, form: .value, unit: .dimensionless),
        .init(keyPath: \.ketamineOnsetRate, catalogueName: "ketamine_plasticity.onset_rate_per_h", physiology: \.ketaminePlasticityOnsetRatePerHour,
              form: .value, unit: .perHour),
        .init(keyPath: \.ketamineDecayRate, catalogueName: "ketamine_plasticity.half_life_h", physiology: \.ketaminePlasticityHalfLifeHours,
              form: .rateFromHalfLife(rateID: "ketamine_plasticity_decay_rate"), unit: .hour),
        .init(keyPath: \.dopamineFloor, catalogueName: "dopamine.floor", physiology: \.dopamineFloor, form: .value, unit: .dimensionless),
        .init(keyPath: \.dopamineKappaInhibition, catalogueName: "dopamine.kappa_inhibition", physiology: \.dopamineKappaInhibition, form: .value, unit: .dimensionless),
        .init(keyPath: \.dynorphinDriveFromDopamine, catalogueName: "model.dynorphin_drive_from_dopamine", physiology: \.dynorphinDriveFromDopamine,
              form: .value, unit: .dimensionless),
        .init(keyPath: \.dynorphinDriveFromAdaptation, catalogueName: "model.dynorphin_drive_from_adaptation", physiology: \.dynorphinDriveFromAdaptation,
              form: .value, unit: .dimensionless),
        .init(keyPath: \.dynorphinDriveFromStress, catalogueName: "model.dynorphin_drive_from_stress", physiology: \.dynorphinDriveFromStress,
              form: .value, unit: .dimensionless),
        .init(keyPath: \.dysphoriaTonic, catalogueName: "dysphoria.tonic", physiology: \.dysphoriaTonic, form: .value, unit: .dimensionless),
        .init(keyPath: \.dysphoriaKappaWeight, catalogueName: "dysphoria.kappa_weight", physiology: \.dysphoriaKappaWeight, form: .value, unit: .dimensionless),
        .init(keyPath: \.dysphoriaStressWeight, catalogueName: "dysphoria.stress_weight", physiology: \.dysphoriaStressWeight, form: .value, unit: .dimensionless),
        .init(keyPath: \.dysphoriaPainWeight, catalogueName: "dysphoria.pain_weight", physiology: \.dysphoriaPainWeight, form: .value, unit: .dimensionless),
        .init(keyPath: \.dysphoriaRejectionWeight, catalogueName: "dysphoria.rejection_weight", physiology: \.dysphoriaRejectionWeight,
              form: .value, unit: .dimensionless),
        .init(keyPath: \.dysphoriaMuRelief, catalogueName: "dysphoria.mu_relief", physiology: \.dysphoriaMuRelief, form: .value, unit: .dimensionless),
        .init(keyPath: \.dysphoriaKetamineRelief, catalogueName: "dysphoria.ketamine_relief", physiology: \.dysphoriaKetamineRelief,
              form: .value, unit: .dimensionless),
    ]

    /// A set point of the rules: a value of the drug-free control steady state that
    /// `CompiledModel` computes (not a catalogue value; it follows the couplings and bindings).
    struct SetPoint: Sendable {
        let keyPath: WritableKeyPath<SignallingRules, Double> & Sendable
        let id: String
        let meaning: String
    }

    /// Every set point of `SignallingRules`, in its declaration order.
    static let setPoints: [SetPoint] = [
        .init(keyPath: \.rewardSetPoint, id: "reward_set_point", meaning: "reward circuit response E_RW"),
        .init(keyPath: \.lcSetPoint, id: "lc_set_point", meaning: "locus-coeruleus circuit response E_LC"),
        .init(keyPath: \.rewardACSetPoint, id: "reward_ac_set_point", meaning: "reward AC-path response"),
        .init(keyPath: \.lcACSetPoint, id: "lc_ac_set_point", meaning: "LC AC-path response"),
        .init(keyPath: \.dopamineSetPoint, id: "dopamine_set_point", meaning: "absolute dopamine level (dopamine_tone is relative to it)"),
        .init(keyPath: \.muActivationSetPoint, id: "mu_activation_set_point", meaning: "mu activation a_mu that drives uncoupling"),
        .init(keyPath: \.deltaActivationSetPoint, id: "delta_activation_set_point", meaning: "delta activation a_delta that drives uncoupling"),
        .init(keyPath: \.kappaActivationSetPoint, id: "kappa_activation_set_point", meaning: "kappa activation a_kappa that drives uncoupling"),
    ]

    /// The SBO term of every exported constant: SBO:0000002, "quantitative systems
    /// description parameter" (the root of SBO's parameter branch; the finer terms are for
    /// reaction kinetics, which these are not).
    static let sboTerm = 2
}
