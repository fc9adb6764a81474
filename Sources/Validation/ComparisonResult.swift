import Reports

/// The outcome of one comparison.
package enum Verdict: String, Sendable, Equatable {
    case met = "met"
    case notMet = "NOT MET"
    /// A comparison its study's known gap covers (all of the study's, or those its
    /// `known_gap_covers` lines name): counted as not met, but not a failure (`inBand` still
    /// tells whether the model now meets it).
    case knownGap = "known gap"
}

/// One observation against the model: the statistic of the model's time course and the verdict.
package struct ComparisonResult: Sendable, Equatable {
    package var observation: Observation
    /// The model's value of the statistic; NaN when it could not be computed (the run failed,
    /// or a half-life over a window without decline).
    package var modelValue: Double
    /// Whether the model value lies in the band (always false in a failed run).
    package var inBand: Bool
    package var verdict: Verdict

    package init(observation: Observation, modelValue: Double, knownGap: Bool) {
        self.observation = observation
        self.modelValue = modelValue
        inBand = observation.accepts(modelValue)
        verdict = knownGap ? .knownGap : (inBand ? .met : .notMet)
    }
}

/// A study: its id, its parsed observations file and, once run, its comparisons.
package struct StudyResult: Sendable, Equatable {
    package var id: String
    package var file: ObservationFile
    package var comparisons: [ComparisonResult]
    /// The simulated columns (the compared observables) on the study grid, for the report;
    /// nil when the run failed.
    package var table: TimeSeriesTable?
    /// Why the run failed, if it did.
    package var failure: String?
    /// Doses and events of the scenario, for the report's chart.
    package var annotations = PlotAnnotations()

    /// Evaluates every observation of `file` on `table` (which holds each compared observable),
    /// window extremes from `extremes` (aligned with `file.extremaRequests`).
    package init(id: String, file: ObservationFile, table: TimeSeriesTable, extremes: [WindowExtremes]) {
        self.id = id
        self.file = file
        self.table = table
        failure = nil
        let values = file.modelValues(timeHours: table.timeHours, series: { table.column(named: $0)?.values }, extremes: extremes)
        comparisons = zip(file.observations, values).map { observation, model in
            ComparisonResult(observation: observation, modelValue: model, knownGap: file.isCoveredByKnownGap(observation))
        }
    }

    /// A study whose run failed: every comparison is not met (one its known gap covers stays
    /// a known gap).
    package init(id: String, file: ObservationFile, failure: String) {
        self.id = id
        self.file = file
        self.table = nil
        self.failure = failure
        comparisons = file.observations.map { ComparisonResult(observation: $0, modelValue: .nan, knownGap: file.isCoveredByKnownGap($0)) }
    }

    /// Every comparison met (a study with a known gap never is: what the gap covers counts as
    /// not met, even when its values are in band).
    package var allMet: Bool { failure == nil && comparisons.allSatisfy { $0.verdict == .met } }
}
