import Testing
@testable import Pharmacology

/// `ObservableRowQuantities` computes only what the requested columns read.
@Suite struct ObservableRowQuantitiesTests {
    /// Each column asked for alone has, to the last bit, its value in the row of every column:
    /// a quantity skipped for a narrower request would show here as a stale 0.
    @Test func aColumnAloneEqualsItsValueInTheFullRow() throws {
        let model = try ReceptorModel.compile(Scenario(
            name: "row", durationHours: 12,
            doses: [dose("morphine", .ivBolus, .single(atHours: 0, amountMilligrams: 10))],
            events: [StimulusEvent(kind: .stress, startHours: 2, durationHours: 4)]))
        let columns = Observable.available(in: model)
        // Off the steady state, so that the rectified terms and the stress intensity are not all 0.
        let state = model.initialState.enumerated().map { i, x in x * (1 + 0.3 * Double(i % 5)) + 0.02 }
        let time = 3.0
        let shared = ObservableRowQuantities(model: model, observables: columns.map(\.observable))
        var row = [Double](repeating: .nan, count: columns.count)
        state.withUnsafeBufferPointer { y in
            model.values(of: columns.map(\.observable), time: time, y, shared: shared, into: &row)
            for (j, column) in columns.enumerated() {
                let alone = model.value(of: column.observable, time: time, y)
                #expect(alone.bitPattern == row[j].bitPattern, "\(column.name): alone \(alone), in the row \(row[j])")
            }
        }
        #expect(row.contains { $0.isFinite && $0 != 0 })
    }
}
