import Pharmacology

/// Units the exported quantities carry; SBML `unitDefinition` ids (plus SBML's base
/// `dimensionless`).
package enum ExportedUnit: String, Sendable, CaseIterable {
    case hour
    case perHour = "per_hour"
    case nanomolar = "nM"
    case nanomole = "nmol"
    case nanomolePerHour = "nmol_per_hour"
    case perLitre = "per_litre"
    case perNanomolarPerHour = "per_nM_per_hour"
    case milligram = "mg"
    case dimensionless
}

/// A compiled model in symbolic form, ready for SBML: every state with its initial value and
/// rate expression, every coefficient as a named parameter, the observables as assignment
/// rules named as the CSV columns, and the time events.
///
/// Built from the compiled model's own arrays (`CompiledStructure`), term by term in the order
/// `ReceptorSystem.evaluate` accumulates them, so the expressions are the compiled right-hand
/// side and the tests can check them against it numerically.
package struct ExportedModel: Sendable {
    package struct Parameter: Sendable, Equatable {
        package var id: String
        package var name: String
        package var value: Double
        package var unit: ExportedUnit
        /// False for values changed by events (infusion rates, stimulus intensities).
        package var constant: Bool
    }
    package struct State: Sendable, Equatable {
        package var id: String
        /// The compiled model's state name (`morphine.central_nmol`).
        package var name: String
        package var initialValue: Double
        package var unit: ExportedUnit
        package var rate: MathExpression
        /// The state's natural magnitude (`CompiledModel.stateScales`): ReceptorSim's absolute
        /// tolerance for this state is the scenario's atol times this, but at least
        /// `relativeToleranceFloorScale` times its rtol.
        package var absoluteToleranceScale: Double
        /// A depot's largest dose (nmol), 0 for other states (`CompiledModel.relativeToleranceFloorScales`).
        package var relativeToleranceFloorScale: Double
    }
    package struct Rule: Sendable, Equatable {
        package var id: String
        package var unit: ExportedUnit
        package var expression: MathExpression
        /// True when the rule is a CSV column, false for an intermediate.
        package var isColumn: Bool
    }
    package struct Assignment: Sendable, Equatable {
        package var variable: String
        package var expression: MathExpression
    }
    package struct Event: Sendable, Equatable {
        package var id: String
        package var timeHours: Double
        package var assignments: [Assignment]
        /// Model events merged into this one (several at one time become one SBML event, so
        /// no tool has to order simultaneous events).
        package var mergedCount: Int
    }

    package var id: String
    package var name: String
    package var durationHours: Double
    package var parameters: [Parameter] = []
    package var states: [State] = []
    /// In evaluation order: each rule reads only states, parameters and earlier rules.
    package var rules: [Rule] = []
    package var events: [Event] = []
    /// The CSV columns (without `time_h`), each a state or rule id.
    package var columns: [String] = []

    /// Builds the symbolic form of `model`.
    /// - Throws: `ExchangeError` when the compiled structure cannot be read, a CSV column has no
    ///   definition, identifiers collide or a value is not finite.
    package init(_ model: CompiledModel) throws(ExchangeError) {
        let structure = CompiledStructure(model)
        id = "receptor_sim_" + Self.identifier(model.scenario.name)
        name = model.scenario.name
        durationHours = model.scenario.durationHours
        var builder = ExportBuilder(structure: structure, physiology: model.library.physiology,
                                    initialState: model.initialState, absoluteToleranceScales: model.stateScales,
                                    relativeToleranceFloorScales: model.relativeToleranceFloorScales)
        try builder.build()
        parameters = builder.parameters
        states = builder.states
        rules = builder.rules
        events = builder.events
        var known = Set(states.map(\.id))
        known.formUnion(rules.map(\.id))
        let wanted: [String]
        do {
            wanted = try ReceptorModel.columnNames(for: model.scenario).filter { $0 != "time_h" }
        } catch {
            throw .modelStructureChanged(field: "ReceptorModel.columnNames", expected: "available for a compiled scenario")
        }
        for column in wanted where !known.contains(column) { throw .missingColumn(column) }
        columns = wanted
        try validate()
    }

    /// Every id unique, every value finite, every symbol defined before use.
    private func validate() throws(ExchangeError) {
        var defined: Set<String> = []
        func define(_ id: String) throws(ExchangeError) {
            guard defined.insert(id).inserted else { throw .duplicateIdentifier(id) }
        }
        for p in parameters {
            guard p.value.isFinite else { throw .nonFiniteValue(identifier: p.id, value: p.value) }
            try define(p.id)
        }
        for s in states {
            guard s.initialValue.isFinite else { throw .nonFiniteValue(identifier: s.id, value: s.initialValue) }
            guard s.absoluteToleranceScale.isFinite else {
                throw .nonFiniteValue(identifier: s.id + " tolerance scale", value: s.absoluteToleranceScale)
            }
            guard s.relativeToleranceFloorScale.isFinite else {
                throw .nonFiniteValue(identifier: s.id + " tolerance floor scale", value: s.relativeToleranceFloorScale)
            }
            try define(s.id)
        }
        for r in rules {
            for symbol in r.expression.symbols where !defined.contains(symbol) { throw .undefinedSymbol(symbol) }
            try define(r.id)
        }
        for s in states {
            for symbol in s.rate.symbols where !defined.contains(symbol) { throw .undefinedSymbol(symbol) }
        }
        for e in events {
            for a in e.assignments {
                guard defined.contains(a.variable) else { throw .undefinedSymbol(a.variable) }
                for symbol in a.expression.symbols where !defined.contains(symbol) { throw .undefinedSymbol(symbol) }
            }
        }
    }

    /// An SBML SId from any text: characters outside [A-Za-z0-9_] become `_`, a leading digit
    /// gets a `_` prefix.
    package static func identifier(_ text: String) -> String {
        var out = String(text.unicodeScalars.map { s -> Character in
            let ok = (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "_"
            return ok ? Character(s) : "_"
        })
        if out.isEmpty || out.first!.isNumber { out = "_" + out }
        return out
    }

    /// Values of every parameter, state and rule at `state` (in compiled state order), with
    /// event-changed parameters overridden by `overrides`.
    /// - Throws: `ExchangeError.undefinedSymbol`.
    package func values(state: [Double], overrides: [String: Double] = [:], timeHours: Double = 0) throws(ExchangeError) -> [String: Double] {
        precondition(state.count == states.count, "state has \(state.count) components, the model \(states.count)")
        var values: [String: Double] = [:]
        for p in parameters { values[p.id] = overrides[p.id] ?? p.value }
        for (s, y) in zip(states, state) { values[s.id] = y }
        for r in rules { values[r.id] = try r.expression.evaluate(values, timeHours: timeHours) }
        return values
    }

    /// The exported right-hand side at `state`, in compiled state order.
    /// - Throws: `ExchangeError.undefinedSymbol`.
    package func derivative(state: [Double], overrides: [String: Double] = [:], timeHours: Double = 0) throws(ExchangeError) -> [Double] {
        let v = try values(state: state, overrides: overrides, timeHours: timeHours)
        var out: [Double] = []
        for s in states { out.append(try s.rate.evaluate(v, timeHours: timeHours)) }
        return out
    }
}
