import Pharmacology

/// A library file (`--library FILE`): JSON5 `{ description: "...", drugs: [ ... ] }` with drug
/// definitions in the format of a scenario's `drugs` (`DrugDefinitionFormat`), read with the
/// scenario reader's limits and errors (file, field path, line).
public enum DrugLibraryFile {
    /// Reads and validates the library file at `path` against `vocabulary` (the built-in
    /// drugs, whose ids it may not take but whose drugs its drugs may name as metabolites).
    /// - Throws: `ScenarioError` (`.multiple` when there is more than one problem).
    public static func load(path: String, vocabulary: ScenarioVocabulary) throws(ScenarioError) -> [Drug] {
        try decode(ScenarioReader.readBytes(path: path), file: path, vocabulary: vocabulary)
    }

    /// Parses and validates library text held in memory.
    /// - Parameter definesBuiltIns: true for the definitions of the built-in drugs themselves
    ///   (an exported library read back): their ids are then not taken.
    /// - Complexity: O(n) in the size of the file, plus one catalogue walk per drug.
    public static func decode(_ bytes: [UInt8], file: String, vocabulary: ScenarioVocabulary,
                              definesBuiltIns: Bool = false) throws(ScenarioError) -> [Drug] {
        if bytes.count > ScenarioReader.maximumFileBytes {
            throw .fileTooLarge(file: file, bytes: bytes.count, limitBytes: ScenarioReader.maximumFileBytes)
        }
        let root = try JSON5Parser.parse(bytes, file: file)
        var decoder = ScenarioDecoder(file: file, vocabulary: vocabulary)
        var drugs: [Drug] = []
        if let members = decoder.object(root, path: "", allowed: DrugDefinitionFormat.libraryFileKeys) {
            if let description = members["description"] { _ = decoder.string(description, path: "description") }
            if let value = members["drugs"] {
                drugs = decoder.decodeDrugDefinitions(value, path: "drugs", context: definesBuiltIns ? .builtInLibrary : .libraryFile)
            } else {
                decoder.problems.append(.missingKey(FieldLocation(file: file, path: "", position: root.position), key: "drugs"))
            }
        }
        let problems = decoder.problems.enumerated()
            .sorted { ($0.element.line, $0.element.position.column, $0.offset) < ($1.element.line, $1.element.position.column, $1.offset) }
            .map(\.element)
        if problems.count == 1, let only = problems.first { throw only }
        if !problems.isEmpty { throw .multiple(problems) }
        return drugs
    }

    /// Text convenience for tests.
    public static func decode(_ text: String, file: String, vocabulary: ScenarioVocabulary,
                              definesBuiltIns: Bool = false) throws(ScenarioError) -> [Drug] {
        try decode(Array(text.utf8), file: file, vocabulary: vocabulary, definesBuiltIns: definesBuiltIns)
    }
}
