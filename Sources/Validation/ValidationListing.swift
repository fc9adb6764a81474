/// The one-line-per-comparison listing of `validate`, in aligned columns: study, observable,
/// statistic@time(s), model value, data value (± sd), band, verdict.
package enum ValidationListing {
    package static func lines(_ results: [StudyResult]) -> [String] {
        var rows: [[String]] = []
        for study in results {
            for comparison in study.comparisons {
                let observation = comparison.observation
                var data = ValidationNumber.text(observation.value)
                if let sd = observation.standardDeviation { data += " ± " + ValidationNumber.text(sd) }
                var verdict = comparison.verdict.rawValue
                if comparison.verdict == .knownGap && comparison.inBand { verdict += " (now in band)" }
                if study.failure != nil { verdict += " (run failed)" }
                rows.append([
                    study.id, observation.observable, observation.statisticLabel,
                    "model " + ValidationNumber.text(comparison.modelValue), "data " + data,
                    "band [" + ValidationNumber.text(observation.lower) + ", " + ValidationNumber.text(observation.upper) + "]",
                    verdict,
                ])
            }
        }
        guard let width = rows.first?.count else { return [] }
        let widths = (0..<width).map { j in rows.map { $0[j].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { j, text in
                j == width - 1 ? text : text + String(repeating: " ", count: widths[j] - text.count)
            }.joined(separator: "  ")
        }
    }
}
