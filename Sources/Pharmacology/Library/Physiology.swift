/// Whole-system constants: peptide feedback, circuits and their counter-adaptation, affect,
/// phenotypes and the tolerance probe (Model2Design.md §3–§8; every value with its source in
/// the built-in library).
public struct Physiology: Sendable, Equatable {
    /// Endorphin production × exp(−gain · X_e), X_e tracking the reward response above its control level relative to its headroom.
    public var endorphinSuppressionGain: Sourced
    public var endorphinSuppressionHalfLifeHours: Sourced
    /// Dynorphin production × exp(gain · X_d).
    public var dynorphinInductionGain: Sourced
    public var dynorphinInductionHalfLifeHours: Sourced
    /// Drive of X_d by dopamine tone above its control level, a_DA (seed 004 loop).
    public var dynorphinDriveFromDopamine: Sourced
    /// Drive of X_d by the reward-circuit counter-adaptation A_RW, a_A.
    public var dynorphinDriveFromAdaptation: Sourced
    /// Drive of X_d per unit stress intensity.
    public var dynorphinDriveFromStress: Sourced
    /// Opioid-deficit phenotype: basal endorphin and enkephalin release relative to control.
    public var deficitReleaseFactor: Sourced
    /// Opioid-deficit phenotype: endorphin and enkephalin release evoked by stress-type stimuli
    /// relative to control (`StimulusKind.deficitScalesEvokedRelease`).
    public var deficitEvokedReleaseFactor: Sourced
    /// Opioid-deficit phenotype: opioid receptor synthesis relative to control.
    public var deficitReceptorSynthesisFactor: Sourced
    /// Tolerance probe: free brain concentration, affinity and efficacy of the reference agonist.
    public var probeConcentrationNanomolar: Sourced
    public var probeKiNanomolar: Sourced
    public var probeEfficacy: Sourced
    /// Circuit couplings κ_c: the transducer ratio of a full agonist on all control receptors (Model2Design.md §3).
    public var rewardCoupling: Sourced
    public var lcCoupling: Sourced
    public var respirationCoupling: Sourced
    public var deltaRewardCoupling: Sourced
    public var kappaCoupling: Sourced
    /// Transducer slope of the respiratory circuit (no reserve, steep collapse near apnea).
    public var respirationSlope: Sourced
    /// w_δ: the delta response multiplies the mu stimulus of the reward circuit by 1 + w_δ E_δ.
    public var deltaPotentiation: Sourced
    /// Coupling of the adenylyl-cyclase path that drives the counter-adaptation pools (LC and reward); it bypasses the uncoupling U.
    public var lcACCoupling: Sourced
    public var rewardACCoupling: Sourced
    /// Share of the AC-path inhibition (rather than the circuit output) that opposes the adaptation in the withdrawal signs: 0 the prototype's choice.
    public var acOpposition: Sourced
    /// Share of the LC output's loss of inhibition below control (ΔE_LC < 0) that adds to the withdrawal signs, scaled by A/(A + a½) so a subject without adaptation shows none: 0 only inhibition above control counts.
    public var toneLossShare: Sourced
    /// a½: the LC adaptation at which half of that loss counts.
    public var toneLossHalfAdaptation: Sourced
    /// Long-term uncoupling U (receptor-level tolerance): onset, recovery, gain, arrestin-independent share.
    public var uncouplingOnsetHalfLifeHours: Sourced
    public var uncouplingRecoveryHalfLifeHours: Sourced
    public var uncouplingGain: Sourced
    public var uncouplingArrestinIndependentShare: Sourced
    /// AC/cAMP counter-adaptation: fast and slow pools (half-lives and gains).
    public var dependenceFastHalfLifeHours: Sourced
    public var dependenceFastGain: Sourced
    public var dependenceSlowHalfLifeHours: Sourced
    public var dependenceSlowGain: Sourced
    /// Width w of the smooth max σ(x) = w ln(1 + e^{x/w}) − w ln 2, units of E.
    public var smoothingWidth: Sourced
    /// Width of the smooth max in the uncoupling drives σ(a_r − a_r,0) alone (Model2Design.md §4.1),
    /// apart from `smoothingWidth` because the mu activation crosses its set point within every
    /// dose interval and that kink costs the stiff solver most of its step rejections.
    public var uncouplingSmoothingWidth: Sourced
    /// Width of ρ, the C² max in the LC extrinsic drive's target ρ(A_LC − O_LC) (Model2Design.md
    /// §4.3): that argument crosses 0 twice per dose interval in a dependent subject.
    public var lcExtrinsicSmoothingWidth: Sourced
    /// s_N: the NMDA-dependent share of uncoupling, slow adaptation and the LC extrinsic drive.
    public var nmdaShare: Sourced
    /// LC extrinsic (glutamatergic) drive G: gain and half-life.
    public var lcExtrinsicGain: Sourced
    public var lcExtrinsicHalfLifeHours: Sourced
    /// Ketamine plasticity K_p: onset rate per unit NMDA block, and decay half-life.
    public var ketaminePlasticityOnsetRatePerHour: Sourced
    public var ketaminePlasticityHalfLifeHours: Sourced
    /// d_0: dopamine release without mu disinhibition, relative.
    public var dopamineFloor: Sourced
    /// w_κ: kappa inhibition of dopamine release.
    public var dopamineKappaInhibition: Sourced
    /// Dysphoria: tonic aversive input, kappa weight, event weights, mu relief, ketamine relief.
    public var dysphoriaTonic: Sourced
    public var dysphoriaKappaWeight: Sourced
    public var dysphoriaStressWeight: Sourced
    public var dysphoriaPainWeight: Sourced
    public var dysphoriaRejectionWeight: Sourced
    public var dysphoriaMuRelief: Sourced
    public var dysphoriaKetamineRelief: Sourced
    /// Withdrawal index at which cows_equivalent reaches half of 48 points.
    public var cowsHalfIndex: Sourced

