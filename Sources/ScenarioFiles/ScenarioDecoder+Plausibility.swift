import Pharmacology

/// The plausibility check of doses (issue 16): an amount or rate above the labelled or commonly
/// used range of its drug and route (`ScenarioVocabulary.plausibleDoses`) is a warning, so the
/// classic µg/mg slip (fentanyl 100 mg) is caught while a deliberate research dose still runs.
extension ScenarioDecoder {
    mutating func checkPlausibility(drug: String, route: Route, schedule: DoseSchedule,
                                    members: [String: JSONValue], path: String, at here: FieldLocation) {
        guard let entry = PlausibleDoseTable.entry(drug: drug, route: route, in: vocabulary.plausibleDoses) else { return }
        /// The key the file used for the amount or rate (`amount_ug`), and where it is.
        func written(_ keys: [(key: String, milligramsPerUnit: Double?)], fallback: String) -> (key: String, location: FieldLocation) {
            for (key, _) in keys {
                if let value = members[key] { return (key, FieldLocation(file: file, path: "\(path).\(key)", position: value.position)) }
            }
            let position = members[fallback]?.position ?? here.position
            return (fallback, FieldLocation(file: file, path: "\(path).\(fallback)", position: position))
        }
        let format = ScenarioError.format
        switch schedule {
        case .infusion(_, _, let rate), .patch(_, _, _, _, let rate):
            guard let limit = entry.maximumRateMilligramsPerHour, rate > limit else { return }
            let at = written(Self.rateKeys, fallback: "rate_mg_per_h")
            var message = "\(drug) \(format(rate)) mg/h by \(route.rawValue) is above the largest commonly used rate, "
                + "\(format(limit)) mg/h (\(entry.source))"
            if at.key == "rate_mg_per_h", rate / 1000 <= limit { message += "; if the rate is in µg/h, write rate_ug_per_h" }
            warnings.append(.implausibleDose(at.location, message: message))
        case .single(_, let amount), .repeated(_, _, _, let amount):
            guard let limit = entry.maximumSingleMilligrams, amount > limit else { return }
            let at = written(Self.amountKeys, fallback: "amount_mg")
            var message = "\(drug) \(format(amount)) mg by \(route.rawValue) is above the largest commonly used single dose, "
                + "\(format(limit)) mg (\(entry.source))"
            if at.key == "amount_mg", amount / 1000 <= limit { message += "; if the dose is in µg, write amount_ug" }
            warnings.append(.implausibleDose(at.location, message: message))
        case .stepped(_, _, let amounts):
            guard let limit = entry.maximumSingleMilligrams, let largest = amounts.max(), largest > limit else { return }
            let key = members["taper"] != nil ? "taper" : "titration"
            let location = FieldLocation(file: file, path: "\(path).\(key).amounts_mg", position: members[key]?.position ?? here.position)
            warnings.append(.implausibleDose(location, message: "\(drug) \(format(largest)) mg by \(route.rawValue) is above the largest "
                + "commonly used single dose, \(format(limit)) mg (\(entry.source))"))
        }
    }
}
