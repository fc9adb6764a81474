import Pharmacology

/// A number given outside a file, with the text the user wrote (for messages).
public struct GivenNumber: Sendable, Equatable {
    public var value: Double
    public var literal: String

    public init(_ value: Double, literal: String) {
        self.value = value
        self.literal = literal
    }
}

extension ScenarioReader {
    /// Checks one single dose given outside a file (a challenge's probe) exactly as an entry of
    /// a scenario's `doses` is checked in one: the drug known, the route known and supported by
    /// the drug and suited to a single dose, the amount and time in range, the time within the
    /// run.
    ///
    /// - Parameters:
    ///   - durationHours: the scenario's `duration_h` (a dose after it is an error).
    /// - Returns: the dose as a scenario holds it.
    /// - Throws: `ScenarioError` (`.multiple` for several problems); each problem's `path` is
    ///   `dose.drug`, `dose.route`, `dose.amount_mg` or `dose.at_h` and its file is empty, for
    ///   the caller to name its own options (`ScenarioError.message`).
    public static func decodeDose(
        drug: String, route: String, atHours: GivenNumber, amountMilligrams: GivenNumber, durationHours: Double,
        vocabulary: ScenarioVocabulary
    ) throws(ScenarioError) -> DoseRegimen {
        let here = SourcePosition(line: 0, column: 0)
        func member(_ key: String, _ kind: JSONValue.Kind) -> JSONMember {
            JSONMember(key: key, keyPosition: here, value: JSONValue(kind, at: here))
        }
        let entry = JSONValue(.object([
            member("drug", .string(drug)),
            member("route", .string(route)),
            member("amount_mg", .number(amountMilligrams.value, literal: amountMilligrams.literal)),
            member("at_h", .number(atHours.value, literal: atHours.literal)),
        ]), at: here)
        var decoder = ScenarioDecoder(file: "", vocabulary: vocabulary)
        let dose = decoder.decodeDose(entry, path: "dose", durationHours: durationHours)
        if decoder.problems.count == 1, let only = decoder.problems.first { throw only }
        if !decoder.problems.isEmpty { throw .multiple(decoder.problems) }
        guard let dose else { preconditionFailure("a dose without problems decodes") }
        return dose
    }
}
