import Integrators

/// Turns the state and its sensitivities S_k = ∂y/∂ln p_k at each output time into observables
/// and their derivatives.
///
/// An observable o(y; p) depends on p through the state and through the compiled model itself
/// (a plasma concentration divides by V1, `_rel` columns by the control total), so its
/// derivative is the central difference of both at once:
///
///     do/dln p_k ≈ [o(y + h S_k; model at p_k e^{h}) − o(y − h S_k; model at p_k e^{−h})] / (2h),
///
/// which is (∂o/∂y) S_k + ∂o/∂ln p_k to O(h²), with the same h as the parameter Jacobian
/// (`ParametricReceptorSystem`). Output rows only, never per step.
struct ObservableSensitivitySink: SensitivitySink {
    let model: CompiledModel
    /// The models at p_k e^{±h} with their row quantities, one object each
    /// (`PerturbedObservables`): `plus[k].values(...)` on an array of `CompiledModel` copied
    /// the struct with its references per call (Benchmarks/RESULTS.md).
    let plus: [PerturbedObservables]
    let minus: [PerturbedObservables]
    let observables: [Observable]
    let step: Double
    var result: ObservableSensitivities
    let shared: ObservableRowQuantities
    var row: [Double]
    var rowPlus: [Double]
    var rowMinus: [Double]
    var probe: [Double]

    init(model: CompiledModel, plus: [CompiledModel], minus: [CompiledModel], observables: [Observable], columns: [String], step: Double) {
        self.model = model
        self.plus = plus.map { PerturbedObservables(model: $0, observables: observables) }
        self.minus = minus.map { PerturbedObservables(model: $0, observables: observables) }
        self.observables = observables
        self.step = step
        result = ObservableSensitivities(columns: columns, parameterCount: plus.count)
        shared = ObservableRowQuantities(model: model, observables: observables)
        row = Array(repeating: 0, count: observables.count)
        rowPlus = row
        rowMinus = row
        probe = Array(repeating: 0, count: model.dimension)
    }

    mutating func record(time: Double, state: UnsafeBufferPointer<Double>, sensitivities: UnsafeBufferPointer<Double>) {
        let n = state.count
        model.values(of: observables, time: time, state, shared: shared, into: &row)
        result.times.append(time)
        result.values.append(contentsOf: row)
        for k in 0..<plus.count {
            for side in [1.0, -1.0] {
                for i in 0..<n { probe[i] = state[i] + side * step * sensitivities[k * n + i] }
                probe.withUnsafeBufferPointer { y in
                    if side > 0 {
                        plus[k].values(of: observables, time: time, y, into: &rowPlus)
                    } else {
                        minus[k].values(of: observables, time: time, y, into: &rowMinus)
                    }
                }
            }
            for j in 0..<observables.count { result.derivatives.append((rowPlus[j] - rowMinus[j]) / (2 * step)) }
        }
    }
}
