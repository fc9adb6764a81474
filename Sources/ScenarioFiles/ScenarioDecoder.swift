import Pharmacology

/// Turns a parsed JSON5 document into a `Scenario`, collecting every problem instead of
/// stopping at the first.
///
/// Structure (keys, types, ranges) is checked first; names (drugs, routes, parameters,
/// columns, solver methods) are checked against a `ScenarioVocabulary`. Fields that fail are
/// left out of the scenario, so later checks still see as much of the file as possible.
struct ScenarioDecoder {
    /// Longest run accepted: 100 years.
    static let maximumDurationHours = 876_000.0
    /// Largest `count` of a repeated dose.
    static let maximumDoseCount = ScenarioLimits.maximumCountPerEntry
    static let maximumWeightKilograms = 1_000.0
    /// Largest single dose (100 g) and infusion rate: far above any clinical amount, low enough
    /// that unit mistakes are caught before they overflow the model.
    static let maximumAmountMilligrams = 100_000.0
    /// Largest stimulus intensity (1 is a typical event).
    static let maximumIntensity = 100.0

    static let topLevelKeys = ["name", "description", "duration_h", "subject", "doses", "events", "parameters", "output", "solver"]
    static let subjectKeys = ["phenotype", "weight_kg", "cyp2d6"]
    static let doseKeys = ["drug", "route", "amount_mg", "at_h", "start_h", "every_h", "count", "taper", "titration", "rate_mg_per_h", "duration_h"]
    static let steppedKeys = ["start_h", "every_h", "amounts_mg"]
    static let eventKeys = ["kind", "start_h", "duration_h", "intensity"]
    static let outputKeys = ["interval_h", "columns"]
    static let solverKeys = ["method", "rtol", "atol"]

    let file: String
    let vocabulary: ScenarioVocabulary
    let limits: ScenarioLimits
    /// Doses from an event table (`--events`), appended after the file's own `doses`.
    var events: EventTable?
    private(set) var problems: [ScenarioError] = []
    private(set) var defaults: [ResolvedDefault] = []
    /// Where `output.interval_h` is (nil: not given), for the output-size problem.
    private var intervalLocation: FieldLocation?

    init(file: String, vocabulary: ScenarioVocabulary, limits: ScenarioLimits = .standard) {
        self.file = file
        self.vocabulary = vocabulary
        self.limits = limits
    }

    // MARK: The document

    mutating func decode(_ root: JSONValue) -> Scenario {
        var scenario = Scenario(name: "", durationHours: 0)
        guard let members = object(root, path: "", allowed: Self.topLevelKeys) else { return scenario }
        let rootLocation = location("", root.position)

        if let name = string(members["name"], path: "name") {
            scenario.name = name
        } else if members["name"] == nil {
            problems.append(.missingKey(rootLocation, key: "name"))
        }
        if let description = string(members["description"], path: "description") {
            scenario.description = description
        }
        var durationKnown = false
        if let value = members["duration_h"] {
            if let duration = number(value, path: "duration_h", .positive, atMost: Self.maximumDurationHours) {
                scenario.durationHours = duration
                durationKnown = true
            }
        } else {
            problems.append(.missingKey(rootLocation, key: "duration_h"))
        }
        let duration: Double? = durationKnown ? scenario.durationHours : nil

        decodeSubject(members["subject"], into: &scenario)

        var doseLocations: [FieldLocation] = []
        if let value = members["doses"], let elements = array(value, path: "doses") {
            for (i, element) in elements.enumerated() {
                let path = "doses[\(i)]"
                if let dose = decodeDose(element, path: path, durationHours: duration) {
                    scenario.doses.append(dose)
                    doseLocations.append(location(path, element.position))
                }
            }
        }
        if let events {
            let decoded = events.decodeDoses(vocabulary: vocabulary, limits: limits, durationHours: duration)
            scenario.doses += decoded.doses
            problems += decoded.problems
        }
        if let value = members["events"], let elements = array(value, path: "events") {
            for (i, element) in elements.enumerated() {
                if let event = decodeEvent(element, path: "events[\(i)]", durationHours: duration) {
                    scenario.events.append(event)
                }
            }
        }
        // Parameters and columns depend on the drugs in the scenario, so they come last.
        if let value = members["parameters"] {
            scenario.parameterOverrides = decodeParameters(value, scenario: scenario)
        }
        decodeOutput(members["output"], into: &scenario, durationHours: duration)
        decodeSolver(members["solver"], into: &scenario)
        checkCost(of: scenario, members: members, durationKnown: durationKnown, at: rootLocation)
        return scenario
    }

