import Foundation

/// What a study compares: the observable at one time, or a summary over a window
/// [`time_h`, `end_h`] (column `statistic` of an observations file).
package enum ObservationStatistic: String, Sendable, CaseIterable {
    /// The value at `time_h`.
    case at
    /// The largest value in the window.
    case max
    /// The smallest value in the window.
    case min
    /// When the largest value occurs, in h from the start of the run (the first such time).
    case timeOfMax = "time_of_max"
    /// When the smallest value occurs, in h from the start of the run (the first such time).
    case timeOfMin = "time_of_min"
    /// The time average over the window: the trapezoid area divided by the window's length.
    case mean
    /// The trapezoid area under the observable over the window (unit × h).
    case auc
    /// The terminal half-life in h: ln 2 / k from a least-squares fit of ln(value) = a − k t
    /// over the window, each row weighted by its trapezoid share of the window (so the fit does
    /// not depend on how densely the rows sample it; rows with a value <= 0 are left out).
    case halfLife = "half_life"

    /// Whether the statistic summarises a window (needs `end_h`).
    package var isWindow: Bool { self != .at }

    /// Whether the statistic is a window extreme, taken from the solution itself
    /// (`WindowExtremes`) rather than from output rows.
    package var usesExtremes: Bool { self == .max || self == .min || self == .timeOfMax || self == .timeOfMin }

    /// Whether the statistic is computed from output rows sampling its whole window (`mean`,
    /// `auc`, `half_life`): only those windows need the fine `StudyGrid` rows.
    package var needsWindowRows: Bool { isWindow && !usesExtremes }

    /// Whether the value is a time (h) rather than a value of the observable.
    package var isTime: Bool { self == .timeOfMax || self == .timeOfMin || self == .halfLife }

    /// Rows within this of a requested time (relative to max(1, |t|)) count as at that time.
    static let timeTolerance = 1e-9

    /// The statistic of the series (`timeHours` ascending, `values` aligned) at `start` or over
    /// [`start`, `end`]. `validate` and `fit` take the window extremes from the solution instead
    /// (`ObservationFile.modelValues`); on rows they are only as exact as the rows are dense. NaN when it is undefined: no row at `start` for `at`, no row in the
    /// window, or no decline to fit a half-life to.
    /// - Complexity: O(rows).
    package func evaluate(timeHours: [Double], values: [Double], start: Double, end: Double?) -> Double {
        precondition(timeHours.count == values.count, "time and value columns differ in length")
        let slack = { (t: Double) in Self.timeTolerance * Swift.max(1, abs(t)) }
        if self == .at {
            guard let index = timeHours.firstIndex(where: { abs($0 - start) <= slack(start) }) else { return .nan }
            return values[index]
        }
        let stop = end ?? start
        let rows = timeHours.indices.filter { timeHours[$0] >= start - slack(start) && timeHours[$0] <= stop + slack(stop) }
        guard let first = rows.first else { return .nan }
        switch self {
        case .at:
            return .nan
        case .max, .timeOfMax:
            var best = first
            for k in rows where values[k] > values[best] { best = k }
            return self == .max ? values[best] : timeHours[best]
        case .min, .timeOfMin:
            var best = first
            for k in rows where values[k] < values[best] { best = k }
            return self == .min ? values[best] : timeHours[best]
        case .auc, .mean:
            var area = 0.0
            for (a, b) in zip(rows, rows.dropFirst()) {
                area += 0.5 * (values[a] + values[b]) * (timeHours[b] - timeHours[a])
            }
            guard self == .mean else { return area }
            let length = timeHours[rows.last!] - timeHours[first]
            return length > 0 ? area / length : values[first]
        case .halfLife:
            return Self.halfLife(timeHours: rows.map { timeHours[$0] }, values: rows.map { values[$0] })
        }
    }

    /// Weighted least squares of ln(value) on time, weights the trapezoid shares of each row.
    private static func halfLife(timeHours t: [Double], values v: [Double]) -> Double {
        guard t.count >= 2 else { return .nan }
        var sw = 0.0, st = 0.0, sy = 0.0, stt = 0.0, sty = 0.0
        for k in t.indices where v[k] > 0 && v[k].isFinite {
            let left = k > 0 ? t[k] - t[k - 1] : 0
            let right = k + 1 < t.count ? t[k + 1] - t[k] : 0
            let w = 0.5 * (left + right)
            let y = log(v[k])
            sw += w; st += w * t[k]; sy += w * y; stt += w * t[k] * t[k]; sty += w * t[k] * y
        }
        let denominator = sw * stt - st * st
        guard sw > 0, denominator > 0 else { return .nan }
        let slope = (sw * sty - st * sy) / denominator
        guard slope < 0 else { return .nan }
        return log(2) / -slope
    }
}
