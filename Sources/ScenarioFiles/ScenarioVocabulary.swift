import Pharmacology

/// The names a scenario may use, supplied by whoever knows the model.
///
/// ScenarioFiles checks structure on its own but takes the model's vocabulary as a value, so it
/// stays independent of the library's contents (and testable with a small test vocabulary). The
/// command line fills one from the Pharmacology library.
public struct ScenarioVocabulary: Sendable {
    /// Drug library ids with the routes each supports.
    public var drugRoutes: [String: [Route]]
    /// The override names (`"morphine.half_life_h"`) valid for a scenario; depends on its drugs.
    public var parameterNames: @Sendable (Scenario) -> [String]
    /// The CSV column names (other than `time_h`) valid for a scenario; depends on its drugs.
    public var columnNames: @Sendable (Scenario) -> [String]
    /// Solver method names (`IntegrationMethod.rawValue`).
    public var solverMethods: [String]
    /// The valid range of a parameter override (`ParameterCatalog.range(of:in:)`); nil: any
    /// finite value >= 0.
    public var parameterRange: @Sendable (String) -> ParameterRange?

    public init(
        drugRoutes: [String: [Route]],
        parameterNames: @escaping @Sendable (Scenario) -> [String],
        columnNames: @escaping @Sendable (Scenario) -> [String],
        solverMethods: [String],
        parameterRange: @escaping @Sendable (String) -> ParameterRange? = { _ in nil }
    ) {
        self.drugRoutes = drugRoutes
        self.parameterNames = parameterNames
        self.columnNames = columnNames
        self.solverMethods = solverMethods
        self.parameterRange = parameterRange
    }
}
