import Integrators

extension Scenario {
    /// Every problem of this scenario's values, in field order: the rules of `ScenarioCheck`
    /// over the whole scenario, with the names (drugs, routes, parameters, columns, methods)
    /// checked against `library`.
    ///
    /// The compiler calls it before building a model, so a scenario made by a sweep, a
    /// population, a dose field or a command-line override is held to the rules a scenario
    /// file is, with the same messages. Taper and titration fields are named as studies name
    /// them (`doses[0].start_h`).
    /// - Parameters:
    ///   - limits: the caps on administrations and output size (nil: not checked, as when a
    ///     study compiles one member).
    ///   - intervalOption: what to coarsen in the output-size message (`output.interval_h`).
    /// - Complexity: O(doses + events + overrides + columns), plus one look-up of the
    ///   scenario's parameter and column names.
    public func problems(library: DrugLibrary, limits: ScenarioLimits? = nil,
                         intervalOption: String = "output.interval_h") -> [ScenarioProblem] {
        let library = library.including(drugs)
        var problems = ScenarioCheck.duration(durationHours) + ScenarioCheck.weight(subject.weightKilograms)
        let duration: Double? = ScenarioCheck.duration(durationHours).isEmpty ? durationHours : nil
        var namesKnown = true
        for (i, dose) in doses.enumerated() {
            let path = "doses[\(i)]"
            if let drug = library.drug(dose.drug) {
                if !drug.supportedRoutes.contains(dose.route) {
                    problems.append(ScenarioProblem(path: path + ".route", .unsupportedRoute(drug: dose.drug, route: dose.route, supported: drug.supportedRoutes)))
                    namesKnown = false
                }
            } else {
                problems.append(ScenarioProblem(path: path + ".drug", .unknownName(category: .drug, name: dose.drug, valid: library.drugs.map(\.id))))
                namesKnown = false
            }
            let isInfusion: Bool
            if case .infusion = dose.schedule { isInfusion = true } else { isInfusion = false }
            let isPatch = if case .patch = dose.schedule { true } else { false }
            problems += ScenarioCheck.route(dose.route, isInfusion: isInfusion, isPatch: isPatch).map { $0.under(path) }
            problems += ScenarioCheck.schedule(dose.schedule, durationHours: duration).map { $0.under(path) }
        }
        for (i, event) in events.enumerated() {
            problems += ScenarioCheck.event(event, durationHours: duration).map { $0.under("events[\(i)]") }
        }
        // Names of parameters and columns depend on the drugs: only checked when those are known.
        let parameterNames = namesKnown ? Set((try? ReceptorModel.parameterNames(for: self, library: library)) ?? []) : nil
        for name in parameterOverrides.keys.sorted() {
            let value = parameterOverrides[name]!
            if let parameterNames, !parameterNames.contains(name) {
                problems.append(ScenarioProblem(path: ScenarioCheck.parameterPath(name),
                                                .unknownName(category: .parameter, name: name, valid: parameterNames.sorted())))
                continue
            }
            problems += ScenarioCheck.parameter(name, value, range: ParameterCatalog.range(of: name, in: library))
        }
        problems += ScenarioCheck.halfLifeConflicts(parameterOverrides)
        let intervalProblems = ScenarioCheck.interval(output.intervalHours)
        problems += intervalProblems
        let columnNames = namesKnown ? ((try? ReceptorModel.columnNames(for: self, library: library)) ?? []).filter { $0 != "time_h" } : nil
        if let columns = output.columns {
            if columns.isEmpty { problems.append(ScenarioProblem(path: "output.columns", .emptyList)) }
            if let columnNames {
                // Optional columns (`<drug>_plasma_ng_per_mL`) may be named but are not in "all".
                let named = columnNames + ((try? ReceptorModel.optionalColumnNames(for: self, library: library)) ?? [])
                let valid = Set(named)
                for (i, column) in columns.enumerated() where !valid.contains(column) {
                    problems.append(ScenarioProblem(path: "output.columns[\(i)]", .unknownName(category: .column, name: column, valid: named)))
                }
            }
        }
        problems += ScenarioCheck.tolerances(solver)
        if let limits, let columnNames, duration != nil, intervalProblems.isEmpty {
            let cost = ScenarioCost(self, columnCount: output.columns?.count ?? columnNames.count)
            problems += ScenarioCheck.cost(cost, limits: limits, hasDoses: !doses.isEmpty, coarsen: intervalOption)
        }
        return problems
    }

    /// Throws when `problems` finds any.
    /// - Throws: `ModelError.invalidScenario` with every problem.
    public func validate(library: DrugLibrary, limits: ScenarioLimits? = nil) throws(ModelError) {
        let found = problems(library: library, limits: limits)
        if !found.isEmpty { throw .invalidScenario(found) }
    }
}
