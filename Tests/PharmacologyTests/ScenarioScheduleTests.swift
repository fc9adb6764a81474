import BuiltInLibrary
import Testing
@testable import Pharmacology

/// The one expansion of a scenario's doses and events (`Scenario.schedule`), which the model's
/// events, the plot annotations and `check --timeline` share (issue #17): they agree on dose
/// times, on a route's absorption lag and on infusions and stimuli cut at the end of the run.
@Suite struct ScenarioScheduleTests {
    /// Oral morphine at 1, 5 and 9 h with a 0.5 h absorption lag, a fentanyl infusion from 8 h
    /// for 5 h and a stress event from 9 h for 3 h, in a 10 h run.
    static let scenario = Scenario(
        name: "schedule", durationHours: 10,
        doses: [
            DoseRegimen(drug: "morphine", route: .oral, schedule: .repeated(startHours: 1, everyHours: 4, count: 3, amountMilligrams: 10)),
            DoseRegimen(drug: "fentanyl", route: .ivInfusion, schedule: .infusion(startHours: 8, durationHours: 5, rateMilligramsPerHour: 0.05)),
        ],
        events: [StimulusEvent(kind: .stress, startHours: 9, durationHours: 3)],
        parameterOverrides: ["morphine.oral.lag_h": 0.5])

    @Test func everyEntryInTimeOrderWithLagsAndCuts() throws {
        let library = try ParameterCatalog.apply(Self.scenario.parameterOverrides, to: .builtIn)
        #expect(Self.scenario.schedule(library: library) == [
            ScheduledEntry(timeHours: 1, kind: .dose(regimen: 0, amountMilligrams: 10, lagHours: 0.5)),
            ScheduledEntry(timeHours: 5, kind: .dose(regimen: 0, amountMilligrams: 10, lagHours: 0.5)),
            ScheduledEntry(timeHours: 8, kind: .infusionStart(regimen: 1, rateMilligramsPerHour: 0.05)),
            // Equal times keep the order of doses, then events.
            ScheduledEntry(timeHours: 9, kind: .dose(regimen: 0, amountMilligrams: 10, lagHours: 0.5)),
            ScheduledEntry(timeHours: 9, kind: .stimulusStart(event: 0)),
            ScheduledEntry(timeHours: 10, kind: .infusionEnd(regimen: 1, rateMilligramsPerHour: 0.05, cut: true)),
            ScheduledEntry(timeHours: 10, kind: .stimulusEnd(event: 0, cut: true)),
        ])
        // Without a library there is no lag to know of.
        #expect(Self.scenario.schedule(library: nil).first == ScheduledEntry(timeHours: 1, kind: .dose(regimen: 0, amountMilligrams: 10, lagHours: 0)))
    }

    /// The model's events are the schedule's: doses into the depot at the lag, the infusion and
    /// stimulus starts, and no events for the ends cut at the end of the run.
    @Test func theModelsEventsComeFromTheSchedule() throws {
        let model = try ReceptorModel.compile(Self.scenario)
        let times = model.events.map(\.timeHours)
        #expect(Set(times) == [1.5, 5.5, 8, 9, 9.5])
        #expect(times == times.sorted())
        let infusionDeltas = model.events.compactMap { event -> Double? in
            if case .changeInfusion(_, let delta) = event.action { return delta }
            return nil
        }
        #expect(infusionDeltas.count == 1 && infusionDeltas[0] > 0)
        let stimulusDeltas = model.events.compactMap { event -> Double? in
            if case .changeStimulus(_, let delta) = event.action { return delta }
            return nil
        }
        #expect(stimulusDeltas == [1])
    }

    @Test func administrationsOfEachSchedule() {
        #expect(DoseSchedule.single(atHours: 2, amountMilligrams: 5).administrations.map(\.timeHours) == [2])
        #expect(DoseSchedule.repeated(startHours: 1, everyHours: 6, count: 3, amountMilligrams: 5).administrations.map(\.timeHours) == [1, 7, 13])
        let taper = DoseSchedule.stepped(startHours: 0, everyHours: 24, amountsMilligrams: [40, 20, 10]).administrations
        #expect(taper.map(\.timeHours) == [0, 24, 48] && taper.map(\.amountMilligrams) == [40, 20, 10])
        #expect(DoseSchedule.infusion(startHours: 0, durationHours: 1, rateMilligramsPerHour: 1).administrations.isEmpty)
    }
}
