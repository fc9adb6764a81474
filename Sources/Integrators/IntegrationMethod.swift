/// The integration methods the engine offers, by their command-line names.
public enum IntegrationMethod: String, CaseIterable, Sendable {
    /// Steinebach's Rodas5P: stiff, L-stable Rosenbrock 5(4) with 4th-order dense output.
    /// The default for the receptor models (stiff binding kinetics next to week-long regulation).
    case rodas5P = "rodas5p"
    /// Rosenbrock23 (Shampine & Reichelt): cheap stiff method for loose tolerances.
    case rosenbrock23 = "rosenbrock23"
    /// Variable-order (1-5) NDF/BDF with a reused Jacobian and LU (ode15s, CVODE's family):
    /// many cheap steps; for long runs whose step is limited by the solution's time scale.
    case bdf = "bdf"
    /// Tsitouras 5(4): explicit adaptive, free 4th-order dense output; for non-stiff problems.
    case tsit5 = "tsit5"
    /// Classical fixed-step Runge-Kutta 4, for teaching and reference runs.
    case rk4 = "rk4"

    /// The method used when a scenario names none.
    public static let defaultForStiffModels: IntegrationMethod = .rodas5P
}
