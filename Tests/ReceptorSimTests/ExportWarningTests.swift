import Foundation
import Testing

/// `export` names the rule constants an override folded into the rules' form: in the SBML they
/// are plain numbers, so changing them in libRoadRunner or COPASI would change nothing.
@Suite struct ExportWarningTests {
    static func scenario(_ parameters: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-warning-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("s.json").path
        try """
        { name: "morphine", duration_h: 24, \(parameters)
          doses: [ { drug: "morphine", route: "oral", amount_mg: 10, at_h: 0 } ] }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// `uncoupling.gain` 0 turns the uncoupling onset term into 0 · (…), so the export cannot
    /// write it by name (RuleConstantNaming finds a number that moves with the gain).
    @Test func foldedConstantIsNamedOnStandardError() throws {
        let path = try Self.scenario("parameters: { \"uncoupling.gain\": 0 },")
        let result = try runReceptorSim(["export", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("<sbml"))
        let gain = "0.0 (moves with uncoupling.gain)"
        #expect(result.stderr == "warning: \(path): written as numbers, not SBML parameters, so changing them in an SBML tool "
                + "has no effect (rule numbers written without a name: \(gain), \(gain), \(gain))\n")
    }

    /// `export --help` says what the file holds: species moved by reactions, rate rules only for
    /// the rule-driven states. Until 2026-12-07 it said "every state as a parameter with a rate
    /// rule", the export of before the species were introduced.
    @Test func helpDescribesTheSpeciesAndReactionsTheExportWrites() throws {
        let model = try runReceptorSim(["export", try Self.scenario("")]).stdout
        #expect(model.contains("<species ") && model.contains("<reaction ") && model.contains("<rateRule "))
        let help = try runReceptorSim(["export", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("as species moved by reactions with kinetic laws; the rule-driven states (uncoupling, "
                              + "adaptation pools, extrinsic drive, peptides and their feedback) as parameters with rate rules"))
        #expect(!help.contains("every state as a parameter with a rate rule"))
    }

    /// At the library's values every constant but `respiration.slope` is a parameter: no warning.
    @Test func defaultConstantsGiveNoWarning() throws {
        let result = try runReceptorSim(["export", try Self.scenario("")])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
    }
}
