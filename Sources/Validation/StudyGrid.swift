/// The output times a study's run needs: the scenario's own grid (for the curve), every
/// observation time exactly, and each `mean`, `auc` and `half_life` window sampled finely
/// (window/2000), since those are computed from rows. `max`, `min`, `time_of_max` and
/// `time_of_min` come from the solution itself (`WindowExtremes`), so their windows need no
/// fine rows.
package enum StudyGrid {
    /// Points per window (the spacing is the smaller of the scenario's interval and window/this).
    package static let pointsPerWindow = 2000.0

    /// Ascending, distinct times in [0, durationHours].
    /// - Complexity: O(g log g) for g grid points (about duration/interval + 2001 per `mean`, `auc` or `half_life` window).
    package static func times(observations: [Observation], durationHours: Double, intervalHours: Double) -> [Double] {
        var exact: [Double] = [0, durationHours]
        var fill: [Double] = []
        let coarse = Int((durationHours / intervalHours).rounded(.down))
        for k in 0...coarse { fill.append(min(Double(k) * intervalHours, durationHours)) }
        for observation in observations {
            exact.append(observation.timeHours)
            guard let end = observation.endHours else { continue }
            exact.append(end)
            guard observation.statistic.needsWindowRows else { continue }
            let step = min(intervalHours, (end - observation.timeHours) / pointsPerWindow)
            let count = Int(((end - observation.timeHours) / step).rounded(.up))
            for k in 1..<max(1, count) { fill.append(observation.timeHours + Double(k) * step) }
        }
        exact = Array(Set(exact)).sorted()
        fill.sort()
        // Merge, dropping fill points within a hair of an exact time (the exact one is kept).
        var merged: [Double] = []
        merged.reserveCapacity(exact.count + fill.count)
        var e = 0
        for t in fill {
            while e < exact.count, exact[e] <= t {
                if merged.last.map({ exact[e] - $0 > slack(exact[e]) }) ?? true {
                    merged.append(exact[e])
                } else {
                    merged[merged.count - 1] = exact[e]
                }
                e += 1
            }
            if let last = merged.last, t - last <= slack(t) { continue }
            if e < exact.count, exact[e] - t <= slack(t) { continue }
            merged.append(t)
        }
        while e < exact.count {
            if merged.last.map({ exact[e] - $0 > slack(exact[e]) }) ?? true {
                merged.append(exact[e])
            } else {
                merged[merged.count - 1] = exact[e]
            }
            e += 1
        }
        return merged.filter { $0 >= 0 && $0 <= durationHours }
    }

    private static func slack(_ t: Double) -> Double { 1e-9 * max(1, abs(t)) }
}
