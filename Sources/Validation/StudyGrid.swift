/// The output times a study's run needs: the scenario's own grid (for the curve), every
/// observation time exactly, and each window sampled finely, so `at` reads the state at the
/// published time and peaks, troughs and their times are found to within a window/2000.
///
/// (Peaks found between output rows from the solver's dense output would plug in here; until
/// then the fine rows bound the error of a peak time by the fine spacing.)
package enum StudyGrid {
    /// Points per window (the spacing is the smaller of the scenario's interval and window/this).
    package static let pointsPerWindow = 2000.0

    /// Ascending, distinct times in [0, durationHours].
    /// - Complexity: O(g log g) for g grid points (about duration/interval + 2001 per window).
    package static func times(observations: [Observation], durationHours: Double, intervalHours: Double) -> [Double] {
        var exact: [Double] = [0, durationHours]
        var fill: [Double] = []
        let coarse = Int((durationHours / intervalHours).rounded(.down))
        for k in 0...coarse { fill.append(min(Double(k) * intervalHours, durationHours)) }
        for observation in observations {
            exact.append(observation.timeHours)
            guard let end = observation.endHours else { continue }
            exact.append(end)
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
