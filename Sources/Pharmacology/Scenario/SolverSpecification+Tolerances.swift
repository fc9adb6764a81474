extension SolverSpecification {
    /// The relative tolerances the solvers can honour meaningfully: 1e-13 to 1e-2.
    ///
    /// Above 1e-2 the error test lets every step be off by a percent and the errors of the
    /// thousands of steps of a run add up to results with no correct digit (at 1e-3 the
    /// population metrics still agree with 1e-6 within about 1 %). Below 1e-13 the test asks
    /// for less than about 500 units of round-off (double precision is 2.2e-16): the error
    /// estimate is then round-off itself, and step sizes shrink until they underflow.
    public static let relativeToleranceRange = ParameterRange(
        lowerBound: 1e-13, includesLowerBound: true, upperBound: 1e-2,
        reason: "coarser gives results with no correct digit, finer asks for less than the round-off of double precision")

    /// The absolute tolerances the solvers can honour meaningfully: 1e-20 to 1e-3.
    ///
    /// It applies in each state's natural scale (`CompiledModel.absoluteTolerances`: a
    /// fraction of the largest dose for amounts, of the baseline for peptides, of 1 for
    /// receptor fractions). Above 1e-3 an occupancy or a receptor fraction may be off by a
    /// tenth of a percent of its whole range at every step; below 1e-20 a state decaying to
    /// zero is followed through twenty orders of magnitude of nothing, at the cost of steps.
    public static let absoluteToleranceRange = ParameterRange(
        lowerBound: 1e-20, includesLowerBound: true, upperBound: 1e-3,
        reason: "it is relative to each state's scale: coarser blurs receptor fractions, finer follows decay through twenty orders of magnitude")
}
