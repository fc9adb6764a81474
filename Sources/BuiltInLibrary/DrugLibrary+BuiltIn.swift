import Pharmacology

/// The shipped library: the drugs of the data file `Resources/drugs.json5` (read once per
/// process by `BuiltInDrugFile`), with the receptors, peptides and physiology written in Swift
/// in Pharmacology.
///
/// Why a module of its own: the drugs are read by the `--library` reader, which lives in
/// ScenarioFiles above Pharmacology, so Pharmacology cannot hold `builtIn` any more; its API
/// takes the library explicitly (`ReceptorModel.compile(_:library:)`). ScenarioFiles stays
/// independent of the library's contents (it takes a `ScenarioVocabulary`), so the contents
/// live here, above both. The conveniences that default to this library
/// (`ReceptorModel+BuiltIn.swift`) live here too.
extension DrugLibrary {
    /// The shipped library.
    ///
    /// The command line checks `BuiltInDrugFile.loaded` before any command and reports a
    /// missing or damaged data file as an error (exit 2); other callers reach this only after
    /// that check or in tests, so a failure here is an installation error, stopped with the
    /// same message.
    package static var builtIn: DrugLibrary {
        switch BuiltInDrugFile.loaded {
        case .success(let library): return library
        case .failure(let error): fatalError(error.description)
        }
    }
}
