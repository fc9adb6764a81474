/// Peak and trough of one observable over a run (or a window of it), with the first times they
/// are reached, found on the solution itself rather than on the output rows.
///
/// See `ExtremaTracker` for how: every accepted step is sampled through the method's dense
/// output and a peak or trough inside a step is refined with Brent's method, so the values and
/// times do not depend on the output interval.
public struct ObservableExtremes: Sendable, Equatable {
    /// The CSV column name.
    public let column: String
    /// Highest value (−∞ when the window held no solution).
    public var peak: Double
    /// First time the peak is reached, in hours (NaN when none).
    public var peakTimeHours: Double
    /// Lowest value (+∞ when the window held no solution).
    public var trough: Double
    /// First time the trough is reached, in hours (NaN when none).
    public var troughTimeHours: Double

    public init(column: String, peak: Double = -.infinity, peakTimeHours: Double = .nan,
                trough: Double = .infinity, troughTimeHours: Double = .nan) {
        self.column = column
        self.peak = peak
        self.peakTimeHours = peakTimeHours
        self.trough = trough
        self.troughTimeHours = troughTimeHours
    }
}
