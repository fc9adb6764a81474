/// The `BDFStepCompanion` of a solve without sensitivities: nothing rides along.
@usableFromInline
struct BDFStateOnly<System: ODESystem>: BDFStepCompanion {
    @inlinable init() {}

    @inlinable func restarted(_ stepper: inout BDFStepper<System>, time: Double) {}

    @inlinable
    func accepted(
        _ stepper: inout BDFStepper<System>, to newTime: Double, statistics: inout SolverStatistics
    ) -> BDFStepper<System>.Outcome {
        .accepted
    }
}
