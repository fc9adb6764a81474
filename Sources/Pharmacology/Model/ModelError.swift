import Integrators

/// Why a scenario could not be compiled or simulated. The one error type of Pharmacology.
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A dose names a drug the library does not have.
    case unknownDrug(String)
    /// The drug exists but cannot be given by that route.
    case unsupportedRoute(drug: String, route: Route, supported: [Route])
    /// A parameter override names no parameter of this scenario.
    case unknownParameter(String)
    /// An output column names no observable of this scenario.
    case unknownColumn(String)
    /// A value is out of range; `path` names it (`"doses[0].amountMilligrams"`, `"morphine.clearance_l_per_h"`).
    case invalidValue(path: String, reason: String)
    /// The drug-free steady state could not be found.
    case steadyStateNotFound(residual: Double)
    /// The pre-run of a steady-state start (`PeriodicSteadyState`) ended before the state at the
    /// start of successive dosing intervals stopped changing; `change` is the last change in
    /// units of the solver tolerance.
    case periodicSteadyStateNotFound(drug: String, intervalHours: Double, cycles: Int, change: Double)
    /// The integrator failed.
    case solverFailed(SolverError)
    /// A quantity that cannot be negative came out below zero by more than round-off
    /// (`NonNegativeOutput.margin` times its absolute tolerance): a solver failure.
    case negativeValue(column: String, timeHours: Double, value: Double, tolerance: Double)
    /// The scenario breaks the rules of `ScenarioCheck` (`Scenario.problems`): every problem,
    /// each naming its field.
    case invalidScenario([ScenarioProblem])

    public var description: String {
        switch self {
        case .unknownDrug(let id): return "unknown drug '\(id)'"
        case .unsupportedRoute(let drug, let route, let supported):
            return "drug '\(drug)' cannot be given by route '\(route.rawValue)' (supported: "
                + supported.map(\.rawValue).joined(separator: ", ") + ")"
        case .unknownParameter(let name): return "unknown parameter '\(name)'"
        case .unknownColumn(let name): return "unknown output column '\(name)'"
        case .invalidValue(let path, let reason): return "invalid value for \(path): \(reason)"
        case .steadyStateNotFound(let residual):
            return "drug-free steady state not found (residual \(residual))"
        case .periodicSteadyStateNotFound(let drug, let interval, let cycles, let change):
            return "the periodic steady state of \(drug) every \(interval) h was not reached: after \(cycles) dosing intervals "
                + "the state at the start of an interval still changes by \(change) times the solver tolerance "
                + "(the pre-run stops at \(PeriodicSteadyState.maximumCycles) intervals or 20 years)"
        case .solverFailed(let error): return "solver failed: \(error)"
        case .negativeValue(let column, _, let value, let tolerance):
            return "\(column) fell to \(value), below zero by more than \(NonNegativeOutput.margin) times its absolute "
                + "tolerance (\(tolerance)): the solution is not accurate; tighten solver.rtol and solver.atol or try another method"
        case .invalidScenario(let problems):
            return problems.map(\.description).joined(separator: "; ")
        }
    }
}
