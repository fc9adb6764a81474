import Pharmacology

extension EventTable {
    /// The table's rows decoded as `doses` entries by the scenario decoder, each problem moved
    /// to the table's file, the row's line and the column the value came from
    /// (`events.csv:4: error: column 'AMT': must be a finite number > 0, found -5`).
    /// Plausibility warnings (a dose above its drug's usual range) are moved the same way.
    /// - Parameter durationHours: the scenario's `duration_h` (nil when it is itself invalid).
    /// - Parameter invalidDrugDefinitions: the scenario's `drugs[]` entries with errors (name to
    ///   path), so a row dosing one points at it as `doses[]` do.
    /// An `SS=1` row gives `steadyState` too, the regimen the run starts at the steady state of
    /// (for a table of several subjects, the first subject's; `population` decodes each
    /// subject's table on its own).
    func decodeDoses(vocabulary: ScenarioVocabulary, limits: ScenarioLimits, durationHours: Double?,
                     invalidDrugDefinitions: [String: String] = [:])
        -> (doses: [DoseRegimen], steadyState: SteadyStateStart?, problems: [ScenarioError], warnings: [ScenarioError]) {
        var doses: [DoseRegimen] = []
        var steadyState: SteadyStateStart?
        var problems: [ScenarioError] = []
        var warnings: [ScenarioError] = []
        for row in rows {
            var decoder = ScenarioDecoder(file: file, vocabulary: vocabulary, limits: limits)
            decoder.invalidDrugDefinitions = invalidDrugDefinitions
            if let dose = decoder.decodeDose(row.entry, path: "row", durationHours: durationHours) {
                doses.append(dose)
                if let ss = row.steadyState, steadyState == nil, row.subject == subjects.first,
                   let amount = Self.amount(of: dose.schedule) {
                    steadyState = SteadyStateStart(drug: dose.drug, route: dose.route, amountMilligrams: amount,
                                                   intervalHours: ss.intervalHours, hoursSinceLastDose: ss.hoursSinceLastDose)
                }
            }
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
        return (doses, steadyState, problems, warnings)
    }

    /// The amount of each dose of a bolus or depot schedule.
    private static func amount(of schedule: DoseSchedule) -> Double? {
        switch schedule {
        case .single(_, let amount), .repeated(_, _, _, let amount): return amount
        case .stepped, .infusion, .patch: return nil
        }
    }
}
