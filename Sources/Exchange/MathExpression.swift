import Foundation
import Pharmacology

/// A small expression tree: the symbolic form of one right-hand side, rule or trigger of an
/// exported model.
///
/// It is written to MathML for SBML and evaluated in Swift by the tests, so the same tree that
/// other simulators run is the one checked against `ReceptorSystem.evaluate`. Booleans evaluate
/// to 1 (true) or 0 (false).
package indirect enum MathExpression: Sendable, Equatable {
    /// A dimensionless literal.
    case number(Double)
    /// A literal with a unit (a dose amount, an infusion rate, an event time), so SBML unit
    /// checking can verify the expressions it appears in.
    case measured(Double, ExportedUnit)
    /// An SBML identifier: a state, a parameter or an assignment-rule variable.
    case symbol(String)
    /// Simulation time (SBML's `time` csymbol), hours.
    case time
    case sum([MathExpression])
    case product([MathExpression])
    case difference(MathExpression, MathExpression)
    case quotient(MathExpression, MathExpression)
    case negation(MathExpression)
    case exponential(MathExpression)
    /// Natural logarithm (MathML `ln`).
    case logarithm(MathExpression)
    /// base^exponent (MathML `power`).
    case power(MathExpression, MathExpression)
    /// The larger of two values (MathML `max`, SBML Level 3 Version 2).
    case maximum(MathExpression, MathExpression)
    /// The smaller of two values (MathML `min`, SBML Level 3 Version 2).
    case minimum(MathExpression, MathExpression)
    case greaterThan(MathExpression, MathExpression)
    case greaterOrEqual(MathExpression, MathExpression)
    /// `value` where `condition` holds, else `otherwise`.
    case piecewise(value: MathExpression, condition: MathExpression, otherwise: MathExpression)

    /// The sum of `terms`; 0 when empty, the term itself when single.
    package static func add(_ terms: [MathExpression]) -> MathExpression {
        switch terms.count {
        case 0: return .number(0)
        case 1: return terms[0]
        default: return .sum(terms)
        }
    }

    /// The product of `factors`; 1 when empty, the factor itself when single.
    package static func multiply(_ factors: [MathExpression]) -> MathExpression {
        switch factors.count {
        case 0: return .number(1)
        case 1: return factors[0]
        default: return .product(factors)
        }
    }

    /// Every symbol the expression reads, in first-use order.
    package var symbols: [String] {
        var out: [String] = []
        var seen: Set<String> = []
        func visit(_ e: MathExpression) {
            if case .symbol(let s) = e, seen.insert(s).inserted { out.append(s) }
            e.operands.forEach(visit)
        }
        visit(self)
        return out
    }

    /// The direct operands of this node, in order (none for a leaf): the one place the tree
    /// walks (`symbols`, `numberLeaves`) learn the shape of each case.
    package var operands: [MathExpression] {
        switch self {
        case .number, .measured, .symbol, .time: return []
        case .sum(let xs), .product(let xs): return xs
        case .difference(let a, let b), .quotient(let a, let b), .greaterThan(let a, let b),
             .greaterOrEqual(let a, let b), .power(let a, let b), .maximum(let a, let b), .minimum(let a, let b):
            return [a, b]
        case .negation(let a), .exponential(let a), .logarithm(let a): return [a]
        case .piecewise(let v, let c, let o): return [v, c, o]
        }
    }

    /// The value of the expression with symbols looked up in `values` and time `timeHours`.
    /// - Throws: `ExchangeError.undefinedSymbol` for a symbol `values` lacks.
    package func evaluate(_ values: [String: Double], timeHours: Double = 0) throws(ExchangeError) -> Double {
        switch self {
        case .number(let v), .measured(let v, _): return v
        case .symbol(let s):
            guard let v = values[s] else { throw .undefinedSymbol(s) }
            return v
        case .time: return timeHours
        case .sum(let xs):
            var total = 0.0
            for x in xs { total += try x.evaluate(values, timeHours: timeHours) }
            return total
        case .product(let xs):
            var total = 1.0
            for x in xs { total *= try x.evaluate(values, timeHours: timeHours) }
            return total
        case .difference(let a, let b):
            return try a.evaluate(values, timeHours: timeHours) - b.evaluate(values, timeHours: timeHours)
        case .quotient(let a, let b):
            return try a.evaluate(values, timeHours: timeHours) / b.evaluate(values, timeHours: timeHours)
        case .negation(let a): return -(try a.evaluate(values, timeHours: timeHours))
        case .exponential(let a): return Foundation.exp(try a.evaluate(values, timeHours: timeHours))
        case .logarithm(let a): return Foundation.log(try a.evaluate(values, timeHours: timeHours))
        case .power(let a, let b):
            return Foundation.pow(try a.evaluate(values, timeHours: timeHours), try b.evaluate(values, timeHours: timeHours))
        case .maximum(let a, let b):
            return Swift.max(try a.evaluate(values, timeHours: timeHours), try b.evaluate(values, timeHours: timeHours))
        case .minimum(let a, let b):
            return Swift.min(try a.evaluate(values, timeHours: timeHours), try b.evaluate(values, timeHours: timeHours))
        case .greaterThan(let a, let b):
            return try a.evaluate(values, timeHours: timeHours) > b.evaluate(values, timeHours: timeHours) ? 1 : 0
        case .greaterOrEqual(let a, let b):
            return try a.evaluate(values, timeHours: timeHours) >= b.evaluate(values, timeHours: timeHours) ? 1 : 0
        case .piecewise(let v, let c, let o):
            return try c.evaluate(values, timeHours: timeHours) != 0
                ? v.evaluate(values, timeHours: timeHours) : o.evaluate(values, timeHours: timeHours)
        }
    }
}

