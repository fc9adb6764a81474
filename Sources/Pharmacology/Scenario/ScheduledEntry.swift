/// One thing that happens at one time in a scenario after every schedule is expanded: a dose
/// given, an infusion or a stimulus starting or ending.
///
/// `Scenario.schedule(library:)` is the one expansion of a scenario's doses and events: the
/// model's time events, the plot annotations and `check --timeline` are all made from it, so
/// they agree on when each dose is given, on absorption lags and on infusions and stimuli cut
/// at the end of the run.
public struct ScheduledEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A dose of entry `regimen` of `doses`, given at the entry's time; absorption from a
        /// depot starts `lagHours` later (the route's lag; 0 for IV and without a library).
        case dose(regimen: Int, amountMilligrams: Double, lagHours: Double)
        /// An infusion of entry `regimen` starts at `rateMilligramsPerHour` (for a patch: one
        /// patch is applied; its input goes into the route's skin depot, not the blood).
        case infusionStart(regimen: Int, rateMilligramsPerHour: Double)
        /// It stops; `cut` when it would have run past the end of the run and stops there.
        case infusionEnd(regimen: Int, rateMilligramsPerHour: Double, cut: Bool)
        /// Stimulus `event` (index into `events`) starts.
        case stimulusStart(event: Int)
        /// It ends; `cut` when it would have lasted past the end of the run.
        case stimulusEnd(event: Int, cut: Bool)
    }

    public var timeHours: Double
    public var kind: Kind

    public init(timeHours: Double, kind: Kind) {
        self.timeHours = timeHours
        self.kind = kind
    }
}

extension DoseSchedule {
    /// The administrations of a dose schedule in schedule order, as (time h, amount mg): one
    /// for a single dose, `count` for a repeated one, one per amount of a taper or titration,
    /// none for an infusion or a patch (their input is a rate).
    /// - Complexity: O(administrations).
    public var administrations: [(timeHours: Double, amountMilligrams: Double)] {
        switch self {
        case .single(let at, let amount):
            return [(at, amount)]
        case .repeated(let start, let every, let count, let amount):
            return (0..<max(count, 0)).map { (start + Double($0) * every, amount) }
        case .stepped(let start, let every, let amounts):
            return amounts.enumerated().map { (start + Double($0.offset) * every, $0.element) }
        case .infusion, .patch:
            return []
        }
    }
}

extension Scenario {
    /// Every dose, infusion start and end and stimulus start and end of the scenario, sorted
    /// by time (ties keep the order of `doses`, then `events`). Infusions and stimuli lasting
    /// past `durationHours` end there (`cut`).
    /// - Parameter library: where the routes' absorption lags come from (nil: no lags, for a
    ///   reader without the library).
    /// - Complexity: O(n log n) in the number of entries.
    public func schedule(library: DrugLibrary?) -> [ScheduledEntry] {
        var entries: [ScheduledEntry] = []
        for (index, regimen) in doses.enumerated() {
            if case .infusion(let start, let length, let rate) = regimen.schedule {
                let cut = start + length > durationHours
                entries.append(ScheduledEntry(timeHours: start, kind: .infusionStart(regimen: index, rateMilligramsPerHour: rate)))
                entries.append(ScheduledEntry(timeHours: cut ? durationHours : start + length,
                                              kind: .infusionEnd(regimen: index, rateMilligramsPerHour: rate, cut: cut)))
                continue
            }
            if case .patch(let start, let every, let count, let wear, let rate) = regimen.schedule {
                // Each patch is an input window; a window running past the end is cut there.
                for k in 0..<max(count, 0) {
                    let on = start + Double(k) * every
                    guard on <= durationHours else { break }
                    let cut = on + wear > durationHours
                    entries.append(ScheduledEntry(timeHours: on, kind: .infusionStart(regimen: index, rateMilligramsPerHour: rate)))
                    entries.append(ScheduledEntry(timeHours: cut ? durationHours : on + wear,
                                                  kind: .infusionEnd(regimen: index, rateMilligramsPerHour: rate, cut: cut)))
                }
                continue
            }
            let lag = regimen.route == .ivBolus ? 0
                : library?.drug(regimen.drug)?.parameters(of: regimen.route)?.lagHours.value ?? 0
            for administration in regimen.schedule.administrations {
                entries.append(ScheduledEntry(timeHours: administration.timeHours,
                                              kind: .dose(regimen: index, amountMilligrams: administration.amountMilligrams, lagHours: lag)))
            }
        }
        for (index, event) in events.enumerated() {
            let cut = event.startHours + event.durationHours > durationHours
            entries.append(ScheduledEntry(timeHours: event.startHours, kind: .stimulusStart(event: index)))
            entries.append(ScheduledEntry(timeHours: cut ? durationHours : event.startHours + event.durationHours,
                                          kind: .stimulusEnd(event: index, cut: cut)))
        }
        return entries.enumerated()
            .sorted { ($0.element.timeHours, $0.offset) < ($1.element.timeHours, $1.offset) }
            .map(\.element)
    }
}
