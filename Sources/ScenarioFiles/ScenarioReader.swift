import Foundation
import Pharmacology

/// Reads scenario files: bytes to JSON5 to a validated `Scenario`, or every problem at once.
public enum ScenarioReader {
    /// Largest scenario file accepted (a scenario is a few KB; this bounds memory and time).
    public static let maximumFileBytes = 4 << 20
    /// Most output rows one run may ask for (`duration_h / interval_h`), also for `--interval`.
    public static var maximumOutputRows: Double { ScenarioDecoder.maximumOutputRows }

    /// Checks a solver tolerance given outside a file (`--rtol`, `--atol`) exactly as
    /// `solver.rtol` and `solver.atol` are checked in one.
    /// - Returns: nil when `value` is valid, else the requirement it fails.
    public static func toleranceProblem(_ value: Double) -> NumberRequirement? {
        guard value.isFinite, value > 0 else { return .positive }
        return value > ScenarioDecoder.maximumTolerance ? .atMost(ScenarioDecoder.maximumTolerance) : nil
    }

    /// Reads and validates the scenario at `path`.
    /// - Parameters:
    ///   - path: the file, as the user wrote it (also used in messages).
    ///   - vocabulary: the names the model knows.
    /// - Throws: `ScenarioError` (`.multiple` when validation finds more than one problem).
    public static func load(path: String, vocabulary: ScenarioVocabulary) throws(ScenarioError) -> LoadedScenario {
        try decode(readBytes(path: path), file: path, vocabulary: vocabulary)
    }

    /// The bytes of the scenario file at `path`, read once: a caller that also needs them (the
    /// study fingerprint) decodes these with `decode` rather than reading the file twice.
    /// - Throws: `.unreadable` (missing, unreadable or a directory), `.fileTooLarge`.
    public static func readBytes(path: String) throws(ScenarioError) -> [UInt8] {
        let url = URL(fileURLWithPath: path)
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if (attributes[.type] as? FileAttributeType) == .typeDirectory {
                throw ScenarioError.unreadable(file: path, reason: "is a directory")
            }
            if let size = attributes[.size] as? Int, size > maximumFileBytes {
                throw ScenarioError.fileTooLarge(file: path, bytes: size, limitBytes: maximumFileBytes)
            }
            return Array(try Data(contentsOf: url))
        } catch let error as ScenarioError {
            throw error
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "no such file or not readable"
            throw ScenarioError.unreadable(file: path, reason: FileManager.default.fileExists(atPath: path) ? reason : "no such file")
        }
    }

    /// Parses and validates scenario text held in memory.
    /// - Complexity: O(n) in the size of the file, plus the vocabulary look-ups.
    public static func decode(_ bytes: [UInt8], file: String, vocabulary: ScenarioVocabulary) throws(ScenarioError) -> LoadedScenario {
        if bytes.count > maximumFileBytes {
            throw .fileTooLarge(file: file, bytes: bytes.count, limitBytes: maximumFileBytes)
        }
        let root = try JSON5Parser.parse(bytes, file: file)
        var decoder = ScenarioDecoder(file: file, vocabulary: vocabulary)
        let scenario = decoder.decode(root)
        // In document order; problems at one position in the order the decoder met them.
        let problems = decoder.problems.enumerated()
            .sorted {
                ($0.element.line, $0.element.position.column, $0.offset)
                    < ($1.element.line, $1.element.position.column, $1.offset)
            }
            .map(\.element)
        if problems.count == 1, let only = problems.first { throw only }
        if !problems.isEmpty { throw .multiple(problems) }
        return LoadedScenario(file: file, scenario: scenario, resolvedDefaults: decoder.defaults)
    }

    /// Text convenience for tests.
    public static func decode(_ text: String, file: String, vocabulary: ScenarioVocabulary) throws(ScenarioError) -> LoadedScenario {
        try decode(Array(text.utf8), file: file, vocabulary: vocabulary)
    }
}
