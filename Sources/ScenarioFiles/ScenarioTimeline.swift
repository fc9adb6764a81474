import Pharmacology

/// One thing that happens at one time in a scenario, after expanding every schedule.
public struct TimelineEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case dose(drug: String, route: Route, amountMilligrams: Double)
        /// An infusion starts, or (route `transdermal`) a patch is applied.
        case infusionStart(drug: String, rateMilligramsPerHour: Double, route: Route = .ivInfusion)
        /// It stops, or the patch is removed.
        case infusionEnd(drug: String, route: Route = .ivInfusion)
        case stimulusStart(StimulusKind, intensity: Double)
        case stimulusEnd(StimulusKind)
    }

    public var timeHours: Double
    public var kind: Kind
    /// For a dose into a depot: how long after `timeHours` absorption starts (the route's lag).
    public var lagHours: Double
    /// For a dose into a two-depot route whose slow depot has its own lag: how long after
    /// `timeHours` the slow share starts (nil: with the rest, at `lagHours`).
    public var slowLagHours: Double?

    public init(timeHours: Double, kind: Kind, lagHours: Double = 0, slowLagHours: Double? = nil) {
        self.timeHours = timeHours
        self.kind = kind
        self.lagHours = lagHours
        self.slowLagHours = slowLagHours
    }
}

/// The fully expanded event list of a scenario: what `check --timeline` shows, so a user sees
/// exactly what will be simulated before anything runs.
public enum ScenarioTimeline {
    /// Every dose, infusion start and end, and stimulus window start and end, sorted by time
    /// (ties keep the order of the file): the scenario's one expansion (`Scenario.schedule`),
    /// the one the model's events are made from. Infusions and events are cut at the end of
    /// the run.
    /// - Parameter library: where the routes' absorption lags come from (nil: none shown).
    /// - Complexity: O(n log n) in the number of expanded entries.
    public static func expand(_ scenario: Scenario, library: DrugLibrary? = nil) -> [TimelineEntry] {
        scenario.schedule(library: library).map { entry in
            switch entry.kind {
            case .dose(let index, let amount, let lag):
                let regimen = scenario.doses[index]
                let slowLag = library?.drug(regimen.drug)?.parameters(of: regimen.route)?.slowDepot?.lagHours?.value
                return TimelineEntry(timeHours: entry.timeHours, kind: .dose(drug: regimen.drug, route: regimen.route, amountMilligrams: amount),
                                     lagHours: lag, slowLagHours: slowLag)
            case .infusionStart(let index, let rate):
                let regimen = scenario.doses[index]
                return TimelineEntry(timeHours: entry.timeHours, kind: .infusionStart(drug: regimen.drug, rateMilligramsPerHour: rate, route: regimen.route))
            case .infusionEnd(let index, _, _):
                let regimen = scenario.doses[index]
                return TimelineEntry(timeHours: entry.timeHours, kind: .infusionEnd(drug: regimen.drug, route: regimen.route))
            case .stimulusStart(let index):
                let event = scenario.events[index]
                return TimelineEntry(timeHours: entry.timeHours, kind: .stimulusStart(event.kind, intensity: event.intensity))
            case .stimulusEnd(let index, _):
                return TimelineEntry(timeHours: entry.timeHours, kind: .stimulusEnd(scenario.events[index].kind))
            }
        }
    }
}
