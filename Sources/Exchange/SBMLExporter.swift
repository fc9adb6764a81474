import Pharmacology

/// Writes a compiled model as SBML Level 3 Version 2, so COPASI, libRoadRunner/Tellurium and
/// other SBML tools read it as a model and run the same equations ReceptorSim runs.
///
/// Representation:
/// - **compartments** with volumes chosen so that every species' value is ReceptorSim's state
///   value in its unit: per drug a central compartment of the drug's V1 and peripheral ones of
///   V1·k12/k21 (and V1·k13/k31), holding amounts in nmol (`hasOnlySubstanceUnits`); a 1 L
///   `effect_site`, so its concentrations are in nM; `depots` for absorption depots (nmol); and
///   `brain_receptors`, whose species are receptor fractions relative to the drug-free total
///   (`substanceUnits="dimensionless"`);
/// - **species** for drug amounts, effect-site concentrations and receptor pools (free,
///   desensitized, internalized, each bound complex), moved by **reactions** with kinetic laws:
///   infusion, elimination, distribution, absorption (F·ka·A, with (1 − F)·ka·A lost),
///   metabolite formation (the parent a modifier), effect-site equilibration, binding
///   (reversible, the ligand a modifier), synthesis, endocytosis, recycling, degradation,
///   desensitization, resensitization and internalization;
/// - **rate rules** only for states driven by rules rather than fluxes: uncoupling U, the LC and
///   reward adaptation pools, the LC extrinsic drive, ketamine plasticity, the peptide levels
///   and their slow feedback states X_e and X_d (non-constant `parameter`s); the dimensionless
///   ones (every rate-ruled state but the peptide levels) are integrated as `<id>_shifted`, the
///   state plus 1e-9, and the state itself is the assignment rule `<id>_shifted - 1e-9` (see
///   below);
/// - every coefficient of the compiled right-hand side is a constant `parameter` with its value
///   and unit (the numbers the compiled system holds, after overrides and weight scaling);
/// - the constants of the signalling rules (couplings, gains, widths, weights, half-lives:
///   `RuleConstant`) and of the peptide feedback, the dependence pools, the probe and the COWS
///   mapping are parameters whose id is their catalogue name (`receptor-sim parameters`) made
///   an SId (`uncoupling.gain` → `uncoupling_gain`), whose name is the catalogue name, with
///   `sboTerm="SBO:0000002"` and the catalogue's source as notes; the math reads them by name
///   (`RuleConstantNaming`), so changing one in COPASI or libRoadRunner is the scenario override
///   of the same name. A rate the rules hold as ln 2 / t½ is an assignment rule over the
///   half-life parameter (`uncoupling_onset_rate`). The set points (the drug-free control
///   steady state's responses and activations) are parameters too, with notes saying they are
///   computed, not free: a coupling change moves them, so export again with the override.
///   Still written as numbers: `respiration.slope` (its value selects the form, x⁴ at 4 and
///   max(x, 0)ⁿ otherwise), the literals of the rules' own code (the 1 in 1 − U, the 0.01
///   width of the dopamine excess, the 0.5 reward weight of `withdrawal_index`, the 48 points of
///   COWS) and the per-pair coefficients (efficacy, activation) the compiled model derives;
/// - every CSV column is an `assignmentRule` (or the species or state itself, when the column
///   is one) with the column's exact name as id; intermediates are assignment rules too;
/// - doses, infusion changes and stimulus windows are `event`s triggered by `time >= t`
///   (`initialValue="false"`, `persistent="true"`, values from the trigger time); events at one
///   time are merged into one SBML event so no tool has to order simultaneous events;
/// - initial values are the compiled drug-free steady state, exact zeros where it is zero;
/// - units on everything: `hour`, `nmol`, `nM`, litre, dimensionless and their products;
/// - each state carries a `receptorsim:state` annotation with its `absoluteToleranceScale`
///   and, for depots, a `relativeToleranceFloorScale` (ReceptorSim's absolute tolerance for a
///   state is max(atol × the first, rtol × the second)); no simulator needs them (see below).
///
/// Why shifted: libRoadRunner (2.10) re-derives every state's absolute tolerance at each event
/// as its default 1e-12 times the state's current magnitude (times the compartment volume when
/// the state is 0). A rule-driven state that relaxes toward zero without reaching it gets an
/// absurd tolerance there: in the validation scenario with buprenorphine every 8 h and a
/// naloxone bolus at 332.5 h, `lc_extrinsic_drive` has decayed to 1.2e-46 by the bolus, its
/// tolerance becomes 1.2e-58, and CVODE's corrector fails at t = 332.5 h with h = 1e-20
/// (setting that one state to 0 before the bolus lets the run finish). Integrated as
/// value + 1e-9, the state's tolerance near zero is about rtol × 1e-9 = 1e-15 at the peers'
/// default rtol of 1e-6: far above the corrector's round-off, and below every column's
/// resolution (sbml_check.py's finest is 1e-10 absolute). Larger shifts also run but blur the
/// states near zero: with 1e-3 (a floor of 1e-9) `delta_uncoupled` of the nalmefene validation
/// scenario (a range of about 1e-6) misses the 1e-4 agreement by 12 times; with 1, the codeine
/// scenario's `withdrawal_signs` by four times.
///
/// Checked (Benchmarks/peers/sbml_check.py, Benchmarks/roadrunner-results.md): libsbml's
/// consistency check reports no errors (unit warnings only: receptor reactions run in fraction
/// per hour, the model's extent is nmol), and the shipped scenarios (top level, teaching and
/// validation) simulated by libRoadRunner 2.10 and by COPASI 4.48 with their default integrator
/// settings agree with ReceptorSim's CSV within 1e-4 of each column's range (the counts and
/// worst columns are in Benchmarks/roadrunner-results.md).
///
/// The document is deterministic: the same model gives the same bytes.
public enum SBMLExporter {
    static let sbmlNamespace = "http://www.sbml.org/sbml/level3/version2/core"
    static let mathNamespace = "http://www.w3.org/1998/Math/MathML"
    /// ReceptorSim's annotations: per state, the scale of its absolute tolerance (SBML has no
    /// tolerance field; a simulator reproducing ReceptorSim's error control reads this).
    public static let annotationNamespace = "urn:receptor-sim:sbml:1"

