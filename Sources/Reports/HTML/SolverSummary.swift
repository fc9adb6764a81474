/// The solver's work for one run, as plain values (the CLI copies them from the engine's
/// `SolverStatistics` and its clock), so Reports needs no dependency on the engine.
package struct SolverSummary: Sendable, Equatable {
    /// Method name as in scenario files (`"rodas5p"`).
    package var method: String
    package var relativeTolerance: Double
    package var absoluteTolerance: Double
    package var acceptedSteps: Int
    package var rejectedSteps: Int
    package var rightHandSideEvaluations: Int
    package var jacobianEvaluations: Int
    package var luFactorizations: Int
    /// Time events (doses, event edges) the integrator stopped at.
    package var eventsHandled: Int
    /// Wall-clock time of the solve; NaN when not measured (reproducible reports), shown as
    /// "not recorded".
    package var wallTimeSeconds: Double

    package init(
        method: String, relativeTolerance: Double, absoluteTolerance: Double, acceptedSteps: Int, rejectedSteps: Int,
        rightHandSideEvaluations: Int, jacobianEvaluations: Int, luFactorizations: Int, eventsHandled: Int = 0,
        wallTimeSeconds: Double
    ) {
        self.method = method
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.acceptedSteps = acceptedSteps
        self.rejectedSteps = rejectedSteps
        self.rightHandSideEvaluations = rightHandSideEvaluations
        self.jacobianEvaluations = jacobianEvaluations
        self.luFactorizations = luFactorizations
        self.eventsHandled = eventsHandled
        self.wallTimeSeconds = wallTimeSeconds
    }

    /// Label and value rows for the report table.
    var rows: [(String, String)] {
        [
            ("Method", method),
            ("Tolerances (relative, absolute)", NumberText.significant(relativeTolerance) + ", " + NumberText.significant(absoluteTolerance)),
            ("Accepted steps", String(acceptedSteps)),
            ("Rejected steps", String(rejectedSteps)),
            ("Right-hand side evaluations", String(rightHandSideEvaluations)),
            ("Jacobian evaluations", String(jacobianEvaluations)),
            ("LU factorizations", String(luFactorizations)),
            ("Time events handled", String(eventsHandled)),
            ("Wall time", wallTimeSeconds.isFinite ? NumberText.significant(wallTimeSeconds, 3) + " s" : "not recorded"),
        ]
    }
}
