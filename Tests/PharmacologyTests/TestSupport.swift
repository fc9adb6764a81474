import Foundation
import Integrators
@testable import Pharmacology

/// |a − b| <= absolute + relative · |b|.
func isClose(_ a: Double, _ b: Double, relative: Double = 0, absolute: Double = 0) -> Bool {
    abs(a - b) <= absolute + relative * abs(b)
}

/// Runs `scenario` and returns the recorder with the given columns.
func run(_ scenario: Scenario, columns: [String], intervalHours: Double = 0.25,
         step: Double = 0.01) throws -> ObservableRecorder {
    let model = try ReceptorModel.compile(scenario)
    var recorder = ObservableRecorder(columns: columns)
    var options = ReceptorModel.solverOptions(for: scenario)
    options.fixedStepSize = step
    try ReceptorModel.simulate(model, columns: columns, intervalHours: intervalHours, options: options, into: &recorder)
    return recorder
}

/// Whether long (multi-week) behaviour tests should run (set RECEPTOR_SIM_LONG_TESTS=1).
let longTestsEnabled = ProcessInfo.processInfo.environment["RECEPTOR_SIM_LONG_TESTS"] == "1"

/// A scenario with every ligand-bearing feature: two drugs with metabolites, a peripheral
/// compartment, a modulator, NMDA and a running stimulus.
func kitchenSinkScenario() -> Scenario {
    Scenario(
        name: "kitchen sink", durationHours: 2,
        doses: [
            DoseRegimen(drug: "morphine", route: .oral, schedule: .single(atHours: 0, amountMilligrams: 30)),
            DoseRegimen(drug: "buprenorphine", route: .sublingual, schedule: .single(atHours: 0, amountMilligrams: 2)),
            DoseRegimen(drug: "oxytocin", route: .intranasal, schedule: .single(atHours: 0, amountMilligrams: 0.04)),
            DoseRegimen(drug: "ketamine", route: .ivBolus, schedule: .single(atHours: 0, amountMilligrams: 35)),
        ],
        events: [StimulusEvent(kind: .stress, startHours: 0, durationHours: 1, intensity: 1)])
}
