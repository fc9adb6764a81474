/// Why a solve failed. Every failure is one of these; the engine never traps on bad numbers.
public enum SolverError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A state component became NaN or infinite.
    case nonFiniteState(component: Int, time: Double)
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
        case .stepSizeUnderflow(let time, let stepSize):
            return "step size underflow at t = \(time) (step \(stepSize))"
        case .stepBudgetExhausted(let time, let steps):
            return "step budget of \(steps) steps exhausted at t = \(time)"
        case .invalidInput(let message):
            return "invalid solver input: \(message)"
        }
    }
}
