import Pharmacology

/// Writes the constants of the symbolic signalling rules by name.
///
/// The rules (`SignallingRules`) are written once, generic over the scalar, with their
/// constants as `Double`s; some constants meet each other in `Double` arithmetic before they
/// meet the scalar (`(1 − d₀) u`, `k_on g_U σ(…)`), so the symbolic scalar only ever sees
/// numbers. Which constants made each number is found by probing, as `PEtabExporter` finds
/// which coefficients a fitted parameter moves: the rules are evaluated once as they are and
/// once per constant with that constant changed; a number that moves with exactly one constant
/// c and equals c, 1 − c or 2c (σ's 2w) in both evaluations is written with c's symbol, one
/// that moves with two and equals their product in all three is written as the product. The
/// rules themselves are untouched, so a change to them is exported without a change here;
/// a number in a form not recognised stays a number and is reported (`unnamed`), and the
/// tests require none.
struct RuleConstantNaming {
    /// A constant of the rules and the SBML symbol that stands for it.
    struct Entry {
        let keyPath: WritableKeyPath<SignallingRules, Double>
        let symbol: MathExpression
        /// For messages: the catalogue name or the set point's id.
        let label: String
    }

    let rules: SignallingRules
    let entries: [Entry]

    /// The expressions `evaluate(rules)` returns, with the constants written by name.
    /// - Returns: the expressions; the constants whose change alters the expressions' form
    ///   rather than a number (written as numbers: `respiration.slope`, since x⁴ is written
    ///   without the max(x, 0) that other exponents need); and the numbers that depend on
    ///   constants in no recognised form.
    func named(_ evaluate: (SignallingRules) -> [MathExpression])
        -> (expressions: [MathExpression], formDependent: [String], unnamed: [String]) {
        let base = evaluate(rules)
        let baseLeaves = base.flatMap(\.numberLeaves)
        var probes: [[Double]?] = []
        var formDependent: [String] = []
        for e in entries {
            var changed = rules
            let v = rules[keyPath: e.keyPath]
            changed[keyPath: e.keyPath] = Self.probe(v)
            let probe = evaluate(changed)
            if probe.count == base.count && zip(base, probe).allSatisfy({ $0.hasSameForm(as: $1) }) {
                probes.append(probe.flatMap(\.numberLeaves))
            } else {
                probes.append(nil)
                formDependent.append(e.label)
            }
        }
        var replacement: [Int: MathExpression] = [:]
        var unnamed: [String] = []
        for (i, leaf) in baseLeaves.enumerated() {
            let moved = entries.indices.filter { k in probes[k].map { $0[i].bitPattern != leaf.bitPattern } ?? false }
            if moved.isEmpty { continue }
            if let e = name(leaf: i, value: leaf, moved: moved, probes: probes) {
                replacement[i] = e
            } else {
                unnamed.append("\(leaf) (moves with \(moved.map { entries[$0].label }.joined(separator: ", ")))")
            }
        }
        var counter = 0
        let expressions = base.map { $0.replacingNumbers(counter: &counter) { replacement[$0] } }
        return (expressions, formDependent, unnamed)
    }

    /// The expression of number `i` (value `value`) in the constants `moved`, or nil.
    private func name(leaf i: Int, value: Double, moved: [Int], probes: [[Double]?]) -> MathExpression? {
        func c(_ k: Int) -> Double { rules[keyPath: entries[k].keyPath] }
        func p(_ k: Int) -> Double { Self.probe(c(k)) }
        if moved.count == 1 {
            let k = moved[0], probed = probes[k]![i]
            let forms: [(Double) -> Double] = [{ $0 }, { 1 - $0 }, { 2 * $0 }]
            let written: [MathExpression] = [entries[k].symbol, .difference(.number(1), entries[k].symbol),
                                             .product([.number(2), entries[k].symbol])]
            for (f, e) in zip(forms, written) where f(c(k)) == value && f(p(k)) == probed { return e }
            return nil
        }
        if moved.count == 2 {
            let a = moved[0], b = moved[1]
            if c(a) * c(b) == value && p(a) * c(b) == probes[a]![i] && c(a) * p(b) == probes[b]![i] {
                return .product([entries[a].symbol, entries[b].symbol])
            }
        }
        return nil
    }

