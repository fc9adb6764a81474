import Foundation
import Testing
@testable import Reports

@Suite struct CSVReadingTests {
    func parse(_ text: String) throws -> TimeSeriesTable {
        try TimeSeriesTable.parseCSV(Data(text.utf8))
    }

    @Test func readsHeaderAndNumbers() throws {
        let table = try parse("time_h,morphine_plasma_nM,mu_occupancy_total\n0,0,0.05\n0.5,12.25,0.5\n1,1e-3,-0.25\n")
        #expect(table.columnNames == ["morphine_plasma_nM", "mu_occupancy_total"])
        #expect(table.timeHours == [0, 0.5, 1])
        #expect(table.column(named: "morphine_plasma_nM")?.values == [0, 12.25, 0.001])
        #expect(table.column(named: "mu_occupancy_total")?.values == [0.05, 0.5, -0.25])
        #expect(table.column(named: "morphine_plasma_nM")?.unit == .nanomolar)
        #expect(table.column(named: "mu_occupancy_total")?.unit == .fractionBound)
    }

    @Test func acceptsCRLFQuotesAndMissingFinalNewline() throws {
        let table = try parse("\"time_h\",\"odd \"\"name\"\", here\",b\r\n0,\"1.5\",\r\n2,3,4")
        #expect(table.columnNames == ["odd \"name\", here", "b"])
        #expect(table.timeHours == [0, 2])
        #expect(table.column(named: "odd \"name\", here")?.values == [1.5, 3])
        let b = try #require(table.column(named: "b")?.values)
        #expect(b[0].isNaN && b[1] == 4)
    }

    @Test func headerOnlyGivesAnEmptyTable() throws {
        let table = try parse("time_h,a\n")
        #expect(table.rowCount == 0 && table.columnNames == ["a"])
    }

    @Test func roundTripsEveryDoubleExactly() throws {
        let original = Synthetic.table(stepHours: 1, hours: 48)
        var text = "time_h," + original.columnNames.joined(separator: ",") + "\n"
        for row in 0..<original.rowCount {
            text += ([original.timeHours[row]] + original.columns.map { $0.values[row] }).map { "\($0)" }.joined(separator: ",") + "\n"
        }
        #expect(try parse(text) == original)
    }

    @Test func reportsEachErrorWithItsLine() {
        #expect(throws: ReportsError.csvEmpty) { try parse("") }
        #expect(throws: ReportsError.csvMissingTimeColumn(found: "t")) { try parse("t,a\n0,1\n") }
        #expect(throws: ReportsError.csvDuplicateColumn(name: "a")) { try parse("time_h,a,a\n0,1,2\n") }
        #expect(throws: ReportsError.csvFieldCount(line: 3, expected: 2, found: 3)) { try parse("time_h,a\n0,1\n1,2,3\n") }
        #expect(throws: ReportsError.csvInvalidNumber(line: 2, column: "a", text: "1.2.3")) { try parse("time_h,a\n0,1.2.3\n") }
        #expect(throws: ReportsError.csvInvalidNumber(line: 2, column: "a", text: " 1")) { try parse("time_h,a\n0, 1\n") }
        #expect(throws: ReportsError.csvInvalidNumber(line: 2, column: "a", text: "one")) { try parse("time_h,a\n0,\"one\"\n") }
        #expect(throws: ReportsError.csvUnterminatedQuote(line: 2)) { try parse("time_h,a\n0,\"1\n") }
        #expect(throws: ReportsError.csvTextAfterQuote(line: 2)) { try parse("time_h,a\n0,\"1\"x\n") }
        #expect(throws: ReportsError.csvTimeNotIncreasing(line: 3, previousHours: 1, timeHours: 0.5)) {
            try parse("time_h,a\n1,1\n0.5,2\n")
        }
    }

    @Test func errorMessagesNameLineAndColumn() {
        #expect(ReportsError.csvInvalidNumber(line: 7, column: "mu_response", text: "x").description
            == "line 7: column mu_response: 'x' is not a number")
    }

    @Test func readsAFileFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reports-csv-\(UInt64.random(in: 0...UInt64.max)).csv")
        try Data("time_h,withdrawal_index\n0,0\n24,0.75\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let table = try TimeSeriesTable.readCSV(contentsOf: url)
        #expect(table.column(named: "withdrawal_index")?.values == [0, 0.75])
    }

    @Test func builderCollectsRows() throws {
        var builder = TimeSeriesTableBuilder(columnNames: ["a", "b"])
        builder.appendRow(timeHours: 0, [1, 2])
        builder.appendRow(timeHours: 1, [3, 4])
        let table = try builder.build()
        #expect(table.timeHours == [0, 1])
        #expect(table.column(named: "b")?.values == [2, 4])
    }

    @Test func columnLengthsMustMatch() {
        #expect(throws: ReportsError.columnLengthMismatch(column: "a", expected: 2, found: 1)) {
            try TimeSeriesTable(timeHours: [0, 1], columns: [TimeSeriesColumn(name: "a", values: [1])])
        }
    }
}

