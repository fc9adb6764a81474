import Pharmacology

/// A scenario's `doses`: drug, route, amount (mg, µg or mg/kg) and schedule (single, repeated,
/// tapered, titrated, stepped, infusions and patches).
extension ScenarioDecoder {
    mutating func decodeDose(_ value: JSONValue, path: String, durationHours: Double?) -> DoseRegimen? {
        guard let members = object(value, path: path, allowed: Self.doseKeys) else { return nil }
        let here = location(path, value.position)
        var drug: String?
        if let drugValue = members["drug"] {
            if let name = string(drugValue, path: "\(path).drug") {
                if vocabulary.drugRoutes[name] != nil {
                    drug = name
                } else if let definition = invalidDrugDefinitions[name] {
                    problems.append(.drugDefinition(location("\(path).drug", drugValue.position),
                        message: "drug '\(name)' is defined at \(definition), which has errors (listed with that path); "
                            + "fix them to dose it"))
                } else {
                    unknownName(name, category: .drug, candidates: vocabulary.drugRoutes.keys.sorted(),
                                at: location("\(path).drug", drugValue.position))
                }
            }
        } else {
            problems.append(.missingKey(here, key: "drug"))
        }
        var route: Route?
        if let routeValue = members["route"] {
            if let name = string(routeValue, path: "\(path).route") {
                let routeLocation = location("\(path).route", routeValue.position)
                if let parsed = Route(rawValue: name) {
                    route = parsed
                    if let drug, let supported = vocabulary.drugRoutes[drug], !supported.contains(parsed) {
                        problems.append(.unsupportedRoute(routeLocation, drug: drug, route: name,
                                                          supported: supported.map(\.rawValue)))
                    }
                } else {
                    unknownName(name, category: .route, candidates: Route.allCases.map(\.rawValue), at: routeLocation)
                }
            }
        } else {
            problems.append(.missingKey(here, key: "route"))
        }
        let schedule = decodeSchedule(normalizingAmounts(members, path: path, at: here), path: path, at: here, route: route, durationHours: durationHours)
        guard let drug, let route, let schedule else { return nil }
        checkPlausibility(drug: drug, route: route, schedule: schedule, members: members, path: path, at: here)
        return DoseRegimen(drug: drug, route: route, schedule: schedule)
    }

    /// `members` with an `amount_ug` or `amount_mg_per_kg` (and the rates likewise) turned into
    /// the `amount_mg` it means (the subject's weight for per-kg amounts), so one schedule
    /// decoder serves every unit; problems keep the key and literal as written. More than one
    /// amount (or rate) key is a problem and leaves none.
    private mutating func normalizingAmounts(_ members: [String: JSONValue], path: String, at here: FieldLocation) -> [String: JSONValue] {
        var out = members
        for (keys, canonical) in [(Self.amountKeys, "amount_mg"), (Self.rateKeys, "rate_mg_per_h")] {
            let given = keys.filter { members[$0.key] != nil }
            if given.count > 1 {
                problems.append(.conflictingKeys(here, keys: given.map(\.key),
                                                 message: "give exactly one of " + keys.map(\.key).joined(separator: ", ")))
                for key in keys { out[key.key] = nil }
                // Keep the form recognisable (an amount or a rate is there) without a value.
                out[canonical] = JSONValue(.null, at: members[given[0].key]!.position)
                reportedAmountPaths.insert("\(path).\(canonical)")
                continue
            }
            guard let only = given.first, only.key != canonical, let value = members[only.key] else { continue }
            out[only.key] = nil
            guard case .number(let number, let literal) = value.kind, number.isFinite, number >= 0 else {
                // Reported under its own name by the schedule decoder below.
                _ = self.number(value, path: "\(path).\(only.key)", .nonNegative)
                out[canonical] = JSONValue(.null, at: value.position)
                reportedAmountPaths.insert("\(path).\(canonical)")
                continue
            }
            let perUnit = only.milligramsPerUnit ?? weightKilograms
            let milligrams = number * perUnit
            if milligrams > ScenarioLimits.maximumAmountMilligrams {
                problems.append(.invalidNumber(location("\(path).\(only.key)", value.position), literal: literal,
                                               requirement: .atMost(ScenarioLimits.maximumAmountMilligrams / perUnit)))
                out[canonical] = JSONValue(.null, at: value.position)
                reportedAmountPaths.insert("\(path).\(canonical)")
                continue
            }
            out[canonical] = JSONValue(.number(milligrams, literal: literal), at: value.position)
        }
        return out
    }

