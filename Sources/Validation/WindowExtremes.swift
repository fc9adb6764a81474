/// The peak and trough of one observable over one observation window, with their first times,
/// found on the solution itself between output rows (the engine's `ExtremaTracker`, reached
/// through `ReceptorModel.simulate(…, extremaOf:)`): `max`, `min`, `time_of_max` and
/// `time_of_min` read these, exact to solver accuracy, instead of the largest output row.
package struct WindowExtremes: Sendable, Equatable {
    /// Highest value (−∞ when the window held no solution).
    package var peak: Double
    /// First time of the peak, h (NaN when none).
    package var peakTimeHours: Double
    /// Lowest value (+∞ when the window held no solution).
    package var trough: Double
    /// First time of the trough, h (NaN when none).
    package var troughTimeHours: Double

    package init(peak: Double, peakTimeHours: Double, trough: Double, troughTimeHours: Double) {
        self.peak = peak
        self.peakTimeHours = peakTimeHours
        self.trough = trough
        self.troughTimeHours = troughTimeHours
    }

    /// The value of an extreme statistic (`ObservationStatistic.usesExtremes`); NaN for the
    /// others, and when the window held no solution.
    package func value(of statistic: ObservationStatistic) -> Double {
        guard peak.isFinite, trough.isFinite else { return .nan }
        switch statistic {
        case .max: return peak
        case .min: return trough
        case .timeOfMax: return peakTimeHours
        case .timeOfMin: return troughTimeHours
        case .at, .mean, .auc, .halfLife: return .nan
        }
    }
}
