import Integrators

/// A problem of the IVP Test Set (Mazzia & Magherini, Univ. Bari, release 2.4, 2006) with its
/// published reference solution, shared by the engine tests and the benchmarks.
///
/// Each conforming type is an `ODESystem` with an analytic Jacobian. Equations, initial values,
/// end times and reference values are transcribed from the test-set Fortran files as quoted in
/// `shared/reference/solvers.md` (section 1); the references were computed with RADAU5 in
/// extended precision and carry about 14-16 correct digits.
public protocol StiffTestProblem: ODESystem {
    /// Short lowercase name used by the benchmark (`rober`, `hires`, `vdpol`, `pollu`).
    static var name: String { get }
    /// y(0).
    var initialState: [Double] { get }
    /// The end of the test-set interval (the start is 0).
    var endTime: Double { get }
    /// The reference solution at `endTime`.
    var referenceSolution: [Double] { get }
}

extension StiffTestProblem {
    /// The initial value problem on the test-set interval.
    public var problem: ODEProblem<Self> {
        ODEProblem(system: self, initialState: initialState, startTime: 0, endTime: endTime)
    }

    /// The test-set error measure used by the benchmark: max |y_i - ref_i| / |ref_i| over the
    /// components whose reference exceeds `absoluteTolerance` in magnitude (the others are below
    /// the absolute tolerance, where a relative error means nothing).
    public func maximumRelativeError(of state: [Double], absoluteTolerance: Double) -> Double {
        var worst = 0.0
        for (value, reference) in zip(state, referenceSolution) where abs(reference) > absoluteTolerance {
            let error = abs(value - reference) / abs(reference)
            // `Swift.max` drops NaN; a non-finite state must never score as accurate.
            guard !error.isNaN else { return .nan }
            worst = max(worst, error)
        }
        return worst
    }

    /// max |y_i - ref_i| over all components.
    public func maximumAbsoluteError(of state: [Double]) -> Double {
        var worst = 0.0
        for (value, reference) in zip(state, referenceSolution) {
            let error = abs(value - reference)
            guard !error.isNaN else { return .nan }
            worst = max(worst, error)
        }
        return worst
    }
}