    /// The schedule keys present decide the form; any mixture of forms is an error.
    private mutating func decodeSchedule(
        _ members: [String: JSONValue], path: String, at here: FieldLocation, route: Route?, durationHours: Double?
    ) -> DoseSchedule? {
        let scheduleKeys = ["amount_mg", "at_h", "start_h", "every_h", "count", "taper", "titration", "rate_mg_per_h", "duration_h", "wear_h"]
        let present = Set(scheduleKeys.filter { members[$0] != nil })
        let ordered = scheduleKeys.filter(present.contains)
        let form: Set<String>
        // A patch: every_h and count are optional (one patch; every_h then defaults to wear_h).
        let isPatch = present.contains("wear_h")
        if present.contains("taper") || present.contains("titration") {
            form = present.contains("taper") ? ["taper"] : ["titration"]
        } else if isPatch {
            form = ["rate_mg_per_h", "wear_h", "start_h", "every_h", "count"]
        } else if present.contains("rate_mg_per_h") {
            form = ["rate_mg_per_h", "start_h", "duration_h"]
        } else if present.contains("at_h") {
            form = ["amount_mg", "at_h"]
        } else if !present.isDisjoint(with: ["start_h", "every_h", "count"]) {
            form = ["amount_mg", "start_h", "every_h", "count"]
        } else {
            problems.append(.ambiguousSchedule(here, keysFound: ordered))
            return nil
        }
        if !present.isSubset(of: form) {
            problems.append(.ambiguousSchedule(here, keysFound: ordered))
            return nil
        }
        for key in scheduleKeys where form.contains(key) && !present.contains(key) && !(isPatch && (key == "every_h" || key == "count")) {
            problems.append(.missingKey(here, key: key))
        }
        let isInfusion = form.contains("rate_mg_per_h") && !isPatch
        if let route {
            report(ScenarioCheck.route(route, isInfusion: isInfusion, isPatch: isPatch).map { $0.under(path) }, at: here.position)
        }
        if form.contains("taper") || form.contains("titration") {
            let key = form.contains("taper") ? "taper" : "titration"
            guard let value = members[key] else { return nil }
            return decodeStepped(value, path: "\(path).\(key)", durationHours: durationHours)
        }
        // A field missing or not a number gets a valid stand-in, so the others are still
        // checked; the schedule is then incomplete and left out.
        var complete = true
        func field(_ key: String, standIn: Double) -> Double {
            if let value = members[key], !reportedAmountPaths.contains("\(path).\(key)"),
               let number = number(value, path: "\(path).\(key)") { return number }
            complete = false
            return standIn
        }
        let schedule: DoseSchedule
        if isPatch {
            let wear = field("wear_h", standIn: 1), start = field("start_h", standIn: 0)
            let every = members["every_h"] == nil ? wear : field("every_h", standIn: 1)
            var count = 1
            if members["count"] != nil {
                let given = field("count", standIn: 1)
                if report(ScenarioCheck.count(given).map { $0.under(path) }, at: here.position) { count = Int(given) } else { complete = false }
            }
            schedule = .patch(startHours: start, everyHours: every, count: count, wearHours: wear,
                              rateMilligramsPerHour: field("rate_mg_per_h", standIn: 0))
        } else if isInfusion {
            schedule = .infusion(startHours: field("start_h", standIn: 0), durationHours: field("duration_h", standIn: 1),
                                 rateMilligramsPerHour: field("rate_mg_per_h", standIn: 0))
        } else if form.contains("at_h") {
            schedule = .single(atHours: field("at_h", standIn: 0), amountMilligrams: field("amount_mg", standIn: 0))
        } else {
            let amount = field("amount_mg", standIn: 0), start = field("start_h", standIn: 0), every = field("every_h", standIn: 1)
            // `count` becomes an `Int`: checked here, before the conversion.
            var count = 1
            let given = field("count", standIn: 1)
            if members["count"] != nil, report(ScenarioCheck.count(given).map { $0.under(path) }, at: here.position) {
                count = Int(given)
            } else {
                complete = false
            }
            schedule = .repeated(startHours: start, everyHours: every, count: count, amountMilligrams: amount)
        }
        return checked(schedule, complete: complete, path: path, durationHours: durationHours, at: here.position)
    }

    /// `schedule` when `ScenarioCheck` finds nothing wrong with it and it is `complete`; its
    /// problems recorded (only those of fields the file gives: stand-ins are not the user's).
    private mutating func checked(_ schedule: DoseSchedule, complete: Bool, path: String, durationHours: Double?,
                                  at position: SourcePosition) -> DoseSchedule? {
        let found = ScenarioCheck.schedule(schedule, durationHours: complete ? durationHours : nil)
            .map { $0.under(path) }
            .filter { literals[$0.path] != nil || positions[$0.path] != nil }
        return report(found, at: position) && complete ? schedule : nil
    }

    private mutating func decodeStepped(_ value: JSONValue, path: String, durationHours: Double?) -> DoseSchedule? {
        guard let members = object(value, path: path, allowed: Self.steppedKeys) else { return nil }
        let here = location(path, value.position)
        for key in Self.steppedKeys where members[key] == nil {
            problems.append(.missingKey(here, key: key))
        }
        var complete = true
        let start = members["start_h"].flatMap { number($0, path: "\(path).start_h") }
        let every = members["every_h"].flatMap { number($0, path: "\(path).every_h") }
        if start == nil || every == nil { complete = false }
        var amounts: [Double] = []
        if let amountsValue = members["amounts_mg"], let elements = array(amountsValue, path: "\(path).amounts_mg") {
            literals["\(path).amounts_mg"] = "\(elements.count) amounts"
            for (i, element) in elements.enumerated() {
                if let amount = number(element, path: "\(path).amounts_mg[\(i)]") {
                    amounts.append(amount)
                } else {
                    amounts.append(0)
                    complete = false
                }
            }
        } else {
            complete = false
            amounts = [0]
        }
        let schedule = DoseSchedule.stepped(startHours: start ?? 0, everyHours: every ?? 1, amountsMilligrams: amounts)
        return checked(schedule, complete: complete, path: path, durationHours: durationHours, at: here.position)
    }
}
