import Pharmacology

/// A drug definition's `routes`: each route's bioavailability, absorption and depots.
extension ScenarioDecoder {
    mutating func decodeRoutes(_ value: JSONValue, path: String, id: String, into fields: inout SourcedFields) -> [RouteParameters] {
        guard let members = self.members(value, path: path, expected: "an object (route name: its parameters)") else { return [] }
        var routes: [RouteParameters] = []
        for member in members {
            let routePath = "\(path).\(member.key)"
            guard let route = Route(rawValue: member.key) else {
                unknownName(member.key, category: .route, candidates: Route.allCases.map(\.rawValue), at: location(routePath, member.keyPosition))
                continue
            }
            guard let keys = object(member.value, path: routePath, allowed: DrugDefinitionFormat.routeKeys) else { continue }
            let here = location(routePath, member.value.position)
            if route == .ivBolus || route == .ivInfusion {
                if let first = member.value.objectKeys.first, let field = keys[first] {
                    problems.append(.drugDefinition(location("\(routePath).\(first)", field.position),
                        message: "an intravenous route takes no parameters (the whole dose enters the central compartment); write \(member.key): {}"))
                    continue
                }
                routes.append(.intravenous(route))
                continue
            }
            let prefix = "\(id).\(route.rawValue)."
            func field(_ key: String, required: Bool) -> Sourced? {
                guard let field = keys[key] else {
                    if required { problems.append(.missingKey(here, key: key)) }
                    return nil
                }
                return sourcedNumber(field, path: "\(routePath).\(key)", catalogueName: prefix + key, into: &fields)
            }
            let bioavailability = field("bioavailability", required: true)
            let absorption = field("absorption_rate_per_h", required: true)
            let lag = field("lag_h", required: false)
            var slowDepot: SlowDepot?
            // A slow depot is declared by its fraction and rate together; its own lag and zero-order
            // release duration need both (the catalogue's range checks the duration is above 0),
            // and a bolus share splits a zero-order release, so it needs the duration (its own
            // duration spreads it, so that needs the share).
            let slowGiven = keys["slow_depot_fraction"] != nil || keys["slow_absorption_rate_per_h"] != nil || keys["slow_lag_h"] != nil
                || keys["slow_release_duration_h"] != nil || keys["slow_bolus_fraction"] != nil || keys["slow_bolus_duration_h"] != nil
            if slowGiven {
                let fraction = field("slow_depot_fraction", required: true)
                let rate = field("slow_absorption_rate_per_h", required: true)
                let slowLag = field("slow_lag_h", required: false)
                let duration = field("slow_release_duration_h", required: false)
                let bolus = field("slow_bolus_fraction", required: false)
                if let given = keys["slow_bolus_fraction"], keys["slow_release_duration_h"] == nil {
                    problems.append(.drugDefinition(location("\(routePath).slow_bolus_fraction", given.position),
                        message: "a bolus share splits a zero-order release: give slow_release_duration_h too"))
                }
                let spread = field("slow_bolus_duration_h", required: false)
                if let given = keys["slow_bolus_duration_h"], keys["slow_bolus_fraction"] == nil {
                    problems.append(.drugDefinition(location("\(routePath).slow_bolus_duration_h", given.position),
                        message: "a bolus duration spreads a bolus share: give slow_bolus_fraction too"))
                }
                if let fraction, let rate {
                    slowDepot = SlowDepot(fraction: fraction, absorptionRatePerHour: rate, lagHours: slowLag,
                                          releaseDurationHours: duration, bolusFraction: duration == nil ? nil : bolus,
                                          bolusDurationHours: duration == nil || bolus == nil ? nil : spread)
                }
            }
            // A route missing a number (a problem already recorded) stands in with a placeholder,
            // so the numbers it does give are range-checked with the rest of the definition.
            guard bioavailability != nil || absorption != nil else { continue }
            let stand = Sourced.rangeCheckPlaceholder
            var parameters = RouteParameters(route: route, bioavailability: bioavailability ?? stand,
                                             absorptionRatePerHour: absorption ?? stand, slowDepot: slowDepot)
            if let lag { parameters.lagHours = lag }
            routes.append(parameters)
        }
        return routes
    }
}
