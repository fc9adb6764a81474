/// What a forward-sensitivity solve computes and how strictly it controls it
/// (`ODESolver.solveWithSensitivities`).
///
/// The sensitivities s_k = ∂y/∂p_k of the selected parameters are solved with the state by the
/// staggered direct method (Caracotsios & Stewart 1985; CVODES, Hindmarsh et al. 2005). Their
/// error control follows CVODES's defaults (`CVodeSensEEtolerances`, errconS = true): the
/// relative tolerance is the state's, the absolute tolerance of s_k is the state's divided by
/// |p̄_k| (`parameterScales`), so that p̄_k s_k, which has the units of y, is held to the state's
/// own absolute tolerance.
public struct SensitivityOptions: Sendable {
    /// The parameters (indices into 0..<`ParametricODESystem.parameterCount`, no repeats) whose
    /// sensitivities are solved, in the order they are reported; nil for all of them.
    public var parameters: [Int]?
    /// s_k(t0) = ∂y(t0)/∂p_k for the selected parameters, parameter-major
    /// (`initialSensitivities[k * n + i] = ∂y_i(t0)/∂p_{parameters[k]}`, m · n values); nil for
    /// zero (parameters that do not enter y(t0)).
    public var initialSensitivities: [Double]?
    /// Whether the sensitivities take part in the local error test and the choice of step and
    /// order (CVODES's errconS, on by default). Off, the steps are the state's alone and the
    /// sensitivities are only as accurate as those steps make them.
    public var errorControl: Bool
    /// |p̄_k|, a typical magnitude of each selected parameter (CVODES's pbar), in the order of
    /// `parameters`; nil for 1. The absolute tolerance of s_k is atol / |p̄_k|. Give the
    /// parameter values themselves unless one is zero.
    public var parameterScales: [Double]?

    /// All parameters, zero initial sensitivities, error control on, scales 1 by default.
    public init(
        parameters: [Int]? = nil, initialSensitivities: [Double]? = nil, errorControl: Bool = true,
        parameterScales: [Double]? = nil
    ) {
        self.parameters = parameters
        self.initialSensitivities = initialSensitivities
        self.errorControl = errorControl
        self.parameterScales = parameterScales
    }
}
