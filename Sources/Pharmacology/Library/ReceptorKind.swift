/// The receptor types the model simulates. `nmda` is included in a compiled model only when a
/// ligand in the scenario (ketamine, norketamine) targets it.
public enum ReceptorKind: String, Sendable, CaseIterable, Hashable {
    case mu, delta, kappa, nmda
}

/// Trafficking and signalling constants of one receptor type.
///
/// Rates are derived at compile time from these interpretable quantities (half-lives and
/// fractions), see Sources/Pharmacology/Pharmacology.docc/Model.md section "Receptor trafficking".
/// Model 2 moved the response, tolerance and dependence constants to the circuits
/// (`Physiology`); a receptor only says how it moves between its pools and how much it signals.
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
    /// Arrestin-driven internalization rate of desensitized receptors, 1/h.
    public var arrestinInternalizationRatePerHour: Sourced
    /// Constitutive endocytosis of antagonist-bound receptors relative to free ones, χ_r
    /// (< 1: an antagonist stabilizes surface receptors, the pharmacological chaperone).
    public var chaperoneEndocytosisFactor: Sourced
    /// Fraction of agonist-internalized receptors degraded per endosomal cycle, f_r
    /// (post-endocytic sorting is a property of the receptor, not of the ligand).
    public var agonistDegradedFraction: Sourced
    /// Signalling of a free (unliganded) coupled receptor relative to a full agonist.
    public var constitutiveActivity: Sourced

    public init(
        kind: ReceptorKind, turnoverHalfLifeHours: Sourced, internalFraction: Sourced,
        recyclingHalfLifeHours: Sourced, desensitizationRatePerHour: Sourced,
        resensitizationHalfLifeHours: Sourced, arrestinInternalizationRatePerHour: Sourced,
        chaperoneEndocytosisFactor: Sourced, agonistDegradedFraction: Sourced,
        constitutiveActivity: Sourced
    ) {
        self.kind = kind
        self.turnoverHalfLifeHours = turnoverHalfLifeHours
        self.internalFraction = internalFraction
        self.recyclingHalfLifeHours = recyclingHalfLifeHours
        self.desensitizationRatePerHour = desensitizationRatePerHour
        self.resensitizationHalfLifeHours = resensitizationHalfLifeHours
        self.arrestinInternalizationRatePerHour = arrestinInternalizationRatePerHour
        self.chaperoneEndocytosisFactor = chaperoneEndocytosisFactor
        self.agonistDegradedFraction = agonistDegradedFraction
        self.constitutiveActivity = constitutiveActivity
    }
}
