/// The complete model definition as data: receptor types, endogenous peptides, drugs and
/// whole-system physiology, every number with its source.
///
/// `DrugLibrary.builtIn` is the shipped library; a scenario's `parameterOverrides` replace
/// single values by dotted name (see `ParameterCatalog`).
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

    /// Drugs added for issue 16 (heroin chain, delta tools, hydromorphone/oxymorphone, peripheral
    /// opioids, an irreversible mu antagonist, mixed kappa/mu agonists, CYP2D6 prodrugs, esketamine, hydrocodone,
    /// tapentadol, carfentanil, norbuprenorphine, dextromethorphan and dextrorphan, the kappa tool U-50,488, the nitazene isotonitazene, the kappa agonist salvinorin A), each in its own file;
    /// appended to `builtIn` after the original library so earlier drugs keep their order.
    static let addedDrugs: [Drug] = [
        heroin, monoacetylmorphine, hydromorphone, oxymorphone, snc80, naltrindole, loperamide,
        methylnaltrexone, methocinnamox, nalbuphine, butorphanol, codeine, tramadol, desmetramadol,
        esketamine, hydrocodone, tapentadol, carfentanil, norbuprenorphine, dextromethorphan, dextrorphan, u50488,
        isotonitazene, salvinorinA,
    ]

    /// Parameters of receptor type `kind`.
    public func receptor(_ kind: ReceptorKind) -> ReceptorParameters? {
        receptors.first { $0.kind == kind }
    }
}
