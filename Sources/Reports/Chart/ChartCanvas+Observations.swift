extension ChartCanvas {
    /// Half-width of a vertical band and of error-bar caps, user units.
    static let bandHalfWidth = 4.0
    static let capHalfWidth = 3.5
    static let markerRadius = 3.6

    /// Draws `marks` over a panel's series: bands first, then error bars, then markers, so a
    /// marker stays on top. `mapY` as in `writePanel` (nil: off a log axis). A window's caption
    /// that would run into an earlier one goes a line lower, and none runs past the plot's right.
    mutating func writeObservations(
        _ marks: [ObservationMark], plotTop: Double, bottom: Double, clip: String, mapY: (Double) -> Double?
    ) {
        guard !marks.isEmpty else { return }
        let c = NumberText.coordinate
        let captionFont = metrics.annotationFont * (options.slide ? 1 : 0.85)
        var captionLineEnds: [Double] = []   // per caption line, the right end of its last caption
        out.open("g", ["class": "observations", "clip-path": clip])
        out.raw("\n")
        for mark in marks {
            let x = x(hours: mark.timeHours)
            out.open("g", ["class": "observation", "data-column": mark.column, "data-verdict": mark.verdict?.rawValue ?? "none"])
            out.element("title", text: mark.label)
            if let band = mark.timeBand {
                let x0 = self.x(hours: band.lowerBound), x1 = self.x(hours: band.upperBound)
                if mark.value == nil {
                    out.empty("rect", [
                        "class": "band", "x": c(x0), "y": c(plotTop), "width": c(max(x1 - x0, 1)), "height": c(bottom - plotTop),
                        "fill": mark.colour, "fill-opacity": "0.12",
                    ])
                } else if let value = mark.value, let y = mapY(value) {
                    out.empty("rect", [
                        "class": "band", "x": c(x0), "y": c(y - Self.bandHalfWidth), "width": c(max(x1 - x0, 1)),
                        "height": c(2 * Self.bandHalfWidth), "fill": mark.colour, "fill-opacity": "0.18",
                    ])
                }
            }
            if mark.value == nil, let window = mark.window {
                let x0 = self.x(hours: window.lowerBound), x1 = self.x(hours: window.upperBound)
                out.empty("rect", [
                    "class": "window", "x": c(x0), "y": c(plotTop), "width": c(max(x1 - x0, 1)), "height": c(bottom - plotTop),
                    "fill": mark.colour, "fill-opacity": "0.07",
                ])
                out.empty("path", [
                    "class": "window-bracket", "d": "M\(c(x0)),\(c(plotTop + 9))L\(c(x0)),\(c(plotTop + 3))L\(c(x1)),\(c(plotTop + 3))L\(c(x1)),\(c(plotTop + 9))",
                    "stroke": mark.colour, "stroke-width": "1.2", "fill": "none",
                ])
                if let caption = mark.caption {
                    let width = Double(caption.count) * captionFont * 0.55   // estimated: no font metrics here
                    let left = max(plotLeft + 2, min(x0 + 4, plotLeft + plotWidth - width - 2))
                    let line = captionLineEnds.firstIndex { $0 + captionFont <= left } ?? captionLineEnds.count
                    if line == captionLineEnds.count { captionLineEnds.append(left + width) } else { captionLineEnds[line] = left + width }
                    let y = plotTop + metrics.annotationFont * 1.1 + Double(line) * captionFont * 1.3
                    out.element("text", ["class": "window-caption", "x": c(left), "y": c(y), "font-size": c(captionFont), "fill": mark.colour], text: caption)
                }
                out.close("g")
                continue
            }
            guard let value = mark.value else {
                out.empty("line", [
                    "class": "time-mark", "x1": c(x), "y1": c(plotTop), "x2": c(x), "y2": c(bottom), "stroke": mark.colour,
                    "stroke-width": "1.4", "stroke-dasharray": "5 3",
                ])
                if let sd = mark.timeSD {
                    let y = plotTop + 10
                    writeErrorBar(x0: self.x(hours: mark.timeHours - sd), y0: y, x1: self.x(hours: mark.timeHours + sd), y1: y,
                                  colour: mark.colour)
                }
                out.close("g")
                continue
            }
            guard let y = mapY(value) else { out.close("g"); continue }
            if let band = mark.valueBand, let yHigh = mapY(band.upperBound) {
                let yLow = mapY(band.lowerBound) ?? bottom
                out.empty("rect", [
                    "class": "band", "x": c(x - Self.bandHalfWidth), "y": c(min(yLow, yHigh)), "width": c(2 * Self.bandHalfWidth),
                    "height": c(max(abs(yLow - yHigh), 0.5)), "fill": mark.colour, "fill-opacity": "0.22",
                ])
            }
            if let window = mark.window {
                out.empty("line", [
                    "class": "window-level", "x1": c(self.x(hours: window.lowerBound)), "y1": c(y),
                    "x2": c(self.x(hours: window.upperBound)), "y2": c(y), "stroke": mark.colour, "stroke-width": "1.2",
                    "stroke-dasharray": "4 3",
                ])
            }
            if let sd = mark.valueSD, sd > 0, let yHigh = mapY(value + sd) {
                writeErrorBar(x0: x, y0: mapY(value - sd) ?? bottom, x1: x, y1: yHigh, colour: mark.colour)
            }
            if let sd = mark.timeSD, sd > 0 {
                writeErrorBar(x0: self.x(hours: mark.timeHours - sd), y0: y, x1: self.x(hours: mark.timeHours + sd), y1: y,
                              colour: mark.colour)
            }
            out.empty("circle", [
                "class": "marker", "cx": c(x), "cy": c(y), "r": c(Self.markerRadius), "fill": mark.colour, "stroke": "#ffffff",
                "stroke-width": "0.8",
            ])
            out.close("g")
        }
        out.close("g")
    }

    /// A bar from (x0, y0) to (x1, y1) with caps across its ends.
    private mutating func writeErrorBar(x0: Double, y0: Double, x1: Double, y1: Double, colour: String) {
        let c = NumberText.coordinate
        let vertical = x0 == x1
        var d = "M\(c(x0)),\(c(y0))L\(c(x1)),\(c(y1))"
        for (x, y) in [(x0, y0), (x1, y1)] {
            d += vertical
                ? "M\(c(x - Self.capHalfWidth)),\(c(y))L\(c(x + Self.capHalfWidth)),\(c(y))"
                : "M\(c(x)),\(c(y - Self.capHalfWidth))L\(c(x)),\(c(y + Self.capHalfWidth))"
        }
        out.empty("path", ["class": "error-bar", "d": d, "stroke": colour, "stroke-width": "1.2", "fill": "none"])
    }

    /// One legend row for the observations of a panel, under its series rows.
    mutating func writeObservationLegend(row: Int, rows: Int, top: Double, height: Double) {
        let c = NumberText.coordinate
        // The same rows and text as the series legend beside it (`writeLegend`).
        let rowHeight = min(metrics.legendRowHeight, height / Double(max(rows, 1)))
        let fontSize = options.slide ? metrics.legendFont : min(metrics.legendFont, max(metrics.legendFont * 0.85, rowHeight - 3))
        let y = top + 4 + rowHeight * (Double(row) + 0.5)
        out.open("g", ["class": "legend-observations", "font-size": c(fontSize)])
        out.empty("path", [
            "d": "M\(c(legendX + 13)),\(c(y - 5))L\(c(legendX + 13)),\(c(y + 5))", "stroke": "#333333", "stroke-width": "1.2",
        ])
        out.empty("circle", ["cx": c(legendX + 13), "cy": c(y), "r": c(Self.markerRadius), "fill": "#333333"])
        out.element("text", ["x": c(legendX + (options.slide ? 62 : 32)), "y": c(y + fontSize * 0.35)], text: "data ± SD, band shaded")
        out.close("g")
    }
}
