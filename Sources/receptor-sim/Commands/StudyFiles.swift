import Foundation
import Pharmacology
import Validation

/// Reading the named validation studies for `validate`, `fit` and `export --format petab`: every
/// study is read before any runs, so all file problems are reported at once (exit 2).
enum StudyFiles {
    /// One study read and checked: where it is, its scenario and its observations.
    struct Study {
        let location: StudyLocation
        let scenario: Scenario
        let file: ObservationFile

        /// The tuple `CalibrationProblem` takes.
        var calibrationInput: (id: String, scenario: Scenario, scenarioPath: String, file: ObservationFile, observationsPath: String) {
            (location.id, scenario, location.scenarioPath, file, location.observationsPath)
        }
    }

    /// Reads every study in `locations`; nil, after printing every problem on standard error,
    /// when any cannot be read. With `refusingHeldBack` (for `fit`) a held-back study is one of
    /// those problems, named at its `held_back` header line.
    static func read(_ locations: [StudyLocation], refusingHeldBack: Bool = false, console: Console) -> [Study]? {
        var studies: [Study] = []
        var problems: [String] = []
        let drugIDs = Set(ModelBridge.vocabulary.drugRoutes.keys)
        for location in locations {
            do throws(CommandLineError) {
                let scenario = try ChartCommandSupport.loadScenario(location.scenarioPath)
                let file = try ValidateCommand.readObservations(
                    location.observationsPath, columns: ModelBridge.columnNames(for: scenario),
                    drugIDs: drugIDs, durationHours: scenario.durationHours)
                if refusingHeldBack, file.heldBack {
                    throw .model(file: location.observationsPath + heldBackLine(location.observationsPath),
                                 message: "study '\(location.id)' is held back (held_back: true): it is kept for independent validation and never fitted")
                }
                studies.append(Study(location: location, scenario: scenario, file: file))
            } catch {
                problems.append(error.description)
            }
        }
        guard problems.isEmpty else {
            console.err(problems.joined(separator: "\n"))
            return nil
        }
        return studies
    }

    /// `:N` for the line of the `held_back` header in `path` (the parser keeps only the flag).
    private static func heldBackLine(_ path: String) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.drop { $0 == "#" || $0 == " " }.hasPrefix("held_back") }) else { return "" }
        return ":\(index + 1)"
    }
}
