import Integrators
import Pharmacology
import ScenarioFiles

/// One drug as `receptor-sim drugs` lists it.
struct DrugSummary: Sendable, Equatable {
    var id: String
    var name: String
    var routes: [Route]
}

/// One library value as `receptor-sim drugs NAME` shows it.
struct ParameterRow: Sendable, Equatable {
    var name: String
    var value: Double
    var unit: String
    var source: String
}

/// The only place the command line touches the Pharmacology model: the vocabulary for
/// validation, the library listing, and the simulation itself.
///
/// PROVISIONAL until the Pharmacology model lands on main: the drug list and column names
/// follow the library being built (ids as in its DrugLibrary, columns as in issue 4), and
/// `simulate` reports that no model is available. Replace the bodies, not the signatures.
enum ModelBridge {
    static let receptors = ["mu", "delta", "kappa"]
    static let peptides = ["endorphin", "enkephalin", "dynorphin"]

    static let provisionalDrugs: [DrugSummary] = [
        DrugSummary(id: "morphine", name: "morphine", routes: [.oral, .ivBolus, .ivInfusion, .intramuscular]),
        DrugSummary(id: "oxycodone", name: "oxycodone", routes: [.oral, .ivBolus]),
        DrugSummary(id: "fentanyl", name: "fentanyl", routes: [.ivBolus, .ivInfusion, .intranasal]),
        DrugSummary(id: "methadone", name: "methadone (racemic)", routes: [.oral, .ivBolus]),
        DrugSummary(id: "buprenorphine", name: "buprenorphine", routes: [.sublingual, .ivBolus, .intramuscular]),
        DrugSummary(id: "naloxone", name: "naloxone", routes: [.ivBolus, .intranasal, .intramuscular]),
        DrugSummary(id: "naltrexone", name: "naltrexone", routes: [.oral]),
        DrugSummary(id: "aticaprant", name: "aticaprant (LY2456302)", routes: [.oral]),
        DrugSummary(id: "mitragynine", name: "mitragynine (kratom)", routes: [.oral]),
        DrugSummary(id: "ketamine", name: "ketamine (racemic)", routes: [.ivBolus, .ivInfusion, .intramuscular, .oral, .intranasal]),
    ]

    /// The library, for `drugs`.
    static func drugs() -> [DrugSummary] { provisionalDrugs }

    /// A drug's parameters with units and sources; nil if the drug is unknown.
    static func parameters(ofDrug id: String) -> [ParameterRow]? {
        provisionalDrugs.contains { $0.id == id } ? [] : nil
    }

    /// The names scenarios may use.
    static var vocabulary: ScenarioVocabulary {
        ScenarioVocabulary(
            drugRoutes: Dictionary(uniqueKeysWithValues: provisionalDrugs.map { ($0.id, $0.routes) }),
            parameterNames: { scenario in
                drugIDs(scenario).flatMap { ["\($0).half_life_h", "\($0).clearance_l_per_h"] }
            },
            columnNames: { scenario in columnNames(for: scenario) },
            solverMethods: IntegrationMethod.allCases.map(\.rawValue))
    }

    static func drugIDs(_ scenario: Scenario) -> [String] {
        var seen: Set<String> = []
        return scenario.doses.map(\.drug).filter { seen.insert($0).inserted }
    }

    /// Every CSV column of a scenario, in the order `run` writes them.
    static func columnNames(for scenario: Scenario) -> [String] {
        let drugs = drugIDs(scenario)
        var columns: [String] = []
        for drug in drugs { columns += ["\(drug)_plasma_nM", "\(drug)_brain_nM"] }
        columns += peptides.map { "\($0)_nM" }
        for receptor in receptors {
            for ligand in peptides + drugs { columns.append("\(receptor)_occupancy_\(ligand)") }
            columns.append("\(receptor)_occupancy_total")
            for suffix in ["surface_rel", "internal_rel", "total_rel", "stimulus", "response", "adaptation"] {
                columns.append("\(receptor)_\(suffix)")
            }
        }
        columns += ["hedonic_tone", "withdrawal_index", "tolerance_index"]
        return columns
    }

    /// Simulates `scenario`, handing each output row to `row`.
    /// - Throws: `.model` for scenarios the model rejects (exit 2), `.simulation` for solver
    ///   failures (exit 1), or whatever `row` throws.
    static func simulate(
        _ scenario: Scenario, file: String, columns: [String],
        row: (Double, UnsafeBufferPointer<Double>) throws(CommandLineError) -> Void
    ) throws(CommandLineError) -> SolverStatistics {
        throw .simulation(file: file, timeHours: nil, cause: "the Pharmacology model is not available in this build yet")
    }
}