    /// The caps of `limits`, from the counts of the schedule (nothing is expanded): the
    /// administrations and events at `doses` (or `events`), the output size at
    /// `output.interval_h` (or `duration_h`).
    private mutating func checkCost(of scenario: Scenario, members: [String: JSONValue], durationKnown: Bool,
                                    at rootLocation: FieldLocation) {
        let columns = scenario.output.columns?.count ?? vocabulary.columnNames(scenario).count
        let cost = ScenarioCost(scenario, columnCount: columns)
        if let message = limits.administrationsProblem(cost) {
            let key = scenario.doses.isEmpty ? "events" : "doses"
            let here = members[key].map { location(key, $0.position) } ?? rootLocation
            problems.append(.tooCostly(here, message: message))
        }
        if durationKnown, let message = limits.outputProblem(cost, coarsen: "output.interval_h") {
            let here = intervalLocation ?? members["duration_h"].map { location("duration_h", $0.position) } ?? rootLocation
            problems.append(.tooCostly(here, message: message))
        }
    }

    private mutating func decodeSubject(_ value: JSONValue?, into scenario: inout Scenario) {
        guard let value else {
            defaults.append(ResolvedDefault(path: "subject.phenotype", value: scenario.subject.phenotype.rawValue))
            defaults.append(ResolvedDefault(path: "subject.weight_kg", value: ScenarioError.format(scenario.subject.weightKilograms)))
            return
        }
        guard let members = object(value, path: "subject", allowed: Self.subjectKeys) else { return }
        if let phenotypeValue = members["phenotype"] {
            if let name = string(phenotypeValue, path: "subject.phenotype") {
                if let phenotype = Phenotype(rawValue: name) {
                    scenario.subject.phenotype = phenotype
                } else {
                    unknownName(name, category: .phenotype, candidates: Phenotype.allCases.map(\.rawValue),
                                at: location("subject.phenotype", phenotypeValue.position))
                }
            }
        } else {
            defaults.append(ResolvedDefault(path: "subject.phenotype", value: scenario.subject.phenotype.rawValue))
        }
        // An absent cyp2d6 means a normal metabolizer; not listed among the applied defaults.
        if let cypValue = members["cyp2d6"], let name = string(cypValue, path: "subject.cyp2d6") {
            if let status = CYP2D6Phenotype(rawValue: name) {
                scenario.subject.cyp2d6 = status
            } else {
                unknownName(name, category: .cyp2d6, candidates: CYP2D6Phenotype.allCases.map(\.rawValue),
                            at: location("subject.cyp2d6", cypValue.position))
            }
        }
        if let weightValue = members["weight_kg"] {
            if let weight = number(weightValue, path: "subject.weight_kg", .positive, atMost: Self.maximumWeightKilograms) {
                scenario.subject.weightKilograms = weight
            }
        } else {
            defaults.append(ResolvedDefault(path: "subject.weight_kg", value: ScenarioError.format(scenario.subject.weightKilograms)))
        }
    }

    // MARK: Doses

