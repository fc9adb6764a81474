import Foundation

/// dc/d ln p_k for one parameter: the nonzero slopes of the compiled coefficients c of
/// `ReceptorSystem` (`entries`) and the signalling rules' constants at p_k e^{±h}
/// (`rulesPlus`, `rulesMinus`), built once per solve (and again after an event changes an
/// input) from the systems compiled at p_k e^{±h}.
///
/// Why from the compile rather than by hand: a catalogue parameter reaches c through the
/// compile's algebra (CL/V1, k_syn normalised by the control total, the phenotype's factors,
/// set points read at the control steady state), which other changes may rewrite; reading the
/// slope off two compiles follows every such change. The slope of each coefficient is
///
///     dc/d ln p = c · ln(c₊/c₋) / (2h)   (c, c₊, c₋ of one sign),   else (c₊ − c₋) / (2h),
///
/// exact (to rounding) for every coefficient that is a power law in p (c ∝ p^α: CL/V1, Q/V1,
/// 1/V1, ka, F, kon, koff = Ki kon, efficacies, rates from half-lives, gains, molar-mass
/// scaled doses and infusions), and O(h²) ≈ 1e-8 relative for the others (sums such as
/// k10 of a drug with a metabolite branch, set points solved from the control steady state).
///
/// `exact` is false, and `ParametricReceptorSystem` falls back to the difference of f between
/// the two compiled systems, when the parameter moves something `addCoefficientTangent` does
/// not state: an allosteric modulator's coefficients (or the scale of a modulator's ligand),
/// or a stored property of `ReceptorSystem` that is not in `ReceptorCoefficient.arrays` or
/// `.scalars` (the `fixed` lists there, which a test keeps complete).
///
/// A class, immutable after `init`: read once per parameter per step, where a struct (two
/// `SignallingRules` of some 50 constants each) was copied, 2.5 % of a 10-parameter gradient.
@usableFromInline
final class ParameterDirection: Sendable {
    let entries: [CoefficientSlope]
    /// Whether an entry feeds the rules' inputs (c0, efficacy, activation).
    let movesRuleInputs: Bool
    /// Whether the rules' constants or set points differ between p_k e^{±h}.
    let rulesMove: Bool
    let rulesPlus: SignallingRules
    let rulesMinus: SignallingRules
    /// Whether the circuits' constants differ from the base's (else the base's circuits serve).
    let circuitsMove: Bool
    /// 1 / (2 sinh h), the rules' slope factor (`ReceptorSystem.addRuleConstantSlope`).
    let ruleSlopeScale: Double
    /// False: use the difference of f (see the type's comment).
    let exact: Bool

    init(base: ReceptorSystem, plus: ReceptorSystem, minus: ReceptorSystem, step h: Double) {
        rulesPlus = plus.rules
        rulesMinus = minus.rules
        rulesMove = plus.rules != minus.rules
        circuitsMove = !(base.rules.sameCircuitConstants(plus.rules) && base.rules.sameCircuitConstants(minus.rules))
        ruleSlopeScale = 1 / (2 * sinh(h))
        var entries: [CoefficientSlope] = [], movesRuleInputs = false, exact = true
        func slope(_ c: Double, _ up: Double, _ down: Double) -> Double {
            if up == down { return 0 }
            if (c > 0 && up > 0 && down > 0) || (c < 0 && up < 0 && down < 0) { return c * log(up / down) / (2 * h) }
            return (up - down) / (2 * h)
        }
        // Read the fields in place: a key-path read of a struct copies the whole root (1 KB,
        // some 130 retains), 192 times per direction.
        withUnsafePointer(to: base) { base in
            withUnsafePointer(to: plus) { plus in
                withUnsafePointer(to: minus) { minus in
                    let fields = ReceptorCoefficient.fieldOffsets
                    for (a, array) in ReceptorCoefficient.arrays.enumerated() {
                        let offset = fields.arrays[a]
                        let c = base.field(array.path, offset), up = plus.field(array.path, offset), down = minus.field(array.path, offset)
                        guard c.count == up.count, c.count == down.count else { exact = false; continue }
                        for i in c.indices where up[i] != down[i] {
                            var coefficient = array.make(i)
                            switch coefficient {
                            case .efficacy(let p, _): coefficient = .efficacy(pair: p, receptor: base.pointee.receptor(ofPair: p))
                            case .activation(let p, _): coefficient = .activation(pair: p, receptor: base.pointee.receptor(ofPair: p))
                            case .ligandScale(let l): if base.field(\.modulatorLigand, fields.modulatorLigand).contains(l) { exact = false }
                            default: break
                            }
                            switch coefficient {
                            case .constitutive, .efficacy, .activation: movesRuleInputs = true
                            default: break
                            }
                            entries.append(CoefficientSlope(coefficient: coefficient, slope: slope(c[i], up[i], down[i])))
                        }
                    }
                    for (s, scalar) in ReceptorCoefficient.scalars.enumerated() {
                        let offset = fields.scalars[s]
                        let up = plus.field(scalar.path, offset), down = minus.field(scalar.path, offset)
                        if up != down {
                            entries.append(CoefficientSlope(coefficient: scalar.coefficient, slope: slope(base.field(scalar.path, offset), up, down)))
                        }
                    }
                    // Everything else must not move.
                    func moves<V: Equatable>(_ list: [(name: String, path: KeyPath<ReceptorSystem, V>)], _ offsets: [Int?]) -> Bool {
                        list.indices.contains { plus.field(list[$0].path, offsets[$0]) != minus.field(list[$0].path, offsets[$0]) }
                    }
                    if moves(ReceptorCoefficient.fixedIndexArrays, fields.fixedIndexArrays)
                        || moves(ReceptorCoefficient.fixedIndices, fields.fixedIndices)
                        || moves(ReceptorCoefficient.fixedValueArrays, fields.fixedValueArrays) {
                        exact = false
                    }
                }
            }
        }
        self.entries = entries
        self.movesRuleInputs = movesRuleInputs
        self.exact = exact
    }
}

extension UnsafePointer<ReceptorSystem> {
    /// The stored property at `offset` (`MemoryLayout.offset(of:)`) without copying the
    /// system; through the key path when the offset is nil (a computed property).
    @inline(__always)
    func field<V>(_ path: KeyPath<ReceptorSystem, V>, _ offset: Int?) -> V {
        guard let offset else { return pointee[keyPath: path] }
        return UnsafeRawPointer(self).advanced(by: offset).assumingMemoryBound(to: V.self).pointee
    }
}
