import BuiltInLibrary
import Foundation
import Testing
import Integrators
@testable import Pharmacology
import TestSupport

/// Binding kinetics and receptor bookkeeping on the compiled system with parts switched off.
@Suite struct BindingTests {
    func fentanylNaloxoneModel() throws -> CompiledModel {
        try ReceptorModel.compile(Scenario(name: "binding", durationHours: 1, doses: [
            dose("fentanyl", .ivBolus, .single(atHours: 0, amountMilligrams: 0.1)),
            dose("naloxone", .ivBolus, .single(atHours: 0, amountMilligrams: 0.4)),
        ]))
    }

    func integrate(_ system: ReceptorSystem, _ y0: [Double], hours: Double, step: Double) throws -> [Double] {
        var recorder = TrajectoryRecorder(dimension: y0.count)
        var options = SolverOptions()
        options.fixedStepSize = step
        let solution = try ODESolver.solve(
            ODEProblem(system: system, initialState: y0, startTime: 0, endTime: hours),
            method: .rk4, options: options, output: .times([hours]), into: &recorder)
        return solution.finalState
    }

    /// With trafficking and PK frozen, mu occupancy at equilibrium is the competitive-binding
    /// formula θ_i = (c_i/K_i) / (1 + Σ_j c_j/K_j) over fentanyl, naloxone and the peptides.
    /// Fentanyl at its Kd alone would give 0.5 (pharmacology.md §9 item 1).
    @Test func competitiveBindingEquilibrium() throws {
        let model = try fentanylNaloxoneModel()
        var system = model.system
        for r in 0..<system.receptorFree.count {
            system.receptorSynthesis[r] = 0; system.receptorDegradation[r] = 0
            system.receptorEndocytosis[r] = 0
            system.receptorRecycling[r] = 0
        }
        for p in 0..<system.pairState.count { system.pairDesensitization[p] = 0; system.pairInternalization[p] = 0 }
        for s in 0..<system.speciesKe0.count { system.speciesKe0[s] = 0 }
        system.endorphinSuppressionRate = 0; system.dynorphinInductionRate = 0
        let layout = model.layout
        let fentanyl = layout.peptideIDs.count + layout.speciesIDs.firstIndex(of: "fentanyl")!
        let naloxone = layout.peptideIDs.count + layout.speciesIDs.firstIndex(of: "naloxone")!
        let cFentanyl = 0.351, cNaloxone = 2 * 0.586  // free brain nM
        var y = model.initialState
        y[system.ligandState[fentanyl]] = cFentanyl / system.ligandScale[fentanyl]
        y[system.ligandState[naloxone]] = cNaloxone / system.ligandScale[naloxone]
        let mu = 0
        y[system.receptorFree[mu]] += y[system.receptorDesensitized[mu]]
        y[system.receptorDesensitized[mu]] = 0
        let final = try integrate(system, y, hours: 1, step: 2e-4)
        var ratios: [Int: Double] = [:]
        for p in system.receptorPairStart[mu]..<system.receptorPairEnd[mu] {
            let l = system.pairLigand[p]
            ratios[p] = system.ligandScale[l] * final[system.ligandState[l]] * system.pairKon[p] / system.pairKoff[p]
        }
        let denominator = 1 + ratios.values.reduce(0, +)
        let range = system.receptorPairStart[mu]..<system.receptorPairEnd[mu]
        let pf = try #require(range.first { system.pairLigand[$0] == fentanyl })
        final.withUnsafeBufferPointer { yb in
            for (p, ratio) in ratios {
                let observed = model.value(of: .occupancy(receptor: mu, pair: p), time: 1, yb)
                #expect(isClose(observed, ratio / denominator, relative: 1e-6, absolute: 1e-9),
                        "\(layout.ligandIDs[system.pairLigand[p]])")
            }
            // Fentanyl at Kd against 2×Kd naloxone: about 1/(1 + 1 + 2) = 0.25 before peptides.
            let occupancy = model.value(of: .occupancy(receptor: mu, pair: pf), time: 1, yb)
            #expect(occupancy > 0.22 && occupancy < 0.25)
        }
    }

    /// Synthesis and degradation off: free + desensitized + internalized + bound is conserved
    /// per receptor type while drugs bind, desensitize and internalize receptors.
    @Test func receptorMassBalanceWithoutTurnover() throws {
        let model = try fentanylNaloxoneModel()
        var system = model.system
        for r in 0..<system.receptorFree.count {
            system.receptorSynthesis[r] = 0; system.receptorDegradation[r] = 0; system.receptorAgonistDegradation[r] = 0
        }
        for p in 0..<system.pairRecycles.count { system.pairRecycles[p] = 1 }
        var y = model.initialState
        y[model.layout.speciesCentral[0]] = 300  // fentanyl nmol
        y[model.layout.speciesCentral[1]] = 600  // naloxone nmol
        let final = try integrate(system, y, hours: 1, step: 2e-4)
        for r in 0..<system.receptorFree.count {
            let before = CompiledModel.totalReceptor(layout: model.layout, r: r, y)
            let after = CompiledModel.totalReceptor(layout: model.layout, r: r, final)
            #expect(isClose(after, before, relative: 1e-10), "\(model.layout.receptorKinds[r])")
        }
        // The drugs did act: fentanyl desensitized or internalized some mu receptors.
        #expect(final[system.receptorInternal[0]] != y[system.receptorInternal[0]])
    }

    /// Occupancies in [0, 1] summing to at most 1, and no negative amounts, with every feature on
    /// (two days with the default Rodas5P; 3 minutes with RK4 when the adaptive solver is absent).
    @Test func invariantsHoldWithEveryFeatureActive() throws {
        let base = kitchenSinkScenario()
        let horizon = 48.0
        let scenario = Scenario(name: base.name, durationHours: horizon, doses: base.doses, events: base.events)
        let model = try ReceptorModel.compile(scenario)
        let columns = try ReceptorModel.columnNames(for: scenario)
        var recorder = ObservableRecorder(columns: columns)
        let options = ReceptorModel.solverOptions(for: model)
        let interval = horizon / 96
        try ReceptorModel.simulate(model, columns: columns, intervalHours: interval, options: options, into: &recorder)
        var stateRecorder = TrajectoryRecorder(dimension: model.dimension)
        _ = try ODESolver.solve(
            ODEProblem(system: model.system, initialState: model.initialState, startTime: 0, endTime: horizon),
            method: .rodas5P, options: options,
            output: .uniform(start: 0, interval: interval, end: horizon), into: &stateRecorder)
        for column in columns where column.contains("_occupancy_") {
            for v in recorder.series(column) { #expect(v >= -1e-12 && v <= 1, "\(column) = \(v)") }
        }
        for kind in ["mu", "delta", "kappa", "nmda"] {
            let parts = columns.filter { $0.hasPrefix(kind + "_occupancy_") && !$0.hasSuffix("_total") }
            for k in 0..<recorder.times.count {
                let sum = parts.reduce(0) { $0 + recorder.series($1)[k] }
                #expect(sum <= 1 + 1e-12)
                #expect(isClose(sum, recorder.series(kind + "_occupancy_total")[k], relative: 1e-12, absolute: 1e-15))
            }
        }
        let signed = Set(["synthesis_control", "adaptation", "endorphin_suppression", "dynorphin_induction"])
        for k in 0..<stateRecorder.times.count {
            for (i, name) in model.stateNames.enumerated() where !signed.contains(where: { name.hasSuffix($0) }) {
                #expect(stateRecorder.states[k * model.dimension + i] >= -1e-9, "\(name) at \(stateRecorder.times[k])")
            }
        }
        #expect(recorder.series("buprenorphine_brain_nM").last! > 0)
        #expect(recorder.series("nmda_occupancy_ketamine").max()! > 0.01)
    }
}
