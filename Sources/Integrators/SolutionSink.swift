/// Receives the solution at output times, as the solve proceeds.
///
/// Output is streamed so memory stays constant however long the run: a year at one-minute
/// resolution never needs to be held in memory. The state buffer is only valid during the call.
public protocol SolutionSink {
    mutating func record(time: Double, state: UnsafeBufferPointer<Double>) throws
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
