/// The outcome of a successful solve; the trajectory itself went to the sink.
public struct ODESolution<System: ODESystem> {
    /// The end time reached (the problem's `endTime`).
    public var finalTime: Double
    /// y at `finalTime`, after any event at that time.
    public var finalState: [Double]
    /// The system as the events left it (parameters changed by events persist here).
    public var finalSystem: System
    /// The work the solve did.
    public var statistics: SolverStatistics

    /// Made by the solver; public so that callers can build results for tests.
    @inlinable
    public init(
        finalTime: Double, finalState: [Double], finalSystem: System, statistics: SolverStatistics
    ) {
        self.finalTime = finalTime
        self.finalState = finalState
        self.finalSystem = finalSystem
        self.statistics = statistics
    }
}
