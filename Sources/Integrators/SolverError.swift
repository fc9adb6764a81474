/// Why a solve failed. Every failure is one of these; the engine never traps on bad numbers.
public enum SolverError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A state component became NaN or infinite.
    case nonFiniteState(component: Int, time: Double)
    /// The sensitivity ∂y_component/∂p_parameter became NaN or infinite while the state stayed
    /// finite (`ODESolver.solveWithSensitivities`; `parameter` indexes the system's parameters;
    /// `component` is the BDF's first non-finite entry of ∂f/∂p, else the first non-finite entry).
    case nonFiniteSensitivity(component: Int, parameter: Int, time: Double)
    /// The step size needed to meet the tolerance fell below what the time's precision allows.
    case stepSizeUnderflow(time: Double, stepSize: Double)
    /// `SolverOptions.maximumSteps` steps were taken before reaching the end time.
    case stepBudgetExhausted(time: Double, steps: Int)
    /// The problem or options are inconsistent (wrong state length, end before start, ...).
    case invalidInput(String)

    public var description: String {
        switch self {
        case .nonFiniteState(let component, let time):
            return "state component \(component) became non-finite at t = \(time)"
        case .nonFiniteSensitivity(let component, let parameter, let time):
            return "the sensitivity of state component \(component) to parameter \(parameter) became non-finite at t = \(time)"
        case .stepSizeUnderflow(let time, let stepSize):
            return "step size underflow at t = \(time) (step \(stepSize))"
        case .stepBudgetExhausted(let time, let steps):
            return "step budget of \(steps) steps exhausted at t = \(time)"
        case .invalidInput(let message):
            return "invalid solver input: \(message)"
        }
    }
}