/// The symbolic instance of the signalling rules (`SignallingRules`): the exported assignment
/// rules are the same generic functions the right-hand side evaluates, stated once.
extension MathExpression: ModelScalar {
    package init(_ value: Double) { self = .number(value) }
    package static func + (a: MathExpression, b: MathExpression) -> MathExpression { .add([a, b]) }
    package static func - (a: MathExpression, b: MathExpression) -> MathExpression { .difference(a, b) }
    package static func * (a: MathExpression, b: MathExpression) -> MathExpression { .multiply([a, b]) }
    package static func / (a: MathExpression, b: MathExpression) -> MathExpression { .quotient(a, b) }
    /// σ(x) as `Double.smoothMax` computes it (x − w/2 for x ≥ w, x²/(2w) on (0, w), else 0),
    /// written with `min` and `max` rather than `piecewise`: min(max(x, 0), w)²/(2w) + max(x − w, 0).
    /// COPASI turns every piecewise condition into a root-found discontinuity, and at the
    /// drug-free steady state these arguments sit at 0 ± round-off, where its LSODA run never
    /// finished; max and min are continuous and need no root finding.
    package static func smoothMax(_ x: MathExpression, width: Double) -> MathExpression {
        let clipped = MathExpression.minimum(.maximum(x, .number(0)), .number(width))
        return .add([clipped * clipped / .number(2 * width), .maximum(x - .number(width), .number(0))])
    }
    /// x^n as `Double.power` computes it: x⁴ for n = 4, else max(x, 0)^n (a negative base,
    /// as an inverse agonist's stimulus can give, would be NaN in a peer's pow).
    package static func power(_ x: MathExpression, _ exponent: Double) -> MathExpression {
        exponent == 4 ? .power(x, .number(4)) : .power(.maximum(x, .number(0)), .number(exponent))
    }
    /// max(x, 0): continuous, so no tool has to locate a discontinuity (see `smoothMax`).
    package static func positivePart(_ x: MathExpression) -> MathExpression { .maximum(x, .number(0)) }
    /// ρ(x) as `Double.smoothRamp` computes it, with min and max as `smoothMax`:
    /// w s³(6 − 8s + 3s²) + max(x − w, 0), s = min(max(x, 0), w)/w.
    package static func smoothRamp(_ x: MathExpression, width: Double) -> MathExpression {
        let s = MathExpression.minimum(.maximum(x, .number(0)), .number(width)) / .number(width)
        let polynomial = MathExpression.number(6) + s * (.number(3) * s - .number(8))
        return .add([.number(width) * s * s * s * polynomial, .maximum(x - .number(width), .number(0))])
    }
}
