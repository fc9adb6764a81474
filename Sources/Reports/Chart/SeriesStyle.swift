import Pharmacology

/// Line colour and dash pattern of the n-th series in a panel.
///
/// Colours are the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), readable by
/// people with colour-vision deficiency, ordered so neighbours differ in lightness; each colour
/// also has its own dash pattern, so lines stay apart when printed in grey. Past eight series
/// the dash sequence shifts by one, so (colour, dash) pairs stay unique up to 64 series.
struct SeriesStyle: Equatable {
    var colour: String
    var dash: String?
    var width: Double

    static let colours = ["#000000", "#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7f7f7f"]
    static let dashes: [String?] = [nil, "7 3", "2 2", "9 3 2 3", "1 3", "12 4", "4 2 1 2 1 2", "5 5"]
    /// The lighter colours (purple, orange, sky blue) draw a little thicker so they stay
    /// visible as light greys on paper.
    static let widths = [1.6, 1.6, 1.7, 1.6, 2.0, 1.9, 2.0, 1.6]

    init(index: Int) {
        let colourIndex = index % Self.colours.count
        let dashIndex = (index + index / Self.colours.count) % Self.dashes.count
        colour = Self.colours[colourIndex]
        dash = Self.dashes[dashIndex]
        width = Self.widths[colourIndex]
    }

    init(colour: String, dash: String?, width: Double) {
        self.colour = colour
        self.dash = dash
        self.width = width
    }

    /// A highlighted series: solid, the thickest line of the chart, in one of the three
    /// darkest palette colours (black, vermillion, blue), by rank.
    static func highlighted(rank: Int, metrics: ChartMetrics) -> SeriesStyle {
        SeriesStyle(colour: colours[rank % 3], dash: nil, width: metrics.highlightWidth)
    }

    /// Context on a slide: thin, solid, light grey, under the highlighted lines.
    static func background(metrics: ChartMetrics) -> SeriesStyle {
        SeriesStyle(colour: "#ababab", dash: nil, width: metrics.highlightWidth / 3)
    }
}

/// How strongly a series is drawn.
enum SeriesEmphasis: Equatable {
    /// A key observable (`KeyObservables`, `--highlight`): thick, solid, drawn last, annotated.
    case highlighted
    /// An ordinary series: the palette colour and dash of its place in the panel.
    case normal
    /// Context on a slide: thin and grey.
    case background
}

/// Fill and hatching of an event window: a light tint for screens, a hatch that survives grey
/// printing.
struct EventStyle {
    var colour: String
    /// Hatch line of one pattern tile (6 by 6 user units).
    var hatchPath: String

    /// The hatch line scaled to a tile of `tile` user units (a slide's hatching is coarser).
    func hatchPath(tile: Double) -> String {
        guard tile != 6 else { return hatchPath }
        let scale = tile / 6
        var result = ""
        var number = ""
        func flush() {
            if let value = Double(number) { result += NumberText.coordinate(value * scale) }
            number = ""
        }
        for character in hatchPath {
            if character.isNumber || character == "." { number.append(character) } else { flush(); result.append(character) }
        }
        flush()
        return result
    }
    var patternName: String

    init(kind: StimulusKind) {
        switch kind {
        case .stress:
            self.init(colour: "#d55e00", hatchPath: "M0,6L6,0", patternName: "stress")
        case .exercise:
            self.init(colour: "#009e73", hatchPath: "M0,0L6,6", patternName: "exercise")
        case .socialContact:
            self.init(colour: "#0072b2", hatchPath: "M3,0L3,6", patternName: "social")
        case .pain:
            self.init(colour: "#e69f00", hatchPath: "M0,3L6,3", patternName: "pain")
        case .socialRejection:
            self.init(colour: "#cc79a7", hatchPath: "M0,0L6,6M0,6L6,0", patternName: "rejection")
        }
    }

    private init(colour: String, hatchPath: String, patternName: String) {
        self.colour = colour
        self.hatchPath = hatchPath
        self.patternName = patternName
    }
}
