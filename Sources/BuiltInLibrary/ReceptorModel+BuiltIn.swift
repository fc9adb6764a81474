import Pharmacology

/// The model's entry points over the shipped library, for callers with no library of their own
/// (tests, benchmarks, tools). Pharmacology takes the library explicitly; these default it.
extension ReceptorModel {
    /// `compile(_:library:)` over `DrugLibrary.builtIn`.
    /// - Throws: as `compile(_:library:)`.
    package static func compile(_ scenario: Scenario) throws -> CompiledModel {
        try compile(scenario, library: .builtIn)
    }

    /// `parameterNames(for:library:)` over `DrugLibrary.builtIn`.
    /// - Throws: as `parameterNames(for:library:)`.
    package static func parameterNames(for scenario: Scenario) throws -> [String] {
        try parameterNames(for: scenario, library: .builtIn)
    }

    /// `columnNames(for:library:)` over `DrugLibrary.builtIn`.
    /// - Throws: as `columnNames(for:library:)`.
    package static func columnNames(for scenario: Scenario) throws -> [String] {
        try columnNames(for: scenario, library: .builtIn)
    }
}

extension BranchableModel {
    /// `init(scenario:extraDoses:library:)` over `DrugLibrary.builtIn`.
    /// - Throws: as `init(scenario:extraDoses:library:)`.
    package init(scenario: Scenario, extraDoses: [DoseRegimen]) throws {
        try self.init(scenario: scenario, extraDoses: extraDoses, library: .builtIn)
    }
}
