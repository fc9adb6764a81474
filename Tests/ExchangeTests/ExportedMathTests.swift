import BuiltInLibrary
import Foundation
import Integrators
import Testing
@testable import Exchange
@testable import Pharmacology
import TestSupport

/// The exported expressions are the compiled model: the reactions' kinetic laws (summed with
/// their stoichiometry per species, as an SBML simulator does) and the rate rules equal
/// `ReceptorSystem.evaluate` at random states, and the assignment rules equal the CSV
/// observables along a simulated trajectory. These tests keep the exporter in step with the
/// model's equations as they change.
@Suite struct ExportedMathTests {
    /// A random state around the steady state: every component scaled by a factor in
    /// [0.2, 3] plus an offset, so drugs, depots and feedback states are all non-zero.
    static func randomState(around y0: [Double], _ rng: inout SplitMix64) -> [Double] {
        y0.map { $0 * Double.random(in: 0.2...3, using: &rng) + Double.random(in: 0.01...2, using: &rng) }
    }

    /// Tolerance 1e-12 of each component, with a floor of 1e-13 of the largest component.
    @Test(arguments: TestScenarios.all.indices)
    func reactionsAndRateRulesEqualTheCompiledRightHandSide(_ index: Int) throws {
        let model = try ReceptorModel.compile(TestScenarios.all[index])
        let exported = try ExportedModel(model)
        var rng = SplitMix64(seed: 0x5EED + UInt64(index))
        var worst = 0.0
        for trial in 0..<50 {
            let y = trial == 0 ? model.initialState : Self.randomState(around: model.initialState, &rng)
            // Event-changed inputs at random values, on both sides.
            var system = model.system
            var overrides: [String: Double] = [:]
            if trial > 0 {
                for (s, id) in model.layout.speciesIDs.enumerated() {
                    let rate = Double.random(in: 0...50, using: &rng)
                    system.speciesInfusionNanomolePerHour[s] = rate
                    overrides[ExportedModel.identifier(id) + "_infusion"] = rate
                }
                for (k, kind) in StimulusKind.allCases.enumerated() {
                    let intensity = Double.random(in: 0...2, using: &rng)
                    system.stimulusIntensity[k] = intensity
                    overrides["stimulus_" + kind.rawValue] = intensity
                }
            }
            var expected = Array(repeating: 0.0, count: y.count)
            y.withUnsafeBufferPointer { yb in
                expected.withUnsafeMutableBufferPointer { system.evaluate(time: 0, state: yb, derivative: $0) }
            }
            let actual = try exported.derivative(state: y, overrides: overrides)
            // Each species' summed flux terms (kept for comparing exports) agree too.
            let values = try exported.values(state: y, overrides: overrides)
            for (i, s) in exported.states.enumerated() where s.compartment != nil {
                let summed = try s.rate.evaluate(values)
                #expect(abs(summed - actual[i]) <= 1e-12 * abs(actual[i]) + 1e-13 * max(abs(actual[i]), 1), "\(s.id)")
            }
            let scale = expected.reduce(0) { max($0, abs($1)) }
            for i in y.indices {
                // Relative to the component, with a floor relative to the largest component:
                // a derivative near zero is a sum of cancelling terms of the states' size.
                let tolerance = 1e-12 * abs(expected[i]) + 1e-13 * max(scale, 1)
                #expect(abs(actual[i] - expected[i]) <= tolerance,
                        "\(model.stateNames[i]) trial \(trial): exported \(actual[i]), compiled \(expected[i])")
                worst = max(worst, abs(actual[i] - expected[i]) / max(abs(expected[i]), 1e-300))
            }
        }
        #expect(worst.isFinite)
    }

    @Test func drugFreeSteadyStateIsStationaryInTheExport() throws {
        let model = try ReceptorModel.compile(TestScenarios.drugFree)
        let exported = try ExportedModel(model)
        let rates = try exported.derivative(state: model.initialState)
        for (name, rate) in zip(model.stateNames, rates) {
            #expect(abs(rate) < 1e-11, "\(name): \(rate)")
        }
    }

    /// Applies exported events (by SBML variable) to the compiled system, as an SBML tool would.
    static func schedule(_ exported: ExportedModel, model: CompiledModel) -> TimeEventSchedule<ReceptorSystem> {
        let stateIndex = Dictionary(uniqueKeysWithValues: exported.states.enumerated().map { ($1.id, $0) })
        let species = model.layout.speciesIDs.map { ExportedModel.identifier($0) + "_infusion" }
        let stimuli = StimulusKind.allCases.map { "stimulus_" + $0.rawValue }
        let depotInputs = model.system.depotState.map { exported.states[$0].id + "_input" }
        let events = exported.events
        return TimeEventSchedule(times: events.map(\.timeHours)) { index, _, system, state in
            var values: [String: Double] = [:]
            for (i, s) in exported.states.enumerated() { values[s.id] = state[i] }
            for a in events[index].assignments {
                let v = (try? a.expression.evaluate(values)) ?? .nan
                if let i = stateIndex[a.variable] {
                    state[i] = v
                } else if let s = species.firstIndex(of: a.variable) {
                    system.speciesInfusionNanomolePerHour[s] = v
                } else if let k = stimuli.firstIndex(of: a.variable) {
                    system.stimulusIntensity[k] = v
                } else if let k = depotInputs.firstIndex(of: a.variable) {
                    system.depotInputNanomolePerHour[k] = v
                }
            }
        }
    }

    @Test(arguments: TestScenarios.all.indices)
    func assignmentRulesEqualTheCSVObservables(_ index: Int) throws {
        let scenario = TestScenarios.all[index]
        let model = try ReceptorModel.compile(scenario)
        let exported = try ExportedModel(model)
        let columns = try ReceptorModel.columnNames(for: scenario).filter { $0 != "time_h" }
        #expect(columns == exported.columns)
        var recorder = ObservableRecorder(columns: columns)
        let interval = 0.125
        try ReceptorModel.simulate(model, columns: columns, intervalHours: interval, into: &recorder)

        // The same solve, with the exported events, recording states.
        var states = TrajectoryRecorder(dimension: model.dimension)
        let problem = ODEProblem(system: model.system, initialState: model.initialState,
                                 startTime: 0, endTime: scenario.durationHours)
        let options = ReceptorModel.solverOptions(for: model)
        _ = try ODESolver.solve(problem, method: .rodas5P, options: options,
                                events: Self.schedule(exported, model: model),
                                output: .uniform(start: 0, interval: interval, end: scenario.durationHours), into: &states)
        try #require(states.times == recorder.times)
        var worst = 0.0
        for k in states.times.indices {
            // Event-changed parameters at this time: the last event at or before it.
            var overrides: [String: Double] = [:]
            for e in exported.events where e.timeHours <= states.times[k] {
                for a in e.assignments where exported.parameters.contains(where: { $0.id == a.variable }) {
                    overrides[a.variable] = try a.expression.evaluate([:])
                }
            }
            let values = try exported.values(state: states.state(at: k), overrides: overrides)
            for (j, column) in columns.enumerated() {
                let expected = recorder.rows[k * columns.count + j]
                let actual = try #require(values[column])
                #expect(isClose(actual, expected, relative: 1e-9, absolute: 1e-12),
                        "\(column) at t = \(states.times[k]): exported \(actual), CSV \(expected)")
                worst = max(worst, abs(actual - expected))
            }
        }
        #expect(worst.isFinite)
    }

    /// Two studies share one PEtab model when their expressions differ only in the last digits
    /// of inlined numbers (set points re-solved with another drug's Ki): 1e-9 relative.
    @Test func petabComparesInlinedNumbersUpToRoundOff() {
        let x = MathExpression.symbol("x")
        let a = MathExpression.smoothMax(x - .number(0.123456789012345), width: 0.05)
        let b = MathExpression.smoothMax(x - .number(0.123456789012345 * (1 + 4e-16)), width: 0.05)
        let c = MathExpression.smoothMax(x - .number(0.123456789012345 * (1 + 1e-6)), width: 0.05)
        #expect(a != b)
        #expect(PEtabExporter.nearlyEqual(a, b))
        #expect(!PEtabExporter.nearlyEqual(a, c))
        #expect(!PEtabExporter.nearlyEqual(a, .positivePart(x)))
        #expect(!PEtabExporter.nearlyEqual(.maximum(x, .number(0)), .minimum(x, .number(0))))
    }

    /// σ and max(0, x) in their SBML form (max/min, no piecewise) equal `Double.smoothMax` and
    /// max(0, x) on each branch and at the joins, to 1e-15 absolute (relative beyond |x| = 1).
    @Test func smoothMaxWithoutPiecewiseEqualsTheModel() throws {
        let w = 0.05
        for v in [-1.0, -1e-17, 0, 1e-17, 0.001, 0.025, w, 0.0500000001, 0.3, 7] {
            let e = try MathExpression.smoothMax(.symbol("x"), width: w).evaluate(["x": v])
            #expect(abs(e - Double.smoothMax(v, width: w)) <= 1e-15 * max(1, abs(v)), "σ(\(v)): \(e)")
            #expect(try MathExpression.positivePart(.symbol("x")).evaluate(["x": v]) == max(0, v))
        }
    }

    /// ρ (the LC extrinsic drive's C² max) in its SBML form equals `Double.smoothRamp` on each
    /// branch and at the joins, to 1e-15 absolute (relative beyond |x| = 1).
    @Test func smoothRampWithoutPiecewiseEqualsTheModel() throws {
        let w = 0.02
        for v in [-1.0, -1e-17, 0, 1e-17, 0.001, 0.01, w, 0.0200000001, 0.3, 7] {
            let e = try MathExpression.smoothRamp(.symbol("x"), width: w).evaluate(["x": v])
            #expect(abs(e - Double.smoothRamp(v, width: w)) <= 1e-15 * max(1, abs(v)), "ρ(\(v)): \(e)")
        }
    }
}
