/// A model at p_k e^{±h} and its row quantities as one object for `ObservableSensitivitySink`,
/// so that the model is read in place (`let` of a class) rather than copied out of an array
/// (retains and releases of its arrays) per call.
final class PerturbedObservables {
    let model: CompiledModel
    let shared: ObservableRowQuantities

    init(model: CompiledModel, observables: [Observable]) {
        self.model = model
        shared = ObservableRowQuantities(model: model, observables: observables)
    }

    func values(of observables: [Observable], time: Double, _ y: UnsafeBufferPointer<Double>, into row: inout [Double]) {
        model.values(of: observables, time: time, y, shared: shared, into: &row)
    }
}
