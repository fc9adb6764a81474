import Pharmacology

/// One thing that happens at one time in a scenario, after expanding every schedule.
public struct TimelineEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case dose(drug: String, route: Route, amountMilligrams: Double)
        case infusionStart(drug: String, rateMilligramsPerHour: Double)
        case infusionEnd(drug: String)
        case stimulusStart(StimulusKind, intensity: Double)
        case stimulusEnd(StimulusKind)
    }

    public var timeHours: Double
    public var kind: Kind

    public init(timeHours: Double, kind: Kind) {
        self.timeHours = timeHours
        self.kind = kind
    }
}

/// The fully expanded event list of a scenario: what `check --timeline` shows, so a user sees
/// exactly what will be simulated before anything runs.
public enum ScenarioTimeline {
    /// Every dose, infusion start and end, and stimulus window start and end, sorted by time
    /// (ties keep the order of the file). Infusions and events are cut at the end of the run.
    /// - Complexity: O(n log n) in the number of expanded entries.
    public static func expand(_ scenario: Scenario) -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        let end = scenario.durationHours
        for regimen in scenario.doses {
            switch regimen.schedule {
            case .single(let time, let amount):
                entries.append(TimelineEntry(timeHours: time, kind: .dose(drug: regimen.drug, route: regimen.route, amountMilligrams: amount)))
            case .repeated(let start, let every, let count, let amount):
                for k in 0..<max(0, count) {
                    entries.append(TimelineEntry(timeHours: start + Double(k) * every,
                                                 kind: .dose(drug: regimen.drug, route: regimen.route, amountMilligrams: amount)))
                }
            case .stepped(let start, let every, let amounts):
                for (k, amount) in amounts.enumerated() {
                    entries.append(TimelineEntry(timeHours: start + Double(k) * every,
                                                 kind: .dose(drug: regimen.drug, route: regimen.route, amountMilligrams: amount)))
                }
            case .infusion(let start, let duration, let rate):
                entries.append(TimelineEntry(timeHours: start, kind: .infusionStart(drug: regimen.drug, rateMilligramsPerHour: rate)))
                entries.append(TimelineEntry(timeHours: min(start + duration, end), kind: .infusionEnd(drug: regimen.drug)))
            }
        }
        for event in scenario.events {
            entries.append(TimelineEntry(timeHours: event.startHours, kind: .stimulusStart(event.kind, intensity: event.intensity)))
            entries.append(TimelineEntry(timeHours: min(event.startHours + event.durationHours, end), kind: .stimulusEnd(event.kind)))
        }
        return entries.enumerated()
            .sorted { ($0.element.timeHours, $0.offset) < ($1.element.timeHours, $1.offset) }
            .map(\.element)
    }
}
