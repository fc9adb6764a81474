import BuiltInLibrary
import Foundation
import Integrators
@testable import Pharmacology

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

/// Runs `scenario` with the default method (Rodas5P) at the scenario's tolerances.
func simulate(_ scenario: Scenario, columns: [String], intervalHours: Double) throws -> ObservableRecorder {
    let model = try ReceptorModel.compile(scenario)
    var recorder = ObservableRecorder(columns: ["time_h"] + columns)
    try ReceptorModel.simulate(model, columns: ["time_h"] + columns, intervalHours: intervalHours, into: &recorder)
    return recorder
}

/// A recorded run read by time: its output times and each column's series. `ObservableRecorder`
/// and `Trace` share these questions instead of each repeating them.
protocol RecordedRun {
    var times: [Double] { get }
    func series(_ column: String) -> [Double]
}

extension ObservableRecorder: RecordedRun {}

extension RecordedRun {
    /// Value of `column` at the first output time >= `time` (the last row past the end).
    func value(_ column: String, at time: Double) -> Double {
        let i = times.firstIndex { $0 >= time - 1e-9 } ?? times.count - 1
        return series(column)[i]
    }

    /// Maximum of `column` over [from, to] and the first time it occurs.
    func maximum(_ column: String, from: Double, to: Double) -> (value: Double, time: Double) {
        let v = series(column)
        var best = (value: -Double.infinity, time: from)
        for (i, t) in times.enumerated() where t >= from - 1e-9 && t <= to + 1e-9 && v[i] > best.value {
            best = (v[i], t)
        }
        return best
    }

    /// Minimum of `column` over [from, to].
    func minimum(_ column: String, from: Double, to: Double) -> Double {
        let v = series(column)
        var best = Double.infinity
        for (i, t) in times.enumerated() where t >= from - 1e-9 && t <= to + 1e-9 { best = min(best, v[i]) }
        return best
    }
}

func dose(_ drug: String, _ route: Route, _ schedule: DoseSchedule) -> DoseRegimen {
    DoseRegimen(drug: drug, route: route, schedule: schedule)
}
