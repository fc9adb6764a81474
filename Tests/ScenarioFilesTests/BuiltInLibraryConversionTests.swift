import Foundation
import Pharmacology
import Testing
@testable import ScenarioFiles

/// The conversion of the built-in drugs from Swift to the data file
/// `Sources/BuiltInLibrary/Resources/drugs.json5` (issue 16, "drugs as data"): the file is written
/// by `DrugDefinitionWriter` from the Swift definitions and must read back to exactly the same
/// drugs, sources included, before the Swift definitions go.
@Suite struct BuiltInLibraryConversionTests {
    static let dataFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/BuiltInLibrary/Resources/drugs.json5")

    static let header = [
        "The built-in drug library of ReceptorSim: every drug and metabolite 'receptor-sim drugs' lists, in built-in order,",
        "in the format of a --library file and read by the same reader with the same checks (file, field path, line).",
        "Receptors, endogenous peptides and physiology are Swift (Sources/Pharmacology/Library); only drugs are here.",
        "To change a drug, edit its numbers here, each with its source, and run the tests; 'receptor-sim drugs --export NAME'",
        "prints one entry in this format, the template for a drug of your own.",
    ]

    /// Writes the data file from the Swift definitions when `RECEPTOR_SIM_UPDATE_LIBRARY=1`
    /// (`RECEPTOR_SIM_UPDATE_LIBRARY=1 swift test --skip-build --filter BuiltInLibraryConversionTests`).
    @Test func writeDataFileFromSwiftDefinitions() throws {
        guard ProcessInfo.processInfo.environment["RECEPTOR_SIM_UPDATE_LIBRARY"] == "1" else { return }
        let text = DrugDefinitionWriter.libraryText(DrugLibrary.builtIn.drugs, header: Self.header)
        try text.write(to: Self.dataFile, atomically: true, encoding: .utf8)
    }

    /// The data file read with the library reader equals the Swift definitions (`==`: every
    /// number, source, route, binding, metabolite and their order).
    @Test func dataFileEqualsSwiftDefinitions() throws {
        let bytes = Array(try Data(contentsOf: Self.dataFile))
        var vocabulary = ScenarioVocabulary(drugRoutes: [:], parameterNames: { _ in [] }, columnNames: { _ in [] }, solverMethods: [])
        vocabulary.reservedDrugIDs.formUnion(DrugLibrary.builtIn.peptides.map(\.id))
        let drugs = try DrugLibraryFile.decode(bytes, file: Self.dataFile.path, vocabulary: vocabulary, definesBuiltIns: true)
        #expect(drugs.map(\.id) == DrugLibrary.builtIn.drugs.map(\.id))
        for (file, swift) in zip(drugs, DrugLibrary.builtIn.drugs) {
            #expect(file == swift, "\(swift.id)")
        }
        #expect(drugs == DrugLibrary.builtIn.drugs)
        #expect(drugs.count == 39)
    }
}
