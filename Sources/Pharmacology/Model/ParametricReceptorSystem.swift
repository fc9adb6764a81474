import Integrators

/// The receptor model as a `ParametricODESystem`: the compiled system at the parameters p, and
/// for each sensitivity parameter p_k the systems compiled at p_k e^{+h} and p_k e^{−h}, so that
///
///     ∂f/∂ln p_k (t, y) = [f(t, y; c(p_k e^{h})) − f(t, y; c(p_k e^{−h}))] / (2h)
///
/// with c the compiled coefficients (rate constants, set points, rule constants) and f the one
/// right-hand side `ReceptorSystem.evaluate`.
///
/// Why a difference of the compile rather than a hand-written ∂f/∂p: a catalogue parameter
/// reaches f through the compile's algebra (CL/V1, k_syn normalised by the control total, the
/// rules' set points read at the control steady state, the phenotype's factors), and through
/// the signalling rules, which another change may rewrite at any time (issue 15). Differencing
/// the compiled coefficients follows every such change with no second statement of the
/// equations: one edit to the compile or to `SignallingRules` changes f and ∂f/∂p alike. The
/// cost is accuracy: a central difference with h = 1e-4 in ln p (`ReceptorModel.sensitivityStep`)
/// is exact for the terms that are linear in a coefficient (most of the mass action) and
/// carries an O(h²) ≈ 1e-8 relative error on smooth terms, more where a rule input sits at the
/// kink of a smooth max (tested against central differences of f and of whole simulations).
/// It is not the hand-written analytic ∂f/∂p issue 14 asks for: that would state the compile's
/// algebra and the rules a second time, or make the coefficients generic over `ModelScalar`
/// (seeding a `Dual` on them), a larger change than this one. The parameters are ln p: `fit`
/// searches ln(value), and the sensitivities then have the units of the state.
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

    public init(base: ReceptorSystem, plus: [ReceptorSystem], minus: [ReceptorSystem], step: Double) {
        precondition(plus.count == minus.count, "one plus and one minus system per parameter")
        self.base = base
        perturbed = zip(plus, minus).map { PerturbedPair(plus: $0, minus: $1) }
        self.step = step
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

    /// Column k: the central difference of f between the systems at p_k e^{±h}. Uses a stack
    /// buffer of n values (no heap allocation).
    public func parameterJacobian(time: Double, state: UnsafeBufferPointer<Double>, into matrix: UnsafeMutableBufferPointer<Double>) {
        let n = base.dimension
        let scale = 1 / (2 * step)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { lower in
            for k in 0..<perturbed.count {
                let column = UnsafeMutableBufferPointer(rebasing: matrix[(k * n)..<((k + 1) * n)])
                perturbed[k].evaluate(time: time, state: state, upper: column, lower: lower)
                for i in 0..<n { column[i] = (column[i] - lower[i]) * scale }
            }
        }
    }
}
