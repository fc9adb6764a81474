/// What rides along with the state in the BDF's step policy (`BDFPolicy`, in the shared
/// `StepLoop`): the loop is written once and a companion adds its work at the two points where
/// a solve with sensitivities differs from one without, after a restart and after the state's
/// attempt passed its tests.
/// `BDFStateOnly` adds nothing, so a solve without sensitivities runs the loop it always ran
/// (the calls are specialized and inlined away); `BDFSensitivityCompanion` adds the staggered
/// sensitivity step (`BDFStepper+Sensitivities.swift`).
@usableFromInline
protocol BDFStepCompanion {
    associatedtype System: ODESystem
    /// After `BDFStepper.restart` at `time` (the solve's start and after events).
    func restarted(_ stepper: inout BDFStepper<System>, time: Double)
    /// After `BDFStepper.attemptStep` accepted the state at `newTime`: the attempt's outcome.
    /// On rejection the step must already be reduced, as in `attemptStep`.
    func accepted(
        _ stepper: inout BDFStepper<System>, to newTime: Double, statistics: inout SolverStatistics
    ) -> BDFStepper<System>.Outcome
}
