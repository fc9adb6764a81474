/// The window extremes a study needs from the solver, and every statistic of a study from its
/// rows and those extremes: the one rule `validate` and `fit` share.
extension ObservationFile {
    /// The distinct (observable, window) pairs of the file's `max`, `min`, `time_of_max` and
    /// `time_of_min` observations, in first-appearance order: what to ask
    /// `ReceptorModel.simulate(…, extremaOf:)` for, in one solve.
    package var extremaRequests: [(column: String, window: ClosedRange<Double>)] {
        var requests: [(column: String, window: ClosedRange<Double>)] = []
        for observation in observations where observation.statistic.usesExtremes {
            let window = observation.extremaWindow
            if !requests.contains(where: { $0.column == observation.observable && $0.window == window }) {
                requests.append((observation.observable, window))
            }
        }
        return requests
    }

    /// The model's value of every observation's statistic: window extremes from `extremes`
    /// (aligned with `extremaRequests`), the others from the rows (`timeHours` ascending,
    /// `series(observable)` aligned with it; nil or a missing extreme gives NaN).
    /// - Complexity: O(observations × rows).
    package func modelValues(timeHours: [Double], series: (String) -> [Double]?, extremes: [WindowExtremes]) -> [Double] {
        let requests = extremaRequests
        return observations.map { observation in
            if observation.statistic.usesExtremes {
                let window = observation.extremaWindow
                guard let k = requests.firstIndex(where: { $0.column == observation.observable && $0.window == window }),
                      k < extremes.count else { return .nan }
                return extremes[k].value(of: observation.statistic)
            }
            guard let values = series(observation.observable) else { return .nan }
            return observation.statistic.evaluate(
                timeHours: timeHours, values: values, start: observation.timeHours, end: observation.endHours)
        }
    }
}

extension Observation {
    /// [`time_h`, `end_h`] (a point when there is no `end_h`).
    var extremaWindow: ClosedRange<Double> { timeHours...Swift.max(timeHours, endHours ?? timeHours) }
}
