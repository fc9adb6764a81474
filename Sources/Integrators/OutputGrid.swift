/// Where the solution is reported. Dense output fills grid points between steps, so a grid
/// never forces extra steps.
public enum OutputGrid: Sendable {
    /// Explicit times, ascending, within the problem's interval.
    case times([Double])
    /// `start + k * interval` for k = 0, 1, ... up to and including `end` (computed by
    /// multiplication, not accumulation, so a long grid does not drift).
    case uniform(start: Double, interval: Double, end: Double)
    /// The initial point and every accepted step (and every event time).
    case everyStep
}
