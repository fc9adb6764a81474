import Pharmacology

/// Writes a compiled model as SBML Level 3 Version 2, so COPASI, libRoadRunner/Tellurium and
/// other SBML tools can run the same model ReceptorSim runs.
///
/// Representation (chosen for clean handling by libRoadRunner and any L3 reader):
/// - every state is a non-constant `parameter` with a `rateRule`. The model's states mix amounts
///   (nmol), concentrations (nM) and dimensionless receptor fractions; species would force a
///   compartment and amount/concentration conversions on each of them, and reactions would have
///   to split the right-hand side into fluxes. A rate-ruled parameter is exactly `dy/dt = f(y)`
///   with the state's own unit, and libRoadRunner compiles it like any other ODE state;
/// - every coefficient of the compiled right-hand side is a constant `parameter` with its value
///   and unit (the numbers the compiled system holds, after overrides and weight scaling);
/// - every CSV column is an `assignmentRule` (or the state itself, when the column is a state)
///   with the column's exact name as id; intermediates (stimulus, transduced response, net
///   binding fluxes) are assignment rules too;
/// - doses, infusion changes and stimulus windows are `event`s triggered by `time >= t`
///   (`initialValue="false"`, `persistent="true"`, values from the trigger time); events at one
///   time are merged into one SBML event so no tool has to order simultaneous events;
/// - initial values are the compiled drug-free steady state;
/// - each state carries a `receptorsim:state` annotation with its `absoluteToleranceScale`
///   and, for depots, a `relativeToleranceFloorScale` (ReceptorSim's absolute tolerance for a
///   state is max(atol × the first, rtol × the second)).
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
               + "(duration \(number(model.durationHours)) h). States are rate-ruled parameters starting at the "
               + "drug-free steady state; assignment rules named as the CSV columns give the observables.")
        x.end()
        x.end()
        writeUnits(&x)
        x.start("listOfCompartments")
        x.empty("compartment", [("id", "body"), ("name", "whole body (nominal; the states carry their own units)"),
                                ("spatialDimensions", "3"), ("size", "1"), ("units", "litre"), ("constant", "true")])
        x.end()
        x.start("listOfParameters")
        for p in model.parameters {
            x.empty("parameter", [("id", p.id), ("name", p.name), ("value", number(p.value)),
                                  ("units", p.unit.rawValue), ("constant", p.constant ? "true" : "false")])
        }
        for s in model.states {
            x.start("parameter", [("id", s.id), ("name", s.name), ("value", number(s.initialValue)),
                                  ("units", s.unit.rawValue), ("constant", "false")])
            x.start("annotation")
            var attributes = [("xmlns:receptorsim", annotationNamespace),
                              ("absoluteToleranceScale", number(s.absoluteToleranceScale))]
            if s.relativeToleranceFloorScale != 0 {
                attributes.append(("relativeToleranceFloorScale", number(s.relativeToleranceFloorScale)))
            }
            x.empty("receptorsim:state", attributes)
            x.end()
            x.end()
        }
        for r in model.rules {
            x.empty("parameter", [("id", r.id), ("name", r.isColumn ? "CSV column \(r.id)" : r.id),
                                  ("units", r.unit.rawValue), ("constant", "false")])
        }
        x.end()
        x.start("listOfRules")
        for r in model.rules {
            x.start("assignmentRule", [("variable", r.id)])
            writeMath(r.expression, &x)
            x.end()
        }
        for s in model.states {
            x.start("rateRule", [("variable", s.id)])
            writeMath(s.rate, &x)
            x.end()
        }
        x.end()
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
