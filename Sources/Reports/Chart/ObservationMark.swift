/// A published observation drawn over a model curve: a marker with error bars and the
/// acceptance band, in the panel that draws its column.
///
/// Shapes, by what is known: a value at a time (`at`) is a dot at (time, value) with a vertical
/// SD bar and a shaded vertical band; a value over a window with no time (`mean`, or a peak
/// without its time) adds a dashed level across the window; a peak with its time (`max` with a
/// `time_of_max` of the same window) is a dot with both bars; a time alone (`time_of_max`) is a
/// dashed vertical line with the time band shaded across the panel; a summary that is not a
/// value on the axis (an area, a half-life) is its window, shaded, with a caption.
package struct ObservationMark: Sendable, Equatable {
    package enum Verdict: String, Sendable, Equatable {
        case met, notMet, knownGap
    }

    /// The column whose panel draws the mark.
    package var column: String
    /// Where on the time axis (h).
    package var timeHours: Double
    /// The value (in the column's unit); nil for a time-only mark.
    package var value: Double?
    /// SD of the value (vertical bar).
    package var valueSD: Double?
    /// Acceptance band of the value (shaded vertically).
    package var valueBand: ClosedRange<Double>?
    /// SD of the time (horizontal bar), h.
    package var timeSD: Double?
    /// Acceptance band of the time (shaded horizontally), h.
    package var timeBand: ClosedRange<Double>?
    /// The window a value summarises without a time of its own: drawn as a dashed level.
    package var window: ClosedRange<Double>?
    /// Tooltip text.
    package var label: String
    /// Short text drawn at the top of a window-only mark (`half-life 90 h`).
    package var caption: String?
    /// Colours the marker (nil: neutral, for plain observations).
    package var verdict: Verdict?

    package init(
        column: String, timeHours: Double, value: Double?, valueSD: Double? = nil, valueBand: ClosedRange<Double>? = nil,
        timeSD: Double? = nil, timeBand: ClosedRange<Double>? = nil, window: ClosedRange<Double>? = nil, label: String,
        caption: String? = nil, verdict: Verdict? = nil
    ) {
        self.caption = caption
        self.column = column
        self.timeHours = timeHours
        self.value = value
        self.valueSD = valueSD
        self.valueBand = valueBand
        self.timeSD = timeSD
        self.timeBand = timeBand
        self.window = window
        self.label = label
        self.verdict = verdict
    }

    /// The marker's fill: dark grey neutral, blue-green met, vermillion not met, orange known
    /// gap (Okabe-Ito, as the lines).
    var colour: String {
        switch verdict {
        case nil: return "#333333"
        case .met: return "#009e73"
        case .notMet: return "#d55e00"
        case .knownGap: return "#e69f00"
        }
    }

    /// The values the value axis must show (value ± SD and the band).
    var valueExtent: [Double] {
        guard let value else { return [] }
        var extent = [value]
        if let valueSD { extent += [value - valueSD, value + valueSD] }
        if let valueBand { extent += [valueBand.lowerBound, valueBand.upperBound] }
        return extent.filter(\.isFinite)
    }
}
