import Testing
@testable import Reports

@Suite struct TerminalChartTests {
    /// Eight samples rising and falling over 0...7 h on an 8 x 8 dot grid (4 cells, 2 rows):
    /// each value is its own dot level, so the expected braille follows from the dot numbering
    /// by hand (see the comment per row).
    @Test func drawsExactBrailleForASmallInput() throws {
        let table = try TimeSeriesTable(
            timeHours: [0, 1, 2, 3, 4, 5, 6, 7],
            columns: [TimeSeriesColumn(name: "withdrawal_index", values: [0, 2, 5, 7, 7, 5, 2, 0])])
        let chart = try TerminalChart(widthColumns: 7, heightRows: 2).render(table: table, columns: ["withdrawal_index"])
        // Top row: cell 1 = dots 3,7 left + 4,5,6 right (0x7C); cell 2 = dot 1 + 4,5,6 (0x39);
        // cell 3 = dots 3,7 (0x44). Bottom row: cell 0 = dot 7 + 5,6,8 (0xF0); cell 1 = dots
        // 1,2 (0x03); cell 3 = dots 1,2 + 5,6,8 (0xB3).
        #expect(chart == """
            withdrawal_index (dimensionless)
            7 ┤ ⡼⠹⡄
            0 ┤⣰⠃ ⢳
              └────
               0 h 7 h

            """)
    }

    @Test func stacksTwoObservablesOnOneTimeAxis() throws {
        let table = try TimeSeriesTable(
            timeHours: [0, 48, 96],
            columns: [
                TimeSeriesColumn(name: "mu_occupancy_total", values: [0.5, 0.5, 0.5]),
                TimeSeriesColumn(name: "hedonic_tone", values: [1, -0.25, .nan]),
            ])
        let chart = try TerminalChart(widthColumns: 12, heightRows: 3).render(table: table, columns: ["mu_occupancy_total", "hedonic_tone"])
        let lines = chart.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 11)
        #expect(lines[0] == "mu_occupancy_total (fraction bound)")
        // A flat series lies on the middle dot row (level 5 of 0...11 from the bottom: row 1, dot 3).
        #expect(lines[1] == "  0.5 ┤     ")
        #expect(lines[2] == "      │⠤⠤⠤⠤⠤")
        #expect(lines[3] == "  0.5 ┤     ")
        #expect(lines[4] == "hedonic_tone (dimensionless)")
        #expect(lines[5].hasPrefix("    1 ┤"))
        #expect(lines[7].hasPrefix("-0.25 ┤"))
        #expect(lines[8] == "      └─────")
        // 96 h is more than three days: the axis is in days.
        #expect(lines[9] == "       0 d 4 d")
        #expect(lines.allSatisfy { $0.count <= 12 || $0.hasSuffix(")") || $0.hasSuffix("d") })
    }

    @Test func widthComesFromColumns() {
        #expect(TerminalChart.terminalWidth(environment: ["COLUMNS": "132"]) == 132)
        #expect(TerminalChart.terminalWidth(environment: [:]) == 80)
        #expect(TerminalChart.terminalWidth(environment: ["COLUMNS": "wide"]) == 80)
        #expect(TerminalChart.terminalWidth(environment: ["COLUMNS": "5"]) == 20)
    }

    @Test func everyLineFitsTheWidth() throws {
        let table = Synthetic.table()
        let columns = TerminalChart.defaultColumns(available: table.columnNames)
        #expect(columns == ["mu_occupancy_total", "withdrawal_index"])
        let chart = try TerminalChart(widthColumns: 80, heightRows: 6).render(table: table, columns: columns)
        let lines = chart.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 * 7 + 2)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines[1].hasPrefix("0.859 ┤"))
    }

    @Test func unknownColumnIsAnError() throws {
        let table = try TimeSeriesTable(timeHours: [0], columns: [TimeSeriesColumn(name: "a", values: [1])])
        #expect(throws: ReportsError.unknownColumn(name: "b", available: ["a"])) {
            try TerminalChart(widthColumns: 40).render(table: table, columns: ["b"])
        }
    }
}
