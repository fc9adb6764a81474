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
    /// The comparisons the known gap is about, by label (`m6g_plasma_nM max@0-6h`, as
    /// `validate` lists them), one per `# known_gap_covers:` line; empty: the whole study, so
    /// that an in-band comparison the gap is not about still counts, and still guards its band.
    package var knownGapCovers: [String] = []
    /// Never used by `fit`; its pass rate is reported separately.
    package var heldBack: Bool
    /// Conversions and remarks, one per `# note:` line.
    package var notes: [String]
    package var observations: [Observation]

    /// The header keys, in the order the format lists them.
    package static let requiredKeys = ["title", "citation", "obtained", "population", "drug", "evidence", "acceptance"]
    package static let optionalKeys = ["known_gap", "known_gap_covers", "held_back", "note"]
    /// Keys that may repeat: their lines join into one text, except `note` and
    /// `known_gap_covers`, one item a line.
    static let repeatableKeys: Set<String> = ["citation", "obtained", "population", "acceptance", "known_gap", "known_gap_covers", "note"]
    /// The table's header line, exactly.
    package static let columnHeader = "observable,statistic,time_h,end_h,value,sd,n,lower,upper"

    /// Whether the study's known gap covers `observation`: none without a `known_gap`, every
    /// comparison when no `known_gap_covers` line limits it, else those it names.
    package func isCoveredByKnownGap(_ observation: Observation) -> Bool {
        knownGap != nil && (knownGapCovers.isEmpty || knownGapCovers.contains(observation.label))
    }
}
