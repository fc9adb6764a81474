import Pharmacology

/// Turns a parsed JSON5 document into a `Scenario`, collecting every problem instead of
/// stopping at the first.
///
/// The decoder maps text to values: keys, JSON types and names (drugs, routes, parameters,
/// columns, solver methods, against a `ScenarioVocabulary`). Whether the values are
/// acceptable (ranges, times within the run, counts, costs) is decided by the one check of
/// Pharmacology (`ScenarioCheck`), which the compiler, studies and the command line's
/// overrides call too; the decoder only places its problems at their lines. Fields that fail
/// are left out of the scenario, so later checks still see as much of the file as possible.
struct ScenarioDecoder {

    static let topLevelKeys = ["name", "description", "duration_h", "subject", "drugs", "doses", "events", "parameters", "output", "solver"]
    static let subjectKeys = ["phenotype", "weight_kg", "cyp2d6"]
    static let doseKeys = ["drug", "route", "amount_mg", "amount_ug", "amount_mg_per_kg", "at_h", "start_h", "every_h", "count",
                           "taper", "titration", "rate_mg_per_h", "rate_ug_per_h", "rate_mg_per_kg_per_h", "duration_h", "wear_h"]
    /// The ways to give a dose's amount (exactly one per dose), with mg per unit (nil: the weight).
    static let amountKeys: [(key: String, milligramsPerUnit: Double?)] = [("amount_mg", 1), ("amount_ug", 0.001), ("amount_mg_per_kg", nil)]
    /// The ways to give an infusion's rate (exactly one per infusion).
    static let rateKeys: [(key: String, milligramsPerUnit: Double?)] = [("rate_mg_per_h", 1), ("rate_ug_per_h", 0.001), ("rate_mg_per_kg_per_h", nil)]
    static let steppedKeys = ["start_h", "every_h", "amounts_mg"]
    static let eventKeys = ["kind", "start_h", "duration_h", "intensity"]
    static let outputKeys = ["interval_h", "columns"]
    static let solverKeys = ["method", "rtol", "atol"]

