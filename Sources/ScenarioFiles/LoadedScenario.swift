import Pharmacology

/// A scenario read from a file, with what the reader filled in.
public struct LoadedScenario: Sendable, Equatable {
    /// The file name as given by the user, used in messages.
    public var file: String
    public var scenario: Scenario
    /// Every optional key the file left out, with the value used instead, in file order.
    public var resolvedDefaults: [ResolvedDefault]
    /// Doses above their drug's plausible range (`ScenarioError.implausibleDose`), in file
    /// order: printed as warnings, or rejected with `--strict`.
    public var warnings: [ScenarioError]

    public init(file: String, scenario: Scenario, resolvedDefaults: [ResolvedDefault], warnings: [ScenarioError] = []) {
        self.file = file
        self.scenario = scenario
        self.resolvedDefaults = resolvedDefaults
        self.warnings = warnings
    }
}

/// One default the reader applied: `subject.phenotype = control`.
public struct ResolvedDefault: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var value: String

    public init(path: String, value: String) {
        self.path = path
        self.value = value
    }

    public var description: String { "\(path) = \(value)" }
}
