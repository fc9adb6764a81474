import Foundation

extension ChartCanvas {
    /// The value axis of a panel, fitted to its series (or fixed by the specification).
    static func valueTicks(for panel: DrawnPanel) -> AxisTicks {
        let specification = panel.specification
        if let fixed = specification.fixedRange {
            return NiceTicks.linear(minimum: fixed.lowerBound, maximum: fixed.upperBound)
        }
        var low = Double.infinity, high = -Double.infinity, lowPositive = Double.infinity
        for series in panel.series {
            for value in series.values where value.isFinite {
                if value < low { low = value }
                if value > high { high = value }
                if value > 0, value < lowPositive { lowPositive = value }
            }
        }
        for value in panel.marks.flatMap(\.valueExtent) {
            if value < low { low = value }
            if value > high { high = value }
            if value > 0, value < lowPositive { lowPositive = value }
        }
        if specification.scale == .logarithmic {
            return NiceTicks.logarithmic(minimumPositive: lowPositive, maximum: high)
        }
        if low > high { (low, high) = (0, 1) }
        // Solver round-off around zero (a concentration of -3e-27 nM) must not stretch the
        // axis below zero: values within 1e-9 of the range from zero count as zero.
        let span = max(abs(high - low), abs(high), abs(low))
        if abs(low) <= 1e-9 * span { low = 0 }
        if abs(high) <= 1e-9 * span { high = 0 }
        if specification.includesZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        // A 2% margin keeps a line off the frame when the data ends on a tick, without
        // crossing zero (a non-negative series keeps a non-negative axis).
        let margin = 0.02 * (high - low)
        let lower = low >= 0 ? max(0, low - margin) : low - margin
        let upper = high <= 0 ? min(0, high + margin) : high + margin
        return NiceTicks.linear(minimum: lower, maximum: upper)
    }

    mutating func writePanel(_ panel: DrawnPanel, index: Int, top: Double, isLast: Bool) {
        let c = NumberText.coordinate
        let plotTop = top + Self.panelTitleHeight
        let height = options.panelHeightPoints
        let bottom = plotTop + height
        let ticks = Self.valueTicks(for: panel)
        let logarithmic = ticks.isLogarithmic
        let lowerLog = log10(ticks.lower), upperLog = log10(ticks.upper)
        let mapY: (Double) -> Double? = { value in
            if logarithmic {
                guard value > 0 else { return nil }
                // Below the axis floor a line leaves through the bottom edge (clipped) instead of
                // running along it; the limit keeps coordinates small for values near zero.
                let fraction = max(-1, (log10(value) - lowerLog) / (upperLog - lowerLog))
                return bottom - fraction * height
            }
            return bottom - (value - ticks.lower) / (ticks.upper - ticks.lower) * height
        }
        let clip = "url(#\(options.idPrefix)-clip\(index))"

        out.open("g", ["class": "panel", "data-title": panel.specification.title])
        out.raw("\n")
        out.element("text", ["x": c(plotLeft), "y": c(top + 15), "font-size": "13", "font-weight": "bold"],
                    text: panel.specification.title + (logarithmic ? " (log scale)" : ""))

        // Event windows behind everything, then the grid.
        out.open("g", ["class": "events", "clip-path": clip])
        out.raw("\n")
        for event in events {
            let x0 = clampedX(hours: event.startHours), x1 = clampedX(hours: event.endHours)
            guard x1 > x0 else { continue }
            let style = EventStyle(kind: event.kind)
            out.open("rect", [
                "x": c(x0), "y": c(plotTop), "width": c(max(x1 - x0, 0.5)), "height": c(height),
                "fill": "url(#\(options.idPrefix)-hatch-\(style.patternName))", "data-event": event.kind.rawValue,
            ])
            out.element("title", text: event.label)
            out.close("rect")
        }
        out.close("g")

        out.open("g", ["class": "grid", "stroke": "#e3e3e3", "stroke-width": "0.6"])
        out.raw("\n")
        for value in ticks.values {
            guard let y = mapY(value) else { continue }
            out.empty("line", ["x1": c(plotLeft), "y1": c(y), "x2": c(plotLeft + plotWidth), "y2": c(y)])
        }
        for value in timeTicks.values {
            let x = x(hours: value * timeUnit.hoursPerUnit)
            out.empty("line", ["x1": c(x), "y1": c(plotTop), "x2": c(x), "y2": c(bottom)])
        }
        out.close("g")

        if guideTimesHours.count <= Self.maximumGuideLines, !guideTimesHours.isEmpty {
            out.open("g", ["class": "dose-guides", "stroke": "#8c8c8c", "stroke-width": "0.6", "stroke-dasharray": "1 2", "clip-path": clip])
            out.raw("\n")
            var previous: Double? = nil
            for time in guideTimesHours {
                let x = x(hours: time)
                if let previous, abs(previous - x) < 0.5 { continue }
                previous = x
                out.empty("line", ["x1": c(x), "y1": c(plotTop), "x2": c(x), "y2": c(bottom)])
            }
            out.close("g")
        }

        // Series.
        out.open("g", ["class": "series", "clip-path": clip, "fill": "none", "stroke-linejoin": "round", "stroke-linecap": "butt"])
        out.raw("\n")
        for series in panel.series {
            let data = PathDecimator.pathData(
                timeHours: series.timeHours, values: series.values, mapX: { self.x(hours: $0) }, mapY: mapY)
            guard !data.isEmpty else { continue }
            writeLine(data: data, style: series.style, column: series.column, label: series.label)
        }
        out.close("g")
        writeObservations(panel.marks, plotTop: plotTop, bottom: bottom, clip: clip, mapY: mapY)

        // Frame, value axis.
        out.empty("rect", [
            "x": c(plotLeft), "y": c(plotTop), "width": c(plotWidth), "height": c(height), "fill": "none",
            "stroke": "#333333", "stroke-width": "0.8",
        ])
        out.open("g", ["class": "y-axis", "font-size": "11", "text-anchor": "end"])
        out.raw("\n")
        for (value, label) in zip(ticks.values, ticks.labels) {
            guard let y = mapY(value) else { continue }
            out.empty("line", ["x1": c(plotLeft - 4), "y1": c(y), "x2": c(plotLeft), "y2": c(y), "stroke": "#333333"])
            out.element("text", ["x": c(plotLeft - 6), "y": c(y + 3.8)], text: label)
        }
        let middle = plotTop + height / 2
        out.element("text", [
            "class": "axis-label", "x": "16", "y": c(middle), "text-anchor": "middle",
            "transform": "rotate(-90 16 \(c(middle)))", "font-size": "12",
        ], text: panel.specification.axisLabel)
        out.close("g")

        // Time ticks on every panel; labels and the axis title under the last.
        out.open("g", ["class": "x-axis", "font-size": "11", "text-anchor": "middle"])
        out.raw("\n")
        for (value, label) in zip(timeTicks.values, timeTicks.labels) {
            let x = x(hours: value * timeUnit.hoursPerUnit)
            out.empty("line", ["x1": c(x), "y1": c(bottom), "x2": c(x), "y2": c(bottom + 4), "stroke": "#333333"])
            if isLast { out.element("text", ["x": c(x), "y": c(bottom + 17)], text: label) }
        }
        if isLast {
            writeAxisDoseMarks(bottom: bottom)
            out.element("text", [
                "class": "axis-label", "x": c(plotLeft + plotWidth / 2), "y": c(bottom + 37), "font-size": "12",
            ], text: timeUnit.axisLabel)
        }
        out.close("g")

        writeLegend(panel.series, top: plotTop, height: height, extraRows: panel.marks.isEmpty ? 0 : 1)
        if !panel.marks.isEmpty {
            writeObservationLegend(row: panel.series.count, rows: panel.series.count + 1, top: plotTop, height: height)
        }
        out.close("g")
    }

