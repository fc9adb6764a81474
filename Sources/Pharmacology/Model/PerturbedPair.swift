/// The systems at p_k e^{±h} of one parameter (see `ParametricReceptorSystem.perturbed`). Never
/// changed after it is made (`updatePerturbed` replaces it); `var` only so that `evaluate`
/// can pass each system by address.
final class PerturbedPair: @unchecked Sendable {
    var plus: ReceptorSystem
    var minus: ReceptorSystem
    init(plus: ReceptorSystem, minus: ReceptorSystem) {
        self.plus = plus
        self.minus = minus
    }

    /// f of the plus system into `upper`, of the minus system into `lower`. Through `inout`
    /// each system is passed by address: called on a stored system directly, the (large)
    /// struct was copied to the stack with its ~60 arrays retained and released, per call.
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>,
                  upper: UnsafeMutableBufferPointer<Double>, lower: UnsafeMutableBufferPointer<Double>) {
        Self.evaluate(&plus, time: time, state: state, into: upper)
        Self.evaluate(&minus, time: time, state: state, into: lower)
    }

    @inline(never)
    private static func evaluate(_ system: inout ReceptorSystem, time: Double, state: UnsafeBufferPointer<Double>,
                                 into derivative: UnsafeMutableBufferPointer<Double>) {
        system.evaluate(time: time, state: state, derivative: derivative)
    }
}
