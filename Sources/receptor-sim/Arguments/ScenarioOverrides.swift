import Integrators
import Pharmacology
import ScenarioFiles

/// The scenario settings the command line may override: `--interval`, `--columns` (the
/// scenario's output), and `--method`, `--rtol`, `--atol` (the solver settings of the run,
/// passed to the simulation, not written into the scenario, so they never need a new compile).
///
/// The parser has already read each option by its kind (a number, a list of names, a known
/// method); whether the values are acceptable is decided by the one check of every setting
/// (`Scenario.problems` and `ScenarioCheck.tolerances`, through `ScenarioLoading.apply`), which
/// names the field, quotes the option and says what a scenario file would be told:
/// `s.json: error: solver.rtol: must be ... <= 0.01 (...), found 2 (from --rtol)`.
struct ScenarioOverrides: Equatable {
    var method: IntegrationMethod?
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
            OptionSpecification("--method", .choice(kind: NameCategory.solverMethod.rawValue, label: "methods", methods), help: "Integration method for \(scope) (default: the scenario's solver.method)."),
            OptionSpecification("--rtol", .number("R", .any), help: "Relative tolerance for \(scope), 1e-13 to 1e-2 (default: the scenario's solver.rtol)."),
            OptionSpecification("--atol", .number("A", .any), help: "Absolute tolerance for \(scope), 1e-20 to 1e-3 (default: the scenario's solver.atol)."),
        ]
    }

    /// The method names a scenario file accepts, in the order `--help` lists them.
    static var methods: [String] { ModelBridge.vocabulary.solverMethods }

    /// Takes the typed values of the options a command declares; absent ones stay nil.
    init(_ arguments: ParsedArguments) {
        method = arguments.choice("--method", as: IntegrationMethod.self)
        relativeTolerance = arguments.number("--rtol")
        absoluteTolerance = arguments.number("--atol")
        intervalHours = arguments.number("--interval")
        columns = arguments.names("--columns")
        for (path, option) in Self.fields {
            if let text = arguments.value(option) { texts[path] = text }
        }
    }

    /// Sets the output settings given (`--interval`, `--columns`) in `scenario`.
    func apply(to scenario: inout Scenario) {
        if let intervalHours { scenario.output.intervalHours = intervalHours }
        if let columns { scenario.output.columns = columns }
    }

    /// The solver settings of the run: `base` (the scenario's own) with the options given in
    /// their place.
    func solver(_ base: SolverSpecification) -> SolverSpecification {
        var solver = base
        if let method { solver.method = method }
        if let relativeTolerance { solver.relativeTolerance = relativeTolerance }
        if let absoluteTolerance { solver.absoluteTolerance = absoluteTolerance }
        return solver
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
