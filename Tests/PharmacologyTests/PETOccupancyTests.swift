import BuiltInLibrary
import Foundation
import Testing
import Integrators
@testable import Pharmacology
import TestSupport

/// `<receptor>_pet_occupancy`: 1 − S(t)(1 − D(t)) / S0, the fall in radiotracer-available sites
/// (surface receptors not held by a drug or metabolite) against the drug-free baseline.
@Suite struct PETOccupancyTests {
    func model() throws -> CompiledModel {
        try ReceptorModel.compile(Scenario(name: "pet", durationHours: 1, doses: [
            dose("fentanyl", .ivBolus, .single(atHours: 0, amountMilligrams: 0.1)),
            dose("naloxone", .ivBolus, .single(atHours: 0, amountMilligrams: 0.4)),
        ]))
    }

    /// Every receptor's column of `name` at the state `y`.
    func column(_ model: CompiledModel, _ name: String, _ y: [Double]) throws -> Double {
        let observable = try #require(Observable.all(for: model.layout).first { $0.name == name }?.observable)
        return y.withUnsafeBufferPointer { model.value(of: observable, time: 0, $0) }
    }

    /// The drug-free steady state reads 0 for every receptor type, whatever the peptides hold.
    @Test func zeroAtDrugFreeBaseline() throws {
        let model = try model()
        for kind in ["mu", "delta", "kappa"] {
            let value = try column(model, kind + "_pet_occupancy", model.initialState)
            #expect(abs(value) < 1e-12, "\(kind): \(value)")
            // Peptides occupy receptors at baseline, so total occupancy is not zero there.
            #expect(try column(model, kind + "_occupancy_total", model.initialState) > 0.01)
        }
        #expect(try ReceptorModel.columnNames(for: model.scenario).filter { $0.hasSuffix("_pet_occupancy") }
            == ["mu_pet_occupancy", "delta_pet_occupancy", "kappa_pet_occupancy"])
    }

    /// Trafficking frozen at the baseline surface (S = S0) and fixed free brain concentrations:
    /// at binding equilibrium the PET occupancy is the drugs' share of the competitive-binding
    /// formula, (c_f/K_f + c_n/K_n) / (1 + Σ_j c_j/K_j), the sum running over the peptides too.
    @Test func equilibriumMatchesCompetitiveBinding() throws {
        let model = try model()
        var system = model.system
        for r in 0..<system.receptorFree.count {
            system.receptorSynthesis[r] = 0; system.receptorDegradation[r] = 0
            system.receptorEndocytosis[r] = 0
            system.receptorRecycling[r] = 0; system.receptorResensitization[r] = 0
        }
        for p in 0..<system.pairState.count { system.pairDesensitization[p] = 0; system.pairInternalization[p] = 0 }
        for s in 0..<system.speciesKe0.count { system.speciesKe0[s] = 0 }
        system.endorphinSuppressionRate = 0; system.dynorphinInductionRate = 0
        let layout = model.layout
        let peptides = layout.peptideIDs.count
        var y = model.initialState
        for (s, concentration) in zip([0, 1], [0.351, 1.172]) {
            y[system.ligandState[peptides + s]] = concentration / system.ligandScale[peptides + s]
        }
        // Desensitized receptors are surface sites no ligand binds: move them to free, which
        // keeps S = S0 and makes every surface site part of the binding equilibrium.
        let mu = 0
        y[system.receptorFree[mu]] += y[system.receptorDesensitized[mu]]
        y[system.receptorDesensitized[mu]] = 0
        var recorder = TrajectoryRecorder(dimension: y.count)
        var options = SolverOptions()
        options.fixedStepSize = 2e-4
        let final = try ODESolver.solve(
            ODEProblem(system: system, initialState: y, startTime: 0, endTime: 1),
            method: .rk4, options: options, output: .times([1]), into: &recorder).finalState
        var drugs = 0.0, all = 0.0
        for p in system.receptorPairStart[mu]..<system.receptorPairEnd[mu] {
            let l = system.pairLigand[p]
            let ratio = system.ligandScale[l] * final[system.ligandState[l]] * system.pairKon[p] / system.pairKoff[p]
            all += ratio
            if l >= peptides { drugs += ratio }
        }
        let expected = drugs / (1 + all)
        let pet = try column(model, "mu_pet_occupancy", final)
        #expect(isClose(pet, expected, relative: 1e-5), "PET \(pet), formula \(expected)")
        // The surface did not move, so S(t)/S0 = 1 and PET is the drugs' occupancy alone.
        #expect(expected > 0.2 && expected < 0.9)
        #expect(try column(model, "mu_occupancy_total", final) > pet)
    }

    /// Away from the baseline surface (up-regulated free receptors, some desensitized) the
    /// column equals 1 − S(1 − D)/S0 written with the other CSV columns.
    @Test func matchesDefinitionFromOtherColumns() throws {
        let model = try model()
        let layout = model.layout
        var y = model.initialState
        let mu = 0
        let baselineSurfaceRelative = try column(model, "mu_surface_rel", y)
        y[layout.receptorFree[mu]] *= 1.6
        y[layout.receptorDesensitized[mu]] += 0.05
        for pair in layout.pairs where pair.receptor == mu && pair.ligand >= layout.peptideIDs.count {
            y[pair.state] = 0.1 * Double(pair.ligand - layout.peptideIDs.count + 1)
        }
        let surface = try column(model, "mu_surface_rel", y)
        let drugOccupancy = try column(model, "mu_occupancy_fentanyl", y) + column(model, "mu_occupancy_naloxone", y)
        let expected = 1 - surface * (1 - drugOccupancy) / baselineSurfaceRelative
        #expect(isClose(try column(model, "mu_pet_occupancy", y), expected, relative: 1e-12, absolute: 1e-14))
    }
}
