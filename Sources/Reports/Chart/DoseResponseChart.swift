import Foundation

/// One dose-response curve to draw: measured points, optionally a fitted curve and its ED50.
package struct DoseResponseSeries: Sendable, Equatable {
    /// Legend text (`t = 168 h: ED50 9.8 mg, 3.4x`).
    package var label: String
    package var dosesMilligrams: [Double]
    package var responses: [Double]
    /// The fitted curve at `fittedDosesMilligrams` (empty: the points are joined by lines).
    package var fittedDosesMilligrams: [Double]
    package var fittedResponses: [Double]
    /// Marked on the curve at half its maximal effect when known.
    package var ed50Milligrams: Double?
    /// The fitted response at the ED50 (half the maximal effect).
    package var halfMaximalResponse: Double?

    package init(label: String, dosesMilligrams: [Double], responses: [Double], fittedDosesMilligrams: [Double] = [],
                 fittedResponses: [Double] = [], ed50Milligrams: Double? = nil, halfMaximalResponse: Double? = nil) {
        self.label = label
        self.dosesMilligrams = dosesMilligrams
        self.responses = responses
        self.fittedDosesMilligrams = fittedDosesMilligrams
        self.fittedResponses = fittedResponses
        self.ed50Milligrams = ed50Milligrams
        self.halfMaximalResponse = halfMaximalResponse
    }
}