    /// The SBML document for `model`.
    /// - Throws: `ExchangeError` when the compiled model has a structure the exporter does not
    ///   know (a renamed field, a new observable) or holds a non-finite value.
    /// - Complexity: O(size of the model).
    public static func document(for model: CompiledModel) throws(ExchangeError) -> String {
        document(for: try ExportedModel(model))
    }

    /// The SBML document for an exported model.
    package static func document(for model: ExportedModel) -> String {
        var x = XMLText()
        x.start("sbml", [("xmlns", sbmlNamespace), ("level", "3"), ("version", "2")])
        x.start("model", [("id", model.id), ("name", model.name), ("timeUnits", "hour"),
                          ("substanceUnits", "nmol"), ("extentUnits", "nmol"), ("volumeUnits", "litre")])
        x.start("notes")
        x.start("body", [("xmlns", "http://www.w3.org/1999/xhtml")])
        x.leaf("p", text: "Exported by receptor-sim from the compiled scenario '\(model.name)' "
               + "(duration \(number(model.durationHours)) h). Drug amounts (nmol), effect-site concentrations (nM) "
               + "and receptor fractions are species moved by reactions; rule-driven states are rate-ruled parameters "
               + "(the dimensionless ones integrated as <id>_shifted, the state plus 1e-9, for simulators that scale "
               + "absolute tolerances by each value); "
               + "all start at the drug-free steady state; assignment rules named as the CSV columns give the observables.")
        x.end()
        x.end()
        writeUnits(&x)
        x.start("listOfCompartments")
        for c in model.compartments {
            x.empty("compartment", [("id", c.id), ("name", c.name), ("spatialDimensions", "3"),
                                    ("size", number(c.sizeLitre)), ("units", "litre"), ("constant", "true")])
        }
        x.end()
        let species = model.states.filter { $0.compartment != nil }
        if !species.isEmpty {
            x.start("listOfSpecies")
            for s in species {
                let initial = s.isAmount ? "initialAmount" : "initialConcentration"
                let substance = s.unit == .dimensionless ? "dimensionless" : ExportedUnit.nanomole.rawValue
                x.start("species", [("id", s.id), ("name", s.name), ("compartment", s.compartment!),
                                    (initial, number(s.initialValue)), ("substanceUnits", substance),
                                    ("hasOnlySubstanceUnits", s.isAmount ? "true" : "false"),
                                    ("boundaryCondition", "false"), ("constant", "false")])
                writeToleranceAnnotation(s, &x)
                x.end()
            }
            x.end()
        }
        x.start("listOfParameters")
        for p in model.parameters {
            var attributes = [("id", p.id), ("name", p.name), ("value", number(p.value)),
                              ("units", p.unit.rawValue), ("constant", p.constant ? "true" : "false")]
            if let term = p.sboTerm { attributes.append(("sboTerm", sboTerm(term))) }
            guard let notes = p.notes else {
                x.empty("parameter", attributes)
                continue
            }
            x.start("parameter", attributes)
            x.start("notes")
            x.start("body", [("xmlns", "http://www.w3.org/1999/xhtml")])
            x.leaf("p", text: notes)
            x.end()
            x.end()
            x.end()
        }
        for s in model.states where s.compartment == nil {
            if isShifted(s) {
                x.start("parameter", [("id", s.id + shiftedSuffix), ("name", s.name + " + \(number(shift))"),
                                      ("value", number(shift + s.initialValue)), ("units", s.unit.rawValue), ("constant", "false")])
                writeToleranceAnnotation(s, &x)
                x.end()
                x.empty("parameter", [("id", s.id), ("name", s.name), ("units", s.unit.rawValue), ("constant", "false")])
            } else {
                x.start("parameter", [("id", s.id), ("name", s.name), ("value", number(s.initialValue)),
                                      ("units", s.unit.rawValue), ("constant", "false")])
                writeToleranceAnnotation(s, &x)
                x.end()
            }
        }
        for r in model.rules {
            x.empty("parameter", [("id", r.id), ("name", r.isColumn ? "CSV column \(r.id)" : r.id),
                                  ("units", r.unit.rawValue), ("constant", "false")])
        }
        x.end()
        x.start("listOfRules")
        for s in model.states where isShifted(s) {
            x.start("assignmentRule", [("variable", s.id)])
            writeMath(.difference(.symbol(s.id + shiftedSuffix), .number(shift)), &x)
            x.end()
        }
        for r in model.rules {
            x.start("assignmentRule", [("variable", r.id)])
            writeMath(r.expression, &x)
            x.end()
        }
        for s in model.states where s.compartment == nil {
            x.start("rateRule", [("variable", isShifted(s) ? s.id + shiftedSuffix : s.id)])
            writeMath(s.rate, &x)
            x.end()
        }
        x.end()
        if !model.reactions.isEmpty {
            // The species each rule reads, directly or through earlier rules (rules are in
            // evaluation order), so a law reading a ligand's brain concentration names the
            // effect-site species as its modifier.
            let speciesIDs = Set(species.map(\.id))
            var reads: [String: [String]] = [:]
            for r in model.rules {
                var list: [String] = []
                for symbol in r.expression.symbols {
                    for s in speciesIDs.contains(symbol) ? [symbol] : reads[symbol, default: []] where !list.contains(s) {
                        list.append(s)
                    }
                }
                reads[r.id] = list
            }
            x.start("listOfReactions")
            for r in model.reactions { writeReaction(r, species: speciesIDs, ruleReads: reads, &x) }
            x.end()
        }
        if !model.events.isEmpty {
            x.start("listOfEvents")
            for e in model.events {
                x.start("event", [("id", e.id), ("name", "t = \(number(e.timeHours)) h"),
                                  ("useValuesFromTriggerTime", "true")])
                x.start("trigger", [("initialValue", "false"), ("persistent", "true")])
                writeMath(.greaterOrEqual(.time, .measured(e.timeHours, .hour)), &x)
                x.end()
                x.start("listOfEventAssignments")
                for a in e.assignments {
                    x.start("eventAssignment", [("variable", a.variable)])
                    writeMath(a.expression, &x)
                    x.end()
                }
                x.end()
                x.end()
            }
            x.end()
        }
        x.end()
        x.end()
        return x.text
    }

