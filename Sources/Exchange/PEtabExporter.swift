import Pharmacology

/// Writes a PEtab (format version 1) problem for calibrating named parameters to the
/// observations of one or more studies: one SBML model, and the condition, measurement,
/// observable and parameter tables with the YAML file that ties them together.
///
/// Design (the simplest that is exact):
/// - **One model, one condition per study.** Every study's scenario is exported as SBML
///   (`ExportedModel`); their parameters, states, initial values and rules must be identical
///   (same drugs, phenotype and subject), otherwise the export is refused naming the two
///   studies and the first quantity that differs. The studies' regimens (dose, infusion and
///   stimulus events) are merged into one event list: each study gets a flag parameter
///   `regimen_<condition>` (0 in the model, 1 in its own condition), and an event at time t
///   assigns `X := Σ flag_s · e_s + (1 − Σ flag_s) · X` over the studies with an assignment
///   `X := e_s` at t, so only the active study's doses take effect and simultaneous events of
///   several studies are one SBML event.
/// - **Fitted parameters.** A scenario parameter (`morphine.clearance_l_per_h`) is not an SBML
///   quantity: it is compiled into coefficients. Each fitted parameter becomes a constant SBML
///   parameter `fit_<name>` at the scenario's value p0, and each coefficient it changes becomes
///   an assignment rule `k = k0 · (fit/p0)` or `k0 · (p0/fit)`; which coefficients, and in which
///   direction, is found by recompiling the scenario at 2·p0 and 3·p0 and checking the ratios.
///   A parameter that changes the drug-free initial state, the doses or a rule, or a
///   coefficient other than proportionally or inversely, is refused.
/// - **Measurements** are the values at time points; the caller drops window statistics.
///   The noise model is normal with the observation's sigma as `noiseParameters`, so PEtab's
///   negative log-likelihood is ½ Σ r² + Σ ln(√(2π) σ) with r the residual `fit` uses.
/// - **Parameter table:** `parameterScale` `log` (natural log, as `fit` searches ln(value)),
///   bounds and nominal value in natural units, `estimate` 1. The tables' numbers have 15
///   significant digits (`tableNumber`): a default bound 1.39 / 10 reads 0.139.
package enum PEtabExporter {
    /// The file names inside the problem folder.
    package static let modelFile = "model.xml"
    package static let conditionFile = "conditions.tsv"
    package static let measurementFile = "measurements.tsv"
    package static let observableFile = "observables.tsv"
    package static let parameterFile = "parameters.tsv"
    package static let problemFile = "problem.yaml"

    /// The problem's files, (name, content) in writing order (the YAML last).
    /// - Throws: `ExchangeError` when the studies cannot share a model or a parameter cannot be
    ///   expressed in the SBML.
    /// - Complexity: two recompilations per fitted parameter per study, plus the export.
    package static func files(studies: [PEtabStudy], parameters: [PEtabParameter]) throws(ExchangeError) -> [(name: String, text: String)] {
        precondition(!studies.isEmpty, "a PEtab problem needs a study")
        var exported: [ExportedModel] = []
        for study in studies { exported.append(try substituted(study: study, parameters: parameters)) }
        let conditions = studies.map { ExportedModel.identifier($0.id) }
        var seen: Set<String> = []
        for (study, condition) in zip(studies, conditions) where !seen.insert(condition).inserted {
            throw .duplicateIdentifier(condition + " (study \(study.id))")
        }
        var model = exported[0]
        for k in exported.indices.dropFirst() {
            if let difference = difference(exported[0], exported[k]) {
                throw .modelsDiffer(first: studies[0].id, other: studies[k].id, identifier: difference)
            }
        }
        let flags = conditions.map { "regimen_" + $0 }
        for flag in flags { model.parameters.append(.init(id: flag, name: flag, value: 0, unit: .dimensionless, constant: true)) }
        model.events = mergedEvents(exported.map(\.events), flags: flags)
        model.id = "receptor_sim_petab"
        model.name = "PEtab problem: " + studies.map(\.id).joined(separator: ", ")
        model.durationHours = studies.map(\.model.scenario.durationHours).max()!

        return [
            (modelFile, SBMLExporter.document(for: model)),
            (conditionFile, conditionTable(conditions: conditions, studies: studies, flags: flags)),
            (observableFile, observableTable(studies: studies)),
            (measurementFile, measurementTable(studies: studies, conditions: conditions)),
            (parameterFile, parameterTable(parameters)),
            (problemFile, problemYAML),
        ]
    }

    /// The observable id of a CSV column.
    package static func observableID(_ column: String) -> String { "obs_" + ExportedModel.identifier(column) }

    // MARK: - Model

    /// `study`'s exported model with the fitted parameters it has as SBML parameters.
    static func substituted(study: PEtabStudy, parameters: [PEtabParameter]) throws(ExchangeError) -> ExportedModel {
        let model = study.model
        let base = try ExportedModel(model)
        var added: [ExportedModel.Parameter] = []
        let names = model.parameterNames
        let values = model.parameterValues
        var factors: [String: [MathExpression]] = [:]
        for parameter in parameters {
            guard let index = names.firstIndex(of: parameter.name) else { continue }
            let p0 = values[index]
            let id = parameter.identifier
            var probes: [ExportedModel] = []
            for scale in [2.0, 3.0] {
                var changed = values
                changed[index] = p0 * scale
                do {
                    probes.append(try ExportedModel(try model.withParameterValues(changed)))
                } catch let error as ExchangeError {
                    throw error
                } catch {
                    throw .parameterNotExportable(name: parameter.name, reason: "the scenario of study '\(study.id)' does not compile at \(2 * p0): \(error)")
                }
            }
            for probe in probes {
                if let what = structuralDifference(base, probe) {
                    throw .parameterNotExportable(name: parameter.name, reason: "it changes \(what), not only coefficients")
                }
            }
            for (k, coefficient) in base.parameters.enumerated() where coefficient.constant {
                let r2 = probes[0].parameters[k].value / coefficient.value
                let r3 = probes[1].parameters[k].value / coefficient.value
                if nearlyEqual(probes[0].parameters[k].value, coefficient.value) && nearlyEqual(probes[1].parameters[k].value, coefficient.value) { continue }
                let factor: MathExpression
                if isClose(r2, 2) && isClose(r3, 3) {
                    factor = .quotient(.symbol(id), .number(p0))
                } else if isClose(r2, 1 / 2) && isClose(r3, 1 / 3) {
                    factor = .quotient(.number(p0), .symbol(id))
                } else {
                    throw .parameterNotExportable(name: parameter.name, reason: "it changes the coefficient '\(coefficient.id)' by a factor \(r2) when doubled (only proportional or inverse dependence is exported)")
                }
                factors[coefficient.id, default: []].append(factor)
            }
            added.append(.init(id: id, name: parameter.name, value: p0, unit: .dimensionless, constant: true))
        }
        // Coefficients that depend on fitted parameters become rules ahead of the model's own.
        var exported = base
        exported.parameters += added
        var rules: [ExportedModel.Rule] = []
        var kept: [ExportedModel.Parameter] = []
        for p in exported.parameters {
            guard let list = factors[p.id] else { kept.append(p); continue }
            rules.append(.init(id: p.id, unit: p.unit, expression: .product([.measured(p.value, p.unit)] + list), isColumn: false))
        }
        exported.parameters = kept
        exported.rules = rules + exported.rules
        return exported
    }

    private static func isClose(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-8 * abs(b) }

    /// What else than constant coefficients differs between two exports of one scenario
    /// (values compared to 1e-9 relative, 1e-12 absolute: recompiling re-solves the steady state).
    private static func structuralDifference(_ a: ExportedModel, _ b: ExportedModel) -> String? {
        guard a.parameters.map(\.id) == b.parameters.map(\.id) else { return "the list of coefficients" }
        for (p, q) in zip(a.parameters, b.parameters) where !p.constant && !nearlyEqual(p.value, q.value) { return "'\(p.id)'" }
        guard a.states.map(\.id) == b.states.map(\.id) else { return "the states" }
        for (s, t) in zip(a.states, b.states) where !nearlyEqual(s.initialValue, t.initialValue) || !nearlyEqual(s.rate, t.rate) {
            return "the initial value or rate of '\(s.id)'"
        }
        for (r, q) in zip(a.rules, b.rules) where r.id != q.id || r.unit != q.unit || !nearlyEqual(r.expression, q.expression) {
            return "the rule '\(r.id)'"
        }
        guard a.rules.count == b.rules.count else { return "the rules" }
        guard a.events == b.events else { return "the doses or events" }
        return nil
    }

    /// Equal up to the round-off of re-solving the drug-free steady state.
    static func nearlyEqual(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 + 1e-9 * max(abs(a), abs(b)) }

    /// The same expression tree with numbers equal up to that round-off. The set points, read
    /// at the control steady state, are parameters now (`RuleConstant.setPoints`, compared by
    /// `nearlyEqual(_:_:)` on values), but a number computed from them in the rules' `Double`
    /// arithmetic would still carry their last digits, which depend on every coefficient of
    /// the Newton solve (a drug's Ki among them).
    static func nearlyEqual(_ a: MathExpression, _ b: MathExpression) -> Bool {
        func all(_ x: [MathExpression], _ y: [MathExpression]) -> Bool {
            x.count == y.count && zip(x, y).allSatisfy { nearlyEqual($0, $1) }
        }
        switch (a, b) {
        case (.number(let x), .number(let y)): return nearlyEqual(x, y)
        case (.measured(let x, let u), .measured(let y, let v)): return u == v && nearlyEqual(x, y)
        case (.sum(let x), .sum(let y)), (.product(let x), .product(let y)): return all(x, y)
        case (.difference(let a1, let a2), .difference(let b1, let b2)), (.quotient(let a1, let a2), .quotient(let b1, let b2)),
             (.power(let a1, let a2), .power(let b1, let b2)), (.maximum(let a1, let a2), .maximum(let b1, let b2)),
             (.minimum(let a1, let a2), .minimum(let b1, let b2)), (.greaterThan(let a1, let a2), .greaterThan(let b1, let b2)),
             (.greaterOrEqual(let a1, let a2), .greaterOrEqual(let b1, let b2)):
            return nearlyEqual(a1, b1) && nearlyEqual(a2, b2)
        case (.negation(let x), .negation(let y)), (.exponential(let x), .exponential(let y)), (.logarithm(let x), .logarithm(let y)):
            return nearlyEqual(x, y)
        case (.piecewise(let v1, let c1, let o1), .piecewise(let v2, let c2, let o2)):
            return nearlyEqual(v1, v2) && nearlyEqual(c1, c2) && nearlyEqual(o1, o2)
        default: return a == b
        }
    }

    /// The first quantity in which two studies' models differ, nil when they can share one.
    private static func difference(_ a: ExportedModel, _ b: ExportedModel) -> String? {
        guard a.states.map(\.id) == b.states.map(\.id) else { return "the states (the drug sets differ)" }
        guard a.parameters.map(\.id) == b.parameters.map(\.id) else { return "the parameters (the drug sets differ)" }
        for (p, q) in zip(a.parameters, b.parameters) where p.unit != q.unit || p.constant != q.constant || !nearlyEqual(p.value, q.value) { return p.id }
        for (s, t) in zip(a.states, b.states) where !nearlyEqual(s.rate, t.rate) || !nearlyEqual(s.initialValue, t.initialValue) { return s.id }
        guard a.rules.map(\.id) == b.rules.map(\.id) else { return "the assignment rules" }
        for (r, s) in zip(a.rules, b.rules) where r.unit != s.unit || !nearlyEqual(r.expression, s.expression) { return r.id }
        return nil
    }

    /// One event per distinct time over every study, each assignment gated by the studies' flags.
    static func mergedEvents(_ perStudy: [[ExportedModel.Event]], flags: [String]) -> [ExportedModel.Event] {
        var times: [Double] = []
        for events in perStudy { for e in events where !times.contains(e.timeHours) { times.append(e.timeHours) } }
        times.sort()
        var out: [ExportedModel.Event] = []
        for time in times {
            var order: [String] = []
            var terms: [String: [(flag: String, expression: MathExpression)]] = [:]
            var count = 0
            for (s, events) in perStudy.enumerated() {
                for e in events where e.timeHours == time {
                    count += e.mergedCount
                    for a in e.assignments {
                        if terms[a.variable] == nil { order.append(a.variable) }
                        terms[a.variable, default: []].append((flags[s], a.expression))
                    }
                }
            }
            let assignments = order.map { variable -> ExportedModel.Assignment in
                let list = terms[variable]!
                let active = list.map { MathExpression.product([.symbol($0.flag), $0.expression]) }
                let inactive = MathExpression.difference(.number(1), .sum(list.map { .symbol($0.flag) }))
                return .init(variable: variable, expression: .sum(active + [.product([inactive, .symbol(variable)])]))
            }
            out.append(.init(id: "event_\(out.count)", timeHours: time, assignments: assignments, mergedCount: count))
        }
        return out
    }

    // MARK: - Tables

    static func conditionTable(conditions: [String], studies: [PEtabStudy], flags: [String]) -> String {
        var lines = [(["conditionId", "conditionName"] + flags).joined(separator: "\t")]
        for (k, condition) in conditions.enumerated() {
            lines.append(([condition, studies[k].id] + flags.indices.map { $0 == k ? "1" : "0" }).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func observableTable(studies: [PEtabStudy]) -> String {
        var columns: [String] = []
        for study in studies { for m in study.measurements where !columns.contains(m.observable) { columns.append(m.observable) } }
        var lines = ["observableId\tobservableName\tobservableFormula\tobservableTransformation\tnoiseFormula\tnoiseDistribution"]
        for column in columns {
            let id = observableID(column)
            lines.append([id, column, ExportedModel.identifier(column), "lin", "noiseParameter1_" + id, "normal"].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func measurementTable(studies: [PEtabStudy], conditions: [String]) -> String {
        var lines = ["observableId\tsimulationConditionId\tmeasurement\ttime\tnoiseParameters"]
        for (study, condition) in zip(studies, conditions) {
            for m in study.measurements {
                lines.append([observableID(m.observable), condition, tableNumber(m.value),
                              tableNumber(m.timeHours), tableNumber(m.sigma)].joined(separator: "\t"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func parameterTable(_ parameters: [PEtabParameter]) -> String {
        var lines = ["parameterId\tparameterName\tparameterScale\tlowerBound\tupperBound\tnominalValue\testimate"]
        for p in parameters {
            lines.append([p.identifier, p.name, "log", tableNumber(p.lower), tableNumber(p.upper),
                          tableNumber(p.nominal), "1"].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let problemYAML = """
        format_version: 1
        parameter_file: \(parameterFile)
        problems:
        - condition_files:
          - \(conditionFile)
          measurement_files:
          - \(measurementFile)
          observable_files:
          - \(observableFile)
          sbml_files:
          - \(modelFile)

        """
}