    let file: String
    /// The names the model knows, extended by the drugs the file itself defines (`drugs`).
    var vocabulary: ScenarioVocabulary
    let limits: ScenarioLimits
    /// Doses from an event table (`--events`), appended after the file's own `doses`.
    var events: EventTable?
    var problems: [ScenarioError] = []
    /// Drugs of `drugs` whose definition has errors, by id, with its path (`drugs[0]`): a dose
    /// of one is told so, not called an unknown drug.
    var invalidDrugDefinitions: [String: String] = [:]
    /// Doses above their drug's plausible range (`ScenarioError.implausibleDose`).
    var warnings: [ScenarioError] = []
    var defaults: [ResolvedDefault] = []
    /// The subject's weight once `subject` is decoded, for `amount_mg_per_kg` doses.
    var weightKilograms = Subject().weightKilograms
    /// Dose fields (`doses[0].amount_mg`) whose problem is already reported under the key the
    /// file used (`amount_ug`, or two amount keys at once): the schedule decoder skips them.
    var reportedAmountPaths: Set<String> = []
    /// Where each value read is, by its field path, to place the problems of `ScenarioCheck`.
    var positions: [String: SourcePosition] = [:]
    /// Each number as the file wrote it (`1e-30`, `0x10`), by path, for messages.
    var literals: [String: String] = [:]

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
            if let duration = number(value, path: "duration_h"), report(ScenarioCheck.duration(duration), at: value.position) {
                scenario.durationHours = duration
                durationKnown = true
            }
        } else {
            problems.append(.missingKey(rootLocation, key: "duration_h"))
        }
        let duration: Double? = durationKnown ? scenario.durationHours : nil

        decodeSubject(members["subject"], into: &scenario)
        weightKilograms = scenario.subject.weightKilograms

        // Drugs defined in the file (and those of a --library file) come before the doses that use them.
        scenario.drugs = vocabulary.libraryDrugs
        if let value = members["drugs"] {
            scenario.drugs = decodeDrugDefinitions(value, path: "drugs", context: .scenario, base: vocabulary.libraryDrugs)
        }

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
            let decoded = events.decodeDoses(vocabulary: vocabulary, limits: limits, durationHours: duration,
                                             invalidDrugDefinitions: invalidDrugDefinitions)
            scenario.doses += decoded.doses
            scenario.steadyStateStart = decoded.steadyState
            problems += events.rowProblems.map(\.error) + decoded.problems
            warnings += decoded.warnings
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
        if let value = members["parameters"] {
            report(ScenarioCheck.halfLifeConflicts(scenario.parameterOverrides), at: value.position)
        }
        checkCost(of: scenario, durationKnown: durationKnown, at: rootLocation)
        return scenario
    }

    /// Places the problems `ScenarioCheck` found at the positions of their fields (`fallback`
    /// for a field the file did not give), quoting numbers as written.
    /// - Returns: true when there were none.
    @discardableResult
    mutating func report(_ found: [ScenarioProblem], at fallback: SourcePosition) -> Bool {
        for problem in found {
            problems.append(ScenarioError(problem, at: location(problem.path, positions[problem.path] ?? fallback),
                                          literal: literals[problem.path]))
        }
        return found.isEmpty
    }

    /// The caps of `limits` (`ScenarioCheck.cost`, from the counts of the schedule: nothing is
    /// expanded): the administrations and events at `doses` (or `events`), the output size at
    /// `output.interval_h` (or `duration_h` when the file leaves the interval out).
    private mutating func checkCost(of scenario: Scenario, durationKnown: Bool, at rootLocation: FieldLocation) {
        let columns = scenario.output.columns?.count ?? vocabulary.columnNames(scenario).count
        let cost = ScenarioCost(scenario, columnCount: columns)
        var found = ScenarioCheck.cost(cost, limits: limits, hasDoses: !scenario.doses.isEmpty)
        if !durationKnown { found.removeAll { $0.path == "output.interval_h" } }
        for k in found.indices where found[k].path == "output.interval_h" && positions["output.interval_h"] == nil {
            found[k].path = "duration_h"
        }
        report(found, at: rootLocation.position)
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
            if let weight = number(weightValue, path: "subject.weight_kg"), report(ScenarioCheck.weight(weight), at: weightValue.position) {
                scenario.subject.weightKilograms = weight
            }
        } else {
            defaults.append(ResolvedDefault(path: "subject.weight_kg", value: ScenarioError.format(scenario.subject.weightKilograms)))
        }
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
        let start = members["start_h"].flatMap { number($0, path: "\(path).start_h") }
        let length = members["duration_h"].flatMap { number($0, path: "\(path).duration_h") }
        var intensity: Double? = 1
        if let intensityValue = members["intensity"] {
            intensity = number(intensityValue, path: "\(path).intensity")
        } else {
            defaults.append(ResolvedDefault(path: "\(path).intensity", value: "1"))
        }
        // Stand-ins for what is missing, as for doses; their problems are not the user's.
        let event = StimulusEvent(kind: kind ?? .stress, startHours: start ?? 0, durationHours: length ?? 1, intensity: intensity ?? 1)
        let found = ScenarioCheck.event(event, durationHours: start == nil ? nil : durationHours)
            .map { $0.under(path) }
            .filter { literals[$0.path] != nil }
        guard report(found, at: here.position), kind != nil, start != nil, length != nil, intensity != nil else { return nil }
        return event
    }

    private mutating func decodeParameters(_ value: JSONValue, scenario: Scenario) -> [String: Double] {
        guard let members = self.members(value, path: "parameters") else { return [:] }
        let valid = vocabulary.parameterNames(scenario)
        let validSet = Set(valid)
        var overrides: [String: Double] = [:]
        for member in members {
            let path = "parameters[\"\(member.key)\"]"
            guard validSet.contains(member.key) else {
                if let drug = AbsentDrugParameter.drug(of: member.key, validNames: valid, isKnownDrug: { drug in
                    vocabulary.drugRoutes[drug] != nil || scenario.drugs.contains(where: { $0.id == drug })
                }) {
                    problems.append(.parameterOfAbsentDrug(location(path, member.keyPosition), parameter: member.key, drug: drug))
                } else {
                    unknownName(member.key, category: .parameter, candidates: valid, at: location(path, member.keyPosition))
                }
                continue
            }
            // Each parameter's range comes from the model (ParameterCatalog), checked by the one
            // check sweeps and populations get.
            if let number = number(member.value, path: path),
               report(ScenarioCheck.parameter(member.key, number, range: vocabulary.parameterRange(member.key)),
                      at: member.value.position) {
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
            if let interval = number(intervalValue, path: "output.interval_h"),
               report(ScenarioCheck.interval(interval), at: intervalValue.position) {
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
                let valid = vocabulary.columnNames(scenario) + vocabulary.optionalColumnNames(scenario)
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
        let methodDefault = ResolvedDefault(path: "solver.method", value: solver.method.rawValue)
        let rtolDefault = ResolvedDefault(path: "solver.rtol", value: "\(solver.relativeTolerance)")
        let atolDefault = ResolvedDefault(path: "solver.atol", value: "\(solver.absoluteTolerance)")
        guard let value else {
            defaults.append(contentsOf: [methodDefault, rtolDefault, atolDefault])
            return
        }
        guard let members = object(value, path: "solver", allowed: Self.solverKeys) else { return }
        if let methodValue = members["method"] {
            if let name = string(methodValue, path: "solver.method") {
                // The one reading of the name into the typed method; a name the vocabulary leaves
                // out is unknown here even if the engine has it.
                if vocabulary.solverMethods.contains(name), let method = SolverSpecification.method(named: name) {
                    scenario.solver.method = method
                } else {
                    unknownName(name, category: .solverMethod, candidates: vocabulary.solverMethods,
                                at: location("solver.method", methodValue.position))
                }
            }
        } else {
            defaults.append(methodDefault)
        }
        var tolerances = scenario.solver
        if let rtolValue = members["rtol"] {
            tolerances.relativeTolerance = number(rtolValue, path: "solver.rtol") ?? tolerances.relativeTolerance
        } else {
            defaults.append(rtolDefault)
        }
        if let atolValue = members["atol"] {
            tolerances.absoluteTolerance = number(atolValue, path: "solver.atol") ?? tolerances.absoluteTolerance
        } else {
            defaults.append(atolDefault)
        }
        if report(ScenarioCheck.tolerances(tolerances), at: value.position) {
            scenario.solver.relativeTolerance = tolerances.relativeTolerance
            scenario.solver.absoluteTolerance = tolerances.absoluteTolerance
        }
    }
}
