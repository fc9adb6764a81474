import Pharmacology
import Foundation
import ScenarioFiles

/// Where a study's two files are: `<folder>/<id>.json` (the scenario) and `<folder>/<id>.csv`
/// (the observations).
package struct StudyLocation: Sendable, Equatable {
    package var id: String
    package var scenarioPath: String
    package var observationsPath: String

    /// The studies to run: every study in `folder` (sorted by id) when `names` is empty, else
    /// each name as a study id in `folder` or as a path to either of a study's files.
    /// - Throws: `ValidationError.incompleteStudy` when one of a study's two files is missing
    ///   (no silent skips), `.unknownStudy`, `.noStudies`, `.unreadable` for a missing folder.
    package static func resolve(names: [String], folder: String) throws(ValidationError) -> [StudyLocation] {
        if names.isEmpty {
            let stems = Set(try studyFiles(in: folder).map { ($0 as NSString).deletingPathExtension })
            guard !stems.isEmpty else { throw .noStudies(folder: folder) }
            return try stems.sorted().map { (stem) throws(ValidationError) in try located(id: stem, folder: folder) }
        }
        return try names.map { (name) throws(ValidationError) in
            if name.hasSuffix(".json") || name.hasSuffix(".csv") {
                let path = name as NSString
                return try located(id: (path.lastPathComponent as NSString).deletingPathExtension,
                                   folder: path.deletingLastPathComponent)
            }
            if !exists(path(folder, name + ".json")) && !exists(path(folder, name + ".csv")) {
                let known = ((try? studyFiles(in: folder)) ?? []).map { ($0 as NSString).deletingPathExtension }
                throw .unknownStudy(name: name, folder: folder, suggestions: NameSuggestion.suggestions(for: name, in: known))
            }
            return try located(id: name, folder: folder)
        }
    }

    /// The `.json` and `.csv` files of `folder`.
    private static func studyFiles(in folder: String) throws(ValidationError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
              let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw .unreadable(file: folder, reason: "no such folder")
        }
        return entries.filter { $0.hasSuffix(".json") || $0.hasSuffix(".csv") }
    }

    /// Both files of study `id` in `folder`.
    private static func located(id: String, folder: String) throws(ValidationError) -> StudyLocation {
        let scenario = path(folder, id + ".json"), observations = path(folder, id + ".csv")
        guard exists(scenario) else { throw .incompleteStudy(id: id, missing: scenario) }
        guard exists(observations) else { throw .incompleteStudy(id: id, missing: observations) }
        return StudyLocation(id: id, scenarioPath: scenario, observationsPath: observations)
    }

    private static func path(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }

    private static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
