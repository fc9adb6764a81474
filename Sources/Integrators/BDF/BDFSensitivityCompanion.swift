/// The `BDFStepCompanion` of `BDFSensitivityDriver`: after a restart, D_1 of the
/// sensitivities from the post-restart J; after the state's attempt, the staggered sensitivity
/// corrector and its error test (`BDFStepper+Sensitivities.swift`).
@usableFromInline
struct BDFSensitivityCompanion<System: ParametricODESystem>: BDFStepCompanion {
    @inlinable init() {}

    @inlinable
    func restarted(_ stepper: inout BDFStepper<System>, time: Double) {
        stepper.restartSensitivities(time: time)
    }

    @inlinable
    func accepted(
        _ stepper: inout BDFStepper<System>, to newTime: Double, statistics: inout SolverStatistics
    ) -> BDFStepper<System>.Outcome {
        stepper.correctSensitivities(to: newTime, statistics: &statistics)
    }
}
