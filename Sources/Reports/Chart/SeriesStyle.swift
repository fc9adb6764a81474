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
}

/// Fill and hatching of an event window: a light tint for screens, a hatch that survives grey
/// printing.
struct EventStyle {
    var colour: String
    /// Hatch line of one pattern tile (6 by 6 user units).
    var hatchPath: String
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
