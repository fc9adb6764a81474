import Pharmacology

extension EventTable {
    /// The table's rows decoded as `doses` entries by the scenario decoder, each problem moved
    /// to the table's file, the row's line and the column the value came from
    /// (`events.csv:4: error: column 'AMT': must be a finite number > 0, found -5`).
    /// Plausibility warnings (a dose above its drug's usual range) are moved the same way.
    /// - Parameter durationHours: the scenario's `duration_h` (nil when it is itself invalid).
    func decodeDoses(vocabulary: ScenarioVocabulary, limits: ScenarioLimits,
                     durationHours: Double?) -> (doses: [DoseRegimen], problems: [ScenarioError], warnings: [ScenarioError]) {
        var doses: [DoseRegimen] = []
        var problems: [ScenarioError] = []
        var warnings: [ScenarioError] = []
        for row in rows {
            var decoder = ScenarioDecoder(file: file, vocabulary: vocabulary, limits: limits)
            if let dose = decoder.decodeDose(row.entry, path: "row", durationHours: durationHours) { doses.append(dose) }
            func relocated(_ problem: ScenarioError) -> ScenarioError {
                problem.relocated { location in
                    var moved = location
                    let key = location.path.hasPrefix("row.") ? String(location.path.dropFirst(4)) : ""
                    moved.path = row.columns[key].map { "column '\($0)'" } ?? ""
                    moved.position.line = row.line
                    return moved
                }
            }
            problems += decoder.problems.map(relocated)
            // AMT is in mg whatever the scenario's keys: the µg hint becomes one about AMT.
            let hint = "; if the dose is in µg, write amount_ug"
            warnings += decoder.warnings.map(relocated).map { warning in
                guard case .implausibleDose(let location, let message) = warning, message.hasSuffix(hint) else { return warning }
                return .implausibleDose(location, message: message.dropLast(hint.count) + "; AMT is in mg")
            }
        }
        return (doses, problems, warnings)
    }
}
