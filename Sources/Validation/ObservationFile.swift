/// An observations file (`Scenarios/validation/<id>.csv`): what a study is, where its numbers
/// come from, and the comparisons, read strictly by `parse(_:file:columns:drugIDs:durationHours:)`.
/// The format is specified in `Scenarios/validation/README.md`.
package struct ObservationFile: Sendable, Equatable {
    package var title: String
    package var citation: String
    package var obtained: String
    package var population: String
    /// Library ids of the drugs the study is about (the first groups the report).
    package var drugs: [String]
    package var evidence: EvidenceKind
    package var acceptance: String
    /// Why the current model does not meet the study; nil when it should.
    package var knownGap: String?
    /// Never used by `fit`; its pass rate is reported separately.
    package var heldBack: Bool
    /// Conversions and remarks, one per `# note:` line.
    package var notes: [String]
    package var observations: [Observation]

    /// The header keys, in the order the format lists them.
    package static let requiredKeys = ["title", "citation", "obtained", "population", "drug", "evidence", "acceptance"]
    package static let optionalKeys = ["known_gap", "held_back", "note"]
    /// Keys whose repeated lines join into one text (a key may repeat for multi-line text).
    static let repeatableKeys: Set<String> = ["citation", "obtained", "population", "acceptance", "known_gap", "note"]
    /// The table's header line, exactly.
    package static let columnHeader = "observable,statistic,time_h,end_h,value,sd,n,lower,upper"
}