    public init(
        endorphinSuppressionGain: Sourced,
        endorphinSuppressionHalfLifeHours: Sourced,
        dynorphinInductionGain: Sourced,
        dynorphinInductionHalfLifeHours: Sourced,
        dynorphinDriveFromDopamine: Sourced,
        dynorphinDriveFromAdaptation: Sourced,
        dynorphinDriveFromStress: Sourced,
        deficitReleaseFactor: Sourced,
        deficitEvokedReleaseFactor: Sourced,
        deficitReceptorSynthesisFactor: Sourced,
        probeConcentrationNanomolar: Sourced,
        probeKiNanomolar: Sourced,
        probeEfficacy: Sourced,
        rewardCoupling: Sourced,
        lcCoupling: Sourced,
        respirationCoupling: Sourced,
        deltaRewardCoupling: Sourced,
        kappaCoupling: Sourced,
        respirationSlope: Sourced,
        deltaPotentiation: Sourced,
        lcACCoupling: Sourced,
        rewardACCoupling: Sourced,
        acOpposition: Sourced,
        toneLossShare: Sourced,
        toneLossHalfAdaptation: Sourced,
        uncouplingOnsetHalfLifeHours: Sourced,
        uncouplingRecoveryHalfLifeHours: Sourced,
        uncouplingGain: Sourced,
        uncouplingArrestinIndependentShare: Sourced,
        dependenceFastHalfLifeHours: Sourced,
        dependenceFastGain: Sourced,
        dependenceSlowHalfLifeHours: Sourced,
        dependenceSlowGain: Sourced,
        smoothingWidth: Sourced,
        uncouplingSmoothingWidth: Sourced,
        lcExtrinsicSmoothingWidth: Sourced,
        nmdaShare: Sourced,
        lcExtrinsicGain: Sourced,
        lcExtrinsicHalfLifeHours: Sourced,
        ketaminePlasticityOnsetRatePerHour: Sourced,
        ketaminePlasticityHalfLifeHours: Sourced,
        dopamineFloor: Sourced,
        dopamineKappaInhibition: Sourced,
        dysphoriaTonic: Sourced,
        dysphoriaKappaWeight: Sourced,
        dysphoriaStressWeight: Sourced,
        dysphoriaPainWeight: Sourced,
        dysphoriaRejectionWeight: Sourced,
        dysphoriaMuRelief: Sourced,
        dysphoriaKetamineRelief: Sourced,
        cowsHalfIndex: Sourced
    ) {
        self.endorphinSuppressionGain = endorphinSuppressionGain
        self.endorphinSuppressionHalfLifeHours = endorphinSuppressionHalfLifeHours
        self.dynorphinInductionGain = dynorphinInductionGain
        self.dynorphinInductionHalfLifeHours = dynorphinInductionHalfLifeHours
        self.dynorphinDriveFromDopamine = dynorphinDriveFromDopamine
        self.dynorphinDriveFromAdaptation = dynorphinDriveFromAdaptation
        self.dynorphinDriveFromStress = dynorphinDriveFromStress
        self.deficitReleaseFactor = deficitReleaseFactor
        self.deficitEvokedReleaseFactor = deficitEvokedReleaseFactor
        self.deficitReceptorSynthesisFactor = deficitReceptorSynthesisFactor
        self.probeConcentrationNanomolar = probeConcentrationNanomolar
        self.probeKiNanomolar = probeKiNanomolar
        self.probeEfficacy = probeEfficacy
        self.rewardCoupling = rewardCoupling
        self.lcCoupling = lcCoupling
        self.respirationCoupling = respirationCoupling
        self.deltaRewardCoupling = deltaRewardCoupling
        self.kappaCoupling = kappaCoupling
        self.respirationSlope = respirationSlope
        self.deltaPotentiation = deltaPotentiation
        self.lcACCoupling = lcACCoupling
        self.rewardACCoupling = rewardACCoupling
        self.acOpposition = acOpposition
        self.toneLossShare = toneLossShare
        self.toneLossHalfAdaptation = toneLossHalfAdaptation
        self.uncouplingOnsetHalfLifeHours = uncouplingOnsetHalfLifeHours
        self.uncouplingRecoveryHalfLifeHours = uncouplingRecoveryHalfLifeHours
        self.uncouplingGain = uncouplingGain
        self.uncouplingArrestinIndependentShare = uncouplingArrestinIndependentShare
        self.dependenceFastHalfLifeHours = dependenceFastHalfLifeHours
        self.dependenceFastGain = dependenceFastGain
        self.dependenceSlowHalfLifeHours = dependenceSlowHalfLifeHours
        self.dependenceSlowGain = dependenceSlowGain
        self.smoothingWidth = smoothingWidth
        self.uncouplingSmoothingWidth = uncouplingSmoothingWidth
        self.lcExtrinsicSmoothingWidth = lcExtrinsicSmoothingWidth
        self.nmdaShare = nmdaShare
        self.lcExtrinsicGain = lcExtrinsicGain
        self.lcExtrinsicHalfLifeHours = lcExtrinsicHalfLifeHours
        self.ketaminePlasticityOnsetRatePerHour = ketaminePlasticityOnsetRatePerHour
        self.ketaminePlasticityHalfLifeHours = ketaminePlasticityHalfLifeHours
        self.dopamineFloor = dopamineFloor
        self.dopamineKappaInhibition = dopamineKappaInhibition
        self.dysphoriaTonic = dysphoriaTonic
        self.dysphoriaKappaWeight = dysphoriaKappaWeight
        self.dysphoriaStressWeight = dysphoriaStressWeight
        self.dysphoriaPainWeight = dysphoriaPainWeight
        self.dysphoriaRejectionWeight = dysphoriaRejectionWeight
        self.dysphoriaMuRelief = dysphoriaMuRelief
        self.dysphoriaKetamineRelief = dysphoriaKetamineRelief
        self.cowsHalfIndex = cowsHalfIndex
    }
}
