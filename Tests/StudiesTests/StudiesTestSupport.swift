import BuiltInLibrary
import Foundation
import Pharmacology
@testable import Studies

/// Morphine 10 mg IV bolus at t = 0 (one-compartment: V1 276 L, CL 95 L/h), `hours` long.
func bolusScenario(hours: Double = 24, amountMilligrams: Double = 10) -> Scenario {
    Scenario(name: "bolus", durationHours: hours,
             doses: [DoseRegimen(drug: "morphine", route: .ivBolus, schedule: .single(atHours: 0, amountMilligrams: amountMilligrams))],
             output: OutputSpecification(intervalHours: 0.5))
}

/// Oral morphine every 6 h for a day, then a day without: a short dependence-and-stop run.
func shortOralScenario() -> Scenario {
    Scenario(name: "short oral", durationHours: 36,
             doses: [DoseRegimen(drug: "morphine", route: .oral,
                                 schedule: .repeated(startHours: 0, everyHours: 6, count: 4, amountMilligrams: 30))],
             output: OutputSpecification(intervalHours: 1),
             solver: SolverSpecification(relativeTolerance: 1e-5, absoluteTolerance: 1e-8))
}

/// A small population plan over `shortOralScenario`.
func smallPopulationPlan(size: Int = 6, seed: UInt64 = 7, bands: [String] = []) throws -> StudyPlan {
    let base = try ReceptorModel.compile(shortOralScenario())
    let design = try PopulationDesign(size: size, seed: seed, variabilities: [
        Variability(name: "morphine.clearance_l_per_h", coefficientOfVariation: 0.3),
        Variability(name: "mu.turnover_half_life_h", coefficientOfVariation: 0.2),
    ], base: base)
    return try StudyPlan.population(design: design, metricColumns: ["morphine_plasma_nM", "withdrawal_index"],
                                    thresholds: [Threshold(column: "reward_response", above: true, value: 0.7)],
                                    bandColumns: bands, intervalHours: 1)
}
