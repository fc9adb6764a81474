import Foundation
import Pharmacology
import Testing
@testable import Reports

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct SVGChartTests {
    let table = Synthetic.table()
    let annotations = PlotAnnotations(scenario: Synthetic.scenario)

    func defaultChart(options: ChartOptions = ChartOptions(title: Synthetic.scenario.name)) throws -> String {
        let panels = try PanelSpecification.panels(available: table.columnNames)
        return SVGChart.render(table: table, panels: panels, annotations: annotations, options: options)
    }

    @Test func isWellFormedWithViewBox() throws {
        let svg = try defaultChart()
        let parsed = XMLSummary.parse(svg)
        #expect(parsed.error == nil)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 960 "))
        #expect(parsed.elementCounts["svg"] == 1)
    }

    @Test func drawsEverySeriesOfTheFivePresets() throws {
        let parsed = XMLSummary.parse(try defaultChart())
        #expect(parsed.values(of: "data-title", on: "g") == [
            "Drug concentrations", "Receptor occupancy", "Receptor density", "Endogenous peptides",
            "Signalling, withdrawal and tolerance",
        ])
        #expect(parsed.values(of: "data-column", on: "path") == table.columnNames)
    }

    @Test func labelsAxesWithUnits() throws {
        let parsed = XMLSummary.parse(try defaultChart())
        for label in [
            "Concentration (nM)", "Occupancy (fraction bound)", "Density (rel. to baseline)", "Peptide level (nM)",
            "Signal (dimensionless)", "Time (days)",
        ] {
            #expect(parsed.text.contains(label), "missing axis label \(label)")
        }
        // 96 h is four days: ticks every half day.
        let labels = parsed.texts["text"] ?? []
        #expect(labels.contains(["0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0", "Time (days)"]))
        // Legend uses readable labels.
        #expect(parsed.text.contains("morphine plasma"))
    }

    @Test func marksEveryDoseAndEventWindow() throws {
        let parsed = XMLSummary.parse(try defaultChart())
        let doseTimes = parsed.attributes.filter { $0.element == "path" && $0.attributes["class"] == "dose" }
            .compactMap { $0.attributes["data-time-h"] }
        #expect(doseTimes == ["0", "6", "12", "18", "24", "30", "36", "42", "60"])
        #expect(parsed.text.contains("morphine oral 10 mg at 6 h"))
        #expect(parsed.text.contains("naloxone intranasal 4 mg at 60 h"))
        // One strip rectangle per event, plus one shaded window per event in each of 5 panels.
        #expect(parsed.values(of: "data-event", on: "rect") == Array(repeating: ["stress", "exercise"], count: 6).flatMap { $0 })
        #expect(parsed.text.contains("stress x1.5, 66-70 h"))
        #expect(parsed.values(of: "id", on: "pattern") == ["chart-hatch-stress", "chart-hatch-exercise"])
    }

    @Test func escapesTextAndIsByteIdentical() throws {
        let first = try defaultChart()
        let copy = try TimeSeriesTable(timeHours: table.timeHours.map { $0 }, columns: table.columns.reversed().reversed())
        let second = SVGChart.render(
            table: copy, panels: try PanelSpecification.panels(available: copy.columnNames),
            annotations: PlotAnnotations(scenario: Synthetic.scenario), options: ChartOptions(title: Synthetic.scenario.name))
        #expect(first == second)
        #expect(first.contains("Synthetic morphine &lt;abrupt stop&gt; &amp; &quot;quotes&quot;"))
        #expect(XMLSummary.parse(first).text.contains(Synthetic.scenario.name))
    }

    @Test func logarithmicConcentrationsUseDecades() throws {
        let panels = try PanelSpecification.panels(
            available: table.columnNames, presets: [.concentrations], logarithmicConcentrations: true)
        #expect(panels.count == 1 && panels[0].scale == .logarithmic)
        let parsed = XMLSummary.parse(SVGChart.render(table: table, panels: panels))
        #expect(parsed.error == nil)
        #expect(parsed.text.contains("Drug concentrations (log scale)"))
        #expect((parsed.texts["text"] ?? []).contains(["0.1", "1", "10", "100"]))
    }

    @Test func roundOffBelowZeroDoesNotStretchAConcentrationAxis() throws {
        let table = try TimeSeriesTable(
            timeHours: [0, 1, 2], columns: [TimeSeriesColumn(name: "m6g_brain_nM", values: [-3.1e-27, 2.5, 1])])
        let panel = try #require(try PanelSpecification.panels(available: table.columnNames).first)
        let drawn = DrawnPanel(specification: panel, series: [
            DrawnSeries(label: "", column: "m6g_brain_nM", timeHours: table.timeHours, values: table.columns[0].values, style: SeriesStyle(index: 0)),
        ])
        // 0 to 2.55 with the margin: steps of 1 from zero, not from -1.
        #expect(ChartCanvas.valueTicks(for: drawn).labels == ["0", "1", "2", "3"])
    }

    @Test func columnsAreGroupedByUnit() throws {
        let panels = try PanelSpecification.panels(
            available: table.columnNames, columns: ["dopamine_tone", "morphine_brain_nM", "withdrawal_index"])
        #expect(panels.map(\.columnNames) == [["dopamine_tone", "withdrawal_index"], ["morphine_brain_nM"]])
        #expect(panels.map(\.axisLabel) == ["Signal (dimensionless)", "Concentration (nM)"])
        #expect(throws: ReportsError.unknownColumn(name: "nope", available: table.columnNames)) {
            try PanelSpecification.panels(available: table.columnNames, columns: ["nope"])
        }
        #expect(throws: ReportsError.unknownPanelPreset(name: "pk", available: ["concentrations", "occupancy", "receptors", "peptides", "signalling"])) {
            try PanelPreset.parseList("peptides, pk")
        }
        #expect(try PanelPreset.parseList("peptides, signalling") == [.peptides, .signalling])
    }

    @Test func comparisonOverlaysRunsWithLegendByScenario() throws {
        let other = try TimeSeriesTable(
            timeHours: table.timeHours, columns: table.columns.map { TimeSeriesColumn(name: $0.name, values: $0.values.map { $0 * 0.5 }) })
        let runs = [
            ComparisonRun(label: "abrupt stop", table: table, annotations: annotations),
            ComparisonRun(label: "taper", table: other),
        ]
        let panels = try PanelSpecification.comparisonPanels(available: table.columnNames)
        #expect(panels.map { $0.columnNames[0] } == [
            "mu_occupancy_total", "mu_total_rel", "endorphin_nM", "dynorphin_nM", "dopamine_tone", "tolerance_index",
        ])
        let svg = SVGChart.renderComparison(runs, panels: panels)
        let parsed = XMLSummary.parse(svg)
        #expect(parsed.error == nil)
        let columns = parsed.values(of: "data-column", on: "path")
        #expect(columns == panels.flatMap { [$0.columnNames[0], $0.columnNames[0]] })
        #expect((parsed.texts["text"] ?? []).filter { $0 == "A  abrupt stop" || $0 == "B  taper" }.count == 2 * panels.count)
        #expect(parsed.text.contains("A: morphine (oral)"))
        // Each run keeps its own colour in every panel.
        let strokes = parsed.attributes.filter { $0.element == "path" && $0.attributes["data-column"] != nil }.map { $0.attributes["stroke"]! }
        #expect(Set(strokes.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)) == ["#000000"])
        #expect(Set(strokes.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)) == ["#d55e00"])
    }

    @Test func oneYearAtOneMinuteDrawsCompactly() throws {
        let count = 365 * 24 * 60 + 1
        let time = (0..<count).map { Double($0) / 60 }
        let spikeIndex = 200_017
        var values = time.map { 1 + 0.5 * sin($0 / 5) }
        values[spikeIndex] = 9
        values[300_000] = .nan
        let big = try TimeSeriesTable(timeHours: time, columns: [TimeSeriesColumn(name: "mu_response", values: values)])
        let svg = SVGChart.render(table: big, panels: try PanelSpecification.panels(available: ["mu_response"]))
        #expect(svg.utf8.count < 100_000)
        let parsed = XMLSummary.parse(svg)
        #expect(parsed.error == nil)
        #expect(parsed.text.contains("Time (days)"))
        // The one-minute spike survives decimation as the highest point (smallest y) of the path.
        let path = try #require(parsed.values(of: "d", on: "path").first)
        let ys = path.split(whereSeparator: { $0 == " " || $0 == "M" || $0 == "L" })
            .compactMap { $0.split(separator: ",").last.flatMap { Double($0) } }
        #expect(ys.count < 3_000)
        // The value axis reaches 10, so 9 lies 10% below the top of the plot area.
        let top = 8.0 + 22, height = 190.0
        #expect(abs(ys.min()! - (top + 0.1 * height)) < 0.06)
        // The NaN breaks the line into two subpaths.
        #expect(path.filter { $0 == "M" }.count == 2)
    }
}

