/// The outcome of a successful solve; the trajectory itself went to the sink.
public struct ODESolution<System: ODESystem> {
    public var finalTime: Double
    public var finalState: [Double]
    /// The system as the events left it (parameters changed by events persist here).
    public var finalSystem: System
    public var statistics: SolverStatistics

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