    /// The probe value of a constant: different from it, nonzero, and of its sign.
    static func probe(_ v: Double) -> Double { v == 0 ? 0.3125 : v * 1.375 }
}

extension MathExpression {
    /// The dimensionless literals (`.number`) of the expression, in pre-order.
    var numberLeaves: [Double] {
        var out: [Double] = []
        func visit(_ e: MathExpression) {
            if case .number(let v) = e { out.append(v) }
            e.operands.forEach(visit)
        }
        visit(self)
        return out
    }

    /// True when the two expressions differ at most in the values of their `.number` literals.
    func hasSameForm(as other: MathExpression) -> Bool {
        func all(_ x: [MathExpression], _ y: [MathExpression]) -> Bool {
            x.count == y.count && zip(x, y).allSatisfy { $0.hasSameForm(as: $1) }
        }
        switch (self, other) {
        case (.number, .number), (.time, .time): return true
        case (.measured(let x, let u), .measured(let y, let v)): return x == y && u == v
        case (.symbol(let x), .symbol(let y)): return x == y
        case (.sum(let x), .sum(let y)), (.product(let x), .product(let y)): return all(x, y)
        case (.difference(let a1, let a2), .difference(let b1, let b2)), (.quotient(let a1, let a2), .quotient(let b1, let b2)),
             (.greaterThan(let a1, let a2), .greaterThan(let b1, let b2)), (.greaterOrEqual(let a1, let a2), .greaterOrEqual(let b1, let b2)),
             (.power(let a1, let a2), .power(let b1, let b2)), (.maximum(let a1, let a2), .maximum(let b1, let b2)),
             (.minimum(let a1, let a2), .minimum(let b1, let b2)):
            return a1.hasSameForm(as: b1) && a2.hasSameForm(as: b2)
        case (.negation(let a), .negation(let b)), (.exponential(let a), .exponential(let b)), (.logarithm(let a), .logarithm(let b)):
            return a.hasSameForm(as: b)
        case (.piecewise(let v1, let c1, let o1), .piecewise(let v2, let c2, let o2)):
            return v1.hasSameForm(as: v2) && c1.hasSameForm(as: c2) && o1.hasSameForm(as: o2)
        default: return false
        }
    }

    /// The expression with its `.number` literals numbered in pre-order from `counter` and
    /// replaced where `replacement` gives an expression.
    func replacingNumbers(counter: inout Int, _ replacement: (Int) -> MathExpression?) -> MathExpression {
        var next = counter
        func map(_ e: MathExpression) -> MathExpression {
            switch e {
            case .number:
                defer { next += 1 }
                return replacement(next) ?? e
            case .measured, .symbol, .time: return e
            case .sum(let xs): return .sum(xs.map { map($0) })
            case .product(let xs): return .product(xs.map { map($0) })
            case .difference(let a, let b): let x = map(a); return .difference(x, map(b))
            case .quotient(let a, let b): let x = map(a); return .quotient(x, map(b))
            case .greaterThan(let a, let b): let x = map(a); return .greaterThan(x, map(b))
            case .greaterOrEqual(let a, let b): let x = map(a); return .greaterOrEqual(x, map(b))
            case .power(let a, let b): let x = map(a); return .power(x, map(b))
            case .maximum(let a, let b): let x = map(a); return .maximum(x, map(b))
            case .minimum(let a, let b): let x = map(a); return .minimum(x, map(b))
            case .negation(let a): return .negation(map(a))
            case .exponential(let a): return .exponential(map(a))
            case .logarithm(let a): return .logarithm(map(a))
            case .piecewise(let v, let c, let o):
                let x = map(v), y = map(c)
                return .piecewise(value: x, condition: y, otherwise: map(o))
            }
        }
        let out = map(self)
        counter = next
        return out
    }
}
