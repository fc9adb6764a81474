/// Sizes of one chart style: margins, fonts and line widths in user units.
///
/// Two styles: `standard` for a page or a screen (a 960-unit-wide figure with text of 12 to 20
/// units, shown at about its own size in the HTML report's 1000-pixel column; a crowded legend
/// makes its panel taller instead of its text smaller), and `slide` for a
/// lecture hall (1920 by 1080, text at least 28 units, which is about the 24-point minimum of
/// slide-design guides at projector resolution; highlighted lines 7 units thick).
struct ChartMetrics: Sendable, Equatable {
    var leftMargin: Double
    var legendWidth: Double
    var legendGap: Double
    var titleHeight: Double
    var stripRowHeight: Double
    var panelTitleHeight: Double
    var panelGap: Double
    var axisFooterHeight: Double
    var titleFont: Double
    var panelTitleFont: Double
    var tickFont: Double
    var axisLabelFont: Double
    var legendFont: Double
    var stripFont: Double
    var annotationFont: Double
    /// Smallest legend text: a panel with many series grows taller instead of shrinking it.
    var legendRowHeight: Double
    var highlightWidth: Double
    var frameWidth: Double
    var gridWidth: Double
    var tickLength: Double
    /// The value-axis label rotated beside the axis (standard) or written above the panel
    /// (slide: a rotated 30-unit label does not fit a 300-unit panel).
    var rotatedAxisLabel: Bool

    static let standard = ChartMetrics(
        leftMargin: 84, legendWidth: 250, legendGap: 14, titleHeight: 40, stripRowHeight: 20, panelTitleHeight: 26,
        panelGap: 14, axisFooterHeight: 56, titleFont: 20, panelTitleFont: 16, tickFont: 14, axisLabelFont: 14,
        legendFont: 14, stripFont: 13, annotationFont: 14, legendRowHeight: 19, highlightWidth: 3.4, frameWidth: 0.8,
        gridWidth: 0.6, tickLength: 4, rotatedAxisLabel: true)

    static let slide = ChartMetrics(
        leftMargin: 132, legendWidth: 560, legendGap: 28, titleHeight: 76, stripRowHeight: 44, panelTitleHeight: 50,
        panelGap: 22, axisFooterHeight: 104, titleFont: 46, panelTitleFont: 32, tickFont: 28, axisLabelFont: 32,
        legendFont: 28, stripFont: 28, annotationFont: 30, legendRowHeight: 42, highlightWidth: 7, frameWidth: 2,
        gridWidth: 1.5, tickLength: 10, rotatedAxisLabel: false)

    /// The size of a slide: 16:9 at full HD.
    static let slideWidth = 1920.0
    static let slideHeight = 1080.0
}
