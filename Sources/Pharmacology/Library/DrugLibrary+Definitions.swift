/// Drugs defined as data (a scenario's `drugs`, a `--library` file) joined to a library.
extension DrugLibrary {
    /// This library with `definitions` added; a definition whose id is already in the library
    /// replaces that drug (the readers reject such clashes with the built-in library before a
    /// scenario gets here, so only an amended library drug takes this path).
    /// - Complexity: O(n·m) for n library drugs and m definitions; m is small.
    public func including(_ definitions: [Drug]) -> DrugLibrary {
        if definitions.isEmpty { return self }
        var library = self
        for drug in definitions {
            if let index = library.drugs.firstIndex(where: { $0.id == drug.id }) {
                library.drugs[index] = drug
            } else {
                library.drugs.append(drug)
            }
        }
        return library
    }
}

extension Sourced {
    /// The association rate a binding gets when its definition gives none (the built-in
    /// library's default, `Sourced.defaultKon`), for the drug definition format.
    package static var definitionDefaultKon: Sourced { .defaultKon }
}
