/// One self-contained HTML page that explores a grid of precomputed runs: a slider (or a
/// selector, for named values) per varied setting, and one chart per column whose curve
/// switches at once to the run the controls select. Inline CSS, SVG, data and script; no
/// network, no fonts, no files. Output is a pure function of the inputs.
///
/// Size: each series is reduced to at most `4 · plotWidth` points (`SeriesEnvelope`, the
/// reduction `PathDecimator` draws), and every series of every run is embedded as SVG path
/// data, 10 to 11 bytes a point. `pointBound` is the most points a grid can embed;
/// `maximumPoints` caps it (at most about 4.5 MB of data; grids of smooth or flat runs embed
/// far fewer points than the bound), so a page stays quick to open and to mail.
///
/// The page's script reads `#set=NAME:INDEX` (several joined by `&`) from the address on load
/// and on `hashchange`, sets that control and dispatches the same `input` event a user's drag
/// does. The drawn series are in the DOM: `path.series` with `d` and `data-run` (the run's
/// index), and `#explorer[data-run]`; browser tests read them from `--dump-dom`.
package struct ExplorerPage: Sendable {
    /// One varied setting: its name (`doses[0].amount_mg`), a label for the room ("Morphine
    /// dose"), and one label per value ("10 mg"). `categorical` draws a selector.
    package struct Axis: Sendable, Equatable {
        package var name: String
        package var label: String
        package var valueLabels: [String]
        package var categorical: Bool

        package init(name: String, label: String, valueLabels: [String], categorical: Bool = false) {
            self.name = name
            self.label = label
            self.valueLabels = valueLabels
            self.categorical = categorical
        }
    }

    /// One grid point: its reduced series (one per column), or why it failed.
    package struct Run: Sendable {
        package var series: [SeriesEnvelope.Series]?
        package var failure: String?
        /// Its administrations and infusions, drawn in the strip above each chart.
        package var annotations: PlotAnnotations

        package init(series: [SeriesEnvelope.Series], annotations: PlotAnnotations = PlotAnnotations()) {
            self.series = series
            failure = nil
            self.annotations = annotations
        }

        package init(failure: String, annotations: PlotAnnotations = PlotAnnotations()) {
            series = nil
            self.failure = failure
            self.annotations = annotations
        }
    }

    /// Drawing columns across the time axis (chart units; the `SeriesEnvelope` bucket count).
    package static let plotWidth = 640
    /// Most embedded points a page may hold (runs × columns × points per series, bounded).
    package static let maximumPoints = 400_000
    /// Most runs (grid points) a page may hold.
    package static let maximumRuns = 1_000

    /// The most points a grid embeds: runs × columns × min(rows per run, 4 · plotWidth).
    package static func pointBound(runs: Int, columns: Int, rowsPerRun: Int) -> Int {
        let perSeries = min(max(rowsPerRun, 0), 4 * plotWidth)
        let (a, o1) = runs.multipliedReportingOverflow(by: columns)
        let (b, o2) = a.multipliedReportingOverflow(by: perSeries)
        return o1 || o2 ? Int.max : b
    }

    package var title: String
    package var description: String
    /// Varied settings, the first changing slowest in `runs` (as `SweepGrid` orders points).
    package var axes: [Axis]
    package var columns: [String]
    /// One per grid point, in grid order.
    package var runs: [Run]
    /// The time axis of every chart.
    package var spanHours: ClosedRange<Double>
    /// A line of provenance for the footer (scenario file, interval, solver).
    package var footnote: String

    package init(title: String, description: String, axes: [Axis], columns: [String], runs: [Run],
                 spanHours: ClosedRange<Double>, footnote: String) {
        precondition(runs.count == axes.reduce(1) { $0 * $1.valueLabels.count }, "one run per grid point")
        self.title = title
        self.description = description
        self.axes = axes
        self.columns = columns
        self.runs = runs
        self.spanHours = spanHours
        self.footnote = footnote
    }

    // Chart geometry (SVG user units; the SVG scales to the page width).
    static let viewWidth = 780.0, viewHeight = 326.0
    static let plotLeft = 110.0, plotTop = 36.0, plotHeight = 220.0
    /// The dose strip above the plot: triangles point down to `doseBaseline`.
    static let doseBaseline = 28.0, doseMaximumHeight = 22.0

    /// Drugs with administrations in any run, in order of appearance: one mark colour each.
    var drugs: [String] {
        var seen: [String] = []
        for run in runs {
            for drug in run.annotations.doses.map(\.drug) + run.annotations.infusions.map(\.drug) where !seen.contains(drug) {
                seen.append(drug)
            }
        }
        return seen
    }

    /// Colours of the dose marks, by drug: dark and muted, apart from the curves' colours.
    static let doseColours = ["#333333", "#7b3294", "#8c6d1f", "#2c7f7f"]

    /// The page.
    /// - Complexity: O(embedded points).
    package func render() -> String {
        let (timeUnit, timeTicks) = NiceTicks.time(spanHours: spanHours, targetCount: 7)
        let ranges = columns.indices.map(valueTicks)
        let drugs = self.drugs
        let marks = runs.indices.map { r in drugs.map { doseMarks(run: r, drug: $0) } }
        var out = MarkupWriter()
        out.raw("<!DOCTYPE html>\n")
        out.open("html", ["lang": "en"])
        out.raw("\n")
        out.open("head")
        out.empty("meta", ["charset": "utf-8"])
        out.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        out.element("title", text: title + " · explorer")
        out.open("style")
        out.raw(Self.css)
        out.close("style")
        out.close("head")
        out.open("body")
        out.open("main", ["id": "explorer", "data-run": "0", "data-runs": String(runs.count)])
        out.raw("\n")
        out.open("header")
        out.element("h1", text: title)
        if !description.isEmpty { out.element("p", ["class": "description"], text: description) }
        out.close("header")

        out.open("section", ["id": "controls"])
        out.raw("\n")
        for (a, axis) in axes.enumerated() { writeControl(&out, axis, index: a) }
        out.close("section")
        out.element("p", ["id": "failure", "class": "failure", "hidden": "hidden"], text: "")

        out.open("section", ["id": "charts", "class": columns.count == 1 ? "charts single" : "charts"])
        out.raw("\n")
        for c in columns.indices {
            writeChart(&out, column: c, ticks: ranges[c], timeUnit: timeUnit, timeTicks: timeTicks, marks: marks.first ?? [])
        }
        out.close("section")
        out.open("p", ["class": "legend"])
        if !drugs.isEmpty {
            for (k, drug) in drugs.enumerated() {
                out.element("span", ["class": "dose-key", "style": "color:\(Self.doseColours[k % Self.doseColours.count])"], text: "▼ " + drug)
                out.raw(" ")
            }
            out.raw(MarkupWriter.escape("doses above each chart (size: amount). "))
        }
        out.raw(MarkupWriter.escape("Thick line: the selected setting. Grey line: the setting shown before it. Each chart keeps one "
            + "scale for all \(runs.count) runs, so a change in height is a change in the model."))
        out.close("p")
        out.element("footer", text: footnote)
        out.open("script", ["type": "application/json", "id": "explorer-data"])
        out.raw(data(ranges: ranges, marks: marks))
        out.close("script")
        out.open("script")
        out.raw(Self.script)
        out.close("script")
        out.close("main")
        out.close("body")
        out.close("html")
        return out.text
    }

    private func writeControl(_ out: inout MarkupWriter, _ axis: Axis, index a: Int) {
        let id = "axis-\(a)"
        out.open("div", ["class": "control"])
        out.open("label", ["for": id])
        out.element("span", ["class": "name"], text: axis.label)
        out.raw(" ")
        out.element("output", ["id": "value-\(a)", "for": id], text: axis.valueLabels.first ?? "")
        out.raw(" ")
        out.element("span", ["class": "raw"], text: axis.name)
        out.close("label")
        if axis.categorical {
            out.open("select", ["id": id, "class": "axis", "data-name": axis.name])
            for (k, label) in axis.valueLabels.enumerated() {
                if k == 0 {
                    out.element("option", ["value": String(k), "selected": "selected"], text: label)
                } else {
                    out.element("option", ["value": String(k)], text: label)
                }
            }
            out.close("select")
        } else {
            out.empty("input", ["type": "range", "id": id, "class": "axis", "data-name": axis.name, "min": "0",
                                "max": String(axis.valueLabels.count - 1), "step": "1", "value": "0"])
            out.open("div", ["class": "ticks", "aria-hidden": "true"])
            for label in axis.valueLabels { out.element("span", text: label) }
            out.close("div")
        }
        out.close("div")
    }

    private func writeChart(_ out: inout MarkupWriter, column c: Int, ticks: AxisTicks, timeUnit: TimeUnit, timeTicks: AxisTicks,
                            marks: [String]) {
        let description = ColumnDescription(column: columns[c])
        let colour = Self.colours[c % Self.colours.count]
        out.open("figure", ["class": "chart", "id": "chart-\(c)", "data-column": columns[c]])
        out.open("figcaption")
        out.open("div", ["class": "title-line"])
        out.element("span", ["class": "title", "style": "color:\(colour)"], text: description.title)
        out.raw(" ")
        out.element("span", ["class": "readout", "id": "readout-\(c)"], text: readout(run: 0, column: c))
        out.close("div")
        out.open("div", ["class": "unit-line", "title": description.meaning + " (" + columns[c] + ")"])
        out.element("span", ["class": "unit"], text: description.axisLabel)
        out.raw(" ")
        out.element("span", ["class": "meaning"], text: "· " + description.meaning + " (" + columns[c] + ")")
        out.close("div")
        out.close("figcaption")

        let left = Self.plotLeft, top = Self.plotTop, height = Self.plotHeight, width = Double(Self.plotWidth)
        let bottom = top + height
        out.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(Int(Self.viewWidth)) \(Int(Self.viewHeight))",
                         "role": "img", "aria-label": description.title + " against time"])
        out.raw("\n")
        out.open("defs")
        out.open("clipPath", ["id": "clip-\(c)"])
        out.empty("rect", ["x": NumberText.coordinate(left), "y": NumberText.coordinate(top - 4),
                           "width": NumberText.coordinate(width), "height": NumberText.coordinate(height + 8)])
        out.close("clipPath")
        out.close("defs")
        let mapY = { (v: Double) in bottom - (v - ticks.lower) / (ticks.upper - ticks.lower) * height }
        for (value, label) in zip(ticks.values, ticks.labels) {
            let y = NumberText.coordinate(mapY(value))
            out.empty("line", ["class": "grid", "x1": NumberText.coordinate(left), "x2": NumberText.coordinate(left + width),
                               "y1": y, "y2": y])
            out.element("text", ["class": "tick", "x": NumberText.coordinate(left - 12), "y": y, "text-anchor": "end",
                                 "dominant-baseline": "central"], text: label)
        }
        let timeSpan = timeTicks.upper - timeTicks.lower
        for (value, label) in zip(timeTicks.values, timeTicks.labels) {
            let x = NumberText.coordinate(left + (timeSpan > 0 ? (value - timeTicks.lower) / timeSpan * width : 0))
            out.empty("line", ["class": "grid", "x1": x, "x2": x, "y1": NumberText.coordinate(top), "y2": NumberText.coordinate(bottom)])
            out.element("text", ["class": "tick", "x": x, "y": NumberText.coordinate(bottom + 34), "text-anchor": "middle"], text: label)
        }
        out.element("text", ["class": "axis-title", "x": NumberText.coordinate(left + width / 2),
                             "y": NumberText.coordinate(Self.viewHeight - 6), "text-anchor": "middle"], text: timeUnit.axisLabel)
        out.empty("path", ["class": "frame", "d": "M\(NumberText.coordinate(left)),\(NumberText.coordinate(top))V\(NumberText.coordinate(bottom))H\(NumberText.coordinate(left + width))"])
        for (k, d) in marks.enumerated() {
            out.empty("path", ["class": "dose", "id": "dose-\(c)-\(k)", "d": d, "fill": Self.doseColours[k % Self.doseColours.count]])
        }
        out.empty("path", ["class": "ghost", "id": "ghost-\(c)", "d": "", "clip-path": "url(#clip-\(c))"])
        out.empty("path", ["class": "series", "id": "series-\(c)", "data-column": columns[c], "data-run": "0",
                           "d": path(run: 0, column: c, ticks: ticks), "stroke": colour, "clip-path": "url(#clip-\(c))"])
        out.close("svg")
        out.close("figure")
    }

    /// Okabe-Ito colours (as `SeriesStyle`), the dark ones first: each chart has one series.
    static let colours = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#000000", "#e69f00"]

    /// The value axis of column `c`: one scale over every run, from zero when the values are
    /// positive and reach down near it, and at least `ColumnDescription.minimumSpan` high.
    private func valueTicks(_ c: Int) -> AxisTicks {
        var low = Double.infinity, high = -Double.infinity
        for run in runs {
            guard let series = run.series?[c] else { continue }
            for v in series.values where v.isFinite {
                low = min(low, v)
                high = max(high, v)
            }
        }
        guard low <= high else { return NiceTicks.linear(minimum: 0, maximum: 1, targetCount: 4) }
        if low >= 0, low <= 0.3 * high { low = 0 }
        if let span = ColumnDescription(column: columns[c]).minimumSpan, high - low < span {
            // Widen upwards from zero (or from the lowest value when below zero).
            if low > 0 { low = 0 }
            high = max(high, low + span)
        }
        return NiceTicks.linear(minimum: low, maximum: high, targetCount: 4)
    }

    /// The SVG path of run `r`'s column `c` (empty for a failed run).
    func path(run r: Int, column c: Int, ticks: AxisTicks) -> String {
        guard let series = runs[r].series?[c] else { return "" }
        let start = spanHours.lowerBound, span = spanHours.upperBound - spanHours.lowerBound
        let left = Self.plotLeft, width = Double(Self.plotWidth), bottom = Self.plotTop + Self.plotHeight
        let range = ticks.upper - ticks.lower
        return PathDecimator.pathData(
            timeHours: series.timeHours, values: series.values,
            mapX: { left + (span > 0 ? ($0 - start) / span * width : 0) },
            mapY: { bottom - ($0 - ticks.lower) / range * Self.plotHeight })
    }

    /// The dose strip of run `r` for `drug`: a downward triangle per administration whose
    /// height grows with the amount (relative to the drug's largest amount over all runs), a
    /// bar per infusion. Marks outside the time axis are left out.
    func doseMarks(run r: Int, drug: String) -> String {
        let start = spanHours.lowerBound, span = spanHours.upperBound - spanHours.lowerBound
        let left = Self.plotLeft, width = Double(Self.plotWidth), base = Self.doseBaseline
        func x(_ t: Double) -> Double { left + (span > 0 ? (t - start) / span * width : 0) }
        var largest = 0.0
        for run in runs { for dose in run.annotations.doses where dose.drug == drug { largest = max(largest, dose.amountMilligrams) } }
        var d = ""
        for dose in runs[r].annotations.doses where dose.drug == drug && spanHours.contains(dose.timeHours) {
            let height = 6 + (Self.doseMaximumHeight - 6) * (largest > 0 ? dose.amountMilligrams / largest : 1)
            let half = height * 0.45
            d += "M" + NumberText.coordinate(x(dose.timeHours)) + "," + NumberText.coordinate(base)
                + "l" + NumberText.coordinate(-half) + "," + NumberText.coordinate(-height)
                + "h" + NumberText.coordinate(2 * half) + "z"
        }
        for infusion in runs[r].annotations.infusions where infusion.drug == drug
            && infusion.endHours >= start && infusion.startHours <= spanHours.upperBound {
            let a = x(max(infusion.startHours, start)), b = x(min(infusion.endHours, spanHours.upperBound))
            d += "M" + NumberText.coordinate(a) + "," + NumberText.coordinate(base) + "v-8h"
                + NumberText.coordinate(max(b - a, 1)) + "v8z"
        }
        return d
    }

    /// "peak 12.3 at 25.5 h" ("steady at 0.05" for a flat line) for run `r`'s column `c`; the failure for a failed run.
    func readout(run r: Int, column c: Int) -> String {
        guard let series = runs[r].series?[c] else { return "run failed" }
        var best: Int? = nil
        for (k, v) in series.values.enumerated() where v.isFinite {
            if best == nil || v > series.values[best!] { best = k }
        }
        guard let best else { return "no values" }
        let finite = series.values.filter(\.isFinite)
        let low = finite.min() ?? 0, high = series.values[best]
        // A flat line has no peak worth a time: say where it stays.
        if high - low <= 1e-4 * max(abs(high), abs(low), 1e-300) {
            return "steady at " + NumberText.significant(high, 3)
        }
        return "peak " + NumberText.significant(high, 3) + " at " + NumberText.trimmed(series.timeHours[best], 1) + " h"
    }

    /// The runs as JSON for the script: per run its paths and readouts, or its failure.
    private func data(ranges: [AxisTicks], marks: [[String]]) -> String {
        var json = "{\"axes\":["
        json += axes.map { axis in
            "{\"name\":" + Self.jsonString(axis.name) + ",\"labels\":[" + axis.valueLabels.map(Self.jsonString).joined(separator: ",") + "]}"
        }.joined(separator: ",")
        json += "],\"columns\":[" + columns.map(Self.jsonString).joined(separator: ",") + "],\"runs\":[\n"
        for r in runs.indices {
            let doses = "\"doses\":[" + marks[r].map(Self.jsonString).joined(separator: ",") + "]"
            if let failure = runs[r].failure {
                json += "{\"error\":" + Self.jsonString(failure) + "," + doses + "}"
            } else {
                json += "{\"d\":[" + columns.indices.map { Self.jsonString(path(run: r, column: $0, ticks: ranges[$0])) }.joined(separator: ",")
                json += "],\"peak\":[" + columns.indices.map { Self.jsonString(readout(run: r, column: $0)) }.joined(separator: ",") + "],"
                json += doses + "}"
            }
            json += r + 1 < runs.count ? ",\n" : "\n"
        }
        return json + "]}"
    }

    /// A JSON string literal safe inside `<script>`: `<`, `>` and `&` escaped too.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
