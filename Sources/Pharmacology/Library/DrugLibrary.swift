/// The complete model definition as data: receptor types, endogenous peptides, drugs and
/// whole-system physiology, every number with its source.
///
/// `DrugLibrary.builtIn` (module BuiltInLibrary) is the shipped library: its drugs are the data
/// file `Sources/BuiltInLibrary/Resources/drugs.json5`, read by the `--library` reader; its
/// receptors, peptides and physiology are the Swift values `builtInReceptors`,
/// `builtInPeptides` and `builtInPhysiology` here. Pharmacology reads no files, so every entry
/// point takes a library. A scenario's `parameterOverrides` replace single values by dotted name
/// (see `ParameterCatalog`).
public struct DrugLibrary: Sendable, Equatable {
    public var receptors: [ReceptorParameters]
    public var peptides: [Peptide]
    public var drugs: [Drug]
    public var physiology: Physiology

    public init(receptors: [ReceptorParameters], peptides: [Peptide], drugs: [Drug], physiology: Physiology) {
        self.receptors = receptors
        self.peptides = peptides
        self.drugs = drugs
        self.physiology = physiology
    }

    /// The drug (or metabolite) with library id `id`.
    public func drug(_ id: String) -> Drug? { drugs.first { $0.id == id } }

    /// Parameters of receptor type `kind`.
    public func receptor(_ kind: ReceptorKind) -> ReceptorParameters? {
        receptors.first { $0.kind == kind }
    }
}
