/// Times at which the integrator must stop exactly (never step over), let the caller change
/// the state or the system (a dose adds to a depot, an infusion changes a rate), and restart
/// cleanly with a fresh derivative and Jacobian.
///
/// Events at the same time are applied in index order. An event at the start time is applied
/// before the first step; events at or after the end time are not applied. An output time equal
/// to an event time reports the state after the event.
public struct TimeEventSchedule<System: ODESystem> {
    /// Event times, ascending.
    public var times: [Double]
    /// Applies event `index` (an index into `times`) at `time`. Called once per event, never
    /// per step, so a closure costs nothing measurable here.
    public var apply: (_ index: Int, _ time: Double, _ system: inout System,
                       _ state: UnsafeMutableBufferPointer<Double>) -> Void

    public init(
        times: [Double],
        apply: @escaping (_ index: Int, _ time: Double, _ system: inout System,
                          _ state: UnsafeMutableBufferPointer<Double>) -> Void
    ) {
        self.times = times
        self.apply = apply
    }

    /// No events.
    public static var none: TimeEventSchedule { TimeEventSchedule(times: []) { _, _, _, _ in } }
}
