import BuiltInLibrary
import Pharmacology
import Integrators
import Reports
import ScenarioFiles
import Validation

/// Why a command failed, and with which exit status. The one error type of the executable.
enum CommandLineError: Error, Equatable, CustomStringConvertible {
    /// Bad arguments, a name the command does not know included: the message and the command
    /// they were given to (nil: no command yet), printed `receptor-sim COMMAND: error: ...`
    /// with the command's `--help` pointer.
    case usage(command: String?, message: String)
    /// A scenario file failed to read or validate.
    case scenario(ScenarioError)
    /// The output could not be written.
    case output(CSVWriterError)
    /// An output option names a path that cannot or must not be written (found before running).
    case outputPath(command: String, option: String, path: String, reason: String)
    /// Settings that break the one check of every setting (`ScenarioCheck`) after the command
    /// line set them (an override, a study's value): each problem names its field, as a
    /// scenario file's would; `origins` names the option that gave a field (`--rtol`,
    /// `--vary`) and `texts` the text given, by path.
    case invalidSettings(file: String, problems: [ScenarioProblem], origins: [String: String], texts: [String: String])
    /// The model rejected the scenario while compiling it (input problem: exit 2).
    case model(file: String, message: String)
    /// The simulation failed: at which simulated time (if known) and why.
    case simulation(file: String, timeHours: Double?, cause: String)
    /// A validation study (or its observations file) is missing or malformed.
    case validation(ValidationError)
    /// The built-in drug library's data file is missing or fails its checks (exit 2, see
    /// `BuiltInLibraryError`).
    case builtInLibrary(BuiltInLibraryError)

    /// 0 success, 1 simulation failure, 2 bad usage or bad input.
    var exitStatus: Int32 {
        switch self {
        case .simulation, .output: return 1
        default: return 2
        }
    }

    /// The message as printed: control characters from files or arguments escaped
    /// (`TerminalText`), its own line breaks kept.
    var description: String { TerminalText.escapedLines(unescapedDescription) }

    private var unescapedDescription: String {
        switch self {
        case .usage(let command, let message):
            let prefix = command.map { "receptor-sim \($0)" } ?? "receptor-sim"
            let helpCommand = command.map { "receptor-sim \($0) --help" } ?? "receptor-sim --help"
            return "\(prefix): error: \(message)\nSee '\(helpCommand)'."
        case .scenario(let error):
            return error.description
        case .output(let error):
            return "receptor-sim: error: \(error)"
        case .outputPath(let command, let option, let path, let reason):
            return "receptor-sim \(command): error: \(option) '\(path)': \(reason)"
        case .invalidSettings(let file, let problems, let origins, let texts):
            return problems.map { problem in
                "\(file): error: \(problem.path.isEmpty ? "" : problem.path + ": ")\(problem.message(literal: texts[problem.path]))"
                    + (origins[problem.path].map { " (from \($0))" } ?? "")
            }.joined(separator: "\n")
        case .model(let file, let message):
            return "\(file): error: \(message)"
        case .simulation(let file, let time, let cause):
            let when = time.map { " at t = \(CSVNumberFormat.significantDigits(6).format($0)) h" } ?? ""
            return "\(file): error: simulation failed\(when): \(cause)"
        case .validation(let error):
            return error.description
        case .builtInLibrary(let error):
            return error.description
        }
    }
}
