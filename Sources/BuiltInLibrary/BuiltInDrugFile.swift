import Foundation
import Pharmacology
import ScenarioFiles

/// The data file of the built-in drugs, `Resources/drugs.json5`: found among the package's
/// resources and read once per process with the `--library` reader (`DrugLibraryFile`), so the
/// built-in drugs pass exactly the checks of a user's library file.
///
/// The file is located here rather than through SwiftPM's generated `Bundle.module`, which on
/// Linux calls `fatalError` when the resource directory is missing: a binary copied without its
/// resources gets `BuiltInLibraryError.missing` with the paths looked at, not a crash.
package enum BuiltInDrugFile {
    /// The data file's name in the package's resources.
    package static let fileName = "drugs.json5"
    /// SwiftPM's name for the resource bundle of this target (`<package>_<target>`).
    package static let bundleName = "ReceptorSim_BuiltInLibrary"

    /// The comment heading the data file (`DrugDefinitionWriter.libraryText(_:header:)`); the
    /// file is exactly the writer's text for its drugs under this header.
    package static let header = [
        "The built-in drug library of ReceptorSim: every drug and metabolite 'receptor-sim drugs' lists, in built-in order,",
        "in the format of a --library file and read by the same reader with the same checks (file, field path, line).",
        "Receptors, endogenous peptides and physiology are Swift (Sources/Pharmacology/Library); only drugs are here.",
        "To change a drug, edit its numbers here, each with its source, and run the tests; 'receptor-sim drugs --export NAME'",
        "prints one entry in this format, the template for a drug of your own.",
    ]

    /// The built-in library, read on first use (a `static let`: once per process, thread-safe).
    package static let loaded: Result<DrugLibrary, BuiltInLibraryError> = {
        let searched = candidatePaths()
        guard let path = searched.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
            return .failure(.missing(searched: searched))
        }
        return Result { () throws(BuiltInLibraryError) in try library(path: path) }
    }()

    /// The built-in library with its drugs read from the data file at `path` (the installed one,
    /// or a copy in a test), the receptors, peptides and physiology from Pharmacology.
    /// - Throws: `BuiltInLibraryError.invalid` with every problem of the file (file, field
    ///   path, line), or why it could not be read.
    /// - Complexity: O(n) in the size of the file, plus one catalogue walk per drug.
    package static func library(path: String) throws(BuiltInLibraryError) -> DrugLibrary {
        let drugs: [Drug]
        do {
            drugs = try DrugLibraryFile.decode(ScenarioReader.readBytes(path: path), file: path, vocabulary: vocabulary, definesBuiltIns: true)
        } catch {
            throw .invalid(path: path, error)
        }
        return DrugLibrary(receptors: DrugLibrary.builtInReceptors, peptides: DrugLibrary.builtInPeptides,
                           drugs: drugs, physiology: DrugLibrary.builtInPhysiology)
    }

    /// What the data file is checked against: no drugs known before it (its metabolites are
    /// its own), the peptides' ids reserved as for any definition.
    package static var vocabulary: ScenarioVocabulary {
        var vocabulary = ScenarioVocabulary(drugRoutes: [:], parameterNames: { _ in [] }, columnNames: { _ in [] }, solverMethods: [])
        vocabulary.reservedDrugIDs.formUnion(DrugLibrary.builtInPeptides.map(\.id))
        return vocabulary
    }

    /// Where SwiftPM puts this target's resources, beside the executable (or test bundle), in
    /// its Linux (`.resources`) and Apple (`.bundle`) layouts; the executable's directory both
    /// as started and with symbolic links resolved, so a linked `receptor-sim` finds them too.
    package static func candidatePaths() -> [String] {
        var directories: [URL] = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            directories.append(executable.deletingLastPathComponent())
            directories.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        #if canImport(Darwin)
        // A test bundle on Apple platforms (the runner is elsewhere): the build directory holds both.
        directories.append(Bundle(for: BundleMarker.self).bundleURL.deletingLastPathComponent())
        #endif
        var paths: [String] = []
        for directory in directories {
            for relative in ["\(bundleName).resources/\(fileName)", "\(bundleName).bundle/Contents/Resources/\(fileName)",
                             "\(bundleName).bundle/\(fileName)"] {
                let path = directory.appendingPathComponent(relative).standardizedFileURL.path
                if !paths.contains(path) { paths.append(path) }
            }
        }
        return paths
    }
}

#if canImport(Darwin)
/// A class of this module, for `Bundle(for:)`.
private final class BundleMarker {}
#endif
