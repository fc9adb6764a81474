/// Error tolerances: a scalar or one value per state component.
public enum Tolerance: Sendable, Equatable {
    case scalar(Double)
    case perComponent([Double])

    /// The tolerance for component `index`.
    @inlinable
    public subscript(index: Int) -> Double {
        switch self {
        case .scalar(let value): return value
        case .perComponent(let values): return values[index]
        }
    }
}

/// Step control settings for a solve. Times are in the problem's time unit.
public struct SolverOptions: Sendable {
    /// Relative tolerance of the mixed error test |e_i| <= atol_i + rtol_i * |y_i|.
    public var relativeTolerance: Tolerance
    /// Absolute tolerance of the mixed error test.
    public var absoluteTolerance: Tolerance
    /// Largest step allowed; `.infinity` for none.
    public var maximumStepSize: Double
    /// First step to try; nil for the automatic choice (Hairer-Nørsett-Wanner I, II.4).
    public var initialStepSize: Double?
    /// Step used by fixed-step methods (RK4).
    public var fixedStepSize: Double?
    /// Accepted plus rejected steps allowed before `SolverError.stepBudgetExhausted`.
    public var maximumSteps: Int

    public init(
        relativeTolerance: Tolerance = .scalar(1e-6), absoluteTolerance: Tolerance = .scalar(1e-9),
        maximumStepSize: Double = .infinity, initialStepSize: Double? = nil,
        fixedStepSize: Double? = nil, maximumSteps: Int = 1_000_000
    ) {
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.maximumStepSize = maximumStepSize
        self.initialStepSize = initialStepSize
        self.fixedStepSize = fixedStepSize
        self.maximumSteps = maximumSteps
    }
}
