import Pharmacology
import ScenarioFiles

/// One problem in a study file, at a line (1-based), rendered `file:line: error: message`.
package struct ValidationIssue: Error, Equatable, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var message: String

    package init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    package var description: String { "\(file):\(line): error: \(message)" }
}

/// Why a set of studies cannot be validated. Every case is an input problem (exit status 2);
/// a model outside its band is a verdict, not an error.
package enum ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Problems in an observations file, all of them, in line order.
    case invalidStudy([ValidationIssue])
    /// A file could not be read.
    case unreadable(file: String, reason: String)
    /// A study has one of its two files (`<id>.json`, `<id>.csv`) but not the other.
    case incompleteStudy(id: String, missing: String)
    /// A study named on the command line is not in the folder.
    case unknownStudy(name: String, folder: String, suggestions: [String])
    /// The folder holds no study.
    case noStudies(folder: String)

    package var description: String {
        switch self {
        case .invalidStudy(let issues):
            return issues.map(\.description).joined(separator: "\n")
        case .unreadable(let file, let reason):
            return "\(file): error: cannot read: \(reason)"
        case .incompleteStudy(let id, let missing):
            return "\(missing): error: study '\(id)' needs this file (a study is <id>.json and <id>.csv side by side)"
        case .unknownStudy(let name, let folder, let suggestions):
            return "receptor-sim validate: error: no study '\(name)' in \(folder)" + NameSuggestion.didYouMean(suggestions)
        case .noStudies(let folder):
            return "receptor-sim validate: error: no studies (<id>.json with <id>.csv) in \(folder)"
        }
    }
}
