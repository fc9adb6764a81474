import Reports

extension Observation {
    /// Chart marks for `observations` (with their verdicts when `results` is given, aligned):
    /// `at` values as points; a `max`/`min` with a `time_of_max`/`time_of_min` of the same
    /// observable and window as one point at the published time and value; a lone `max`, `min`
    /// or `mean` as a level across its window (marker at the window's middle); a lone time as a
    /// vertical line. `auc` and `half_life` are not values on the curve's axis: their window is
    /// shaded and captioned.
    package static func marks(_ observations: [Observation], results: [ComparisonResult]? = nil) -> [ObservationMark] {
        func verdict(_ index: Int) -> ObservationMark.Verdict? {
            guard let results else { return nil }
            switch results[index].verdict {
            case .met: return .met
            case .notMet: return .notMet
            case .knownGap: return .knownGap
            }
        }
        func worse(_ a: ObservationMark.Verdict?, _ b: ObservationMark.Verdict?) -> ObservationMark.Verdict? {
            for candidate in [ObservationMark.Verdict.notMet, .knownGap, .met] where a == candidate || b == candidate { return candidate }
            return nil
        }
        var used = Set<Int>()
        var marks: [ObservationMark] = []
        for (index, observation) in observations.enumerated() where !used.contains(index) {
            let band = observation.lower...observation.upper
            let label = observation.observable + " " + observation.statisticLabel + ": data "
                + ValidationNumber.text(observation.value)
                + (observation.standardDeviation.map { " ± " + ValidationNumber.text($0) } ?? "")
                + ", band [" + ValidationNumber.text(observation.lower) + ", " + ValidationNumber.text(observation.upper) + "]"
                + (results.map { "; model " + ValidationNumber.text($0[index].modelValue) + " (" + $0[index].verdict.rawValue + ")" } ?? "")
            switch observation.statistic {
            case .at:
                marks.append(ObservationMark(
                    column: observation.observable, timeHours: observation.timeHours, value: observation.value,
                    valueSD: observation.standardDeviation, valueBand: band, label: label, verdict: verdict(index)))
            case .max, .min, .timeOfMax, .timeOfMin:
                let isTime = observation.statistic.isTime
                let partner: ObservationStatistic = switch observation.statistic {
                case .max: .timeOfMax
                case .min: .timeOfMin
                case .timeOfMax: .max
                default: .min
                }
                let pairIndex = observations.indices.first { other in
                    other != index && !used.contains(other) && observations[other].observable == observation.observable
                        && observations[other].statistic == partner && observations[other].timeHours == observation.timeHours
                        && observations[other].endHours == observation.endHours
                }
                let window = observation.timeHours...(observation.endHours ?? observation.timeHours)
                if let pairIndex {
                    used.insert(pairIndex)
                    let (level, time) = isTime ? (observations[pairIndex], observation) : (observation, observations[pairIndex])
                    let labelOther = Self.marks([observations[pairIndex]], results: results.map { [$0[pairIndex]] }).first?.label ?? ""
                    marks.append(ObservationMark(
                        column: observation.observable, timeHours: time.value, value: level.value,
                        valueSD: level.standardDeviation, valueBand: level.lower...level.upper, timeSD: time.standardDeviation,
                        timeBand: time.lower...time.upper, label: label + "\n" + labelOther,
                        verdict: worse(verdict(index), verdict(pairIndex))))
                } else if isTime {
                    marks.append(ObservationMark(
                        column: observation.observable, timeHours: observation.value, value: nil,
                        timeSD: observation.standardDeviation, timeBand: band, label: label, verdict: verdict(index)))
                } else {
                    marks.append(ObservationMark(
                        column: observation.observable, timeHours: (window.lowerBound + window.upperBound) / 2,
                        value: observation.value, valueSD: observation.standardDeviation, valueBand: band, window: window,
                        label: label, verdict: verdict(index)))
                }
            case .mean:
                let window = observation.timeHours...(observation.endHours ?? observation.timeHours)
                marks.append(ObservationMark(
                    column: observation.observable, timeHours: (window.lowerBound + window.upperBound) / 2,
                    value: observation.value, valueSD: observation.standardDeviation, valueBand: band, window: window,
                    label: label, verdict: verdict(index)))
            case .auc, .halfLife:
                let window = observation.timeHours...(observation.endHours ?? observation.timeHours)
                let name = observation.statistic == .auc ? "AUC" : "half-life"
                let unit = observation.statistic == .auc ? " " + Self.areaUnit(of: observation.observable) : " h"
                marks.append(ObservationMark(
                    column: observation.observable, timeHours: window.lowerBound, value: nil, window: window, label: label,
                    caption: name + " " + ValidationNumber.text(observation.value) + unit + ", band ["
                        + ValidationNumber.text(observation.lower) + ", " + ValidationNumber.text(observation.upper) + "]"
                        + (results.map { "; model " + ValidationNumber.text($0[index].modelValue) } ?? ""),
                    verdict: verdict(index)))
            }
        }
        return marks
    }

    /// The unit of an area under `column`, from the unit its name ends with (nM·h for
    /// `_plasma_nM`); "unit x h" where the name carries none.
    static func areaUnit(of column: String) -> String {
        if column.hasSuffix("_ng_per_mL") { return "ng/mL·h" }
        if column.hasSuffix("_nM") { return "nM·h" }
        return "(unit x h)"
    }
}
