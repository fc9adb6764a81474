import BuiltInLibrary
import Testing
@testable import Pharmacology

/// `Scenario.steadyStateStart`: the run starts at the regimen's periodic steady state, or the
/// compile fails with a message naming what is wrong.
@Suite struct PeriodicSteadyStateTests {
    private func scenario(_ start: SteadyStateStart, doses: [DoseRegimen]? = nil) -> Scenario {
        Scenario(name: "ss", durationHours: 12,
                 doses: doses ?? [DoseRegimen(drug: "morphine", route: .ivBolus,
                                              schedule: .repeated(startHours: 0, everyHours: 6, count: 2, amountMilligrams: 5))],
                 solver: SolverSpecification(relativeTolerance: 1e-5, absoluteTolerance: 1e-8),
                 steadyStateStart: start)
    }

    /// Sensitivities of a run that starts at a periodic steady state are refused, not noise:
    /// each perturbed model's pre-run would stop within its own tolerance, and their difference
    /// over 2 × 1e-4 in ln p would swamp the derivative.
    @Test func sensitivitiesRefuseASteadyStateStart() throws {
        let start = SteadyStateStart(drug: "morphine", route: .ivBolus, amountMilligrams: 5, intervalHours: 6, hoursSinceLastDose: 6)
        let model = try ReceptorModel.compile(scenario(start))
        #expect(throws: ModelError.invalidValue(path: "steady state", reason: "sensitivities of a run that starts at a periodic "
                + "steady state (SS=1) are not computed: give the regimen's doses instead")) {
            _ = try ReceptorModel.simulateWithSensitivities(model, perturbed: [], columns: ["mu_occupancy_total"], outputTimes: [1])
        }
    }

    /// The state at t = 0 repeats one interval later: with the regimen's dose at 0 and none at
    /// 6 h, the state at 6 h (the next trough) equals the start within 1e-4 of each state's
    /// scale (drug amounts by the dose in nmol, receptor fractions by 1); the run's rtol is
    /// 1e-5 (coarser than the default 1e-6 so the months of pre-run take seconds in a debug
    /// build). And the start is not drug-free: morphine is in the body and on the receptors.
    @Test func theStartRepeatsAfterOneInterval() throws {
        let start = SteadyStateStart(drug: "morphine", route: .ivBolus, amountMilligrams: 5, intervalHours: 6, hoursSinceLastDose: 6)
        let once = [DoseRegimen(drug: "morphine", route: .ivBolus, schedule: .single(atHours: 0, amountMilligrams: 5))]
        let branchable = try BranchableModel(scenario: scenario(start, doses: once), extraDoses: [])
        let y0 = branchable.model.initialState
        let next = try #require(try branchable.branchPoints(at: [6]).first).state
        let scales = branchable.model.stateScales
        for i in 0..<y0.count {
            #expect(abs(next[i] - y0[i]) <= 1e-4 * scales[i], "\(branchable.model.stateNames[i]): \(next[i]) vs \(y0[i])")
        }
        let names = branchable.model.stateNames
        let central = try #require(names.firstIndex(of: "morphine.central_nmol"))
        let bound = try #require(names.firstIndex(of: "mu.bound_morphine"))
        #expect(y0[central] > 1 && y0[bound] > 0.01, "\(y0[central]) nmol, \(y0[bound]) bound")
    }

    @Test func badRegimensAreRefusedWithTheirReason() throws {
        let cases: [(SteadyStateStart, String)] = [
            (SteadyStateStart(drug: "morphine", route: .ivBolus, amountMilligrams: 5, intervalHours: 0, hoursSinceLastDose: 6),
             "invalid value for steady state interval: must be a finite number > 0, got 0.0"),
            (SteadyStateStart(drug: "morphine", route: .ivBolus, amountMilligrams: 5, intervalHours: 6, hoursSinceLastDose: 7),
             "invalid value for steady state hours since the last dose: must be in (0, 6.0], got 7.0"),
            (SteadyStateStart(drug: "naloxone", route: .ivBolus, amountMilligrams: 5, intervalHours: 6, hoursSinceLastDose: 6),
             "invalid value for steady state: naloxone by iv_bolus is not among the scenario's doses; the regimen's later doses must be (an event table's SS=1 row gives them)"),
            (SteadyStateStart(drug: "morphine", route: .oral, amountMilligrams: 5, intervalHours: 6, hoursSinceLastDose: 6),
             "invalid value for steady state: morphine by oral is not among the scenario's doses; the regimen's later doses must be (an event table's SS=1 row gives them)"),
        ]
        for (start, message) in cases {
            let error = #expect(throws: ModelError.self) { try ReceptorModel.compile(scenario(start)) }
            #expect(error?.description == message)
        }
        // A depot's delay longer than the time since the last dose names the key that sets it:
        // OxyContin's lag_h 0.52 h; Vivitrol's slow share released zero-order until slow_lag_h + slow_release_duration_h = 336 h (drugs.json5).
        let late: [(SteadyStateStart, String)] = [
            (SteadyStateStart(drug: "oxycodone", route: .oralExtendedRelease, amountMilligrams: 10, intervalHours: 12, hoursSinceLastDose: 0.25),
             "invalid value for steady state: the dose reaches its depot 0.52 h after it is given (lag_h), not before the run starts 0.25 h "
                + "after the last dose; start the regimen's doses at t = 0"),
            (SteadyStateStart(drug: "naltrexone", route: .intramuscularExtendedRelease, amountMilligrams: 380, intervalHours: 672, hoursSinceLastDose: 10),
             "invalid value for steady state: its slow share's zero-order release ends 336.0 h after the dose is given (slow_lag_h + "
                + "slow_release_duration_h), not before the run starts 10.0 h after the last dose; start the regimen's doses at t = 0"),
        ]
        for (start, message) in late {
            let doses = [DoseRegimen(drug: start.drug, route: start.route,
                                     schedule: .single(atHours: 1, amountMilligrams: start.amountMilligrams))]
            let error = #expect(throws: ModelError.self) { try ReceptorModel.compile(scenario(start, doses: doses)) }
            #expect(error?.description == message)
        }
    }

    @Test func theUnconvergedMessageNamesTheRegimenAndTheLastChange() {
        let error = ModelError.periodicSteadyStateNotFound(drug: "methadone", intervalHours: 24, cycles: 7300, change: 3.5)
        #expect(error.description == "the periodic steady state of methadone every 24.0 h was not reached: after 7300 dosing intervals "
            + "the state at the start of an interval still changes by 3.5 times the solver tolerance (the pre-run stops at 100000 intervals or 20 years)")
    }
}
