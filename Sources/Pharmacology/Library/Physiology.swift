/// Whole-system constants: peptide feedback, hedonic weighting, phenotypes and the tolerance probe.
public struct Physiology: Sendable, Equatable {
    /// Endorphin production × exp(−gain · X_e), X_e tracking mu response above its set point.
    public var endorphinSuppressionGain: Sourced
    public var endorphinSuppressionHalfLifeHours: Sourced
    /// Dynorphin production × exp(gain · X_d).
    public var dynorphinInductionGain: Sourced
    public var dynorphinInductionHalfLifeHours: Sourced
    /// Drive of X_d by mu response above set point (chronic reward-drug exposure).
    public var dynorphinDriveFromMu: Sourced
    /// Drive of X_d per unit stress intensity.
    public var dynorphinDriveFromStress: Sourced
    /// Delta potentiation of mu output in the hedonic tone.
    public var hedonicDeltaWeight: Sourced
    /// Weight of kappa output opposing mu in the hedonic tone.
    public var hedonicKappaWeight: Sourced
    /// Opioid-deficit phenotype: endorphin and enkephalin release relative to control.
    public var deficitReleaseFactor: Sourced
    /// Opioid-deficit phenotype: opioid receptor synthesis relative to control.
    public var deficitReceptorSynthesisFactor: Sourced
    /// Tolerance probe: free brain concentration, affinity and efficacy of the reference agonist.
    public var probeConcentrationNanomolar: Sourced
    public var probeKiNanomolar: Sourced
    public var probeEfficacy: Sourced

    public init(
        endorphinSuppressionGain: Sourced, endorphinSuppressionHalfLifeHours: Sourced,
        dynorphinInductionGain: Sourced, dynorphinInductionHalfLifeHours: Sourced,
        dynorphinDriveFromMu: Sourced, dynorphinDriveFromStress: Sourced,
        hedonicDeltaWeight: Sourced, hedonicKappaWeight: Sourced, deficitReleaseFactor: Sourced,
        deficitReceptorSynthesisFactor: Sourced, probeConcentrationNanomolar: Sourced, probeKiNanomolar: Sourced, probeEfficacy: Sourced
    ) {
        self.endorphinSuppressionGain = endorphinSuppressionGain
        self.endorphinSuppressionHalfLifeHours = endorphinSuppressionHalfLifeHours
        self.dynorphinInductionGain = dynorphinInductionGain
        self.dynorphinInductionHalfLifeHours = dynorphinInductionHalfLifeHours
        self.dynorphinDriveFromMu = dynorphinDriveFromMu
        self.dynorphinDriveFromStress = dynorphinDriveFromStress
        self.hedonicDeltaWeight = hedonicDeltaWeight
        self.hedonicKappaWeight = hedonicKappaWeight
        self.deficitReleaseFactor = deficitReleaseFactor
        self.deficitReceptorSynthesisFactor = deficitReceptorSynthesisFactor
        self.probeConcentrationNanomolar = probeConcentrationNanomolar
        self.probeKiNanomolar = probeKiNanomolar
        self.probeEfficacy = probeEfficacy
    }
}
