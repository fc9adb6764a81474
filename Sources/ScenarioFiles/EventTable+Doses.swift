import Pharmacology

extension EventTable {
    /// The table's rows decoded as `doses` entries by the scenario decoder, each problem moved
    /// to the table's file, the row's line and the column the value came from
    /// (`events.csv:4: error: column 'AMT': must be a finite number > 0, found -5`).
    /// - Parameter durationHours: the scenario's `duration_h` (nil when it is itself invalid).
    func decodeDoses(vocabulary: ScenarioVocabulary, limits: ScenarioLimits,
                     durationHours: Double?) -> (doses: [DoseRegimen], problems: [ScenarioError]) {
        var doses: [DoseRegimen] = []
        var problems: [ScenarioError] = []
        for row in rows {
            var decoder = ScenarioDecoder(file: file, vocabulary: vocabulary, limits: limits)
            if let dose = decoder.decodeDose(row.entry, path: "row", durationHours: durationHours) { doses.append(dose) }
            problems += decoder.problems.map { problem in
                problem.relocated { location in
                    var moved = location
                    let key = location.path.hasPrefix("row.") ? String(location.path.dropFirst(4)) : ""
                    moved.path = row.columns[key].map { "column '\($0)'" } ?? ""
                    moved.position.line = row.line
                    return moved
                }
            }
        }
        return (doses, problems)
    }
}
