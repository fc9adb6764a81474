/// The time-event bookkeeping of the shared step loop (`StepLoop`): which
/// event comes next, how a step is fitted to land on it, and applying the events due.
@usableFromInline
struct EventStops<System: ODESystem> {
    @usableFromInline let events: TimeEventSchedule<System>
    /// Index of the next event not yet applied.
    @usableFromInline var next = 0

    /// Skips the events before `start`.
    @inlinable
    init(_ events: TimeEventSchedule<System>, start: Double) {
        self.events = events
        while next < events.times.count, events.times[next] < start { next += 1 }
    }

    /// The next time a step must land on: the next event or the end.
    @inlinable
    func nextStop(end: Double) -> Double {
        next < events.times.count ? min(events.times[next], end) : end
    }

    /// The step to attempt towards a stop `distance` ahead: stretched by up to 1 % to land on it
    /// (then `lands`), or halved when a full step would leave a sliver.
    @inlinable
    static func fit(step: Double, distance: Double) -> (step: Double, lands: Bool) {
        if 1.01 * step >= distance { return (distance, true) }
        if 2 * step > distance { return (0.5 * distance, false) }
        return (step, false)
    }

    /// Whether events are due at `time` (reached by landing) before `end`.
    @inlinable
    func due(at time: Double, end: Double) -> Bool {
        next < events.times.count && events.times[next] <= time && time < end
    }

    /// Applies every event at or before `time` in index order, each at its own time.
    @inlinable
    mutating func applyDue(
        at time: Double, to system: inout System, state: UnsafeMutablePointer<Double>, dimension n: Int,
        statistics: inout SolverStatistics
    ) {
        while next < events.times.count, events.times[next] <= time {
            events.apply(next, events.times[next], &system, UnsafeMutableBufferPointer(start: state, count: n))
            statistics.eventsHandled += 1
            next += 1
        }
    }
}
