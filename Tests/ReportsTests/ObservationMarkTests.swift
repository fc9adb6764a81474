import Foundation
import Pharmacology
import Testing
@testable import Reports

/// Observation marks drawn over the curves: each shape's elements, the value axis stretched to
/// show them, and no drawing where the axis cannot place a value.
@Suite struct ObservationMarkTests {
    let table = Synthetic.table()

    func chart(_ marks: [ObservationMark], logarithmic: Bool = false) throws -> XMLSummary {
        let panels = try PanelSpecification.panels(
            available: table.columnNames, columns: ["morphine_plasma_nM"], logarithmicConcentrations: logarithmic)
        let svg = SVGChart.render(table: table, panels: panels, observations: marks)
        let parsed = XMLSummary.parse(svg)
        #expect(parsed.error == nil)
        return parsed
    }

    func count(_ parsed: XMLSummary, _ element: String, class name: String) -> Int {
        parsed.attributes.filter { $0.element == element && $0.attributes["class"] == name }.count
    }

    @Test func everyShapeDrawsItsElements() throws {
        let parsed = try chart([
            ObservationMark(column: "morphine_plasma_nM", timeHours: 10, value: 30, valueSD: 5, valueBand: 20...40, label: "at", verdict: .met),
            ObservationMark(column: "morphine_plasma_nM", timeHours: 20, value: 50, valueSD: 4, valueBand: 40...60, timeSD: 1,
                            timeBand: 18...22, label: "peak", verdict: .notMet),
            ObservationMark(column: "morphine_plasma_nM", timeHours: 40, value: nil, timeSD: 2, timeBand: 38...42, label: "time"),
            ObservationMark(column: "morphine_plasma_nM", timeHours: 50, value: 10, valueBand: 5...15, window: 48...52, label: "mean"),
            ObservationMark(column: "morphine_plasma_nM", timeHours: 60, value: nil, window: 60...80, label: "t½", caption: "half-life 4 h"),
            ObservationMark(column: "withdrawal_index", timeHours: 60, value: 1, label: "not in a drawn panel"),
        ])
        #expect(count(parsed, "circle", class: "marker") == 3)
        #expect(count(parsed, "path", class: "error-bar") == 4)
        #expect(count(parsed, "rect", class: "band") == 5)
        #expect(count(parsed, "line", class: "time-mark") == 1)
        #expect(count(parsed, "line", class: "window-level") == 1)
        #expect(count(parsed, "rect", class: "window") == 1)
        #expect(parsed.values(of: "data-verdict", on: "g") == ["met", "notMet", "none", "none", "none"])
        #expect(parsed.text.contains("half-life 4 h") && parsed.text.contains("data ± SD, band shaded"))
    }

    /// Captions of adjacent windows (an area beside a half-life, as in a patch study) do not
    /// overlap: the later one goes a line lower, a caption that starts after another's end shares
    /// its line, and one near the right edge moves left to stay inside the plot.
    @Test func windowCaptionsDoNotOverlap() throws {
        let parsed = try chart([
            ObservationMark(column: "morphine_plasma_nM", timeHours: 0, value: nil, window: 0...2, label: "c", caption: "t 1"),
            ObservationMark(column: "morphine_plasma_nM", timeHours: 60, value: nil, window: 60...80, label: "a", caption: "AUC 347.5, band [225.9, 469.1]; model 439.5"),
            ObservationMark(column: "morphine_plasma_nM", timeHours: 82, value: nil, window: 82...96, label: "b", caption: "half-life 21.9 h, band [13, 30.8]; model 17.06"),
        ])
        let captions = parsed.attributes.filter { $0.element == "text" && $0.attributes["class"] == "window-caption" }
        let ys = captions.compactMap { Double($0.attributes["y"] ?? "") }, xs = captions.compactMap { Double($0.attributes["x"] ?? "") }
        let windows = parsed.attributes.filter { $0.element == "rect" && $0.attributes["class"] == "window" }.compactMap { Double($0.attributes["x"] ?? "") }
        try #require(ys.count == 3 && xs.count == 3 && windows.count == 3)
        #expect(ys[1] == ys[0], "the area's caption starts after the first one ends: same line")
        #expect(ys[2] > ys[1], "the half-life caption starts inside the area caption's extent: a line lower")
        #expect(xs[2] < windows[2] + 3, "the half-life caption moved left of its window's start (\(xs[2]) vs \(windows[2]))")
    }

    /// A band above every curve value stretches the axis so the band shows.
    @Test func valueAxisCoversTheBands() throws {
        let peak = table.column(named: "morphine_plasma_nM")!.values.max()!
        let parsed = try chart([ObservationMark(column: "morphine_plasma_nM", timeHours: 10, value: 2 * peak, valueBand: (2 * peak)...(3 * peak), label: "high")])
        let ticks = parsed.attributes.filter { $0.element == "text" && $0.attributes["x"] == "77" }.count
        #expect(ticks > 0)
        let labels = (parsed.texts["text"] ?? []).compactMap(Double.init)
        #expect(labels.max()! >= 3 * peak)
    }

    /// On a log axis a value <= 0 has no place: nothing is drawn for it, and nothing breaks.
    @Test func nonPositiveValuesOnALogAxisAreSkipped() throws {
        let parsed = try chart([
            ObservationMark(column: "morphine_plasma_nM", timeHours: 10, value: 0, valueSD: 1, label: "zero"),
            ObservationMark(column: "morphine_plasma_nM", timeHours: 20, value: 5, valueSD: 10, valueBand: 0...10, label: "sd below zero"),
        ], logarithmic: true)
        #expect(count(parsed, "circle", class: "marker") == 1)
        #expect(count(parsed, "path", class: "error-bar") == 1)
    }
}