@Suite struct ModelSeamTests {
    @Test func csvWriterOutputReadsBackExactly() throws {
        let original = Synthetic.table(stepHours: 0.5, hours: 24)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reports-seam-\(UInt64.random(in: 0...UInt64.max)).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try CSVWriter(destination: .file(path: path), columns: original.columnNames)
        for row in 0..<original.rowCount {
            var values = original.columns.map { $0.values[row] }
            if row == 3 { values[0] = .nan }
            try writer.writeRow(time: original.timeHours[row], values: values)
        }
        try writer.finish()
        let read = try TimeSeriesTable.readCSV(contentsOf: URL(fileURLWithPath: path))
        #expect(read.columnNames == original.columnNames)
        #expect(read.timeHours == original.timeHours)
        #expect(read.columns[0].values[3].isNaN)
        #expect(Array(read.columns[0].values[4...]) == Array(original.columns[0].values[4...]))
        #expect(Array(read.columns[1...]) == Array(original.columns[1...]))
    }

    @Test func builderIsAModelSinkAndProgressSeesSimulatedTime() throws {
        let probe = ProgressProbe()
        let progress = ProgressReporter(
            label: "run", total: 2, unit: "h", style: .lines, startDelaySeconds: 0, lineIntervalSeconds: 0,
            output: { probe.write($0) }, clock: { probe.now })
        var sink = ProgressTrackingSink(base: TimeSeriesTableBuilder(columnNames: ["a", "b"]), progress: progress)
        probe.set(1)
        for (time, row) in [(0.0, [1.0, 2.0]), (1, [3, 4]), (2, [5, 6])] {
            try row.withUnsafeBufferPointer { try sink.receive(timeHours: time, values: $0) }
        }
        var tee = ObservableTee(sink, TimeSeriesTableBuilder(columnNames: ["a", "b"]))
        try [7.0, 8.0].withUnsafeBufferPointer { try tee.receive(timeHours: 3, values: $0) }
        #expect(try tee.second.build().column(named: "a")?.values == [7])
        #expect(try tee.first.base.build().timeHours == [0, 1, 2, 3])
        let table = try sink.base.build()
        #expect(table.timeHours == [0, 1, 2])
        #expect(table.column(named: "b")?.values == [2, 4, 6])
        #expect(progress.completedAmount == 3)
        #expect(probe.output.suffix(2) == ["run: 100% (2/2 h), 2 h/s\n", "run: 100% (3/2 h), 3 h/s\n"])
    }
}

@Suite struct TimeWindowTests {
    @Test func restrictsRowsToTheWindowInclusive() {
        let table = Synthetic.table(stepHours: 1, hours: 10)
        let window = table.restricted(toHours: 2.5...6)
        #expect(window.timeHours == [3, 4, 5, 6])
        #expect(window.column(named: "tolerance_index")?.values == table.column(named: "tolerance_index").map { Array($0.values[3...6]) })
        #expect(table.restricted(toHours: 20...30).rowCount == 0)
        #expect(table.restricted(toHours: 0...10) == table)
    }

    @Test func zoomedChartDrawsOnlyDosesInTheWindow() throws {
        let table = Synthetic.table().restricted(toHours: 20...40)
        let svg = SVGChart.render(
            table: table, panels: try PanelSpecification.panels(available: table.columnNames, presets: [.concentrations]),
            annotations: PlotAnnotations(scenario: Synthetic.scenario))
        let parsed = XMLSummary.parse(svg)
        let doses = parsed.attributes.filter { $0.element == "path" && $0.attributes["class"] == "dose" }.compactMap { $0.attributes["data-time-h"] }
        #expect(doses == ["24", "30", "36"])
        #expect((parsed.texts["text"] ?? []).contains(["21", "24", "27", "30", "33", "36", "39", "Time (h)"]))
    }
}
