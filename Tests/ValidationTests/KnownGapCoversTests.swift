import Reports
import Testing
@testable import Validation

/// `# known_gap_covers:` lines limit a study's known gap to the comparisons they name, by the
/// label `validate` lists (`mu_pet_occupancy at@2h`): the others are ordinary comparisons, met in
/// their band and a miss (exit 1) out of it. Without such lines the gap covers the whole study.
@Suite struct KnownGapCoversTests {
    /// Lines 11-13 (after `validHeader` and three more header lines); on `table` the first row
    /// is in its band (0.5), the second not (0.9).
    static let rows = ObservationFile.columnHeader + """

        mu_pet_occupancy,at,1,,0.5,,,0.4,0.6
        mu_pet_occupancy,at,2,,0.5,,,0.4,0.6
        morphine_plasma_nM,max,0,2,20,,,15,25

        """
    static let table = try! TimeSeriesTable(timeHours: [0, 1, 2], columns: [
        .init(name: "mu_pet_occupancy", values: [0, 0.5, 0.9]), .init(name: "morphine_plasma_nM", values: [10, 40, 20]),
    ])

    func study(_ headerLines: String) throws -> StudyResult {
        let file = try parse(validHeader + headerLines + Self.rows)
        let extremes = file.extremaRequests.map { _ in WindowExtremes(peak: 40, peakTimeHours: 1, trough: 10, troughTimeHours: 0) }
        return StudyResult(id: "s", file: file, table: Self.table, extremes: extremes)
    }

    @Test func coversLinesNameComparisonsByTheirListedLabel() throws {
        let file = try parse(validHeader + """
            # known_gap: the model is too slow
            # known_gap_covers: mu_pet_occupancy   at@2h
            # known_gap_covers: morphine_plasma_nM max@0-2h

            """ + Self.rows)
        // Spaces are normalised: a label copied from the aligned listing matches.
        #expect(file.knownGapCovers == ["mu_pet_occupancy at@2h", "morphine_plasma_nM max@0-2h"])
        #expect(file.observations.map(\.label) == ["mu_pet_occupancy at@1h", "mu_pet_occupancy at@2h", "morphine_plasma_nM max@0-2h"])
        #expect(file.observations.map(file.isCoveredByKnownGap) == [false, true, true])
        // Without covers lines the gap covers the whole study (as before); without a gap, nothing.
        let whole = try parse(validHeader + "# known_gap: the model is too slow\n" + Self.rows)
        #expect(whole.knownGapCovers.isEmpty && whole.observations.map(whole.isCoveredByKnownGap) == [true, true, true])
        let none = try parse(validHeader + Self.rows)
        #expect(none.observations.map(none.isCoveredByKnownGap) == [false, false, false])
    }

    @Test func coveredMissIsAKnownGapAndTheRestIsOrdinary() throws {
        // The gap covers the miss (at 2 h) and the peak (40, out of [15, 25]); at 1 h is met.
        let covered = try study("# known_gap: too slow\n# known_gap_covers: mu_pet_occupancy at@2h\n"
            + "# known_gap_covers: morphine_plasma_nM max@0-2h\n")
        #expect(covered.comparisons.map(\.verdict) == [.met, .knownGap, .knownGap])
        #expect(!covered.allMet)
        let totals = ValidationTotals([covered])
        #expect(totals.exitStatus == 0)
        #expect(totals.line == "1 of 3 comparisons met (0 studies of 1); held-back studies: 0 of 0 comparisons met; known gaps: 1 study")
        #expect(ValidationListing.lines([covered]).map { $0.hasSuffix(" met") } == [true, false, false])
        #expect(ValidationListing.lines([covered])[1].hasSuffix("known gap"))
        #expect(ValidationReport.status(covered) == ("known gap", "known-gap"))

        // Covering the in-band comparison instead leaves the miss uncovered: NOT MET, exit 1.
        let uncoveredMiss = try study("# known_gap: too slow\n# known_gap_covers: mu_pet_occupancy at@1h\n"
            + "# known_gap_covers: morphine_plasma_nM max@0-2h\n")
        #expect(uncoveredMiss.comparisons.map(\.verdict) == [.knownGap, .notMet, .knownGap])
        #expect(uncoveredMiss.comparisons[0].inBand)
        #expect(ValidationTotals([uncoveredMiss]).exitStatus == 1)
        #expect(ValidationTotals([uncoveredMiss]).unexpectedFailures == 1)
        #expect(ValidationListing.lines([uncoveredMiss])[0].hasSuffix("known gap (now in band)"))
        #expect(ValidationListing.lines([uncoveredMiss])[1].hasSuffix("NOT MET"))
        #expect(ValidationReport.status(uncoveredMiss) == ("NOT MET", "not-met"))

        // The whole-study gap of before: every comparison a known gap, exit 0.
        let whole = try study("# known_gap: too slow\n")
        #expect(whole.comparisons.map(\.verdict) == [.knownGap, .knownGap, .knownGap])
        #expect(ValidationTotals([whole]).exitStatus == 0)
        #expect(ValidationTotals([whole]).metComparisons == 0)
    }

    @Test func reportNamesWhatTheGapCovers() throws {
        let covered = try study("# known_gap: too slow\n# known_gap_covers: mu_pet_occupancy at@2h\n")
        let html = ValidationReport.render([covered], totals: ValidationTotals([covered]))
        #expect(html.contains("Known gap (covers mu_pet_occupancy at@2h): too slow"))
        let whole = try study("# known_gap: too slow\n")
        #expect(ValidationReport.render([whole], totals: ValidationTotals([whole])).contains("Known gap (every comparison): too slow"))
    }

    @Test func coversMistakesNameLineAndText() {
        #expect(issues(validHeader + "# known_gap_covers: mu_pet_occupancy at@1h\n" + Self.rows) == [
            "8: known_gap_covers 'mu_pet_occupancy at@1h' without a known_gap: add a '# known_gap:' line saying why the model misses it",
        ])
        #expect(issues(validHeader + """
            # known_gap_covers: mu_pet_occupancy at@3h
            # known_gap: too slow
            # known_gap_covers: withdrawal_index auc@0-10h
            # known_gap_covers: mu_pet_occupancy at@2h
            # known_gap_covers: mu_pet_occupancy  at@2h
            # known_gap_covers:

            """ + ObservationFile.columnHeader + """

            mu_pet_occupancy,at,1,,0.5,,,0.4,0.6
            mu_pet_occupancy,at,2,,0.5,,,0.4,0.6
            morphine_plasma_nM,max,0,2,20,,,15,25

            """) == [
            "8: known_gap_covers: unknown comparison 'mu_pet_occupancy at@3h' in this study; did you mean 'mu_pet_occupancy at@1h'?",
            "10: known_gap_covers: unknown comparison 'withdrawal_index auc@0-10h' in this study (its comparisons: "
                + "mu_pet_occupancy at@1h, mu_pet_occupancy at@2h, morphine_plasma_nM max@0-2h)",
            "12: known_gap_covers 'mu_pet_occupancy  at@2h' given twice (first on line 11)",
            "13: header key 'known_gap_covers' has no value",
        ])
    }

    /// A covers line naming a row that has a problem of its own is not judged (the row is not
    /// read): only the row's problem is reported.
    @Test func coversOfAnUnreadRowAreNotJudged() {
        #expect(issues(validHeader + "# known_gap: too slow\n# known_gap_covers: mu_pet_occupancy at@1h\n"
            + ObservationFile.columnHeader + "\nmu_pet_occupancy,at,1,,0.5,,,0.6,0.4\n") == ["11: lower 0.6 is above upper 0.4"])
    }
}
