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
        // An index that moves by 0.005 must look small, not fill the panel: the axis is at
        // least as tall as the columns' natural scale (`ColumnDescription.minimumSpan`), from
        // zero when the data fit above it, else centred on the data.
        let spans = Set(panel.series.map(\.column)).map { ColumnDescription(column: $0).minimumSpan }
        if !spans.isEmpty, spans.allSatisfy({ $0 != nil }), let span = spans.compactMap({ $0 }).max(), high - low < span {
            if low >= 0, high <= span {
                (low, high) = (0, span)
            } else {
                let middle = (low + high) / 2
                (low, high) = (middle - span / 2, middle + span / 2)
                if low < 0, (panel.series.flatMap(\.values).filter(\.isFinite).min() ?? 0) >= 0 { (low, high) = (0, span) }
            }
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
        let plotTop = top + metrics.panelTitleHeight
        let height = panelHeights[index]
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
        // On a slide the axis label (quantity, meaning and unit) is the panel's heading.
        let specification = panel.specification
        let heading = metrics.rotatedAxisLabel
            ? specification.title
            : specification.columnNames.count == 1
                ? ColumnDescription(column: specification.columnNames[0]).heading(axisLabel: specification.axisLabel)
                : specification.axisLabel
        out.element("text", [
            "class": metrics.rotatedAxisLabel ? "panel-title" : "panel-title axis-label", "x": c(plotLeft),
            "y": c(plotTop - metrics.panelTitleHeight * 0.3), "font-size": c(metrics.panelTitleFont), "font-weight": "bold",
        ], text: heading + (logarithmic ? " (log scale)" : ""))

        // Event windows behind everything, then the grid (a slide shows events in the strip only).
        if !options.slide {
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
        }

        out.open("g", ["class": "grid", "stroke": "#e3e3e3", "stroke-width": c(metrics.gridWidth)])
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
            out.open("g", ["class": "dose-guides", "stroke": "#b8b8b8", "stroke-width": "0.6", "stroke-dasharray": "1 2", "clip-path": clip])
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

        // Series: grey context first, then ordinary lines, highlighted lines on top.
        out.open("g", ["class": "series", "clip-path": clip, "fill": "none", "stroke-linejoin": "round", "stroke-linecap": "butt"])
        out.raw("\n")
        for emphasis in [SeriesEmphasis.background, .normal, .highlighted] {
            for series in panel.series where series.emphasis == emphasis {
                let data = PathDecimator.pathData(
                    timeHours: series.timeHours, values: series.values, mapX: { self.x(hours: $0) }, mapY: mapY)
                guard !data.isEmpty else { continue }
                writeLine(data: data, style: series.style, column: series.column, label: series.label, emphasis: emphasis)
            }
        }
        out.close("g")
        writeObservations(panel.marks, plotTop: plotTop, bottom: bottom, clip: clip, mapY: mapY)

        // Frame, value axis.
        out.empty("rect", [
            "class": "plot-area", "x": c(plotLeft), "y": c(plotTop), "width": c(plotWidth), "height": c(height),
            "fill": "none", "stroke": "#333333", "stroke-width": c(metrics.frameWidth),
        ])
        writePeaks(panel.series, plotTop: plotTop, bottom: bottom, mapY: mapY)
        out.open("g", ["class": "y-axis", "font-size": c(metrics.tickFont), "text-anchor": "end"])
        out.raw("\n")
        for (value, label) in zip(ticks.values, ticks.labels) {
            guard let y = mapY(value) else { continue }
            out.empty("line", [
                "x1": c(plotLeft - metrics.tickLength), "y1": c(y), "x2": c(plotLeft), "y2": c(y), "stroke": "#333333",
                "stroke-width": c(metrics.frameWidth),
            ])
            out.element("text", ["x": c(plotLeft - metrics.tickLength - 3), "y": c(y + metrics.tickFont * 0.35)], text: label)
        }
        if metrics.rotatedAxisLabel {
            let middle = plotTop + height / 2
            let lines = Self.axisLabelLines(panel.specification.axisLabel, length: height, font: metrics.axisLabelFont)
            for (number, line) in lines.enumerated() {
                let x = metrics.axisLabelFont * (1.1 * Double(number) + 1)
                out.element("text", [
                    "class": "axis-label", "x": c(x), "y": c(middle), "text-anchor": "middle",
                    "transform": "rotate(-90 \(c(x)) \(c(middle)))", "font-size": c(metrics.axisLabelFont),
                ], text: line)
            }
        }
        out.close("g")

        // Time ticks on every panel; labels and the axis title under the last.
        out.open("g", ["class": "x-axis", "font-size": c(metrics.tickFont), "text-anchor": "middle"])
        out.raw("\n")
        for (value, label) in zip(timeTicks.values, timeTicks.labels) {
            let x = x(hours: value * timeUnit.hoursPerUnit)
            out.empty("line", [
                "x1": c(x), "y1": c(bottom), "x2": c(x), "y2": c(bottom + metrics.tickLength), "stroke": "#333333",
                "stroke-width": c(metrics.frameWidth),
            ])
            if isLast {
                out.element("text", ["x": c(x), "y": c(bottom + metrics.tickLength + metrics.tickFont * 1.05)], text: label)
            }
        }
        if isLast {
            if !options.slide { writeAxisDoseMarks(bottom: bottom) }
            out.element("text", [
                "class": "axis-label", "x": c(plotLeft + plotWidth / 2),
                "y": c(bottom + metrics.tickLength + metrics.tickFont * 1.1 + metrics.axisLabelFont * 1.35),
                "font-size": c(metrics.axisLabelFont),
            ], text: timeUnit.axisLabel)
        }
        out.close("g")

        let rows = Self.legendRows(panel, slide: options.slide)
        writeLegend(panel.series, top: plotTop, height: height, rows: rows)
        if !panel.marks.isEmpty {
            writeObservationLegend(row: rows - 1, rows: rows, top: plotTop, height: height)
        }
        out.close("g")
    }

    mutating func writeLine(data: String, style: SeriesStyle, column: String, label: String, emphasis: SeriesEmphasis = .normal) {
        let c = NumberText.coordinate
        if emphasis == .normal {
            out.open("path", [
                "d": data, "stroke": style.colour, "stroke-width": c(style.width),
                "stroke-dasharray": style.dash ?? "none", "data-column": column,
            ])
        } else {
            out.open("path", [
                "class": emphasis == .highlighted ? "highlighted" : "background", "d": data, "stroke": style.colour,
                "stroke-width": c(style.width), "stroke-dasharray": style.dash ?? "none", "data-column": column,
            ])
        }
        out.element("title", text: label)
        out.close("path")
    }

    /// A dot on each highlighted series' peak and a label with its value and time. The label
    /// goes where it crosses the fewest lines of the panel and no other label: above or below
    /// the dot, to its right or left, a line or two further off if need be, always inside the
    /// plot area.
    mutating func writePeaks(_ series: [DrawnSeries], plotTop: Double, bottom: Double, mapY: (Double) -> Double?) {
        let c = NumberText.coordinate
        let font = metrics.annotationFont
        let peaks = series.filter { $0.emphasis == .highlighted && $0.peak != nil }
        guard !peaks.isEmpty else { return }
        // The drawn lines as segments in chart coordinates, for the placement.
        var segments: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        for item in series {
            var previous: (Double, Double)? = nil
            for (time, value) in zip(item.timeHours, item.values) {
                guard value.isFinite, let y = mapY(value) else { previous = nil; continue }
                let point = (x(hours: time), min(max(y, plotTop), bottom))
                if let previous { segments.append((previous.0, previous.1, point.0, point.1)) }
                previous = point
            }
        }
        var placed: [ChartBox] = []
        out.open("g", ["class": "peaks", "font-size": c(font), "font-weight": "bold"])
        out.raw("\n")
        for item in peaks {
            guard let peak = item.peak, let rawY = mapY(peak.value) else { continue }
            let x = clampedX(hours: peak.timeHours), y = min(max(rawY, plotTop), bottom)
            let text = item.peakPrefix + (peak.isLow ? "low " : "peak ") + NumberText.significant(peak.value, 3) + " at "
                + timeText(peak.timeHours)
            let width = Double(text.count) * font * 0.6
            let gap = metrics.highlightWidth * 2 + 4
            let lineHeight = font * 1.15
            func box(left: Double, top: Double) -> ChartBox {
                let x0 = min(max(left, plotLeft + 4), plotLeft + plotWidth - width - 4)
                let y0 = min(max(top, plotTop + 2), bottom - lineHeight - 2)
                return ChartBox(x0: x0, y0: y0, x1: x0 + width, y1: y0 + lineHeight)
            }
            // Beside the dot first (right or left, above or below, then further up or down);
            // failing those, anywhere in the plot area on a grid of lines, with a leader line.
            var candidates: [(box: ChartBox, near: Bool)] = []
            for dy in [-1.0, 1, 2, -2, 3, -3, 4, -4, 5, 6] {
                for dx in [1.0, -1] {
                    let top = dy < 0 ? y - gap - lineHeight * abs(dy) : y + gap + lineHeight * (dy - 1)
                    candidates.append((box(left: dx > 0 ? x + gap : x - gap - width, top: top), true))
                }
            }
            var top = plotTop + 2
            while top + lineHeight <= bottom - 2 {
                for left in stride(from: plotLeft + 4, through: plotLeft + plotWidth - width - 4, by: max(width / 4, 20)) {
                    candidates.append((box(left: left, top: top), false))
                }
                top += lineHeight / 2
            }
            var best: (box: ChartBox, near: Bool, cost: Double)? = nil
            for (index, candidate) in candidates.enumerated() {
                let crossings = segments.filter { candidate.box.intersects(segment: $0) }.count
                let collisions = placed.filter { $0.overlaps(candidate.box) }.count
                let dotCovered = candidate.box.contains(x: x, y: y, margin: metrics.highlightWidth * 1.5) ? 1 : 0
                // A crossing costs more than any place; beside the dot wins, in order, then the
                // nearest free place elsewhere (the nearer, the shorter its leader line).
                let centre = ((candidate.box.x0 + candidate.box.x1) / 2, (candidate.box.y0 + candidate.box.y1) / 2)
                let distance = candidate.near
                    ? 0.01 * Double(index) : 0.3 + 0.6 * hypot(centre.0 - x, centre.1 - y) / (plotWidth + height(plotTop, bottom))
                let cost = Double(crossings + dotCovered) + 1000 * Double(collisions) + distance
                if best == nil || cost < best!.cost { best = (candidate.box, candidate.near, cost) }
            }
            guard let chosen = best else { continue }
            let box = chosen.box
            placed.append(box)
            if !chosen.near {
                let anchorX = min(max(x, box.x0), box.x1), anchorY = y < box.y0 ? box.y0 : box.y1
                out.empty("line", [
                    "class": "peak-leader", "x1": c(x), "y1": c(y), "x2": c(anchorX), "y2": c(anchorY), "stroke": item.style.colour,
                    "stroke-width": c(metrics.highlightWidth / 4), "stroke-dasharray": "none",
                ])
            }
            out.empty("circle", [
                "class": "peak-dot", "cx": c(x), "cy": c(y), "r": c(metrics.highlightWidth * 1.3), "fill": item.style.colour,
                "stroke": "#ffffff", "stroke-width": c(metrics.highlightWidth / 3),
            ])
            out.element("text", [
                "class": "peak", "x": c(box.x0), "y": c(box.y1 - font * 0.3), "fill": item.style.colour, "stroke": "#ffffff",
                "stroke-width": c(font / 5), "paint-order": "stroke", "data-column": item.column,
                // Shortest round-trip text: the attributes are the exact values, for checks.
                "data-peak": "\(peak.value)", "data-peak-time-h": "\(peak.timeHours)",
                "data-extremum": peak.isLow ? "low" : "peak",
            ], text: text)
        }
        out.close("g")
    }

    /// The rotated axis label in one line when it fits the panel's height, else broken before
    /// its unit in parentheses ("Occupancy" / "(fraction, 0 to 1)").
    static func axisLabelLines(_ label: String, length: Double, font: Double) -> [String] {
        guard Double(label.count) * font * 0.6 > length - 8, let open = label.range(of: " (") else { return [label] }
        return [String(label[..<open.lowerBound]), String(label[label.index(after: open.lowerBound)...])]
    }

    /// The height a rotated axis label needs (its longest line), in user units.
    static func axisLabelLength(_ label: String, font: Double) -> Double {
        let lines = axisLabelLines(label, length: 0, font: font)
        return Double(lines.map(\.count).max() ?? 0) * font * 0.6 + 8
    }

    private func height(_ top: Double, _ bottom: Double) -> Double { bottom - top }

    /// A time for an annotation in the unit of the time axis: hours with one decimal from
    /// 100 h and two below (`"333.1 h"` keeps the minutes of a naloxone spike), or days with
    /// one decimal from day 10 and two below (`"day 28.8"`); trailing zeros dropped.
    func timeText(_ hours: Double) -> String {
        guard timeUnit == .days else { return NumberText.trimmed(hours, hours >= 100 ? 1 : 2) + " h" }
        let days = hours / 24
        return "day " + NumberText.trimmed(days, days >= 10 ? 1 : 2)
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

    /// The legend beside a panel: highlighted series first. On a slide the grey context lines
    /// share one row ("other columns").
    mutating func writeLegend(_ series: [DrawnSeries], top: Double, height: Double, rows: Int) {
        guard !series.isEmpty else { return }
        let c = NumberText.coordinate
        let rowHeight = min(metrics.legendRowHeight, height / Double(max(rows, 1)))
        let fontSize = options.slide ? metrics.legendFont : min(metrics.legendFont, max(metrics.legendFont * 0.85, rowHeight - 3))
        var entries = series.filter { $0.emphasis == .highlighted }
        if options.slide {
            if let grey = series.first(where: { $0.emphasis == .background }) {
                var other = grey
                other.label = series.filter { $0.emphasis == .background }.count == 1 ? grey.label : "other columns"
                entries.append(other)
            }
        } else {
            entries += series.filter { $0.emphasis != .highlighted }
        }
        let swatch = options.slide ? 56.0 : 26.0
        out.open("g", ["class": "legend", "font-size": c(fontSize)])
        out.raw("\n")
        for (index, item) in entries.enumerated() {
            let y = top + 4 + rowHeight * (Double(index) + 0.5)
            out.empty("line", [
                "x1": c(legendX), "y1": c(y), "x2": c(legendX + swatch), "y2": c(y), "stroke": item.style.colour,
                "stroke-width": c(item.style.width), "stroke-dasharray": item.style.dash ?? "none",
            ])
            let maximumCharacters = Int((metrics.legendWidth - swatch - 8) / (fontSize * 0.6))
            out.element("text", [
                "x": c(legendX + swatch + 6), "y": c(y + fontSize * 0.35),
                "font-weight": item.emphasis == .highlighted ? "bold" : "normal",
            ], text: Self.truncated(item.label, maximumCharacters))
        }
        out.close("g")
    }

    static func truncated(_ text: String, _ maximum: Int) -> String {
        text.count <= maximum ? text : String(text.prefix(max(1, maximum - 1))) + "…"
    }
}
