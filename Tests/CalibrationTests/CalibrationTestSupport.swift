import BuiltInLibrary
import Foundation
import Pharmacology
import ScenarioFiles
import Studies
import Validation
@testable import Calibration

/// The vocabulary the command line builds, from the built-in library.
let testVocabulary = ScenarioVocabulary(
    drugRoutes: Dictionary(DrugLibrary.builtIn.drugs.map { ($0.id, $0.supportedRoutes) }, uniquingKeysWith: { a, _ in a }),
    parameterNames: { (try? ReceptorModel.parameterNames(for: $0)) ?? [] },
    columnNames: { ((try? ReceptorModel.columnNames(for: $0)) ?? []).filter { $0 != "time_h" } },
    solverMethods: ["rodas5p", "tsit5", "rk4", "bdf"])

/// Morphine 10 mg IV bolus at 0 h, 8 h, plasma at a coarse interval (a one-compartment curve
/// C(t) = D/V · exp(−CL/V · t)).
let morphineScenarioText = """
    { name: "morphine IV fit test", duration_h: 8,
      doses: [ { drug: "morphine", route: "iv_bolus", amount_mg: 10, at_h: 0 } ],
      output: { interval_h: 1 }, solver: { rtol: 1e-7, atol: 1e-10 } }
    """

/// The header of a test observations file.
func observationsText(rows: [String], heldBack: Bool = false) -> String {
    """
    # title: Morphine IV synthetic data
    # citation: none
    # obtained: made by the model with seeded noise
    # population: none
    # drug: morphine
    # evidence: plasma_pk
    # acceptance: test
    """ + (heldBack ? "\n# held_back: true" : "") + """

    observable,statistic,time_h,end_h,value,sd,n,lower,upper

    """ + rows.joined(separator: "\n") + "\n"
}

typealias StudyInput = (id: String, scenario: Scenario, scenarioPath: String, file: ObservationFile, observationsPath: String)

/// A study from scenario text and observation rows.
func study(_ id: String = "synthetic", scenario text: String = morphineScenarioText, rows: [String]) throws -> StudyInput {
    let scenario = try ScenarioReader.decode(text, file: id + ".json", vocabulary: testVocabulary).scenario
    let file = try ObservationFile.parse(
        observationsText(rows: rows), file: id + ".csv", columns: testVocabulary.columnNames(scenario),
        drugIDs: Set(testVocabulary.drugRoutes.keys), durationHours: scenario.durationHours)
    return (id, scenario, id + ".json", file, id + ".csv")
}

let library = DrugLibrary.builtIn
let trueClearance = 95.0 * 1.3
let trueVolume = 276.0 * 0.8
let sampleTimes = [0.25, 0.5, 1, 2, 3, 4, 6, 8.0]
/// Each point's noise sd, relative to its true value.
let relativeNoise = 0.05

/// Synthetic data: morphine plasma at `sampleTimes` made by the model at the true clearance
/// and volume, with seeded Gaussian noise of sd `relativeNoise` × value (the sd column says so).
func syntheticStudy(seed: UInt64 = 7) throws -> (study: StudyInput, truth: [Double]) {
    let placeholder = sampleTimes.map { "morphine_plasma_nM,at,\($0),,1,1,,0,2" }
    let probe = try CalibrationProblem(
        parameters: [FitParameter(name: "morphine.clearance_l_per_h"), FitParameter(name: "morphine.central_volume_l")],
        studies: [try study(rows: placeholder)])
    let truth = [trueClearance, trueVolume]
    let exact = try probe.statistics(values: truth).get()
    var stream = RandomStream(seed: seed, member: 0)
    let rows = zip(sampleTimes, exact).map { time, value -> String in
        let sd = relativeNoise * value
        let noisy = value + sd * stream.nextStandardNormal()
        return "morphine_plasma_nM,at,\(time),,\(noisy),\(sd),,\(noisy - 3 * sd),\(noisy + 3 * sd)"
    }
    return (try study(rows: rows), truth)
}
