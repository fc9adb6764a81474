import Integrators

/// Keeps only the most recent output point, in storage allocated once per solve; the benchmark
/// asks for output at the end time only, so this is the state at the end.
struct FinalStateSink: SolutionSink {
    private(set) var state: [Double]
    private(set) var time = Double.nan
    private(set) var recordCount = 0

    init(dimension: Int) { state = [Double](repeating: .nan, count: dimension) }

    mutating func record(time: Double, state newState: UnsafeBufferPointer<Double>) {
        precondition(newState.count == state.count, "sink dimension differs from the system's")
        for i in 0..<state.count { state[i] = newState[i] }
        self.time = time
        recordCount += 1
    }
}
