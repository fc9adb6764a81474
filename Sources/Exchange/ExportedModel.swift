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

/// A compiled model in symbolic form, ready for SBML: compartments, every state with its
/// initial value (a species moved by reactions, or a rate-ruled quantity), the reactions with
/// their kinetic laws, every coefficient as a named parameter, the observables as assignment
/// rules named as the CSV columns, and the time events.
///
/// Built from the compiled model's own arrays (`CompiledStructure`), flux by flux in the order
/// `ReceptorSystem.evaluate` accumulates them, so the expressions are the compiled right-hand
/// side and the tests can check them against it numerically (`derivative` sums the reactions,
/// as an SBML simulator does).
package struct ExportedModel: Sendable {
    package struct Parameter: Sendable, Equatable {
        package var id: String
        package var name: String
        package var value: Double
        package var unit: ExportedUnit
        /// False for values changed by events (infusion rates, stimulus intensities).
        package var constant: Bool
        /// Where the value comes from, written as the parameter's SBML notes (the catalogue
        /// source of a rule constant, how a set point is computed); nil for none.
        package var notes: String? = nil
        /// The parameter's SBO term number (`SBO:0000002`), nil for none.
        package var sboTerm: Int? = nil
    }
    /// A compartment: its size is the volume that makes the species' values ReceptorSim's
    /// state values (1 L for concentrations in nM; amounts do not depend on it).
    package struct Compartment: Sendable, Equatable {
        package var id: String
        package var name: String
        package var sizeLitre: Double
    }
    package struct SpeciesReference: Sendable, Equatable {
        package var species: String
        package var stoichiometry: Double
    }
    /// A reaction: `rate` is its kinetic law, in nmol/h for drug amounts and effect-site
    /// concentrations (times the effect-site volume, 1 L) and in receptor fraction per hour for
    /// receptor pools. Ligands and other species the law reads are modifiers.
    package struct Reaction: Sendable, Equatable {
        package var id: String
        package var name: String
        package var reactants: [SpeciesReference]
        package var products: [SpeciesReference]
        package var rate: MathExpression
        package var reversible: Bool
    }
    package struct State: Sendable, Equatable {
        package var id: String
        /// The compiled model's state name (`morphine.central_nmol`).
        package var name: String
        package var initialValue: Double
        package var unit: ExportedUnit
        /// The species' compartment; nil for a state exported as a parameter with a rate rule.
        package var compartment: String?
        /// True when the species' value is its amount (`hasOnlySubstanceUnits`), false when it
        /// is a concentration in its compartment.
        package var isAmount: Bool
        /// The whole derivative: the rate rule of a rate-ruled state, the sum of its reactions'
        /// contributions for a species (kept for comparing two exports).
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
    package var compartments: [Compartment] = []
    package var parameters: [Parameter] = []
    package var states: [State] = []
    package var reactions: [Reaction] = []
    /// In evaluation order: each rule reads only states, parameters and earlier rules.
    package var rules: [Rule] = []
    package var events: [Event] = []
    /// The CSV columns (without `time_h`), each a state or rule id.
    package var columns: [String] = []
    /// Rule constants written as numbers because their value selects the rules' form (by
    /// catalogue name; `respiration.slope`).
    package var formDependentConstants: [String] = []
    /// Numbers of the rules that depend on constants in a form `RuleConstantNaming` does not
    /// write by name (empty unless the rules changed; the tests require it empty).
    package var unnamedRuleNumbers: [String] = []

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
        compartments = builder.compartments
        parameters = builder.parameters
        states = builder.states
        reactions = builder.reactions
        rules = builder.rules
        events = builder.events
        formDependentConstants = builder.formDependentConstants
        unnamedRuleNumbers = builder.unnamedRuleNumbers
        var known = Set(states.map(\.id))
        known.formUnion(rules.map(\.id))
        let wanted: [String]
        do {
            wanted = try ReceptorModel.columnNames(for: model.scenario, library: model.library).filter { $0 != "time_h" }
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
        for c in compartments {
            guard c.sizeLitre.isFinite && c.sizeLitre > 0 else { throw .nonFiniteValue(identifier: c.id, value: c.sizeLitre) }
            try define(c.id)
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
            if let c = s.compartment, !compartments.contains(where: { $0.id == c }) { throw .undefinedSymbol(c) }
        }
        let species = Set(states.filter { $0.compartment != nil }.map(\.id))
        for r in reactions {
            for symbol in r.rate.symbols where !defined.contains(symbol) { throw .undefinedSymbol(symbol) }
            for reference in r.reactants + r.products where !species.contains(reference.species) {
                throw .undefinedSymbol(reference.species)
            }
            try define(r.id)
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
        for c in compartments { values[c.id] = c.sizeLitre }
        for p in parameters { values[p.id] = overrides[p.id] ?? p.value }
        for (s, y) in zip(states, state) { values[s.id] = y }
        for r in rules { values[r.id] = try r.expression.evaluate(values, timeHours: timeHours) }
        return values
    }

    /// The exported right-hand side at `state`, in compiled state order, as an SBML simulator
    /// forms it: rate rules for rate-ruled states; for species the sum of stoichiometry times
    /// kinetic law over their reactions, divided by the compartment size for concentrations.
    /// - Throws: `ExchangeError.undefinedSymbol`.
    package func derivative(state: [Double], overrides: [String: Double] = [:], timeHours: Double = 0) throws(ExchangeError) -> [Double] {
        let v = try values(state: state, overrides: overrides, timeHours: timeHours)
        var index: [String: Int] = [:]
        var out = Array(repeating: 0.0, count: states.count)
        for (i, s) in states.enumerated() {
            index[s.id] = i
            if s.compartment == nil { out[i] = try s.rate.evaluate(v, timeHours: timeHours) }
        }
        for r in reactions {
            let rate = try r.rate.evaluate(v, timeHours: timeHours)
            for reference in r.reactants { out[index[reference.species]!] -= reference.stoichiometry * rate }
            for reference in r.products { out[index[reference.species]!] += reference.stoichiometry * rate }
        }
        for (i, s) in states.enumerated() {
            if let c = s.compartment, !s.isAmount { out[i] /= v[c]! }
        }
        return out
    }
}
