import Reports

/// Runs a study plan (all of it or one shard) and renders its summary.
package enum Study {
    /// The outcome of running a plan.
    package struct Result: Sendable {
        /// The summary CSV text (study line, header, rows) when the output is `.memory()`; else empty.
        package let summary: String
        package let memberCount: Int
        package let failedCount: Int
        /// Percentile bands, when band columns were requested.
        package let bands: PercentileBands?
    }

    /// Runs `shard` of `plan` on `threads` threads, writing the summary to `output` as the rows
    /// complete (in member order; call `output.finish()` afterwards for a file).
    ///
    /// A member that fails (solver failure, no steady state, invalid value) is recorded in its
    /// row with status `failed` and the error text; the others go on.
    /// - Parameters:
    ///   - fingerprint: identifies the study in the study line (`StudyFingerprint.of`).
    ///   - shard: nil for the whole study (no `shard=` in the study line).
    ///   - progress: called with the number of members done, from worker threads.
    /// - Throws: `StudyError.tooLarge` when the bands would exceed `PercentileBands.maximumValues`,
    ///   `.bandsNeedEveryMember` for bands with a shard.
    package static func run(_ plan: StudyPlan, fingerprint: String, shard: Shard? = nil, threads: Int,
                           format: CSVNumberFormat = .roundTrip, output: StudyOutput = .memory(),
                           progress: (@Sendable (Int) -> Void)? = nil) throws(StudyError) -> Result {
        let members = (shard ?? .whole).range(of: plan.count)
        let wantBands = !plan.bandColumns.isEmpty
        if wantBands {
            guard shard == nil else {
                throw .bandsNeedEveryMember
            }
            let (perMember, overflowRows) = plan.rowsPerRun.multipliedReportingOverflow(by: plan.bandColumns.count)
            let (n, overflowMembers) = members.count.multipliedReportingOverflow(by: perMember)
            let overflow = overflowRows || overflowMembers
            guard !overflow, n <= PercentileBands.maximumValues else {
                throw .tooLarge(what: "the band store (members x output rows x band columns)", count: overflow ? Int.max : n,
                                limit: PercentileBands.maximumValues)
            }
        }
        output.write(StudyTable.studyLine(kind: plan.kind, fingerprint: fingerprint, members: plan.count, shard: shard)
                     + StudyTable.lineEnd)
        let headerRow = StudyTable.headerRow(plan: plan, format: format)
        output.write(headerRow)
        // A shard's end line checks its header and rows (`ShardChecksum`).
        var checksum = ShardChecksum()
        checksum.add(headerRow)
        var memberCount = 0, failedCount = 0
        var banded: [MemberOutcome] = []
        StudyExecutor.run(plan, members: members, threads: threads, recordBands: wantBands, progress: progress) { outcome in
            let row = StudyTable.row(outcome, plan: plan, format: format)
            output.write(row)
            if shard != nil { checksum.add(row) }
            memberCount += 1
            if outcome.metrics == nil { failedCount += 1 }
            if wantBands, outcome.bands != nil { banded.append(outcome) }
        }
        if shard != nil { output.write(StudyTable.endLine(rows: memberCount, checksum: checksum)) }
        return Result(summary: output.text, memberCount: memberCount, failedCount: failedCount,
                      bands: wantBands ? PercentileBands(columns: plan.bandColumns, outcomes: banded) : nil)
    }
}
