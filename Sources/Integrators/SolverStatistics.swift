/// Work counters of one solve, reported with every solution.
public struct SolverStatistics: Sendable, Equatable, CustomStringConvertible {
    public var acceptedSteps = 0
    public var rejectedSteps = 0
    public var rightHandSideEvaluations = 0
    public var jacobianEvaluations = 0
    public var luFactorizations = 0
    /// Time events the integrator stopped at.
    public var eventsHandled = 0

    @inlinable public init() {}

    public var description: String {
        "steps \(acceptedSteps) accepted, \(rejectedSteps) rejected; f \(rightHandSideEvaluations), "
            + "J \(jacobianEvaluations), LU \(luFactorizations); events \(eventsHandled)"
    }
}