    /// The suffix of the integrated quantity of a shifted state (`mu_uncoupled_shifted`).
    package static let shiftedSuffix = "_shifted"
    /// What a shifted state's integrated quantity adds to it.
    package static let shift = 1e-9

    /// True for a rate-ruled dimensionless state (uncoupling, adaptation pools, extrinsic drive,
    /// ketamine plasticity, X_e, X_d), integrated as its value + `shift`: each relaxes toward 0
    /// and may sit at 1e-46 there, where libRoadRunner's event-time tolerance (1e-12 × value)
    /// stops CVODE. The peptide levels (nM, near their baselines) and species are not shifted.
    package static func isShifted(_ s: ExportedModel.State) -> Bool {
        s.compartment == nil && s.unit == .dimensionless
    }

    /// ReceptorSim's tolerance scale of a state (SBML has no tolerance field).
    private static func writeToleranceAnnotation(_ s: ExportedModel.State, _ x: inout XMLText) {
        x.start("annotation")
        var attributes = [("xmlns:receptorsim", annotationNamespace),
                          ("absoluteToleranceScale", number(s.absoluteToleranceScale))]
        if s.relativeToleranceFloorScale != 0 {
            attributes.append(("relativeToleranceFloorScale", number(s.relativeToleranceFloorScale)))
        }
        x.empty("receptorsim:state", attributes)
        x.end()
    }

