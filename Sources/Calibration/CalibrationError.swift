import Pharmacology
import ScenarioFiles

/// Why a fit could not be set up. Every case is an input problem (exit status 2); a simulation
/// that fails during the search is not an error of the fit (it is counted and the step rejected).
package enum CalibrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `--parameter` text that does not parse or whose numbers are not acceptable.
    case invalidParameter(text: String, reason: String)
    /// A parameter name no study's scenario accepts; `suggestions` are close valid names,
    /// `containing` the `NamePrefix` listing of the names that contain it (when none is close).
    case unknownParameter(name: String, suggestions: [String], containing: String? = nil)
    /// The same parameter given twice.
    case duplicateParameter(String)
    /// An observation with neither an sd nor a band of positive width (no weight).
    case noWeight(file: String, line: Int)
    /// The model rejected a study's scenario while compiling it.
    case model(file: String, message: String)
    /// Nothing to fit: no parameters, or no observations.
    case empty(String)

    package var description: String {
        switch self {
        case .invalidParameter(let text, let reason):
            return "invalid --parameter '\(text)': \(reason)"
        case .unknownParameter(let name, let suggestions, let containing):
            let hint = suggestions.isEmpty ? containing ?? "; see 'receptor-sim drugs DRUG' for the names" : NameSuggestion.didYouMean(suggestions)
            return "unknown parameter '\(name)': no fitted study's scenario has it" + hint
        case .duplicateParameter(let name):
            return "--parameter '\(name)' given more than once"
        case .noWeight(let file, let line):
            return "\(file):\(line): error: observation has no sd and a band of zero width: no weight for the fit"
        case .model(let file, let message):
            return "\(file): error: \(message)"
        case .empty(let what):
            return what
        }
    }
}
