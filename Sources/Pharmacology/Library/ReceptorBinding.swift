/// How a ligand acts at a receptor's orthosteric site.
public enum EfficacyClass: String, Sendable, Equatable {
    /// Activates the receptor; `ReceptorBinding.efficacy` is its intrinsic efficacy relative to
    /// a full agonist (1 = full, < 1 = partial).
    case agonist
    /// Occupies without changing the receptor's constitutive signalling.
    case neutralAntagonist = "neutral_antagonist"
    /// Occupies and silences the receptor's constitutive signalling (channel blockers at NMDA).
    case inverseAgonist = "inverse_agonist"
}

/// One (ligand, receptor) interaction: kinetics, efficacy, trafficking bias.
///
/// Kinetics are given as Ki and kon; koff = kon · Ki, so the equilibrium is the Ki whatever
/// kon is (a documented assumption where no kinetic data exist).
public struct ReceptorBinding: Sendable, Equatable {
    public var receptor: ReceptorKind
    /// Equilibrium dissociation constant for the free ligand, nM.
    public var kiNanomolar: Sourced
    /// Association rate constant, 1/(nM·h).
    public var konPerNanomolarHour: Sourced
    public var efficacyClass: EfficacyClass
    /// Intrinsic efficacy relative to a full agonist (used for agonists only).
    public var efficacy: Sourced
    /// Propensity (0...1) to recruit beta-arrestin: scales desensitization and internalization.
    public var arrestinBias: Sourced
    /// Irreversible (covalent) binding: koff = 0, removed only by receptor turnover.
    public var irreversible: Bool

    public init(
        receptor: ReceptorKind, kiNanomolar: Sourced, konPerNanomolarHour: Sourced,
        efficacyClass: EfficacyClass, efficacy: Sourced = Sourced(0, "not an agonist"),
        arrestinBias: Sourced = Sourced(0, "model assumption: non-agonists recruit no arrestin"),
        irreversible: Bool = false
    ) {
        self.receptor = receptor
        self.kiNanomolar = kiNanomolar
        self.konPerNanomolarHour = konPerNanomolarHour
        self.efficacyClass = efficacyClass
        self.efficacy = efficacy
        self.arrestinBias = arrestinBias
        self.irreversible = irreversible
    }
}

/// A positive (or negative) allosteric modulator of a receptor: while bound to its own site
/// (fraction ρ = C/(C + Kd)), agonist association is scaled by 1 + (α − 1)ρ and agonist
/// efficacy by 1 + (β − 1)ρ.
public struct AllostericModulation: Sendable, Equatable {
    public var receptor: ReceptorKind
    public var modulatorKdNanomolar: Sourced
    /// α: affinity factor at full modulator occupancy.
    public var affinityFactor: Sourced
    /// β: efficacy factor at full modulator occupancy.
    public var efficacyFactor: Sourced

    public init(
        receptor: ReceptorKind, modulatorKdNanomolar: Sourced, affinityFactor: Sourced,
        efficacyFactor: Sourced
    ) {
        self.receptor = receptor
        self.modulatorKdNanomolar = modulatorKdNanomolar
        self.affinityFactor = affinityFactor
        self.efficacyFactor = efficacyFactor
    }
}