    /// A reaction with its reactants, products, modifiers (species its law reads that it does
    /// not change) and kinetic law.
    private static func writeReaction(_ r: ExportedModel.Reaction, species: Set<String>, ruleReads: [String: [String]],
                                      _ x: inout XMLText) {
        x.start("reaction", [("id", r.id), ("name", r.name), ("reversible", r.reversible ? "true" : "false")])
        for (list, references) in [("listOfReactants", r.reactants), ("listOfProducts", r.products)] where !references.isEmpty {
            x.start(list)
            for reference in references {
                x.empty("speciesReference", [("species", reference.species),
                                             ("stoichiometry", number(reference.stoichiometry)), ("constant", "true")])
            }
            x.end()
        }
        let changed = Set((r.reactants + r.products).map(\.species))
        var modifiers: [String] = []
        for symbol in r.rate.symbols {
            for s in species.contains(symbol) ? [symbol] : ruleReads[symbol, default: []]
            where !changed.contains(s) && !modifiers.contains(s) {
                modifiers.append(s)
            }
        }
        if !modifiers.isEmpty {
            x.start("listOfModifiers")
            for m in modifiers { x.empty("modifierSpeciesReference", [("species", m)]) }
            x.end()
        }
        x.start("kineticLaw")
        writeMath(r.rate, &x)
        x.end()
        x.end()
    }

    /// An SBO term number as SBML writes it (`SBO:0000002`).
    static func sboTerm(_ term: Int) -> String {
        let digits = String(term)
        return "SBO:" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// A finite double in the shortest text that reads back to the same value (xsd:double).
    static func number(_ v: Double) -> String {
        precondition(v.isFinite, "non-finite values are rejected by ExportedModel")
        return v == 0 ? "0" : "\(v)"
    }

    private static func writeUnits(_ x: inout XMLText) {
        typealias U = (kind: String, exponent: Int, scale: Int, multiplier: Double)
        let hourPart: U = ("second", -1, 0, 3600)
        let definitions: [(ExportedUnit, [U])] = [
            (.hour, [("second", 1, 0, 3600)]),
            (.perHour, [hourPart]),
            (.nanomolar, [("mole", 1, -9, 1), ("litre", -1, 0, 1)]),
            (.nanomole, [("mole", 1, -9, 1)]),
            (.nanomolePerHour, [("mole", 1, -9, 1), hourPart]),
            (.perLitre, [("litre", -1, 0, 1)]),
            (.perNanomolarPerHour, [("litre", 1, 0, 1), ("mole", -1, -9, 1), hourPart]),
            (.milligram, [("gram", 1, -3, 1)]),
        ]
        x.start("listOfUnitDefinitions")
        for (unit, parts) in definitions {
            x.start("unitDefinition", [("id", unit.rawValue)])
            x.start("listOfUnits")
            for p in parts {
                x.empty("unit", [("kind", p.kind), ("exponent", String(p.exponent)), ("scale", String(p.scale)),
                                 ("multiplier", number(p.multiplier))])
            }
            x.end()
            x.end()
        }
        x.end()
    }

    private static func writeMath(_ e: MathExpression, _ x: inout XMLText) {
        x.start("math", [("xmlns", mathNamespace), ("xmlns:sbml", sbmlNamespace)])
        writeNode(e, &x)
        x.end()
    }

    private static func apply(_ op: String, _ args: [MathExpression], _ x: inout XMLText) {
        x.start("apply")
        x.empty(op)
        for a in args { writeNode(a, &x) }
        x.end()
    }

    private static func writeNode(_ e: MathExpression, _ x: inout XMLText) {
        switch e {
        case .number(let v): x.leaf("cn", [("sbml:units", "dimensionless")], text: number(v))
        case .measured(let v, let unit): x.leaf("cn", [("sbml:units", unit.rawValue)], text: number(v))
        case .symbol(let s): x.leaf("ci", text: s)
        case .time:
            x.leaf("csymbol", [("encoding", "text"), ("definitionURL", "http://www.sbml.org/sbml/symbols/time")], text: "time")
        case .sum(let xs): xs.isEmpty ? writeNode(.number(0), &x) : apply("plus", xs, &x)
        case .product(let xs): xs.isEmpty ? writeNode(.number(1), &x) : apply("times", xs, &x)
        case .difference(let a, let b): apply("minus", [a, b], &x)
        case .quotient(let a, let b): apply("divide", [a, b], &x)
        case .negation(let a): apply("minus", [a], &x)
        case .exponential(let a): apply("exp", [a], &x)
        case .logarithm(let a): apply("ln", [a], &x)
        case .power(let a, let b): apply("power", [a, b], &x)
        case .maximum(let a, let b): apply("max", [a, b], &x)
        case .minimum(let a, let b): apply("min", [a, b], &x)
        case .greaterThan(let a, let b): apply("gt", [a, b], &x)
        case .greaterOrEqual(let a, let b): apply("geq", [a, b], &x)
        case .piecewise(let v, let c, let o):
            x.start("piecewise")
            x.start("piece")
            writeNode(v, &x)
            writeNode(c, &x)
            x.end()
            x.start("otherwise")
            writeNode(o, &x)
            x.end()
            x.end()
        }
    }
}
