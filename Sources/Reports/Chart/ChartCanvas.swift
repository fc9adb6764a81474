import Foundation

/// Lays out and writes one chart: title, dose strip, stacked panels, shared time axis.
///
/// Layout (user units): the plot area starts `metrics.leftMargin` from the left edge; legends
/// and strip labels sit in a column of `metrics.legendWidth` on the right. The strip (doses,
/// the last dose, events) is a band of its own above the first panel, so its marks never lie
/// over a curve.
struct ChartCanvas {
    // The static sizes are those of the standard style, kept for `DoseResponseChart`.
    static let leftMargin = 78.0
    static let legendGap = 14.0
    static let axisFooterHeight = 48.0
    static let fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"
    /// Dose guide lines across the panels are drawn only up to this many doses (beyond, they
    /// would grey the whole panel; the strip still marks every dose).
    static let maximumGuideLines = 24

    let options: ChartOptions
    let metrics: ChartMetrics
    let panels: [DrawnPanel]
    let tracks: [StripTrack]
    let events: [EventWindow]
    let guideTimesHours: [Double]
    /// The last dose inside the time axis, labelled in a strip row of its own; nil for none.
    let lastDose: DoseMark?
    let timeUnit: TimeUnit
    let timeTicks: AxisTicks
    let plotLeft: Double
    let plotWidth: Double
    /// Height of each panel's plot area.
    let panelHeights: [Double]
    var out = MarkupWriter()

    init(
        options: ChartOptions, timeSpanHours: ClosedRange<Double>, panels: [DrawnPanel], tracks: [StripTrack],
        events: [EventWindow], guideTimesHours: [Double], lastDose: DoseMark? = nil
    ) {
        let metrics = options.metrics
        self.options = options
        self.metrics = metrics
        self.panels = panels
        self.tracks = tracks
        self.events = events
        self.guideTimesHours = options.slide ? [] : guideTimesHours
        self.lastDose = lastDose.flatMap { timeSpanHours.contains($0.timeHours) ? $0 : nil }
        (timeUnit, timeTicks) = NiceTicks.time(spanHours: timeSpanHours)
        plotLeft = metrics.leftMargin
        plotWidth = max(100, options.widthPoints - metrics.leftMargin - metrics.legendWidth - metrics.legendGap)
        let stripRows = tracks.count + (events.isEmpty ? 0 : 1) + (self.lastDose == nil ? 0 : 1)
        let stripHeight = stripRows == 0 ? 0 : Double(stripRows) * metrics.stripRowHeight + metrics.stripRowHeight / 2
        if options.slide {
            // A slide is 16:9: the panels share what the title, strip and time axis leave.
            let fixed = metrics.titleHeight + stripHeight + metrics.axisFooterHeight
                + Double(panels.count) * (metrics.panelTitleHeight + metrics.panelGap)
            let each = max(120, (ChartMetrics.slideHeight - fixed) / Double(max(panels.count, 1)))
            panelHeights = panels.map { _ in each }
        } else {
            // A panel grows to fit its legend rather than shrinking the legend's text.
            panelHeights = panels.map { panel in
                let rows = Double(Self.legendRows(panel, slide: false))
                return max(
                    options.panelHeightPoints, rows * metrics.legendRowHeight + 8,
                    Self.axisLabelLength(panel.specification.axisLabel, font: metrics.axisLabelFont))
            }
        }
    }

    var legendX: Double { plotLeft + plotWidth + metrics.legendGap }

    /// Chart x of a time in hours.
    func x(hours: Double) -> Double {
        let span = timeTicks.upper - timeTicks.lower
        return plotLeft + (hours / timeUnit.hoursPerUnit - timeTicks.lower) / span * plotWidth
    }

    func clampedX(hours: Double) -> Double {
        min(max(x(hours: hours), plotLeft), plotLeft + plotWidth)
    }

    var stripRows: Int { tracks.count + (events.isEmpty ? 0 : 1) + (lastDose == nil ? 0 : 1) }

    var titleHeight: Double { options.title == nil ? 8.0 : metrics.titleHeight }

    var stripHeight: Double {
        stripRows == 0 ? 0 : Double(stripRows) * metrics.stripRowHeight + metrics.stripRowHeight / 2
    }

