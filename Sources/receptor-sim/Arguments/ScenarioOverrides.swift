import Pharmacology
import ScenarioFiles

/// The scenario settings the command line may override: `--method`, `--rtol`, `--atol`,
/// `--interval`, `--columns`.
///
/// Here the option texts only become values (a number, a list); whether the values are
/// acceptable is decided by the one check of every setting (`Scenario.problems`, through
/// `ScenarioLoading.apply`), which names the field, quotes the option and says what a scenario
/// file would be told: `s.json: error: solver.rtol: must be ... <= 0.01 (...), found 2 (from --rtol)`.
struct ScenarioOverrides: Equatable {
    var method: String?
    var relativeTolerance: Double?
    var absoluteTolerance: Double?
    var intervalHours: Double?
    var columns: [String]?
    /// The text of each option given, by the field it sets (`solver.rtol`: `"1e-5"`).
    private(set) var texts: [String: String] = [:]

    /// The field each option sets, and the option, in the order messages list them.
    static let fields: [(path: String, option: String)] = [
        ("output.interval_h", "--interval"), ("output.columns", "--columns"),
        ("solver.method", "--method"), ("solver.rtol", "--rtol"), ("solver.atol", "--atol"),
    ]

    /// The declarations of `--method`, `--rtol` and `--atol`, for a command's `ArgumentSpecification`.
    /// - Parameter scope: who the settings apply to, for the help text (`"the run"`, `"every member"`).
    static func solverSpecifications(for scope: String) -> [OptionSpecification] {
        [
            OptionSpecification("--method", value: "NAME", help: "Integration method for \(scope): \(methods.joined(separator: ", ")) (default: the scenario's solver.method)."),
            OptionSpecification("--rtol", value: "R", help: "Relative tolerance for \(scope), 1e-13 to 1e-2 (default: the scenario's solver.rtol)."),
            OptionSpecification("--atol", value: "A", help: "Absolute tolerance for \(scope), 1e-20 to 1e-3 (default: the scenario's solver.atol)."),
        ]
    }

    /// The method names a scenario file accepts, in the order `--help` lists them.
    static var methods: [String] { ModelBridge.vocabulary.solverMethods }

    /// Reads the options a command declares; absent ones stay nil.
    /// - Throws: `.usage` (exit 2) for a text that is not a number or a list.
    init(_ arguments: ParsedArguments, command: String) throws(CommandLineError) {
        if let name = arguments.value("--method") {
            method = name
            texts["solver.method"] = name
        }
        relativeTolerance = try number(arguments, "--rtol", field: "solver.rtol", command: command)
        absoluteTolerance = try number(arguments, "--atol", field: "solver.atol", command: command)
        intervalHours = try number(arguments, "--interval", field: "output.interval_h", command: command)
        if let text = arguments.value("--columns") {
            columns = try ArgumentParser.list(text, option: "--columns", command: command)
            texts["output.columns"] = text
        }
    }

    private mutating func number(_ arguments: ParsedArguments, _ option: String, field: String,
                                 command: String) throws(CommandLineError) -> Double? {
        guard let text = arguments.value(option) else { return nil }
        guard let value = Double(text) else {
            throw .usage(command: command, message: "option '\(option)' needs a number, found '\(text)'")
        }
        texts[field] = text
        return value
    }

    /// Sets the given values in `scenario`.
    func apply(to scenario: inout Scenario) {
        if let method { scenario.solver.method = method }
        if let relativeTolerance { scenario.solver.relativeTolerance = relativeTolerance }
        if let absoluteTolerance { scenario.solver.absoluteTolerance = absoluteTolerance }
        if let intervalHours { scenario.output.intervalHours = intervalHours }
        if let columns { scenario.output.columns = columns }
    }

    /// The option that set the field at `path` (`output.columns[2]` → `--columns`), or nil.
    func option(for path: String) -> String? {
        Self.fields.first { field in
            texts[field.path] != nil && (path == field.path || path.hasPrefix(field.path + "["))
        }?.option
    }

    /// The text given for the field at `path`, to quote as the value found.
    func text(for path: String) -> String? {
        path.hasPrefix("output.columns") ? nil : texts[path]
    }
}
