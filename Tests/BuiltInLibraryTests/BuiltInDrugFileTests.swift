import Foundation
import Pharmacology
import ScenarioFiles
import Testing
import TestSupport
@testable import BuiltInLibrary

/// The built-in drugs as data (issue 16): the shipped file `Sources/BuiltInLibrary/Resources/drugs.json5`
/// loads with no problems through the `--library` reader, is exactly the writer's text for its drugs
/// (so `drugs --export NAME` prints its entries verbatim), and a damaged copy is rejected with the
/// reader's file, field path and line.
@Suite struct BuiltInDrugFileTests {
    /// The data file in the package sources (the one a developer edits).
    static let sourceFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/BuiltInLibrary/Resources/drugs.json5")

    /// The file read is the installed resource copy, it loads, and it holds the 41 drugs and
    /// metabolites of the library (update the count when adding one).
    @Test func shippedFileLoadsWithNoProblems() throws {
        let library = try BuiltInDrugFile.loaded.get()
        #expect(library.drugs.count == 41)
        #expect(library.drugs.first?.id == "morphine")
        #expect(Set(library.drugs.map(\.id)).count == library.drugs.count)
        // Receptors, peptides and physiology stay Swift.
        #expect(library.receptors == DrugLibrary.builtInReceptors)
        #expect(library.peptides == DrugLibrary.builtInPeptides)
        #expect(library.physiology == DrugLibrary.builtInPhysiology)
        #expect(DrugLibrary.builtIn == library)
        // The installed copy is the source file (a stale build would test an old library).
        let installed = try #require(BuiltInDrugFile.candidatePaths().first { FileManager.default.isReadableFile(atPath: $0) })
        #expect(installed.hasSuffix("/ReceptorSim_BuiltInLibrary.resources/drugs.json5") || installed.contains(".bundle/"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: installed)) == Data(contentsOf: Self.sourceFile))
    }

    /// The file is the writer's text for its own drugs under `BuiltInDrugFile.header`: every entry
    /// is what `drugs --export` prints, and a hand edit keeps that form. After an edit that changes
    /// only layout (a number written `0.50`), normalise with
    /// `RECEPTOR_SIM_UPDATE_LIBRARY=1 swift test --skip-build --filter BuiltInDrugFileTests` and review the diff.
    @Test func shippedFileIsTheWritersText() throws {
        var text = try String(contentsOf: Self.sourceFile, encoding: .utf8)
        let drugs = try BuiltInDrugFile.library(path: Self.sourceFile.path).drugs
        let written = DrugDefinitionWriter.libraryText(drugs, header: BuiltInDrugFile.header)
        if ProcessInfo.processInfo.environment["RECEPTOR_SIM_UPDATE_LIBRARY"] == "1", written != text {
            try written.write(to: Self.sourceFile, atomically: true, encoding: .utf8)
            text = written
        }
        #expect(written == text)
        // Every number has a source of its own (none left as "no source given").
        #expect(!text.contains("no source given in the drug definition"))
    }

    /// A damaged copy fails through the same path as the installed file, with the reader's
    /// messages: the file, the field path and the line of each problem, all of them at once.
    @Test func damagedCopyNamesFileFieldAndLine() throws {
        var lines = try String(contentsOf: Self.sourceFile, encoding: .utf8).components(separatedBy: "\n")
        let starts = lines.indices.filter { lines[$0] == "    {" }
        try #require(starts.count == DrugLibrary.builtIn.drugs.count)
        // Morphine (drugs[0]): an unbound fraction above 1; m6g (drugs[1]): a misspelt key.
        let fu = try #require(lines.firstIndex { $0.hasPrefix("      fraction_unbound: { value: ") })
        #expect(fu < starts[1])
        lines[fu] = "      fraction_unbound: { value: 1.5, source: \"damaged\" },"
        let ke0 = try #require(lines[starts[1]...].firstIndex { $0.hasPrefix("      ke0_per_h: ") })
        lines[ke0] = lines[ke0].replacingOccurrences(of: "ke0_per_h:", with: "ke0_per_hour:")
        let directory = try makeTemporaryDirectory(prefix: "builtin-library")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("drugs.json5").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: BuiltInLibraryError.self) { try BuiltInDrugFile.library(path: path) }
        guard case .invalid(let file, let scenarioError) = error else {
            Issue.record("expected .invalid, got \(String(describing: error))")
            return
        }
        #expect(file == path)
        #expect(scenarioError.problems.map(\.description) == [
            "\(path):\(fu + 1): error: drugs[0].fraction_unbound.value: must be a finite number > 0 and <= 1 "
                + "(only the unbound fraction reaches the receptors), found 1.5",
            "\(path):\(starts[1] + 1): error: drugs[1]: missing required key 'ke0_per_h'",
            "\(path):\(ke0 + 1): error: drugs[1].ke0_per_hour: unknown key 'ke0_per_hour'; did you mean 'ke0_per_h'?",
        ])
        #expect(error?.description.hasSuffix("\nreceptor-sim: error: the built-in drug library '\(path)' is not a valid library file "
            + "(the errors above); restore it from the package sources or fix the fields they name.") == true)
    }

    /// No file where it should be: the message lists every path looked at and what to copy.
    @Test func missingFileListsThePathsLookedAt() throws {
        let paths = BuiltInDrugFile.candidatePaths()
        let beside = Bundle.main.bundleURL.appendingPathComponent("ReceptorSim_BuiltInLibrary.resources/drugs.json5").standardizedFileURL.path
        #expect(paths.first == beside)
        #expect(BuiltInLibraryError.missing(searched: ["/a/drugs.json5", "/b/drugs.json5"]).description == """
            receptor-sim: error: the built-in drug library 'drugs.json5' was not found; looked for:
              /a/drugs.json5
              /b/drugs.json5
            It ships in the resource directory 'ReceptorSim_BuiltInLibrary.resources' beside the receptor-sim executable \
            (built by 'swift build'): copy that directory with the executable.
            """)
        // A path that cannot be read says so through the reader's message.
        let absent = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-dir-\(UUID().uuidString)/drugs.json5").path
        let error = #expect(throws: BuiltInLibraryError.self) { try BuiltInDrugFile.library(path: absent) }
        #expect(error?.description.hasPrefix("\(absent): error: cannot read scenario file: ") == true)
    }
}
