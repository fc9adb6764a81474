/// How a library value was calibrated with `receptor-sim fit` (issue 14, "Use it"): to which
/// validation studies, with what standard error, on which date.
///
/// A fitted value is evidence of a different kind from a value read in a paper: it is only as good
/// as the studies it was fitted to, and it cannot be validated against them. Keeping the record
/// next to the value lets the parameter reference show fitted values apart, and lets a test check
/// that none of those studies sits in the held-back set that `validate` reports separately.
public struct FitRecord: Sendable, Equatable {
    /// The validation study ids (`Scenarios/validation/<id>.csv`) the value was fitted to.
    public var studies: [String]
    /// The standard error of ln(value) from the Fisher information at the optimum, as `fit` prints it.
    public var standardErrorLn: Double
    /// The day of the fit, ISO 8601 (yyyy-mm-dd).
    public var date: String

    public init(studies: [String], standardErrorLn: Double, date: String) {
        self.studies = studies
        self.standardErrorLn = standardErrorLn
        self.date = date
    }
}