    mutating func writeLine(data: String, style: SeriesStyle, column: String, label: String) {
        let c = NumberText.coordinate
        out.open("path", [
            "d": data, "stroke": style.colour, "stroke-width": c(style.width),
            "stroke-dasharray": style.dash ?? "none", "data-column": column,
        ])
        out.element("title", text: label)
        out.close("path")
    }

    /// Small upward triangles on the time axis at every dose, coloured by drug track.
    mutating func writeAxisDoseMarks(bottom: Double) {
        let c = NumberText.coordinate
        for track in tracks {
            var previous: Double? = nil
            for dose in track.doses {
                let x = x(hours: dose.timeHours)
                guard x >= plotLeft - 0.01, x <= plotLeft + plotWidth + 0.01 else { continue }
                if let previous, abs(previous - x) < 1 { continue }
                previous = x
                out.empty("path", [
                    "class": "dose-mark", "d": "M\(c(x)),\(c(bottom + 1))L\(c(x + 3)),\(c(bottom + 6))L\(c(x - 3)),\(c(bottom + 6))Z",
                    "fill": track.colour,
                ])
            }
        }
    }

    mutating func writeLegend(_ series: [DrawnSeries], top: Double, height: Double, extraRows: Int = 0) {
        guard !series.isEmpty else { return }
        let c = NumberText.coordinate
        let rowHeight = min(15, height / Double(series.count + extraRows))
        let fontSize = rowHeight < 11 ? max(7, rowHeight - 1) : 11
        out.open("g", ["class": "legend", "font-size": c(fontSize)])
        out.raw("\n")
        for (index, item) in series.enumerated() {
            let y = top + 4 + rowHeight * (Double(index) + 0.5)
            out.empty("line", [
                "x1": c(legendX), "y1": c(y), "x2": c(legendX + 26), "y2": c(y), "stroke": item.style.colour,
                "stroke-width": c(item.style.width), "stroke-dasharray": item.style.dash ?? "none",
            ])
            let maximumCharacters = Int((Self.legendWidth - 34) / (fontSize * 0.58))
            out.element("text", ["x": c(legendX + 32), "y": c(y + fontSize * 0.35)], text: Self.truncated(item.label, maximumCharacters))
        }
        out.close("g")
    }

    static func truncated(_ text: String, _ maximum: Int) -> String {
        text.count <= maximum ? text : String(text.prefix(max(1, maximum - 1))) + "…"
    }
}