@Suite struct HostileValueTests {
    @Test func extremeValuesDrawWithoutTrapping() throws {
        let table = try TimeSeriesTable(
            timeHours: [0, 1, 2, 3, 4, 5],
            columns: [
                TimeSeriesColumn(name: "mu_occupancy_total", values: [0.5, 1e300, -1e300, .infinity, .nan, 0.2]),
                TimeSeriesColumn(name: "morphine_brain_nM", values: [1e30, 1e30 * (1 + 1e-15), 1e30, 1e30, 1e30, 1e30]),
                TimeSeriesColumn(name: "mu_response", values: [-1e308, 1e308, 0, 0, 0, 0]),
                TimeSeriesColumn(name: "endorphin_nM", values: [.leastNonzeroMagnitude, 0, -0.0, 1, 2, 3]),
            ])
        for log in [false, true] {
            let panels = try PanelSpecification.panels(available: table.columnNames, columns: table.columnNames, logarithmicConcentrations: log)
            let svg = SVGChart.render(table: table, panels: panels)
            #expect(XMLSummary.parse(svg).error == nil)
        }
        let chart = try TerminalChart(widthColumns: 30, heightRows: 2).render(table: table, columns: ["mu_occupancy_total", "morphine_brain_nM"])
        #expect(chart.split(separator: "\n").count == 8)
        #expect(NiceTicks.linear(minimum: 1e30, maximum: 1e30 * (1 + 1e-15)).values.count <= 12)
    }

    @Test func nonFiniteTimeIsRejected() {
        #expect(throws: ReportsError.csvInvalidNumber(line: 3, column: "time_h", text: "inf")) {
            try TimeSeriesTable.parseCSV(Data("time_h,a\n0,1\ninf,2\n".utf8))
        }
    }
}
