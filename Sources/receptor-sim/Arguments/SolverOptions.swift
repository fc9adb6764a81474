import Pharmacology
import ScenarioFiles

/// `--method`, `--rtol` and `--atol`: the scenario's `solver` settings overridden on the command
/// line. One definition for `run`, `sweep` and `population`, checked as a scenario file's
/// `solver.method`, `solver.rtol` and `solver.atol` are (same names, same limits).
struct SolverOptions: Equatable {
    var method: String?
    var relativeTolerance: Double?
    var absoluteTolerance: Double?

    /// The option declarations, for a command's `ArgumentSpecification`.
    /// - Parameter scope: who the settings apply to, for the help text (`"the run"`, `"every member"`).
    static func specifications(for scope: String) -> [OptionSpecification] {
        [
            OptionSpecification("--method", value: "NAME", help: "Integration method for \(scope): \(methods.joined(separator: ", ")) (default: the scenario's solver.method)."),
            OptionSpecification("--rtol", value: "R", help: "Relative tolerance for \(scope), 1e-13 to 1e-2 (default: the scenario's solver.rtol)."),
            OptionSpecification("--atol", value: "A", help: "Absolute tolerance for \(scope), 1e-20 to 1e-3 (default: the scenario's solver.atol)."),
        ]
    }

    /// The method names a scenario file accepts, in the order `--help` lists them.
    static var methods: [String] { ModelBridge.vocabulary.solverMethods }

    /// Reads and checks the three options; absent ones stay nil.
    /// - Throws: `.usage` (exit 2) naming the option, the value and what is valid.
    init(_ arguments: ParsedArguments, command: String) throws(CommandLineError) {
        if let name = arguments.value("--method") {
            guard Self.methods.contains(name) else {
                throw .usage(command: command, message: "unknown solver method '\(name)' in --method"
                    + NameSuggestionBridge.didYouMean(name, in: Self.methods)
                    + NameCategory.solverMethod.hint(valid: Self.methods))
            }
            method = name
        }
        relativeTolerance = try Self.tolerance(arguments, "--rtol", command: command)
        absoluteTolerance = try Self.tolerance(arguments, "--atol", command: command)
    }

    private static func tolerance(_ arguments: ParsedArguments, _ option: String, command: String) throws(CommandLineError) -> Double? {
        guard let text = arguments.value(option) else { return nil }
        guard let value = Double(text) else {
            throw .usage(command: command, message: "option '\(option)' needs a number, found '\(text)'")
        }
        if let problem = ScenarioReader.toleranceProblem(value, relative: option == "--rtol") {
            throw .usage(command: command, message: "option '\(option)' \(problem), found '\(text)'")
        }
        return value
    }

    /// Applies the given options to `scenario`'s solver settings.
    func apply(to scenario: inout Scenario) {
        if let method { scenario.solver.method = method }
        if let relativeTolerance { scenario.solver.relativeTolerance = relativeTolerance }
        if let absoluteTolerance { scenario.solver.absoluteTolerance = absoluteTolerance }
    }
}
