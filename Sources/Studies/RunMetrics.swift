/// Summary metrics of one run, computed while the rows stream past (memory independent of the
/// run length): per column peak and its time, trough and its time, area under the curve; per
/// threshold the time spent above or below it.
///
/// Peaks and troughs (with their first times) come from the solution itself, between rows too
/// (`ReceptorModel.simulate(…, extremaOf:)`, `simulate(_:columns:intervalHours:)` here), so they
/// do not depend on the output interval; they are NaN until `extremes` is set. The area and the
/// thresholds take the curve between two output rows as linear: the AUC is the trapezoid rule
/// and the time above a level counts the exact part of each interval where the linear
/// interpolant is above it.
package struct RunMetrics: ObservableSink, Sendable {
    /// Metric names per column, in the order `values` holds them.
    package static let perColumn = ["peak", "t_peak_h", "trough", "t_trough_h", "auc"]

    let columnCount: Int
    /// (column index, threshold level, above?) per threshold.
    let thresholds: [(column: Int, level: Double, above: Bool)]
    /// Peaks and troughs of the first `extremes.count` columns, found on the solution.
    var extremes: [ObservableExtremes] = []
    var area: [Double]
    var thresholdHours: [Double]
    var previousTime = 0.0
    var previous: [Double]
    package private(set) var rows = 0
    /// Optional recording of some columns at every row (for percentile bands).
    var recorder: BandRecorder?

    /// - Parameters:
    ///   - columnCount: columns per row.
    ///   - thresholds: per threshold, its column index in the row, level and direction.
    init(columnCount: Int, thresholds: [(column: Int, level: Double, above: Bool)], recorder: BandRecorder? = nil) {
        self.columnCount = columnCount
        self.thresholds = thresholds
        area = Array(repeating: 0, count: columnCount)
        thresholdHours = Array(repeating: 0, count: thresholds.count)
        previous = Array(repeating: 0, count: columnCount)
        self.recorder = recorder
    }

    package mutating func receive(timeHours: Double, values: UnsafeBufferPointer<Double>) {
        let dt = timeHours - previousTime
        for j in 0..<columnCount {
            if rows > 0 { area[j] += 0.5 * (values[j] + previous[j]) * dt }
        }
        if rows > 0 {
            for k in 0..<thresholds.count {
                let t = thresholds[k]
                thresholdHours[k] += Self.timeBeyond(level: t.level, above: t.above, previous[t.column], values[t.column], dt)
            }
        }
        for j in 0..<columnCount { previous[j] = values[j] }
        previousTime = timeHours
        recorder?.record(time: timeHours, values)
        rows += 1
    }

    /// Time within an interval of length `dt` where the line from `v0` to `v1` is beyond `level`.
    static func timeBeyond(level: Double, above: Bool, _ v0: Double, _ v1: Double, _ dt: Double) -> Double {
        let a = above ? v0 - level : level - v0
        let b = above ? v1 - level : level - v1
        if a > 0, b > 0 { return dt }
        if a <= 0, b <= 0 { return 0 }
        // One crossing: the fraction of the interval on the positive side.
        return a > 0 ? dt * a / (a - b) : dt * b / (b - a)
    }

    /// The metrics in summary order: for each column the `perColumn` metrics, then the thresholds.
    package var values: [Double] {
        var out: [Double] = []
        out.reserveCapacity(columnCount * Self.perColumn.count + thresholds.count)
        for j in 0..<columnCount {
            if j < extremes.count {
                let e = extremes[j]
                out += [e.peak, e.peakTimeHours, e.trough, e.troughTimeHours, area[j]]
            } else {
                out += [.nan, .nan, .nan, .nan, area[j]]
            }
        }
        return out + thresholdHours
    }

    /// Simulates `model` into these metrics: the rows of `columns` at `intervalHours` for the
    /// areas, thresholds and bands, and the solution itself for the peaks and troughs of the
    /// first `extremaCount` columns, with `solver`'s method and tolerances (nil: the scenario's).
    /// - Throws: as `ReceptorModel.simulate`.
    package mutating func simulate(_ model: CompiledModel, solver: SolverSpecification? = nil, columns: [String],
                                   intervalHours: Double, extremaCount: Int) throws {
        extremes = try ReceptorModel.simulate(model, solver: solver, columns: columns, intervalHours: intervalHours,
                                              extremaOf: Array(columns.prefix(extremaCount)), into: &self).extremes
    }
}

import Pharmacology
