/// What a method brings to the shared step loop (`StepLoop`): how it proposes a step, attempts
/// it and decides to accept or reject it, its dense output, and how it restarts after events.
///
/// The loop owns the rest, the same for every method: the step budget, landing exactly on
/// events and the end time, applying the events, checking the state is finite after them, the
/// limit on non-finite retries, and streaming output to the sink. `AdaptivePolicy` (Rosenbrock
/// and explicit Runge-Kutta steppers with a PI controller), `BDFPolicy` (variable order and
/// step) and `FixedStepPolicy` (RK4) are the three policies.
@usableFromInline
protocol StepPolicy {
    associatedtype System: ODESystem

    /// The system, mutable by time events.
    var system: System { get set }
    /// The current solution row: what events change, the output reports and the final state is
    /// read from (it may move to another slice after `commit`).
    var state: UnsafeMutablePointer<Double> { get }
    /// Consecutive non-finite attempts tolerated before the solve fails (0: the first fails).
    var maximumNonFiniteRetries: Int { get }

    /// Called once at `time`, after the events there and the first output: fresh derivative
    /// and Jacobian, and the first step size.
    mutating func start(at time: Double, statistics: inout SolverStatistics)

    /// The step to attempt from `time` towards the next stop, `stop` (an event or the end):
    /// its size, the time it reaches (exactly `stop` when it `lands`), and whether it lands.
    mutating func plan(time: Double, stop: Double) -> (step: Double, newTime: Double, lands: Bool)

    /// Whether a planned step is too small to make progress from `time`.
    func underflows(step: Double, time: Double) -> Bool

    /// Attempts the planned step and judges it: accepted, rejected (the next plan is already
    /// smaller), or non-finite. Counts its own rejections in `statistics`.
    mutating func attempt(
        time: Double, step: Double, newTime: Double, lands: Bool, statistics: inout SolverStatistics
    ) -> StepVerdict

    /// The error to throw when non-finite attempts exceed `maximumNonFiniteRetries`.
    func nonFiniteFailure(time: Double, newTime: Double) -> SolverError

    /// After an accepted attempt, before anything is reported: the controller's choice of the
    /// next step, and the method's bookkeeping of the accepted step.
    mutating func accepted(time: Double, step: Double, newTime: Double, lands: Bool)

    /// Reports the output times strictly inside the accepted step from its dense output, and
    /// the step itself to a sink that `observesSteps`.
    mutating func emitStep<Sink: SolutionSink>(
        from time: Double, to newTime: Double, step: Double, cursor: inout OutputCursor,
        into sink: inout Sink, observesSteps: Bool
    ) throws

    /// Makes the accepted step's end the current state.
    mutating func commit()

    /// After the events at `time` changed the state or the system: forget everything cached.
    mutating func restart(afterEventsAt time: Double, statistics: inout SolverStatistics)

    /// After an accepted step that no event followed (the BDF chooses its next step and order).
    mutating func continueAfterStep()
}

/// The judgement of one attempted step.
@usableFromInline
enum StepVerdict {
    case accepted
    case rejected
    case nonFinite
}