    /// Rows in a panel's legend: every series (standard), or the highlighted ones and one row
    /// for the grey rest (slide); plus a row for observations.
    static func legendRows(_ panel: DrawnPanel, slide: Bool) -> Int {
        let marks = panel.marks.isEmpty ? 0 : 1
        guard slide else { return panel.series.count + marks }
        let highlighted = panel.series.filter { $0.emphasis == .highlighted }.count
        let background = panel.series.contains { $0.emphasis == .background } ? 1 : 0
        return highlighted + background + marks
    }

    var totalHeight: Double {
        titleHeight + stripHeight + panelHeights.reduce(0) { $0 + metrics.panelTitleHeight + $1 + metrics.panelGap }
            + metrics.axisFooterHeight
    }

    mutating func draw() -> String {
        let height = options.slide ? max(ChartMetrics.slideHeight, totalHeight) : totalHeight
        let c = NumberText.coordinate
        if options.standalone { out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
        let viewBox = "0 0 \(c(options.widthPoints)) \(c(height))"
        let fontSize = c(metrics.tickFont)
        if options.standalone {
            out.open("svg", [
                "xmlns": "http://www.w3.org/2000/svg", "viewBox": viewBox, "width": c(options.widthPoints),
                "height": c(height), "font-family": Self.fontFamily, "font-size": fontSize, "role": "img",
            ])
        } else {
            out.open("svg", [
                "xmlns": "http://www.w3.org/2000/svg", "viewBox": viewBox, "font-family": Self.fontFamily,
                "font-size": fontSize, "role": "img", "class": options.slide ? "chart slide" : "chart",
            ])
        }
        out.raw("\n")
        out.element("title", text: options.title ?? panels.map(\.specification.title).joined(separator: ", "))
        writeDefinitions()
        out.empty("rect", ["x": "0", "y": "0", "width": c(options.widthPoints), "height": c(height), "fill": "#ffffff"])
        if let title = options.title {
            out.element("text", [
                "class": "chart-title", "x": c(plotLeft), "y": c(metrics.titleFont * 1.15),
                "font-size": c(metrics.titleFont), "font-weight": "bold",
            ], text: title)
        }
        var top = titleHeight
        if stripRows > 0 {
            writeStrip(top: top + metrics.stripRowHeight / 4)
            top += stripHeight
        }
        for (index, panel) in panels.enumerated() {
            writePanel(panel, index: index, top: top, isLast: index == panels.count - 1)
            top += metrics.panelTitleHeight + panelHeights[index] + metrics.panelGap
        }
        out.close("svg")
        return out.text
    }

    // MARK: Definitions

    mutating func writeDefinitions() {
        out.open("defs")
        out.raw("\n")
        for (index, _) in panels.enumerated() {
            out.open("clipPath", ["id": "\(options.idPrefix)-clip\(index)"])
            // The clip reaches half a highlighted line beyond the frame, so a peak on the
            // frame's edge is not cut in half.
            let pad = metrics.highlightWidth / 2
            out.empty("rect", [
                "x": NumberText.coordinate(plotLeft), "y": NumberText.coordinate(panelTop(index) - pad),
                "width": NumberText.coordinate(plotWidth), "height": NumberText.coordinate(panelHeights[index] + 2 * pad),
            ])
            out.close("clipPath")
        }
        var written: [String] = []
        for event in events {
            let style = EventStyle(kind: event.kind)
            guard !written.contains(style.patternName) else { continue }
            written.append(style.patternName)
            let tile = options.slide ? 14 : 6
            out.open("pattern", [
                "id": "\(options.idPrefix)-hatch-\(style.patternName)", "patternUnits": "userSpaceOnUse", "width": "\(tile)",
                "height": "\(tile)",
            ])
            out.empty("rect", ["width": "\(tile)", "height": "\(tile)", "fill": style.colour, "fill-opacity": "0.10"])
            out.empty("path", [
                "d": style.hatchPath(tile: Double(tile)), "stroke": style.colour,
                "stroke-width": options.slide ? "2" : "0.8", "stroke-opacity": "0.55",
            ])
            out.close("pattern")
        }
        out.close("defs")
    }

    /// The top of panel `index`'s plot area.
    func panelTop(_ index: Int) -> Double {
        var top = titleHeight + stripHeight
        for i in 0..<index { top += metrics.panelTitleHeight + panelHeights[i] + metrics.panelGap }
        return top + metrics.panelTitleHeight
    }
}
