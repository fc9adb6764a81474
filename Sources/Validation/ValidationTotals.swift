/// The totals `validate` prints and its exit status.
package struct ValidationTotals: Sendable, Equatable {
    package var metComparisons = 0
    package var comparisons = 0
    /// Studies with every comparison in its band.
    package var metStudies = 0
    package var studies = 0
    package var heldBackMet = 0
    package var heldBackComparisons = 0
    package var knownGapStudies = 0
    /// Comparisons outside their band that no known gap covers.
    package var unexpectedFailures = 0
    /// Runs that failed (solver errors), whatever the study.
    package var failedRuns = 0

    package init(_ results: [StudyResult]) {
        for study in results {
            studies += 1
            if study.allMet { metStudies += 1 }
            if study.file.knownGap != nil { knownGapStudies += 1 }
            if study.failure != nil { failedRuns += 1 }
            for comparison in study.comparisons {
                comparisons += 1
                // What a known gap covers counts as not met in the total, whatever its value.
                let met = comparison.verdict == .met
                if met { metComparisons += 1 }
                if comparison.verdict == .notMet { unexpectedFailures += 1 }
                if study.file.heldBack {
                    heldBackComparisons += 1
                    if met { heldBackMet += 1 }
                }
            }
        }
    }

    /// 0 when every comparison is met or covered by its study's known gap, 1 otherwise.
    package var exitStatus: Int32 { unexpectedFailures == 0 && failedRuns == 0 ? 0 : 1 }

    /// "N of M comparisons met (K studies of S); held-back studies: a of b comparisons met;
    /// known gaps: g studies".
    package var line: String {
        "\(metComparisons) of \(comparisons) comparisons met (\(metStudies) studies of \(studies)); "
            + "held-back studies: \(heldBackMet) of \(heldBackComparisons) comparisons met; "
            + "known gaps: \(knownGapStudies) " + (knownGapStudies == 1 ? "study" : "studies")
    }
}
