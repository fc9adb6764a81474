import BuiltInLibrary
import Foundation
import Pharmacology
import ScenarioFiles
import Testing
import TestSupport
@testable import receptor_sim

/// The built-in library is the data file (issue 16): `drugs --export` prints its entries, the
/// `drugs` listing is its drugs, and a broken installation is an error of its own (exit 2).
@Suite struct BuiltInLibraryCommandTests {
    static let dataFile = repositoryRoot.appendingPathComponent("Sources/BuiltInLibrary/Resources/drugs.json5")

    /// The file's drugs, read with the library reader.
    static func fileDrugs() throws -> [Drug] {
        try BuiltInDrugFile.library(path: dataFile.path).drugs
    }

    /// `drugs --export morphine` is the morphine entry of the file: equal when both are parsed,
    /// and the same lines of text.
    @Test func exportIsTheFilesEntry() throws {
        let export = try runReceptorSim(["drugs", "--export", "morphine"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("\n// A built-in drug's export is its entry in the shipped library file Sources/BuiltInLibrary/Resources/drugs.json5.\n"))
        let drugs = try Self.fileDrugs()
        // Its metabolite (m6g) is a drug of the file.
        var vocabulary = BuiltInDrugFile.vocabulary
        for drug in drugs { vocabulary.drugRoutes[drug.id] = drug.supportedRoutes }
        let exported = try DrugLibraryFile.decode(export.stdout, file: "export.json5", vocabulary: vocabulary, definesBuiltIns: true)
        let morphine = try #require(drugs.first { $0.id == "morphine" })
        #expect(exported == [morphine])
        // The object's lines, between "  drugs: [" and "  ],", appear verbatim in the file.
        let lines = export.stdout.components(separatedBy: "\n")
        let open = try #require(lines.firstIndex(of: "  drugs: ["))
        let close = try #require(lines.lastIndex(of: "  ],"))
        let entry = lines[(open + 1)..<close].joined(separator: "\n")
        #expect(entry.hasPrefix("    {\n      id: \"morphine\","))
        #expect(try String(contentsOf: Self.dataFile, encoding: .utf8).contains(entry + "\n    {\n      id: \"m6g\","))
    }

    /// Every drug `receptor-sim drugs` lists is in the file, in the file's order, and no other.
    @Test func listingIsTheFilesDrugs() throws {
        let listing = try runReceptorSim(["drugs"])
        #expect(listing.status == 0, "\(listing.stderr)")
        let rows = listing.stdout.components(separatedBy: "\n").dropFirst().prefix { !$0.isEmpty }
        let ids = rows.map { String($0.prefix { $0 != " " }) }
        #expect(ids == (try Self.fileDrugs().map(\.id)))
        #expect(ids.first == "morphine")
    }

    /// The built binary copied without its resources, and with a damaged copy of them: every
    /// command, including those whose arguments list the library's names (`run`), stops with the
    /// library's message and exit status 2, never a crash.
    @Test func copiedBinaryWithoutOrWithDamagedLibraryExitsTwo() throws {
        let directory = try makeTemporaryDirectory(prefix: "builtin-library-install")
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appendingPathComponent("receptor-sim")
        try FileManager.default.copyItem(at: productsDirectory.appendingPathComponent("receptor-sim"), to: binary)
        func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            _ = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
        }
        let scenario = repositoryRoot.appendingPathComponent("Scenarios/morphine-abrupt-stop.json").path
        let resources = directory.appendingPathComponent("ReceptorSim_BuiltInLibrary.resources")
        for arguments in [["run", scenario, "-q"], ["drugs"], ["help", "run"]] {
            let missing = try run(arguments)
            #expect(missing.status == 2, "\(arguments)")
            #expect(missing.stderr.hasPrefix("receptor-sim: error: the built-in drug library 'drugs.json5' was not found; looked for:\n  "
                + resources.appendingPathComponent("drugs.json5").standardizedFileURL.path + "\n"), "\(missing.stderr)")
        }
        #expect(try run(["--version"]).status == 0)
        // A damaged copy: morphine's unbound fraction 10.62 (the file has 0.62).
        try FileManager.default.createDirectory(at: resources, withIntermediateDirectories: true)
        var lines = try String(contentsOf: Self.dataFile, encoding: .utf8).components(separatedBy: "\n")
        let fu = try #require(lines.firstIndex { $0.hasPrefix("      fraction_unbound: { value: 0.62,") })
        lines[fu] = lines[fu].replacingOccurrences(of: "value: 0.62,", with: "value: 10.62,")
        let damaged = resources.appendingPathComponent("drugs.json5").path
        try lines.joined(separator: "\n").write(toFile: damaged, atomically: true, encoding: .utf8)
        let result = try run(["run", scenario, "-q"])
        #expect(result.status == 2)
        #expect(result.stderr == "\(damaged):\(fu + 1): error: drugs[0].fraction_unbound.value: must be a finite number > 0 and <= 1 "
            + "(only the unbound fraction reaches the receptors), found 10.62\n"
            + "receptor-sim: error: the built-in drug library '\(damaged)' is not a valid library file (the errors above); "
            + "restore it from the package sources or fix the fields they name.\n")
    }

    /// A missing or damaged data file stops every command with the library's own message and
    /// exit status 2, not a crash.
    @Test func brokenInstallationIsAnInputError() {
        let missing = CommandLineError.builtInLibrary(.missing(searched: ["/x/ReceptorSim_BuiltInLibrary.resources/drugs.json5"]))
        #expect(missing.exitStatus == 2)
        #expect(missing.description.hasPrefix("receptor-sim: error: the built-in drug library 'drugs.json5' was not found; looked for:\n"
            + "  /x/ReceptorSim_BuiltInLibrary.resources/drugs.json5\n"))
        let damaged = CommandLineError.builtInLibrary(.invalid(path: "/x/drugs.json5", .unreadable(file: "/x/drugs.json5", reason: "gone")))
        #expect(damaged.exitStatus == 2)
        #expect(damaged.description == "/x/drugs.json5: error: cannot read scenario file: gone\n"
            + "receptor-sim: error: the built-in drug library '/x/drugs.json5' is not a valid library file (the errors above); "
            + "restore it from the package sources or fix the fields they name.")
    }
}
