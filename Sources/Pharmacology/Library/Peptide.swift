/// An endogenous opioid peptide: its drug-free level, clearance, receptor interactions and how
/// scenario events drive its release.
public struct Peptide: Sendable, Equatable {
    /// `"endorphin"`, `"enkephalin"` or `"dynorphin"`.
    public var id: String
    public var name: String
    /// Drug-free brain extracellular level in the control phenotype, nM.
    public var baselineNanomolar: Sourced
    /// Clearance half-life, h.
    public var halfLifeHours: Sourced
    public var bindings: [ReceptorBinding]
    /// Release multiplier per unit intensity of each stimulus kind: production × (1 + Σ g·s).
    public var stimulusGains: [StimulusKind: Sourced]

    public init(
        id: String, name: String, baselineNanomolar: Sourced, halfLifeHours: Sourced,
        bindings: [ReceptorBinding], stimulusGains: [StimulusKind: Sourced]
    ) {
        self.id = id
        self.name = name
        self.baselineNanomolar = baselineNanomolar
        self.halfLifeHours = halfLifeHours
        self.bindings = bindings
        self.stimulusGains = stimulusGains
    }
}
