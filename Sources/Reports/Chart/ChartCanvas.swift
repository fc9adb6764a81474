import Foundation

/// Lays out and writes one chart: title, dose strip, stacked panels, shared time axis.
///
/// Layout (user units): the plot area starts `leftMargin` from the left edge; legends and
/// strip labels sit in a column of `legendWidth` on the right.
struct ChartCanvas {
    static let leftMargin = 78.0
    static let legendWidth = 196.0
    static let legendGap = 14.0
    static let stripRowHeight = 16.0
    static let panelTitleHeight = 22.0
    static let panelGap = 12.0
    static let axisFooterHeight = 48.0
    static let fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"
    /// Dose guide lines across the panels are drawn only up to this many doses (beyond, they
    /// would grey the whole panel; the strip still marks every dose).
    static let maximumGuideLines = 24

    let options: ChartOptions
    let panels: [DrawnPanel]
    let tracks: [StripTrack]
    let events: [EventWindow]
    let guideTimesHours: [Double]
    let timeUnit: TimeUnit
    let timeTicks: AxisTicks
    let plotLeft: Double
    let plotWidth: Double
    var out = MarkupWriter()

    init(
        options: ChartOptions, timeSpanHours: ClosedRange<Double>, panels: [DrawnPanel], tracks: [StripTrack],
        events: [EventWindow], guideTimesHours: [Double]
    ) {
        self.options = options
        self.panels = panels
        self.tracks = tracks
        self.events = events
        self.guideTimesHours = guideTimesHours
        (timeUnit, timeTicks) = NiceTicks.time(spanHours: timeSpanHours)
        plotLeft = Self.leftMargin
        plotWidth = max(100, options.widthPoints - Self.leftMargin - Self.legendWidth - Self.legendGap)
    }

    var legendX: Double { plotLeft + plotWidth + Self.legendGap }

    /// Chart x of a time in hours.
    func x(hours: Double) -> Double {
        let span = timeTicks.upper - timeTicks.lower
        return plotLeft + (hours / timeUnit.hoursPerUnit - timeTicks.lower) / span * plotWidth
    }

    func clampedX(hours: Double) -> Double {
        min(max(x(hours: hours), plotLeft), plotLeft + plotWidth)
    }

    var stripRows: Int { tracks.count + (events.isEmpty ? 0 : 1) }

    mutating func draw() -> String {
        let titleHeight = options.title == nil ? 8.0 : 34.0
        let stripHeight = stripRows == 0 ? 0 : Double(stripRows) * Self.stripRowHeight + 10
        let panelBlock = Self.panelTitleHeight + options.panelHeightPoints + Self.panelGap
        let height = titleHeight + stripHeight + Double(panels.count) * panelBlock + Self.axisFooterHeight
        let c = NumberText.coordinate
        if options.standalone { out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
        let viewBox = "0 0 \(c(options.widthPoints)) \(c(height))"
        if options.standalone {
            out.open("svg", [
                "xmlns": "http://www.w3.org/2000/svg", "viewBox": viewBox, "width": c(options.widthPoints),
                "height": c(height), "font-family": Self.fontFamily, "font-size": "12", "role": "img",
            ])
        } else {
            out.open("svg", [
                "xmlns": "http://www.w3.org/2000/svg", "viewBox": viewBox, "font-family": Self.fontFamily,
                "font-size": "12", "role": "img", "class": "chart",
            ])
        }
        out.raw("\n")
        out.element("title", text: options.title ?? panels.map(\.specification.title).joined(separator: ", "))
        writeDefinitions()
        out.empty("rect", ["x": "0", "y": "0", "width": c(options.widthPoints), "height": c(height), "fill": "#ffffff"])
        if let title = options.title {
            out.element("text", ["x": c(plotLeft), "y": "22", "font-size": "16", "font-weight": "bold"], text: title)
        }
        var top = titleHeight
        if stripRows > 0 {
            writeStrip(top: top + 4)
            top += stripHeight
        }
        for (index, panel) in panels.enumerated() {
            writePanel(panel, index: index, top: top, isLast: index == panels.count - 1)
            top += panelBlock
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
            out.empty("rect", [
                "x": NumberText.coordinate(plotLeft), "y": NumberText.coordinate(panelTop(index)),
                "width": NumberText.coordinate(plotWidth), "height": NumberText.coordinate(options.panelHeightPoints),
            ])
            out.close("clipPath")
        }
        var written: [String] = []
        for event in events {
            let style = EventStyle(kind: event.kind)
            guard !written.contains(style.patternName) else { continue }
            written.append(style.patternName)
            out.open("pattern", [
                "id": "\(options.idPrefix)-hatch-\(style.patternName)", "patternUnits": "userSpaceOnUse", "width": "6",
                "height": "6",
            ])
            out.empty("rect", ["width": "6", "height": "6", "fill": style.colour, "fill-opacity": "0.10"])
            out.empty("path", ["d": style.hatchPath, "stroke": style.colour, "stroke-width": "0.8", "stroke-opacity": "0.55"])
            out.close("pattern")
        }
        out.close("defs")
    }

    func panelTop(_ index: Int) -> Double {
        let titleHeight = options.title == nil ? 8.0 : 34.0
        let stripHeight = stripRows == 0 ? 0 : Double(stripRows) * Self.stripRowHeight + 10
        let panelBlock = Self.panelTitleHeight + options.panelHeightPoints + Self.panelGap
        return titleHeight + stripHeight + Double(index) * panelBlock + Self.panelTitleHeight
    }
}
