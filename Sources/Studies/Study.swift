import Reports

/// Runs a study plan (all of it or one shard) and renders its summary.
public enum Study {
    /// The outcome of running a plan.
    public struct Result: Sendable {
        /// The summary CSV text (study line, header, rows).
        public let summary: String
        public let memberCount: Int
        public let failedCount: Int
        /// Percentile bands, when band columns were requested.
        public let bands: PercentileBands?
    }

    /// Runs `shard` of `plan` on `threads` threads.
    ///
    /// A member that fails (solver failure, no steady state, invalid value) is recorded in its
    /// row with status `failed` and the error text; the others go on.
    /// - Parameters:
    ///   - fingerprint: identifies the study in the study line (`StudyFingerprint.of`).
    ///   - shard: nil for the whole study (no `shard=` in the study line).
    ///   - progress: called with the number of members done, from worker threads.
    /// - Throws: `StudyError.tooLarge` when the bands would exceed `PercentileBands.maximumValues`,
    ///   `.invalidSpecification` for bands with a shard.
    public static func run(_ plan: StudyPlan, fingerprint: String, shard: Shard? = nil, threads: Int,
                           format: CSVNumberFormat = .roundTrip,
                           progress: (@Sendable (Int) -> Void)? = nil) throws(StudyError) -> Result {
        let members = (shard ?? .whole).range(of: plan.count)
        let wantBands = !plan.bandColumns.isEmpty
        if wantBands {
            guard shard == nil else {
                throw .invalidSpecification(option: "--bands", text: "--shard", reason: "percentile bands need every member in one process; run them without --shard")
            }
            let (n, overflow) = members.count.multipliedReportingOverflow(by: plan.rowsPerRun * plan.bandColumns.count)
            guard !overflow, n <= PercentileBands.maximumValues else {
                throw .tooLarge(what: "the band store (members x output rows x band columns)", count: overflow ? Int.max : n,
                                limit: PercentileBands.maximumValues)
            }
        }
        let outcomes = StudyExecutor.run(plan, members: members, threads: threads, recordBands: wantBands, progress: progress)
        let summary = StudyTable.render(plan: plan, outcomes: outcomes, fingerprint: fingerprint, shard: shard, format: format)
        return Result(summary: summary, memberCount: outcomes.count,
                      failedCount: outcomes.filter { $0.metrics == nil }.count,
                      bands: wantBands ? PercentileBands(columns: plan.bandColumns, outcomes: outcomes) : nil)
    }
}
