/// A command line the benchmark cannot run; reported with the usage text and exit status 2.
enum BenchmarkUsageError: Error, Equatable, CustomStringConvertible {
    case missingSubcommand
    case unknownSubcommand(String)
    case unknownOption(String)
    case missingValue(option: String)
    case invalidValue(option: String, value: String, expected: String)

    var description: String {
        switch self {
        case .missingSubcommand:
            return "missing subcommand"
        case .unknownSubcommand(let name):
            return "unknown subcommand '\(name)'"
        case .unknownOption(let option):
            return "unknown option '\(option)'"
        case .missingValue(let option):
            return "option '\(option)' needs a value"
        case .invalidValue(let option, let value, let expected):
            return "invalid value '\(value)' for '\(option)': expected \(expected)"
        }
    }

    /// The usage text shown with the error.
    var usage: String { BenchmarkCommand.usage }
}
