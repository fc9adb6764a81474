import Integrators

/// The receptor model as a `ParametricODESystem`: the compiled system at the parameters p, and
/// ∂f/∂ln p_k by the chain rule through the compiled coefficients c,
///
///     ∂f/∂ln p_k (t, y) = (∂f/∂c)(t, y) · dc/d ln p_k,
///
/// with f the one right-hand side `ReceptorSystem.evaluate` (Model2Design.md §10: parameter
/// sensitivities are the same as the Jacobian with seeds on the parameters).
///
/// - dc/d ln p_k is time-constant: read once per solve (and after an event that changes an
///   input) off the systems compiled at p_k e^{±h} (`ParameterDirection`), exactly for the
///   coefficients that are power laws in p (CL/V1, ka, F, kon, koff, efficacies, rates from
///   half-lives, gains: c ln(c₊/c₋)/(2h)), and to O(h²) ≈ 1e-8 relative where the compile
///   solves something (the rules' set points at the control steady state, k_syn normalised by
///   the control total, sums of routes).
/// - ∂f/∂c · dc is exact and sparse: the mass action is linear in each rate constant
///   (`ReceptorSystem.addCoefficientTangent`: the flux over its constant, or the state it
///   multiplies); the rules' inputs (Q'_r, a_r) carry their tangents into one `Dual` pass of
///   `SignallingRules` per 8 parameters, so the rules are stated once.
/// - The rules' own constants and set points are Double inside `SignallingRules` (not generic;
///   another change owns that file), so their part is the difference of the rule-driven rows
///   between the rules at p_k e^{±h}, over 2 sinh h: exact for a row linear in a constant ∝ p
///   (the gains), O(h²) where a set point or a saturating coupling moves, O(h) at a smooth
///   max's kink (a rule input at its set point). Only the parameters that move the rules pay
///   it, and it evaluates the rules alone, not f.
/// - A parameter that moves a coefficient the tangent does not state (an allosteric
///   modulator's, or any stored coefficient added later: `ParameterDirection` compares every
///   stored property) falls back to the difference of f between its two compiled systems.
///
/// Before (issue 14, RESULTS.md): every column was that difference of f, 2m evaluations of f
/// per step, 27 % of a 10-parameter sensitivity solve's instructions; now 9.6 %, with
/// ≤ 1e-11 relative error for the power-law parameters instead of h²/6 = 1.7e-9 (tested in
/// `ParameterSensitivityTests`). The parameters are ln p: `fit` searches
/// ln(value), and the sensitivities then have the units of the state.
///
/// Events apply to every copy (infusion rates and stimuli are part of the system); the state
/// jump is the base model's. Doses whose amount depends on p (molar mass) jump the
/// sensitivities by the difference of the amounts (`ReceptorModel.simulateWithSensitivities`).
public struct ParametricReceptorSystem: ParametricODESystem, Sendable {
    /// The system at the parameters.
    public var base: ReceptorSystem
    /// The systems compiled at p_k e^{+h} and p_k e^{−h}, one pair per parameter, each pair an
    /// object evaluated in place (`PerturbedPair.evaluate`): `plus[k].evaluate(...)` on an array
    /// of structs copied the struct (about 60 array retains and releases) per call, 43 % of a
    /// 10-parameter sensitivity run in swift_retain/release (perf, 35-day morphine run).
    var perturbed: [PerturbedPair]
    /// h, the step in ln p.
    public let step: Double
    /// dc/d ln p_k per parameter (`ParameterDirection`).
    var directions: [ParameterDirection]
    /// False: every column by the difference of f between the systems at p_k e^{±h}, as before
    /// issue 14's exact ∂f/∂p (kept for the tests and the benchmark's comparison).
    public var usesCoefficientTangent = true

    public init(base: ReceptorSystem, plus: [ReceptorSystem], minus: [ReceptorSystem], step: Double) {
        precondition(plus.count == minus.count, "one plus and one minus system per parameter")
        self.base = base
        perturbed = zip(plus, minus).map { PerturbedPair(plus: $0, minus: $1) }
        self.step = step
        directions = zip(plus, minus).map { ParameterDirection(base: base, plus: $0, minus: $1, step: step) }
    }

    /// The system at p_k e^{+h}.
    public func plus(_ k: Int) -> ReceptorSystem { perturbed[k].plus }
    /// The system at p_k e^{−h}.
    public func minus(_ k: Int) -> ReceptorSystem { perturbed[k].minus }

    /// Changes the pair of parameter k (an event's change of infusion or stimulus).
    mutating func updatePerturbed(_ k: Int, _ change: (inout ReceptorSystem, inout ReceptorSystem) -> Void) {
        var plus = perturbed[k].plus, minus = perturbed[k].minus
        change(&plus, &minus)
        perturbed[k] = PerturbedPair(plus: plus, minus: minus)
        directions[k] = ParameterDirection(base: base, plus: plus, minus: minus, step: step)
    }

    public var dimension: Int { base.dimension }
    public var parameterCount: Int { perturbed.count }
    public var providesJacobian: Bool { true }
    public var isAutonomous: Bool { true }
    public var jacobianSparsity: [Int]? { base.jacobianSparsity }

    public func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        base.evaluate(time: time, state: state, derivative: derivative)
    }

    public func jacobian(time: Double, state: UnsafeBufferPointer<Double>, into matrix: UnsafeMutableBufferPointer<Double>) {
        base.jacobian(time: time, state: state, into: matrix)
    }

    public func jacobianEntries(time: Double, state: UnsafeBufferPointer<Double>, into matrix: UnsafeMutableBufferPointer<Double>) {
        base.jacobianEntries(time: time, state: state, into: matrix)
    }

    /// Column k: (∂f/∂c) · dc/d ln p_k (the type's comment); the difference of f between the
    /// systems at p_k e^{±h} for a parameter `ParameterDirection` cannot state exactly. Stack
    /// buffers only (no heap allocation). `matrix` arrives zeroed (`ParametricODESystem`'s
    /// contract; zeroing it again here cost 2 % of a 10-parameter gradient).
    public func parameterJacobian(time: Double, state: UnsafeBufferPointer<Double>, into matrix: UnsafeMutableBufferPointer<Double>) {
        let n = base.dimension, m = perturbed.count
        var exactCount = 0
        for k in 0..<m {
            if usesCoefficientTangent, directions[k].exact {
                exactCount += 1
                continue
            }
            differenceColumn(k, time: time, state: state, into: UnsafeMutableBufferPointer(rebasing: matrix[(k * n)..<((k + 1) * n)]))
        }
        guard exactCount > 0 else { return }
        withUnsafeTemporaryAllocation(of: RuleInputTangent.self, capacity: m) { pending in
            base.addExactParameterColumns(directions, state: state, into: matrix, pending: pending)
        }
    }

    /// Column k as the central difference of f between the systems at p_k e^{±h}.
    func differenceColumn(_ k: Int, time: Double, state: UnsafeBufferPointer<Double>, into column: UnsafeMutableBufferPointer<Double>) {
        let n = base.dimension
        let scale = 1 / (2 * step)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { lower in
            perturbed[k].evaluate(time: time, state: state, upper: column, lower: lower)
            for i in 0..<n { column[i] = (column[i] - lower[i]) * scale }
        }
    }
}
