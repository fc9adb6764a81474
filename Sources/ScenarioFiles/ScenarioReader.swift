import Pharmacology

/// Reads scenario files: bytes to JSON5 to a validated `Scenario`, or every problem at once.
public enum ScenarioReader {
    /// Largest scenario file accepted (`ScenarioLimits.maximumFileBytes`).
    public static let maximumFileBytes = ScenarioLimits.maximumFileBytes
    /// Most output rows one run may ask for by default (`ScenarioLimits.standard`), for studies.
    public static var maximumOutputRows: Double { Double(ScenarioLimits.standard.maximumRows) }

    /// Reads and validates the scenario at `path`.
    /// - Parameters:
    ///   - path: the file, as the user wrote it (also used in messages).
    ///   - vocabulary: the names the model knows.
    ///   - limits: the caps on administrations and output size (`--max-rows`, ...).
    ///   - events: an event table (`--events`) whose rows are appended to the scenario's
    ///     `doses` and validated with them.
    /// - Throws: `ScenarioError` (`.multiple` when validation finds more than one problem).
    public static func load(path: String, vocabulary: ScenarioVocabulary,
                            limits: ScenarioLimits = .standard, events: EventTable? = nil) throws(ScenarioError) -> LoadedScenario {
        try decode(readBytes(path: path), file: path, vocabulary: vocabulary, limits: limits, events: events)
    }

    /// The bytes of the scenario file at `path`, read once: a caller that also needs them (the
    /// study fingerprint) decodes these with `decode` rather than reading the file twice.
    ///
    /// Symbolic links are followed; at most `maximumFileBytes + 1` bytes are read whatever the
    /// path names (a FIFO or a device reports no useful size), so no input can exhaust memory.
    /// - Throws: `.unreadable` (missing, unreadable or a directory), `.fileTooLarge`.
    public static func readBytes(path: String) throws(ScenarioError) -> [UInt8] {
        switch BoundedFileReader.contents(of: path, limit: maximumFileBytes) {
        case .bytes(let bytes): return bytes
        case .tooLarge(let size): throw .fileTooLarge(file: path, bytes: size, limitBytes: maximumFileBytes)
        case .unreadable(let reason): throw .unreadable(file: path, reason: reason)
        }
    }

    /// Parses and validates scenario text held in memory.
    /// - Complexity: O(n) in the size of the file, plus the vocabulary look-ups.
    public static func decode(_ bytes: [UInt8], file: String, vocabulary: ScenarioVocabulary,
                              limits: ScenarioLimits = .standard, events: EventTable? = nil) throws(ScenarioError) -> LoadedScenario {
        if bytes.count > maximumFileBytes {
            throw .fileTooLarge(file: file, bytes: bytes.count, limitBytes: maximumFileBytes)
        }
        let root = try JSON5Parser.parse(bytes, file: file)
        var decoder = ScenarioDecoder(file: file, vocabulary: vocabulary, limits: limits)
        decoder.events = events
        let scenario = decoder.decode(root)
        // In document order (the scenario file's, then the event table's); problems at one
        // position in the order the decoder met them.
        func order(_ problem: ScenarioError) -> Int { problem.file == file ? 0 : 1 }
        let problems = decoder.problems.enumerated()
            .sorted {
                (order($0.element), $0.element.line, $0.element.position.column, $0.offset)
                    < (order($1.element), $1.element.line, $1.element.position.column, $1.offset)
            }
            .map(\.element)
        if problems.count == 1, let only = problems.first { throw only }
        if !problems.isEmpty { throw .multiple(problems) }
        return LoadedScenario(file: file, scenario: scenario, resolvedDefaults: decoder.defaults, warnings: decoder.warnings)
    }

    /// Text convenience for tests.
    public static func decode(_ text: String, file: String, vocabulary: ScenarioVocabulary,
                              limits: ScenarioLimits = .standard, events: EventTable? = nil) throws(ScenarioError) -> LoadedScenario {
        try decode(Array(text.utf8), file: file, vocabulary: vocabulary, limits: limits, events: events)
    }
}
