import Foundation
import Testing
@testable import Reports

/// `TimeSeriesReducer`, the bounded row store of `plot`, `report` and `compare`.
@Suite struct TimeSeriesReducerTests {
    /// 5 million synthetic rows (two columns: a slow oscillation with one spike and one dip, a
    /// ramp) through the reducer the commands use: the kept rows stay within the documented
    /// bound, and the global extremes with their first times, the first and last row survive.
    @Test func fiveMillionRowsKeepABoundedEnvelope() throws {
        let rows = 5_000_000
        var reducer = TimeSeriesReducer(columnNames: ["wave", "ramp"])
        var mostKept = 0
        let spike = 3_141_593, dip = 1_234_567
        var row = [0.0, 0.0]
        for index in 0..<rows {
            let t = Double(index) * 0.001
            row[0] = index == spike ? 9 : (index == dip ? -9 : sin(t / 7))
            row[1] = t
            reducer.append(timeHours: t, row)
            mostKept = max(mostKept, reducer.keptRows)
        }
        #expect(reducer.rowsSeen == rows)
        #expect(mostKept <= TimeSeriesReducer.defaultMaximumRows + 1)
        #expect(reducer.compactions > 100)
        let table = try reducer.build()
        #expect(table.rowCount <= TimeSeriesReducer.defaultMaximumRows + 1)
        #expect(table.rowCount >= 4096)   // still far more points than a chart is wide
        #expect(table.sourceRowCount == rows)
        let wave = try #require(table.column(named: "wave")).values
        let high = wave.indices.max { wave[$0] < wave[$1] }!, low = wave.indices.min { wave[$0] < wave[$1] }!
        #expect(wave[high] == 9 && table.timeHours[high] == Double(spike) * 0.001)
        #expect(wave[low] == -9 && table.timeHours[low] == Double(dip) * 0.001)
        #expect(table.timeHours.first == 0 && table.timeHours.last == Double(rows - 1) * 0.001)
        // The ordinary crests of the wave (sin = 1) are kept too: within 1e-6 of 1 somewhere late in the run.
        #expect(zip(table.timeHours, wave).contains { $0.0 > 4000 && abs($0.1 - 1) < 1e-6 })
        #expect(zip(table.timeHours.dropFirst(), table.timeHours).allSatisfy { $0.0 >= $0.1 })
        let summary = try #require(ObservableSummary(column: TimeSeriesColumn(name: "wave", values: wave), timeHours: table.timeHours))
        #expect(summary.peakValue == 9 && summary.troughValue == -9)
    }

    /// Below the limit every row is kept, so charts of ordinary runs are unchanged; rows outside
    /// the window are dropped on arrival and the whole input's span is still known.
    @Test func shortRunsAreKeptWholeAndWindowsApplyOnArrival() throws {
        var all = TimeSeriesReducer(columnNames: ["x"])
        var window = TimeSeriesReducer(columnNames: ["x"], window: 2...3)
        var builder = TimeSeriesTableBuilder(columnNames: ["x"])
        for index in 0...500 {
            let t = Double(index) / 100
            all.append(timeHours: t, [t * t])
            window.append(timeHours: t, [t * t])
            builder.appendRow(timeHours: t, [t * t])
        }
        #expect(try all.build() == builder.build())
        #expect(all.compactions == 0)
        let windowed = try window.build()
        #expect(windowed.rowCount == 101 && windowed.timeHours.first == 2 && windowed.timeHours.last == 3)
        #expect(window.spanHours == 0...5 && window.rowsSeen == 501)
    }

    /// A CSV read for a chart goes through the same reducer: a small limit forces reduction.
    @Test func csvReadingReduces() throws {
        var text = "time_h,x\r\n"
        for index in 0..<10_000 { text += "\(index),\(index == 7777 ? 5 : Double(index % 10) / 10)\r\n" }
        let reducer = try TimeSeriesTable.reduceCSV(Data(text.utf8), maximumRows: 512)
        #expect(reducer.rowsSeen == 10_000 && reducer.compactions > 0)
        let table = try reducer.build()
        #expect(table.rowCount <= 512)
        let x = try #require(table.column(named: "x")).values
        #expect(x.max() == 5 && table.timeHours[x.firstIndex(of: 5)!] == 7777)
        // Bounded by default, as the commands read a CSV.
        var long = "time_h,x\n"
        for index in 0..<40_000 { long += "\(index),\(index % 7)\n" }
        let bounded = try TimeSeriesTable.reduceCSV(Data(long.utf8))
        #expect(bounded.rowsSeen == 40_000 && bounded.compactions == 1 && bounded.keptRows < TimeSeriesReducer.defaultMaximumRows)
        // No line end after the last number: parsed from a terminated copy.
        #expect(try TimeSeriesTable.parseCSV(Data("time_h,x\n0,1\n1,2.5".utf8)).column(named: "x")?.values == [1, 2.5])
    }

    /// Reading a file in chunks (here 7 bytes, so records, quoted names with line breaks and
    /// CRLFs straddle them) gives the table and the errors, with line numbers, of `parseCSV`.
    @Test func chunkedReadingEqualsWholeReading() throws {
        let good = "time_h,\"a\r\nb\",\"c\"\"d\"\r\n0,1,2\r\n0.5,,3\r\n1,4e-3,5\r\n\r\n"
        let bad = "time_h,x\n0,1\n1,2\n\n2,3\n"
        let lateBad = "time_h,x\n0,1\n1,abc\n"
        func chunked(_ text: String, _ size: Int) throws -> TimeSeriesTable {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("chunk-\(UUID().uuidString).csv").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let handle = try #require(FileHandle(forReadingAtPath: path))
            defer { try? handle.close() }
            return try TimeSeriesTable.reduceCSV(reading: handle, chunkBytes: size).build()
        }
        for size in [1, 7, 64, 1 << 20] {
            let table = try chunked(good, size)
            #expect(table.columnNames == ["a\r\nb", "c\"d"])
            #expect(table.timeHours == [0, 0.5, 1])
            #expect(table.column(named: "c\"d")?.values == [2, 3, 5])
            #expect(table.column(named: "a\r\nb")?.values[1].isNaN == true)
            for text in [bad, lateBad] {
                var whole: ReportsError? = nil, parts: ReportsError? = nil
                do { _ = try TimeSeriesTable.parseCSV(Data(text.utf8)) } catch let error as ReportsError { whole = error }
                do { _ = try chunked(text, size) } catch let error as ReportsError { parts = error }
                #expect(whole != nil && parts == whole, "\(size): \(String(describing: whole)) vs \(String(describing: parts))")
            }
        }
    }
}