    mutating func decodeDose(_ value: JSONValue, path: String, durationHours: Double?) -> DoseRegimen? {
        guard let members = object(value, path: path, allowed: Self.doseKeys) else { return nil }
        let here = location(path, value.position)
        var drug: String?
        if let drugValue = members["drug"] {
            if let name = string(drugValue, path: "\(path).drug") {
                if vocabulary.drugRoutes[name] != nil {
                    drug = name
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
        let schedule = decodeSchedule(members, path: path, at: here, route: route, durationHours: durationHours)
        guard let drug, let route, let schedule else { return nil }
        return DoseRegimen(drug: drug, route: route, schedule: schedule)
    }

    /// The schedule keys present decide the form; any mixture of forms is an error.
    private mutating func decodeSchedule(
        _ members: [String: JSONValue], path: String, at here: FieldLocation, route: Route?, durationHours: Double?
    ) -> DoseSchedule? {
        let scheduleKeys = ["amount_mg", "at_h", "start_h", "every_h", "count", "taper", "titration", "rate_mg_per_h", "duration_h"]
        let present = Set(scheduleKeys.filter { members[$0] != nil })
        let ordered = scheduleKeys.filter(present.contains)
        let form: Set<String>
        if present.contains("taper") || present.contains("titration") {
            form = present.contains("taper") ? ["taper"] : ["titration"]
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
        for key in scheduleKeys where form.contains(key) && !present.contains(key) {
            problems.append(.missingKey(here, key: key))
        }
        let isInfusion = form.contains("rate_mg_per_h")
        if let route, (route == .ivInfusion) != isInfusion {
            problems.append(.routeScheduleMismatch(location("\(path).route", members["route"]?.position ?? here.position),
                                                   route: route.rawValue))
        }
        func field(_ key: String, _ requirement: NumberRequirement, atMost: Double? = nil) -> Double? {
            guard let value = members[key] else { return nil }
            return number(value, path: "\(path).\(key)", requirement, atMost: atMost)
        }

        if form.contains("taper") || form.contains("titration") {
            let key = form.contains("taper") ? "taper" : "titration"
            guard let value = members[key] else { return nil }
            return decodeStepped(value, path: "\(path).\(key)", durationHours: durationHours)
        }
        if isInfusion {
            let rate = field("rate_mg_per_h", .nonNegative, atMost: Self.maximumAmountMilligrams)
            let start = field("start_h", .nonNegative)
            let length = field("duration_h", .positive)
            if let start, let durationHours, start > durationHours, let value = members["start_h"] {
                problems.append(.afterEndOfRun(location("\(path).start_h", value.position), timeHours: start, durationHours: durationHours))
            }
            guard let rate, let start, let length else { return nil }
            return .infusion(startHours: start, durationHours: length, rateMilligramsPerHour: rate)
        }
        let amount = field("amount_mg", .nonNegative, atMost: Self.maximumAmountMilligrams)
        if form.contains("at_h") {
            let time = field("at_h", .nonNegative)
            if let time, let durationHours, time > durationHours, let value = members["at_h"] {
                problems.append(.afterEndOfRun(location("\(path).at_h", value.position), timeHours: time, durationHours: durationHours))
            }
            guard let amount, let time else { return nil }
            return .single(atHours: time, amountMilligrams: amount)
        }
        let start = field("start_h", .nonNegative)
        let every = field("every_h", .positive)
        let countValue = field("count", .positive, atMost: Double(Self.maximumDoseCount))
        var count: Int?
        if let countValue, let value = members["count"] {
            if countValue == countValue.rounded() {
                count = Int(countValue)
            } else {
                problems.append(.invalidNumber(location("\(path).count", value.position), literal: literalOf(value), requirement: .wholeNumber))
            }
        }
        if let start, let durationHours, start > durationHours, let value = members["start_h"] {
            problems.append(.afterEndOfRun(location("\(path).start_h", value.position), timeHours: start, durationHours: durationHours))
        } else if let start, let every, let count, let durationHours, let value = members["count"] {
            let last = start + Double(count - 1) * every
            if last > durationHours {
                problems.append(.afterEndOfRun(location("\(path).count", value.position), timeHours: last, durationHours: durationHours))
            }
        }
        guard let amount, let start, let every, let count else { return nil }
        return .repeated(startHours: start, everyHours: every, count: count, amountMilligrams: amount)
    }

    private mutating func decodeStepped(_ value: JSONValue, path: String, durationHours: Double?) -> DoseSchedule? {
        guard let members = object(value, path: path, allowed: Self.steppedKeys) else { return nil }
        let here = location(path, value.position)
        for key in Self.steppedKeys where members[key] == nil {
            problems.append(.missingKey(here, key: key))
        }
        let start = members["start_h"].flatMap { number($0, path: "\(path).start_h", .nonNegative) }
        let every = members["every_h"].flatMap { number($0, path: "\(path).every_h", .positive) }
        var amounts: [Double]?
        if let amountsValue = members["amounts_mg"], let elements = array(amountsValue, path: "\(path).amounts_mg") {
            var collected: [Double] = []
            var valid = true
            for (i, element) in elements.enumerated() {
                if let amount = number(element, path: "\(path).amounts_mg[\(i)]", .nonNegative, atMost: Self.maximumAmountMilligrams) {
                    collected.append(amount)
                } else {
                    valid = false
                }
            }
            if elements.isEmpty {
                problems.append(.emptyList(location("\(path).amounts_mg", amountsValue.position)))
                valid = false
            }
            if elements.count > Self.maximumDoseCount {
                problems.append(.invalidNumber(location("\(path).amounts_mg", amountsValue.position),
                                               literal: "\(elements.count) amounts", requirement: .atMost(Double(Self.maximumDoseCount))))
                valid = false
            }
            if valid { amounts = collected }
        }
        guard let start, let every, let amounts else { return nil }
        let last = start + Double(amounts.count - 1) * every
        if let durationHours, last > durationHours, let value = members["amounts_mg"] {
            problems.append(.afterEndOfRun(location("\(path).amounts_mg", value.position), timeHours: last, durationHours: durationHours))
        }
        return .stepped(startHours: start, everyHours: every, amountsMilligrams: amounts)
    }

    // MARK: Events, parameters, output, solver

    private mutating func decodeEvent(_ value: JSONValue, path: String, durationHours: Double?) -> StimulusEvent? {
        guard let members = object(value, path: path, allowed: Self.eventKeys) else { return nil }
        let here = location(path, value.position)
        for key in ["kind", "start_h", "duration_h"] where members[key] == nil {
            problems.append(.missingKey(here, key: key))
        }
        var kind: StimulusKind?
        if let kindValue = members["kind"], let name = string(kindValue, path: "\(path).kind") {
            kind = StimulusKind(rawValue: name)
            if kind == nil {
                unknownName(name, category: .eventKind, candidates: StimulusKind.allCases.map(\.rawValue),
                            at: location("\(path).kind", kindValue.position))
            }
        }
        let start = members["start_h"].flatMap { number($0, path: "\(path).start_h", .nonNegative) }
        let length = members["duration_h"].flatMap { number($0, path: "\(path).duration_h", .positive) }
        var intensity = 1.0
        if let intensityValue = members["intensity"] {
            guard let parsed = number(intensityValue, path: "\(path).intensity", .nonNegative, atMost: Self.maximumIntensity) else { return nil }
            intensity = parsed
        } else {
            defaults.append(ResolvedDefault(path: "\(path).intensity", value: "1"))
        }
        if let start, let durationHours, start > durationHours, let value = members["start_h"] {
            problems.append(.afterEndOfRun(location("\(path).start_h", value.position), timeHours: start, durationHours: durationHours))
        }
        guard let kind, let start, let length else { return nil }
        return StimulusEvent(kind: kind, startHours: start, durationHours: length, intensity: intensity)
    }

    private mutating func decodeParameters(_ value: JSONValue, scenario: Scenario) -> [String: Double] {
        guard case .object(let members) = value.kind else {
            problems.append(.wrongType(location("parameters", value.position), expected: "an object", found: value.typeName))
            return [:]
        }
        let valid = vocabulary.parameterNames(scenario)
        let validSet = Set(valid)
        var overrides: [String: Double] = [:]
        for member in members {
            let path = "parameters[\"\(member.key)\"]"
            guard validSet.contains(member.key) else {
                unknownName(member.key, category: .parameter, candidates: valid, at: location(path, member.keyPosition))
                continue
            }
            // Each parameter's range comes from the model (ParameterCatalog): the same check
            // as for sweeps and populations. Without one, library values are never negative.
            if let range = vocabulary.parameterRange(member.key) {
                if let number = number(member.value, path: path, within: range) { overrides[member.key] = number }
            } else if let number = number(member.value, path: path, .nonNegative) {
                overrides[member.key] = number
            }
        }
        return overrides
    }

    private mutating func decodeOutput(_ value: JSONValue?, into scenario: inout Scenario, durationHours: Double?) {
        let defaultInterval = ResolvedDefault(path: "output.interval_h", value: ScenarioError.format(scenario.output.intervalHours))
        let defaultColumns = ResolvedDefault(path: "output.columns", value: "all")
        guard let value else {
            defaults.append(contentsOf: [defaultInterval, defaultColumns])
            return
        }
        guard let members = object(value, path: "output", allowed: Self.outputKeys) else { return }
        if let intervalValue = members["interval_h"] {
            intervalLocation = location("output.interval_h", intervalValue.position)
            if let interval = number(intervalValue, path: "output.interval_h", .positive) {
                scenario.output.intervalHours = interval
            }
        } else {
            defaults.append(defaultInterval)
        }
        if let columnsValue = members["columns"] {
            if let elements = array(columnsValue, path: "output.columns") {
                if elements.isEmpty {
                    problems.append(.emptyList(location("output.columns", columnsValue.position)))
                }
                let valid = vocabulary.columnNames(scenario)
                let validSet = Set(valid)
                var columns: [String] = []
                for (i, element) in elements.enumerated() {
                    let path = "output.columns[\(i)]"
                    guard let name = string(element, path: path) else { continue }
                    // time_h is always the first column; listing it is harmless.
                    if name == "time_h" { continue }
                    if validSet.contains(name) {
                        columns.append(name)
                    } else {
                        unknownName(name, category: .column, candidates: valid, at: location(path, element.position))
                    }
                }
                scenario.output.columns = columns
            }
        } else {
            defaults.append(defaultColumns)
        }
    }

    private mutating func decodeSolver(_ value: JSONValue?, into scenario: inout Scenario) {
        let solver = scenario.solver
        let methodDefault = ResolvedDefault(path: "solver.method", value: solver.method)
        let rtolDefault = ResolvedDefault(path: "solver.rtol", value: "\(solver.relativeTolerance)")
        let atolDefault = ResolvedDefault(path: "solver.atol", value: "\(solver.absoluteTolerance)")
        guard let value else {
            defaults.append(contentsOf: [methodDefault, rtolDefault, atolDefault])
            return
        }
        guard let members = object(value, path: "solver", allowed: Self.solverKeys) else { return }
        if let methodValue = members["method"] {
            if let name = string(methodValue, path: "solver.method") {
                if vocabulary.solverMethods.contains(name) {
                    scenario.solver.method = name
                } else {
                    unknownName(name, category: .solverMethod, candidates: vocabulary.solverMethods,
                                at: location("solver.method", methodValue.position))
                }
            }
        } else {
            defaults.append(methodDefault)
        }
        if let rtolValue = members["rtol"] {
            if let rtol = number(rtolValue, path: "solver.rtol", within: SolverSpecification.relativeToleranceRange) {
                scenario.solver.relativeTolerance = rtol
            }
        } else {
            defaults.append(rtolDefault)
        }
        if let atolValue = members["atol"] {
            if let atol = number(atolValue, path: "solver.atol", within: SolverSpecification.absoluteToleranceRange) {
                scenario.solver.absoluteTolerance = atol
            }
        } else {
            defaults.append(atolDefault)
        }
    }

    // MARK: Typed accessors that record problems

    private func location(_ path: String, _ position: SourcePosition) -> FieldLocation {
        FieldLocation(file: file, path: path, position: position)
    }

    private func literalOf(_ value: JSONValue) -> String {
        if case .number(_, let literal) = value.kind { return literal }
        return value.typeName
    }

    /// The members of an object by key, after reporting unknown keys; nil (and a problem) if
    /// the value is not an object.
    private mutating func object(_ value: JSONValue, path: String, allowed: [String]) -> [String: JSONValue]? {
        guard case .object(let members) = value.kind else {
            problems.append(.wrongType(location(path, value.position), expected: "an object", found: value.typeName))
            return nil
        }
        var byKey: [String: JSONValue] = [:]
        for member in members {
            if allowed.contains(member.key) {
                byKey[member.key] = member.value
            } else {
                let memberPath = path.isEmpty ? member.key : "\(path).\(member.key)"
                problems.append(.unknownKey(location(memberPath, member.keyPosition), key: member.key,
                                            suggestions: NameSuggestion.suggestions(for: member.key, in: allowed)))
            }
        }
        return byKey
    }

    private mutating func array(_ value: JSONValue, path: String) -> [JSONValue]? {
        guard case .array(let elements) = value.kind else {
            problems.append(.wrongType(location(path, value.position), expected: "an array", found: value.typeName))
            return nil
        }
        return elements
    }

    private mutating func string(_ value: JSONValue?, path: String) -> String? {
        guard let value else { return nil }
        guard case .string(let text) = value.kind else {
            problems.append(.wrongType(location(path, value.position), expected: "a string", found: value.typeName))
            return nil
        }
        return text
    }

    private mutating func number(
        _ value: JSONValue, path: String, _ requirement: NumberRequirement, atMost limit: Double? = nil
    ) -> Double? {
        guard case .number(let number, let literal) = value.kind else {
            problems.append(.wrongType(location(path, value.position), expected: "a number", found: value.typeName))
            return nil
        }
        let here = location(path, value.position)
        let ok: Bool
        switch requirement {
        case .nonNegative: ok = number.isFinite && number >= 0
        case .positive: ok = number.isFinite && number > 0
        default: ok = number.isFinite
        }
        guard ok else {
            problems.append(.invalidNumber(here, literal: literal, requirement: requirement))
            return nil
        }
        if let limit, number > limit {
            problems.append(.invalidNumber(here, literal: literal, requirement: .atMost(limit)))
            return nil
        }
        return number
    }

    /// A number inside `range` (finite), or nil and a problem that quotes the range and its reason.
    private mutating func number(_ value: JSONValue, path: String, within range: ParameterRange) -> Double? {
        guard let number = number(value, path: path, .finite) else { return nil }
        guard range.contains(number) else {
            problems.append(.outOfRange(location(path, value.position), literal: literalOf(value), range: range))
            return nil
        }
        return number
    }

    private mutating func unknownName(_ name: String, category: NameCategory, candidates: [String], at here: FieldLocation) {
        problems.append(.unknownName(here, category: category, name: name,
                                     suggestions: NameSuggestion.suggestions(for: name, in: candidates), valid: candidates))
    }
}
