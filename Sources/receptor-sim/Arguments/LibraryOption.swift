import Pharmacology
import ScenarioFiles

/// `--library FILE`: a JSON5 file of drug definitions (`DrugLibraryFile`) whose drugs a
/// scenario may dose as if they were built in, the same for every command that takes it.
enum LibraryOption {
    static let specification = OptionSpecification(
        "--library", .path("FILE"),
        help: "Add the drugs defined in FILE (JSON5 { drugs: [...] }, the format of 'receptor-sim drugs --export NAME') to the library the scenario may use.")

    /// The built-in vocabulary with the drugs of `--library` added (the built-in one without it).
    /// - Throws: `.scenario` (exit 2) with the file's problems as `file:line: error: path: message`.
    static func vocabulary(_ arguments: ParsedArguments) throws(CommandLineError) -> ScenarioVocabulary {
        let vocabulary = ModelBridge.vocabulary
        guard let path = arguments.value("--library") else { return vocabulary }
        do throws(ScenarioError) {
            return vocabulary.including(library: try DrugLibraryFile.load(path: path, vocabulary: vocabulary))
        } catch {
            throw .scenario(error)
        }
    }
}
