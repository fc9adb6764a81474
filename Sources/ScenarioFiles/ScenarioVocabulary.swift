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
    /// Columns a scenario may ask for by name that "all" leaves out (`<drug>_plasma_ng_per_mL`).
    public var optionalColumnNames: @Sendable (Scenario) -> [String] = { _ in [] }
    /// The largest labelled or commonly used dose per drug and route (`PlausibleDoseTable`):
    /// doses above it are warnings (`LoadedScenario.warnings`). Empty: no checks.
    public var plausibleDoses: [PlausibleDose] = []
    /// Solver method names (`IntegrationMethod.rawValue`).
    public var solverMethods: [String]
    /// The valid range of a parameter override (`ParameterCatalog.range(of:in:)`); nil: any
    /// finite value >= 0.
    public var parameterRange: @Sendable (String) -> ParameterRange?
    /// Drugs of a `--library` file: dosable like built-in drugs (their routes are in
    /// `drugRoutes`), carried into every scenario read with this vocabulary (`Scenario.drugs`),
    /// and amendable there (name, binding classes, irreversible flags).
    public private(set) var libraryDrugs: [Drug] = []
    /// Built-in drugs a scenario may amend (name, binding classes, irreversible flags) by
    /// listing their id in `drugs` with only those keys; the amended drug replaces the built-in
    /// one for that scenario. Empty: built-in drugs cannot be amended.
    public var amendableDrugs: [Drug] = []
    /// Names a drug definition may not take besides the drugs (receptors, peptides, `model`).
    public var reservedDrugIDs: Set<String> = DrugDefinitionFormat.reservedIDs(peptides: [])

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

    /// This vocabulary with the drugs of a `--library` file added (their routes too).
    public func including(library drugs: [Drug]) -> ScenarioVocabulary {
        var vocabulary = self
        for drug in drugs {
            vocabulary.drugRoutes[drug.id] = drug.supportedRoutes
            vocabulary.libraryDrugs.removeAll { $0.id == drug.id }
            vocabulary.libraryDrugs.append(drug)
        }
        return vocabulary
    }
}
