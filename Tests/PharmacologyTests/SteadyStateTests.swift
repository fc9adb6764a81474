import BuiltInLibrary
import Testing
import Integrators
@testable import Pharmacology
import TestSupport

@Suite struct SteadyStateTests {
    @Test func residualNormSeesNaN() {
        #expect(SteadyState.norm([1e-3, -2, 0.5]) == 2)
        #expect(SteadyState.norm([1e-3, .nan, 0.5]).isNaN)
        #expect(SteadyState.norm([.nan]).isNaN)
    }

    @Test(arguments: [Phenotype.control, .opioidDeficit])
    func noDrugScenarioStaysFlat(phenotype: Phenotype) throws {
        let hours = 30.0 * 24
        let scenario = Scenario(name: "no drug", durationHours: hours, subject: Subject(phenotype: phenotype))
        let model = try ReceptorModel.compile(scenario)
        let residual = SteadyState.norm(SteadyState.residual(model.system, model.initialState))
        #expect(residual < 1e-12)
        var recorder = TrajectoryRecorder(dimension: model.dimension)
        var options = ReceptorModel.solverOptions(for: scenario)
        options.fixedStepSize = 0.0005
        _ = try ODESolver.solve(
            ODEProblem(system: model.system, initialState: model.initialState, startTime: 0, endTime: hours),
            method: .rodas5P, options: options,
            output: .uniform(start: 0, interval: hours / 2, end: hours), into: &recorder)
        let last = recorder.state(at: recorder.times.count - 1)
        for i in 0..<model.dimension {
            #expect(isClose(last[i], model.initialState[i], relative: 1e-9, absolute: 1e-12), "\(model.stateNames[i])")
        }
    }

    /// Control: receptor totals are the healthy reference (1), dopamine tone 1, no withdrawal
    /// and no tolerance; the deficit phenotype has lower endorphin, compensatory up-regulation
    /// (higher mu availability, Prossin 2010 Am J Psychiatry 167:925) and a measurable resting
    /// deficit measured against the control set points: dopamine_tone < 0.97 and hedonic_tone
    /// < 0.95 × control (Model2Design.md §6.5, §13; the size is a model assumption).
    @Test func phenotypesDifferAsDescribed() throws {
        let columns = ["mu_total_rel", "endorphin_nM", "dopamine_tone", "hedonic_tone", "withdrawal_signs",
                       "withdrawal_index", "tolerance_index"]
        let control = try run(Scenario(name: "c", durationHours: 1), columns: columns, intervalHours: 1, step: 0.0005)
        let deficit = try run(Scenario(name: "d", durationHours: 1, subject: Subject(phenotype: .opioidDeficit)),
                              columns: columns, intervalHours: 1, step: 0.0005)
        #expect(isClose(control.series("mu_total_rel")[0], 1, absolute: 1e-12))
        #expect(isClose(control.series("dopamine_tone")[0], 1, absolute: 1e-12))
        #expect(control.series("withdrawal_index")[0] == 0)
        #expect(abs(control.series("tolerance_index")[0]) < 1e-12)
        #expect(deficit.series("endorphin_nM")[0] < 0.8 * control.series("endorphin_nM")[0])
        #expect(deficit.series("mu_total_rel")[0] > 1.02)
        #expect(deficit.series("dopamine_tone")[0] < 0.97)
        #expect(deficit.series("hedonic_tone")[0] < 0.95 * control.series("hedonic_tone")[0])
        #expect(deficit.series("withdrawal_signs")[0] == 0)
    }
}
