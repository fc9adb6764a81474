import Pharmacology

extension ChartCanvas {
    /// The strip above the panels, a band of its own so no mark lies over a curve: one row per
    /// drug and route with a triangle per dose (its size grows with the amount, so a taper is
    /// visible) or a bar per infusion, a row of event windows, and a row naming the last dose.
    /// Each mark carries a `<title>` with the full label (a browser tooltip).
    mutating func writeStrip(top: Double) {
        let c = NumberText.coordinate
        let row = metrics.stripRowHeight
        let font = metrics.stripFont
        // Triangles scale with the row: 2.5 to 6 units on a page, 5.5 to 13 on a slide.
        let scale = row / 16
        out.open("g", [
            "class": "dose-strip", "font-size": c(font), "data-y0": c(top), "data-y1": c(top + Double(stripRows) * row),
        ])
        out.raw("\n")
        var rowIndex = 0
        if let lastDose {
            let y0 = top
            let x = x(hours: lastDose.timeHours)
            let hours = timeUnit == .days ? ", " + NumberText.trimmed(lastDose.timeHours, 1) + " h" : ""
            let text = "last dose " + timeText(lastDose.timeHours) + " (" + lastDose.drug + " "
                + NumberText.significant(lastDose.amountMilligrams) + " mg" + hours + ")"
            let width = Double(text.count) * font * 0.6
            let rightAligned = x + 8 + width > plotLeft + plotWidth
            out.open("g", ["class": "last-dose", "data-time-h": NumberText.significant(lastDose.timeHours, 6)])
            out.empty("path", [
                "d": "M\(c(x)),\(c(y0 + row - 2))L\(c(x + 5 * scale)),\(c(y0 + row * 0.45))L\(c(x - 5 * scale)),\(c(y0 + row * 0.45))Z",
                "fill": "#333333",
            ])
            out.element("text", [
                "x": c(rightAligned ? x - 8 * scale : x + 8 * scale), "y": c(y0 + row * 0.72),
                "text-anchor": rightAligned ? "end" : "start", "font-weight": "bold",
            ], text: text)
            out.close("g")
            rowIndex += 1
        }
        for track in tracks {
            let y0 = top + Double(rowIndex) * row
            rowIndex += 1
            let middle = y0 + row / 2
            out.empty("line", [
                "x1": c(plotLeft), "y1": c(y0 + row - 1), "x2": c(plotLeft + plotWidth), "y2": c(y0 + row - 1),
                "stroke": "#d0d0d0", "stroke-width": c(metrics.gridWidth),
            ])
            let labelCharacters = Int(metrics.legendWidth / (font * 0.6))
            out.element("text", ["x": c(legendX), "y": c(middle + font * 0.35)], text: Self.truncated(track.label, labelCharacters))
            let largest = track.doses.map(\.amountMilligrams).max() ?? 1
            var previous: (x: Double, size: Double)? = nil
            for dose in track.doses {
                let x = x(hours: dose.timeHours)
                guard x >= plotLeft - 0.01, x <= plotLeft + plotWidth + 0.01 else { continue }
                let size = scale * (2.5 + 3.5 * (largest > 0 ? (max(dose.amountMilligrams, 0) / largest).squareRoot() : 1))
                // Marks closer than a pixel and of the same size are drawn once.
                if let previous, abs(previous.x - x) < 1, abs(previous.size - size) < 0.25 { continue }
                previous = (x, size)
                out.open("path", [
                    "class": "dose", "d": "M\(c(x)),\(c(middle - size))L\(c(x + size * 0.9)),\(c(middle + size * 0.8))"
                        + "L\(c(x - size * 0.9)),\(c(middle + size * 0.8))Z",
                    "fill": track.colour, "data-time-h": NumberText.significant(dose.timeHours, 6),
                ])
                out.element("title", text: dose.label)
                out.close("path")
            }
            for infusion in track.infusions {
                let x0 = clampedX(hours: infusion.startHours), x1 = clampedX(hours: infusion.endHours)
                out.open("rect", [
                    "class": "infusion", "x": c(x0), "y": c(y0 + row / 4), "width": c(max(x1 - x0, 1)), "height": c(row / 2),
                    "fill": track.colour, "fill-opacity": "0.6",
                ])
                out.element("title", text: infusion.label)
                out.close("rect")
            }
        }
        if !events.isEmpty {
            let y0 = top + Double(rowIndex) * row
            // Key: a swatch and name per kind present, in order of first occurrence.
            var kinds: [StimulusKind] = []
            for event in events where !kinds.contains(event.kind) { kinds.append(event.kind) }
            var keyX = legendX
            let swatch = row * 0.6
            for kind in kinds {
                let style = EventStyle(kind: kind)
                let name = kind.displayName
                guard keyX + swatch + 4 + Double(name.count) * font * 0.5 <= options.widthPoints else { break }
                out.empty("rect", [
                    "x": c(keyX), "y": c(y0 + (row - swatch) / 2), "width": c(swatch), "height": c(swatch),
                    "fill": "url(#\(options.idPrefix)-hatch-\(style.patternName))", "stroke": style.colour,
                    "stroke-width": c(metrics.frameWidth),
                ])
                out.element("text", ["x": c(keyX + swatch + 4), "y": c(y0 + row / 2 + font * 0.35)], text: name)
                keyX += swatch + 4 + Double(name.count) * font * 0.6 + 10
            }
            for event in events {
                let x0 = clampedX(hours: event.startHours), x1 = clampedX(hours: event.endHours)
                guard x1 >= x0 else { continue }
                let style = EventStyle(kind: event.kind)
                out.open("rect", [
                    "class": "event", "x": c(x0), "y": c(y0 + row / 8), "width": c(max(x1 - x0, 1)), "height": c(row * 0.75),
                    "fill": "url(#\(options.idPrefix)-hatch-\(style.patternName))", "stroke": style.colour,
                    "stroke-width": c(metrics.frameWidth), "data-event": event.kind.rawValue,
                ])
                out.element("title", text: event.label)
                out.close("rect")
                let name = event.kind.displayName
                let small = font
                if x1 - x0 > Double(name.count) * small * 0.6 + 6 {
                    out.element("text", [
                        "x": c((x0 + x1) / 2), "y": c(y0 + row / 2 + small * 0.35), "text-anchor": "middle", "font-size": c(small),
                    ], text: name)
                }
            }
        }
        out.close("g")
    }
}
