import Foundation
import Pharmacology
import Testing
@testable import Reports

/// `--slide` figures and the emphasis of key observables: the geometry a projected slide
/// needs (16:9, text of 28 units and more at 1920 wide, at most three strong lines, strips
/// clear of the curves) and peak labels that state the series' true maximum.
@Suite struct SlideChartTests {
    let table = Synthetic.table()
    let annotations = PlotAnnotations(scenario: Synthetic.scenario)

    func slide(highlights: [String], panels: [PanelSpecification]? = nil, table: TimeSeriesTable? = nil) throws -> XMLSummary {
        let table = table ?? self.table
        let drawn = try panels ?? PanelSpecification.slidePanels(columns: highlights)
        let svg = SVGChart.render(
            table: table, panels: drawn, annotations: annotations,
            options: ChartOptions(title: "Withdrawal after a stop", slide: true, highlightedColumns: highlights))
        let parsed = XMLSummary.parse(svg)
        #expect(parsed.error == nil)
        return parsed
    }

    /// The (x, y) pairs of a path's `d` ("M1,2L3,4Z").
    static func points(_ path: String) -> [(x: Double, y: Double)] {
        path.split(whereSeparator: { "MLZ ".contains($0) }).compactMap { pair in
            let parts = pair.split(separator: ",").compactMap { Double($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    static func number(_ text: String?) -> Double { text.flatMap(Double.init) ?? .nan }

    @Test func slideIsSixteenByNineWithLegibleText() throws {
        let parsed = try slide(highlights: ["withdrawal_index", "tolerance_index"])
        let root = try #require(parsed.attributes.first { $0.element == "svg" }?.attributes)
        #expect(root["viewBox"] == "0 0 1920 1080")
        #expect(root["width"] == "1920" && root["height"] == "1080")
        // Every font size in the figure, on the root, groups and texts: 28 or more.
        let sizes = parsed.attributes.compactMap { $0.attributes["font-size"] }.map { Self.number($0) }
        #expect(!sizes.isEmpty)
        #expect(sizes.allSatisfy { $0 >= 28 }, "font sizes \(sizes.filter { $0 < 28 })")
        // A title; one panel per quantity, headed by its meaning and unit.
        #expect(parsed.text.contains("Withdrawal after a stop"))
        #expect(parsed.text.contains("Withdrawal index (0 = none)"))
        #expect(parsed.text.contains("Tolerance index (0 naive, 1 none left)"))
        #expect(!parsed.text.contains("dimensionless"))
    }

    @Test func atMostThreeHighlightedSeriesAreSolidAndThickest() throws {
        let five = ["withdrawal_index", "tolerance_index", "mu_occupancy_total", "hedonic_tone", "morphine_brain_nM"]
        let all = try PanelSpecification.panels(available: table.columnNames)
        let parsed = try slide(highlights: five, panels: all)
        let paths = parsed.attributes.filter { $0.element == "path" && $0.attributes["data-column"] != nil }.map(\.attributes)
        let highlighted = paths.filter { $0["class"] == "highlighted" }
        #expect(highlighted.compactMap { $0["data-column"] } == ["mu_occupancy_total", "withdrawal_index", "tolerance_index"])
        let others = paths.filter { $0["class"] != "highlighted" }
        #expect(others.count == table.columnNames.count - 3)
        let thinnest = highlighted.map { Self.number($0["stroke-width"]) }.min()!
        let thickestOther = others.map { Self.number($0["stroke-width"]) }.max()!
        #expect(thinnest >= 7 && thinnest > 2 * thickestOther)
        #expect(highlighted.allSatisfy { $0["stroke-dasharray"] == "none" })
        // The rest are grey context.
        #expect(Set(others.compactMap { $0["stroke"] }) == ["#ababab"])
    }

    @Test func stripsLieInTheirOwnBandAboveThePlotAreas() throws {
        let parsed = try slide(highlights: ["withdrawal_index", "mu_occupancy_total"])
        let plotAreas = parsed.attributes.filter { $0.element == "rect" && $0.attributes["class"] == "plot-area" }.map(\.attributes)
        #expect(plotAreas.count == 2)
        let firstPlotTop = plotAreas.map { Self.number($0["y"]) }.min()!
        let strip = try #require(parsed.attributes.first { $0.element == "g" && $0.attributes["class"] == "dose-strip" }?.attributes)
        #expect(Self.number(strip["data-y1"]) <= firstPlotTop)
        // Every dose triangle and event window of the strip lies above the first plot area.
        let doses = parsed.attributes.filter { $0.element == "path" && $0.attributes["class"] == "dose" }
        #expect(doses.count == 9)
        for dose in doses {
            for point in Self.points(dose.attributes["d"] ?? "") { #expect(point.y < firstPlotTop) }
        }
        let events = parsed.attributes.filter { $0.element == "rect" && $0.attributes["data-event"] != nil }
        #expect(events.count == 2, "events drawn in the strip only, not over the panels")
        for event in events {
            #expect(Self.number(event.attributes["y"]) + Self.number(event.attributes["height"]) <= firstPlotTop)
        }
        // No dose guide lines cross a slide's panels.
        #expect(!parsed.attributes.contains { $0.attributes["class"] == "dose-guides" })
        // The last dose (naloxone at 60 h) is named in the strip.
        #expect(parsed.values(of: "data-time-h", on: "g") == ["60"])
        #expect(parsed.text.contains("last dose day 2.5 (naloxone 4 mg, 60 h)"))
    }

    @Test func peakAnnotationIsTheSeriesMaximum() throws {
        let parsed = try slide(highlights: ["withdrawal_index"])
        let label = try #require(parsed.attributes.first { $0.element == "text" && $0.attributes["class"] == "peak" }?.attributes)
        let values = try #require(table.column(named: "withdrawal_index")).values
        let maximum = values.max()!
        let index = values.firstIndex(of: maximum)!
        // 0.8 (t - 48)/24 e^(1 - (t - 48)/24) peaks at t = 72 h with 0.8, on a row of the 0.25 h grid.
        #expect(isClose(maximum, 0.8, relative: 1e-12))
        #expect(Self.number(label["data-peak"]) == maximum)
        #expect(Self.number(label["data-peak-time-h"]) == table.timeHours[index])
        #expect(table.timeHours[index] == 72)
        // The axis is in days (four days), so is the label.
        #expect(parsed.text.contains("peak 0.8 at day 3"))
        #expect(label["data-extremum"] == "peak")
    }

    @Test func peakAnnotationUsesTheDenseOutputExtremumOfASimulation() throws {
        var simulated = table
        simulated.exactExtremes["withdrawal_index"] = ObservableExtremes(
            column: "withdrawal_index", peak: 0.8000004, peakTimeHours: 72.06, trough: 0, troughTimeHours: 0)
        let parsed = try slide(highlights: ["withdrawal_index"], table: simulated)
        let label = try #require(parsed.attributes.first { $0.element == "text" && $0.attributes["class"] == "peak" }?.attributes)
        #expect(Self.number(label["data-peak"]) == 0.8000004)
        #expect(Self.number(label["data-peak-time-h"]) == 72.06)
        #expect(parsed.text.contains("peak 0.8 at day 3"))
    }

    /// A series that mostly falls (receptor density under an agonist) is labelled at its
    /// lowest point, which is its story; the trough of a simulation is its dense-output one.
    @Test func fallingSeriesIsLabelledAtItsLow() throws {
        let table = try TimeSeriesTable(timeHours: [0, 1, 2, 3, 4], columns: [
            TimeSeriesColumn(name: "mu_surface_rel", values: [0.83, 0.84, 0.7, 0.75, 0.8]),
        ])
        var parsed = try slide(highlights: ["mu_surface_rel"], table: table)
        var label = try #require(parsed.attributes.first { $0.element == "text" && $0.attributes["class"] == "peak" }?.attributes)
        #expect(label["data-extremum"] == "low" && label["data-peak"] == "0.7" && label["data-peak-time-h"] == "2.0")
        #expect(parsed.text.contains("low 0.7 at 2 h"))
        var simulated = table
        simulated.exactExtremes["mu_surface_rel"] = ObservableExtremes(
            column: "mu_surface_rel", peak: 0.841, peakTimeHours: 0.9, trough: 0.6993, troughTimeHours: 2.1)
        parsed = try slide(highlights: ["mu_surface_rel"], table: simulated)
        label = try #require(parsed.attributes.first { $0.element == "text" && $0.attributes["class"] == "peak" }?.attributes)
        #expect(label["data-peak"] == "0.6993" && label["data-peak-time-h"] == "2.1")
    }

    @Test func flatSeriesOrExtremaAtAnEdgeGetNoLabel() throws {
        let table = try TimeSeriesTable(timeHours: [0, 1, 2, 3], columns: [
            TimeSeriesColumn(name: "withdrawal_index", values: [0, 0, 0, 0]),
            TimeSeriesColumn(name: "tolerance_index", values: [0.4, 0.3, 0.35, 0.38]),
            TimeSeriesColumn(name: "mu_occupancy_total", values: [0.9, 0.5, 0.3, 0.2]),
        ])
        let parsed = try slide(highlights: ["withdrawal_index", "tolerance_index", "mu_occupancy_total"], table: table)
        // Flat: nothing. Falling by 0.1 from its highest value at 0 h and back: its low (0.3
        // at 1 h). Falling all the way: its low is the last row, where the window ends: nothing.
        let labels = parsed.attributes.filter { $0.attributes["class"] == "peak" }.map(\.attributes)
        #expect(labels.compactMap { $0["data-column"] } == ["tolerance_index"])
        #expect(labels.compactMap { $0["data-peak"] } == ["0.3"])
        #expect(labels.compactMap { $0["data-extremum"] } == ["low"])
    }

    /// Without `--slide` and without `--highlight`, the lesson's key observables are still the
    /// strongest lines: thick, solid, in the darkest colours, drawn over the rest.
    @Test func defaultChartDrawsKeyObservablesStrongest() throws {
        let panels = try PanelSpecification.panels(available: table.columnNames)
        let parsed = XMLSummary.parse(SVGChart.render(table: table, panels: panels, annotations: annotations))
        let paths = parsed.attributes.filter { $0.element == "path" && $0.attributes["data-column"] != nil }.map(\.attributes)
        let strong = paths.filter { $0["class"] == "highlighted" }
        #expect(strong.compactMap { $0["data-column"] } == ["mu_occupancy_total", "withdrawal_index", "tolerance_index"])
        #expect(strong.allSatisfy { $0["stroke-dasharray"] == "none" && Self.number($0["stroke-width"]) == 3.4 })
        let widest = paths.filter { $0["class"] == nil }.map { Self.number($0["stroke-width"]) }.max()!
        #expect(widest <= 2.0)
        // The withdrawal index is black, not the faint pink dotted line it used to be.
        let withdrawal = try #require(strong.first { $0["data-column"] == "withdrawal_index" })
        #expect(withdrawal["stroke"] == "#000000")
        // Page text is at least 13 units in a 960-unit figure; legends do not shrink below it.
        let sizes = parsed.attributes.compactMap { $0.attributes["font-size"] }.map { Self.number($0) }
        #expect(sizes.allSatisfy { $0 >= 11.9 }, "\(sizes.filter { $0 < 11.9 })")
    }

    @Test func keyObservablesPreferModelTwoNamesWhenPresent() {
        #expect(KeyObservables.defaults(available: table.columnNames) == ["withdrawal_index", "tolerance_index", "mu_occupancy_total"])
        let modelTwo = ["withdrawal_index", "withdrawal_signs", "cows_equivalent", "tolerance_index", "mu_occupancy_total", "mu_pet_occupancy"]
        #expect(KeyObservables.defaults(available: modelTwo) == ["cows_equivalent", "tolerance_index", "mu_pet_occupancy"])
        #expect(KeyObservables.defaults(available: ["endorphin_nM"]).isEmpty)
    }

    @Test func axisLabelsStateMeaningAndUnit() throws {
        #expect(ColumnDescription(column: "tolerance_index").axisLabel == "Tolerance index (0 naive, 1 none left)")
        #expect(ColumnDescription(column: "cows_equivalent").axisLabel == "Withdrawal, COWS points (0 to 48)")
        #expect(ColumnDescription(column: "respiratory_drive").axisLabel == "Respiratory drive (1 normal, 0 apnoea)")
        let panels = try PanelSpecification.panels(available: table.columnNames, columns: ["tolerance_index"])
        #expect(panels.map(\.axisLabel) == ["Tolerance index (0 naive, 1 none left)"])
        // A PET occupancy is a fraction of receptors, on the occupancy axis.
        #expect(ColumnUnit(columnName: "mu_pet_occupancy") == .fractionBound)
        let grouped = try PanelSpecification.slidePanels(columns: ["mu_occupancy_morphine", "mu_occupancy_total", "withdrawal_index"])
        #expect(grouped.map(\.columnNames) == [["mu_occupancy_morphine", "mu_occupancy_total"], ["withdrawal_index"]])
        #expect(grouped.map(\.fixedRange) == [0...1, nil])
        // A one-column panel on a slide says which column it draws.
        #expect(ColumnDescription(column: "endorphin_nM").heading(axisLabel: "Peptide level (nM)") == "Endorphin (nM)")
        #expect(ColumnDescription(column: "mu_total_rel").heading(axisLabel: "Receptors (× baseline)")
            == "μ-opioid receptors in total (× baseline)")
        #expect(ColumnDescription(column: "withdrawal_index").heading(axisLabel: "Withdrawal index (0 = none)")
            == "Withdrawal index (0 = none)")
    }

    @Test func peakLabelsAvoidTheCurves() {
        // A label box right of a rising line is crossed by it; the box test sees that.
        let box = ChartBox(x0: 10, y0: 10, x1: 50, y1: 20)
        #expect(box.intersects(segment: (0, 30, 60, 0)))
        #expect(!box.intersects(segment: (0, 30, 60, 25)))
        #expect(box.intersects(segment: (30, 0, 30, 100)))
        #expect(!box.intersects(segment: (60, 0, 60, 100)))
    }
}
