import BuiltInLibrary
import Integrators
import Testing
@testable import Pharmacology

/// Non-negative columns never reach the output below zero: round-off within the column's
/// absolute tolerance is written as 0, anything further below stops the run.
@Suite struct NonNegativeOutputTests {
    private static func model() throws -> CompiledModel {
        try ReceptorModel.compile(Scenario(name: "x", durationHours: 1, doses: [
            DoseRegimen(drug: "morphine", route: .ivBolus, schedule: .single(atHours: 0, amountMilligrams: 5))]))
    }

    /// The rows the output path makes of `state` at t = 2 h, through the sink the solver feeds.
    private static func row(_ model: CompiledModel, columns: [String], state: [Double], atol: Double) throws -> [Double] {
        let all = Observable.all(for: model.layout)
        let observables = columns.map { name in all.first { $0.name == name }!.observable }
        var rows: [[Double]] = []
        var sink = ObservingSink(model: model, observables: observables, names: columns, absoluteTolerance: .scalar(atol)) { _, values in
            rows.append(Array(values))
        }
        try state.withUnsafeBufferPointer { try sink.record(time: 2, state: $0) }
        return rows[0]
    }

    @Test func roundOffBelowZeroIsWrittenAsZero() throws {
        let model = try Self.model()
        let s = try #require(model.layout.speciesIDs.firstIndex(of: "morphine"))
        var state = model.initialState
        state[model.system.speciesCentral[s]] = -1e-12
        let row = try Self.row(model, columns: ["morphine_plasma_nM", "mu_occupancy_total"], state: state, atol: 1e-9)
        #expect(row[0] == 0 && row[0].sign == .plus)
        let occupancy = state.withUnsafeBufferPointer { model.value(of: .occupancyTotal(receptor: 0), time: 2, $0) }
        #expect(occupancy > 0 && row[1] == occupancy)
    }

    @Test func aRealNegativeExcursionIsASolverFailureNamingColumnAndTime() throws {
        let model = try Self.model()
        let s = try #require(model.layout.speciesIDs.firstIndex(of: "morphine"))
        var state = model.initialState
        state[model.system.speciesCentral[s]] = -1e-3
        let v1 = 1 / model.system.speciesInverseV1[s]
        #expect(throws: ModelError.negativeValue(column: "morphine_plasma_nM", timeHours: 2, value: -1e-3 / v1, tolerance: 1e-9 / v1)) {
            try Self.row(model, columns: ["morphine_plasma_nM"], state: state, atol: 1e-9)
        }
        let message = ModelError.negativeValue(column: "morphine_plasma_nM", timeHours: 2, value: -0.5, tolerance: 1e-9).description
        #expect(message == "morphine_plasma_nM fell to -0.5, below zero by more than 10.0 times its absolute tolerance (1e-09): "
            + "the solution is not accurate; tighten solver.rtol and solver.atol or try another method")
    }

    /// Signed columns keep their sign: a negative value of a signed column is passed through,
    /// not clamped (an uncoupled fraction of 2 makes the coupled stimulus (1 − U) Q' negative).
    @Test func signedColumnsPassThrough() throws {
        let model = try Self.model()
        var state = model.initialState
        state[model.system.receptorUncoupled[0]] = 2
        let row = try Self.row(model, columns: ["mu_stimulus", "mu_uncoupled"], state: state, atol: 1e-9)
        #expect(row[0] < 0)
        #expect(row[1] == 2)
    }
}
