/// Receives the solution at output times, as the solve proceeds.
///
/// Output is streamed so memory stays constant however long the run: a year at one-minute
/// resolution never needs to be held in memory. The state buffer is only valid during the call.
///
/// A sink that needs the solution between output times (a peak that falls between two rows)
/// returns true from `observesSteps` and receives every accepted step through `observeStep`,
/// with the method's dense output over the whole step. Both have defaults (false, nothing), so
/// a sink that only wants the output times pays nothing: the step loop then never prepares
/// dense output for steps without an output time.
public protocol SolutionSink {
    mutating func record(time: Double, state: UnsafeBufferPointer<Double>) throws

    /// Whether the solver should call `observeStep` for every accepted step. Read once per solve.
    var observesSteps: Bool { get }

    /// Called once per accepted step, after the output times inside it and before any event at
    /// its end is applied; `step` is only valid during the call.
    mutating func observeStep<Step: StepDenseOutput>(_ step: Step) throws
}

extension SolutionSink {
    public var observesSteps: Bool { false }

    @inlinable
    public mutating func observeStep<Step: StepDenseOutput>(_ step: Step) throws {}
}

/// The solution inside one accepted step, as `SolutionSink.observeStep` sees it.
///
/// At `startTime` it is the state the step started from (after any event at that time), at
/// `endTime` the state the step computed (before any event at that time), and in between the
/// method's dense output: Rodas5P's and Tsit5's continuous extensions, the BDF's interpolating
/// polynomial, RK4's cubic Hermite. Their accuracy is that of the method's dense output
/// (Rodas5P: order 4 inside the step), so an extremum found on it is as accurate as the solve.
public protocol StepDenseOutput {
    var startTime: Double { get }
    var endTime: Double { get }
    /// Writes the solution at `time` (clamped to [startTime, endTime]) into `state`, whose
    /// count is the system's dimension. Allocates nothing.
    func state(at time: Double, into state: UnsafeMutableBufferPointer<Double>)
}

/// A sink that keeps every recorded point in memory, for tests and short runs.
public struct TrajectoryRecorder: SolutionSink {
    public private(set) var times: [Double] = []
    /// Recorded states, row-major: `states[k * dimension + i]`.
    public private(set) var states: [Double] = []
    public let dimension: Int

    public init(dimension: Int) { self.dimension = dimension }

    public mutating func record(time: Double, state: UnsafeBufferPointer<Double>) {
        times.append(time)
        states.append(contentsOf: state)
    }

    /// The state recorded at output index `k`.
    public func state(at k: Int) -> [Double] {
        Array(states[(k * dimension)..<((k + 1) * dimension)])
    }
}
