/// The receptor types the model simulates. `nmda` is included in a compiled model only when a
/// ligand in the scenario (ketamine, norketamine) targets it.
public enum ReceptorKind: String, Sendable, CaseIterable, Hashable {
    case mu, delta, kappa, nmda
}

/// Trafficking, signalling and adaptation constants of one receptor type.
///
/// Rates are derived at compile time from these interpretable quantities (half-lives and
/// fractions), see Sources/Pharmacology/Pharmacology.docc/Model.md section "Receptor trafficking".
public struct ReceptorParameters: Sendable, Equatable {
    public var kind: ReceptorKind
    /// Half-life of the whole receptor pool (synthesis/degradation turnover), h.
    public var turnoverHalfLifeHours: Sourced
    /// Fraction of receptors inside the cell in the drug-free control state.
    public var internalFraction: Sourced
    /// Half-life of recycling of internalized receptors to the surface, h.
    public var recyclingHalfLifeHours: Sourced
    /// Desensitization rate of receptors bound by an agonist of arrestin bias 1, 1/h.
    public var desensitizationRatePerHour: Sourced
    /// Half-life of resensitization of desensitized surface receptors, h.
    public var resensitizationHalfLifeHours: Sourced
    /// Arrestin-driven internalization rate of receptors bound by an agonist of bias 1, 1/h.
    public var arrestinInternalizationRatePerHour: Sourced
    /// Constitutive endocytosis of antagonist-bound receptors relative to free ones
    /// (< 1: antagonists stabilize surface receptors, the "chaperone" effect).
    public var antagonistEndocytosisFactor: Sourced
    /// Signalling of a free (unliganded) coupled receptor relative to a full agonist.
    public var constitutiveActivity: Sourced
    /// Stimulus giving half-maximal transduced response (operational model; receptor reserve).
    public var transducerHalfMaxStimulus: Sourced
    /// Gain of the homeostatic control of synthesis: synthesis × exp(gain · H).
    public var synthesisFeedbackGain: Sourced
    /// Half-life of the homeostatic synthesis state H, h.
    public var synthesisFeedbackHalfLifeHours: Sourced
    /// Fraction of a sustained response change that the counter-adaptation cancels.
    public var adaptationGain: Sourced
    /// Half-life of the counter-adaptation state A (adenylyl-cyclase superactivation), h.
    public var adaptationHalfLifeHours: Sourced

    public init(
        kind: ReceptorKind, turnoverHalfLifeHours: Sourced, internalFraction: Sourced,
        recyclingHalfLifeHours: Sourced, desensitizationRatePerHour: Sourced,
        resensitizationHalfLifeHours: Sourced, arrestinInternalizationRatePerHour: Sourced,
        antagonistEndocytosisFactor: Sourced, constitutiveActivity: Sourced,
        transducerHalfMaxStimulus: Sourced, synthesisFeedbackGain: Sourced,
        synthesisFeedbackHalfLifeHours: Sourced, adaptationGain: Sourced,
        adaptationHalfLifeHours: Sourced
    ) {
        self.kind = kind
        self.turnoverHalfLifeHours = turnoverHalfLifeHours
        self.internalFraction = internalFraction
        self.recyclingHalfLifeHours = recyclingHalfLifeHours
        self.desensitizationRatePerHour = desensitizationRatePerHour
        self.resensitizationHalfLifeHours = resensitizationHalfLifeHours
        self.arrestinInternalizationRatePerHour = arrestinInternalizationRatePerHour
        self.antagonistEndocytosisFactor = antagonistEndocytosisFactor
        self.constitutiveActivity = constitutiveActivity
        self.transducerHalfMaxStimulus = transducerHalfMaxStimulus
        self.synthesisFeedbackGain = synthesisFeedbackGain
        self.synthesisFeedbackHalfLifeHours = synthesisFeedbackHalfLifeHours
        self.adaptationGain = adaptationGain
        self.adaptationHalfLifeHours = adaptationHalfLifeHours
    }
}
