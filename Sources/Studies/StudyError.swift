import Pharmacology

/// Why a sweep, population or merge could not be set up or completed. The one error type of
/// Studies; it names fields and values, never command-line options (their texts are parsed by
/// the command line).
///
/// A member whose simulation fails is not an error of the study: it is recorded in its row
/// with status `failed` and the error text, and the study goes on.
package enum StudyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Percentile bands asked of one shard of a study: they need every member in one process.
    case bandsNeedEveryMember
    /// A name that is neither a parameter of the scenario nor a supported dose field.
    case unknownParameter(String)
    /// A dose field that does not exist for that dose (`doses[3]` of two, `every_h` of a single dose).
    case invalidDoseField(name: String, reason: String)
    /// A column the scenario does not have; `valid` lists the ones it has.
    case unknownColumn(String, valid: [String])
    /// The same name given twice.
    case duplicateName(String)
    /// Values a study would give a scenario that break the one check of every setting
    /// (`ScenarioCheck`): each problem names the field (`doses[0].amount_mg`,
    /// `parameters["mu.turnover_half_life_h"]`), as a scenario file's would.
    case invalidValues([ScenarioProblem])
    /// The model rejected the base scenario (compile error): its message.
    case model(String)
    /// The grid or population is larger than the documented limit.
    case tooLarge(what: String, count: Int, limit: Int)
    /// A shard file could not be read or does not belong with the others.
    case merge(file: String, reason: String)
    /// A line of a shard file whose content is wrong (field count, number, status, NUL byte,
    /// checksum): the file, the 1-based line number and what is wrong.
    case shardContent(file: String, line: Int, reason: String)

    package var description: String {
        switch self {
        case .bandsNeedEveryMember:
            return "percentile bands need every member in one process, not one shard of the study"
        case .unknownParameter(let name): return "unknown parameter '\(name)'"
        case .invalidDoseField(let name, let reason): return "invalid dose field '\(name)': \(reason)"
        case .unknownColumn(let name, _): return "unknown column '\(name)'"
        case .duplicateName(let name): return "'\(name)' given more than once"
        case .invalidValues(let problems): return problems.map(\.description).joined(separator: "; ")
        case .model(let message): return message
        case .tooLarge(let what, let count, let limit): return "\(what) has \(count) entries, more than the limit of \(limit)"
        case .merge(let file, let reason): return "\(file): \(reason)"
        case .shardContent(let file, let line, let reason): return "\(file):\(line): \(reason)"
        }
    }
}
