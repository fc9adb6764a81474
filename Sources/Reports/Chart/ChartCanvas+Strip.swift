import Pharmacology

extension ChartCanvas {
    /// The strip above the panels: one row per drug and route with a triangle per dose (its
    /// size grows with the amount, so a taper is visible) or a bar per infusion, and a row of
    /// event windows. Each mark carries a `<title>` with the full label (a browser tooltip).
    mutating func writeStrip(top: Double) {
        let c = NumberText.coordinate
        let row = Self.stripRowHeight
        out.open("g", ["class": "dose-strip", "font-size": "11"])
        out.raw("\n")
        for (index, track) in tracks.enumerated() {
            let y0 = top + Double(index) * row
            let middle = y0 + row / 2
            out.empty("line", [
                "x1": c(plotLeft), "y1": c(y0 + row - 1), "x2": c(plotLeft + plotWidth), "y2": c(y0 + row - 1),
                "stroke": "#d0d0d0", "stroke-width": "0.6",
            ])
            out.element("text", ["x": c(legendX), "y": c(middle + 4)], text: Self.truncated(track.label, 30))
            let largest = track.doses.map(\.amountMilligrams).max() ?? 1
            var previous: (x: Double, size: Double)? = nil
            for dose in track.doses {
                let x = x(hours: dose.timeHours)
                guard x >= plotLeft - 0.01, x <= plotLeft + plotWidth + 0.01 else { continue }
                let size = 2.5 + 3.5 * (largest > 0 ? (max(dose.amountMilligrams, 0) / largest).squareRoot() : 1)
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
                    "class": "infusion", "x": c(x0), "y": c(y0 + 4), "width": c(max(x1 - x0, 1)), "height": c(row - 8),
                    "fill": track.colour, "fill-opacity": "0.6",
                ])
                out.element("title", text: infusion.label)
                out.close("rect")
            }
        }
        if !events.isEmpty {
            let y0 = top + Double(tracks.count) * row
            // Key: a swatch and name per kind present, in order of first occurrence.
            var kinds: [StimulusKind] = []
            for event in events where !kinds.contains(event.kind) { kinds.append(event.kind) }
            var keyX = legendX
            for kind in kinds {
                let style = EventStyle(kind: kind)
                let name = kind.displayName
                guard keyX + 14 + Double(name.count) * 6 <= options.widthPoints else { break }
                out.empty("rect", [
                    "x": c(keyX), "y": c(y0 + 3), "width": "10", "height": "10",
                    "fill": "url(#\(options.idPrefix)-hatch-\(style.patternName))", "stroke": style.colour, "stroke-width": "0.8",
                ])
                out.element("text", ["x": c(keyX + 13), "y": c(y0 + row / 2 + 4)], text: name)
                keyX += 13 + Double(name.count) * 6.3 + 10
            }
            for event in events {
                let x0 = clampedX(hours: event.startHours), x1 = clampedX(hours: event.endHours)
                guard x1 >= x0 else { continue }
                let style = EventStyle(kind: event.kind)
                out.open("rect", [
                    "class": "event", "x": c(x0), "y": c(y0 + 2), "width": c(max(x1 - x0, 1)), "height": c(row - 4),
                    "fill": "url(#\(options.idPrefix)-hatch-\(style.patternName))", "stroke": style.colour,
                    "stroke-width": "0.8", "data-event": event.kind.rawValue,
                ])
                out.element("title", text: event.label)
                out.close("rect")
                let name = event.kind.displayName
                if x1 - x0 > Double(name.count) * 6 + 6 {
                    out.element("text", ["x": c((x0 + x1) / 2), "y": c(y0 + row / 2 + 3.5), "text-anchor": "middle", "font-size": "10"], text: name)
                }
            }
        }
        out.close("g")
    }
}