/// A dose-response chart: dose on a log axis, one curve per series (a tolerance challenge draws
/// one per branch time), measured responses as dots, fitted curves as lines, each ED50 marked at
/// half the maximal effect with a line to zero effect. Styles, margins, fonts and number formats are those of
/// `SVGChart` (`SeriesStyle`, `ChartCanvas` metrics, `NiceTicks`, `NumberText`), so the chart
/// sits beside the time charts without looking different. Output is a pure function of the
/// inputs.
package enum DoseResponseChart {
    /// Wider than `ChartCanvas.legendWidth`: a legend entry carries the ED50 and fold shift.
    static let legendWidth = 250.0

    /// - Parameters:
    ///   - valueLabel: the y-axis title (quantity and unit).
    ///   - doseLabel: the x-axis title.
    /// - Complexity: O(points of all series).
    package static func render(
        _ series: [DoseResponseSeries], valueLabel: String, doseLabel: String = "Probe dose (mg, log scale)",
        options: ChartOptions = ChartOptions(panelHeightPoints: 420)
    ) -> String {
        let c = NumberText.coordinate
        let doses = series.flatMap(\.dosesMilligrams).filter { $0 > 0 && $0.isFinite }
        let lowDose = doses.min() ?? 1, highDose = max(doses.max() ?? 10, lowDose * 1.0001)
        // Half a step of the dose ratio beyond the extreme doses, so end points sit inside.
        let pad = pow(highDose / lowDose, 0.06)
        let xLow = log10(lowDose / pad), xHigh = log10(highDose * pad)
        let values = series.flatMap { $0.responses + $0.fittedResponses }.filter(\.isFinite)
        let yTicks = NiceTicks.linear(minimum: min(0, values.min() ?? 0), maximum: max(0, values.max() ?? 1))

        let left = ChartCanvas.leftMargin + 8
        let width = max(100, options.widthPoints - left - legendWidth - ChartCanvas.legendGap)
        let titleHeight = options.title == nil ? 12.0 : 40.0
        let top = titleHeight, height = options.panelHeightPoints
        let bottom = top + height
        let totalHeight = bottom + ChartCanvas.axisFooterHeight + 8
        func x(_ dose: Double) -> Double { left + (log10(dose) - xLow) / (xHigh - xLow) * width }
        func y(_ value: Double) -> Double { bottom - (value - yTicks.lower) / (yTicks.upper - yTicks.lower) * height }

        var out = MarkupWriter()
        if options.standalone { out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
        let viewBox = "0 0 \(c(options.widthPoints)) \(c(totalHeight))"
        out.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "viewBox": viewBox, "width": c(options.widthPoints),
            "height": c(totalHeight), "font-family": ChartCanvas.fontFamily, "font-size": "12", "role": "img",
        ])
        out.raw("\n")
        out.element("title", text: options.title ?? "Dose-response curves")
        out.open("defs")
        out.open("clipPath", ["id": "\(options.idPrefix)-clip"])
        out.empty("rect", ["x": c(left), "y": c(top), "width": c(width), "height": c(height)])
        out.close("clipPath")
        out.close("defs")
        out.empty("rect", ["x": "0", "y": "0", "width": c(options.widthPoints), "height": c(totalHeight), "fill": "#ffffff"])
        if let title = options.title {
            out.element("text", ["x": c(left), "y": "24", "font-size": "16", "font-weight": "bold"], text: title)
        }

        // Grid.
        let doseTicks = doseTickValues(low: pow(10, xLow), high: pow(10, xHigh))
        out.open("g", ["class": "grid", "stroke": "#e3e3e3", "stroke-width": "0.6"])
        out.raw("\n")
        for value in yTicks.values {
            out.empty("line", ["x1": c(left), "y1": c(y(value)), "x2": c(left + width), "y2": c(y(value))])
        }
        for dose in doseTicks {
            out.empty("line", ["x1": c(x(dose)), "y1": c(top), "x2": c(x(dose)), "y2": c(bottom)])
        }
        out.close("g")
        if yTicks.lower < 0, yTicks.upper > 0 {
            out.empty("line", ["x1": c(left), "y1": c(y(0)), "x2": c(left + width), "y2": c(y(0)), "stroke": "#8c8c8c", "stroke-width": "0.8"])
        }

        // Curves, points, ED50 drop lines.
        out.open("g", ["class": "series", "clip-path": "url(#\(options.idPrefix)-clip)", "fill": "none", "stroke-linejoin": "round"])
        out.raw("\n")
        for (index, item) in series.enumerated() {
            let style = SeriesStyle(index: index)
            let fitted = !item.fittedDosesMilligrams.isEmpty
            let lineDoses = fitted ? item.fittedDosesMilligrams : item.dosesMilligrams
            let lineValues = fitted ? item.fittedResponses : item.responses
            var path = ""
            for (dose, value) in zip(lineDoses, lineValues) where dose > 0 && value.isFinite {
                path += (path.isEmpty ? "M" : "L") + c(x(dose)) + "," + c(y(value))
            }
            if !path.isEmpty {
                out.open("path", [
                    "d": path, "stroke": style.colour, "stroke-width": c(style.width + 0.6),
                    "stroke-dasharray": style.dash ?? "none", "data-series": String(index),
                ])
                out.element("title", text: item.label)
                out.close("path")
            }
            if let ed50 = item.ed50Milligrams, let half = item.halfMaximalResponse, ed50 > 0, half.isFinite {
                // To the zero line: down for a rise, up for a fall.
                let base = min(bottom, max(top, y(0)))
                out.empty("path", [
                    "class": "ed50", "d": "M\(c(x(ed50))),\(c(y(half)))L\(c(x(ed50))),\(c(base))",
                    "stroke": style.colour, "stroke-width": "1", "stroke-dasharray": "3 3",
                ])
                out.empty("path", [
                    "class": "ed50-mark", "d": diamond(x(ed50), y(half), 5.5), "fill": "#ffffff", "stroke": style.colour,
                    "stroke-width": "1.6",
                ])
            }
            for (dose, value) in zip(item.dosesMilligrams, item.responses) where dose > 0 && value.isFinite {
                out.empty("circle", [
                    "cx": c(x(dose)), "cy": c(y(value)), "r": "3.8", "fill": style.colour, "stroke": "#ffffff",
                    "stroke-width": "0.8", "data-series": String(index),
                ])
            }
        }
        out.close("g")

        // Frame and axes.
        out.empty("rect", [
            "x": c(left), "y": c(top), "width": c(width), "height": c(height), "fill": "none", "stroke": "#333333",
            "stroke-width": "0.8",
        ])
        out.open("g", ["class": "y-axis", "font-size": "11", "text-anchor": "end"])
        out.raw("\n")
        for (value, label) in zip(yTicks.values, yTicks.labels) {
            out.empty("line", ["x1": c(left - 4), "y1": c(y(value)), "x2": c(left), "y2": c(y(value)), "stroke": "#333333"])
            out.element("text", ["x": c(left - 6), "y": c(y(value) + 3.8)], text: label)
        }
        let middle = top + height / 2
        out.element("text", [
            "class": "axis-label", "x": "16", "y": c(middle), "text-anchor": "middle",
            "transform": "rotate(-90 16 \(c(middle)))", "font-size": "12",
        ], text: valueLabel)
        out.close("g")
        out.open("g", ["class": "x-axis", "font-size": "11", "text-anchor": "middle"])
        out.raw("\n")
        for dose in doseTicks {
            out.empty("line", ["x1": c(x(dose)), "y1": c(bottom), "x2": c(x(dose)), "y2": c(bottom + 4), "stroke": "#333333"])
            out.element("text", ["x": c(x(dose)), "y": c(bottom + 17)], text: NumberText.significant(dose, 3))
        }
        out.element("text", ["class": "axis-label", "x": c(left + width / 2), "y": c(bottom + 37), "font-size": "12"], text: doseLabel)
        out.close("g")

        // Legend: a line with a dot per series.
        let legendX = left + width + ChartCanvas.legendGap
        out.open("g", ["class": "legend", "font-size": "11"])
        out.raw("\n")
        for (index, item) in series.enumerated() {
            let style = SeriesStyle(index: index)
            let rowY = top + 10 + 17 * Double(index)
            out.empty("line", [
                "x1": c(legendX), "y1": c(rowY), "x2": c(legendX + 26), "y2": c(rowY), "stroke": style.colour,
                "stroke-width": c(style.width + 0.6), "stroke-dasharray": style.dash ?? "none",
            ])
            out.empty("circle", ["cx": c(legendX + 13), "cy": c(rowY), "r": "3.2", "fill": style.colour])
            let maximum = Int((legendWidth - 34) / (11 * 0.55))
            out.element("text", ["x": c(legendX + 32), "y": c(rowY + 3.9)], text: ChartCanvas.truncated(item.label, maximum))
        }
        out.close("g")
        out.close("svg")
        return out.text
    }

    /// Tick doses inside `low...high`: every decade, with 2 and 5 times each decade when the
    /// axis spans at most three decades.
    static func doseTickValues(low: Double, high: Double) -> [Double] {
        let first = Int(floor(log10(low))), last = Int(ceil(log10(high)))
        let multiples: [Double] = log10(high / low) <= 3 ? [1, 2, 5] : [1]
        var ticks: [Double] = []
        for exponent in first...max(first, last) {
            for m in multiples {
                let value = m * NumberText.pow10(exponent)
                if value >= low * (1 - 1e-12), value <= high * (1 + 1e-12) { ticks.append(value) }
            }
        }
        return ticks
    }

    private static func diamond(_ x: Double, _ y: Double, _ r: Double) -> String {
        let c = NumberText.coordinate
        return "M\(c(x)),\(c(y - r))L\(c(x + r)),\(c(y))L\(c(x)),\(c(y + r))L\(c(x - r)),\(c(y))Z"
    }
}
