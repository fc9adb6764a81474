import Integrators

/// Observables at output times and their derivatives with respect to the natural logarithms of
/// some parameters (`ReceptorModel.simulateWithSensitivities`).
public struct ObservableSensitivities: Sendable {
    public let columns: [String]
    /// Number of parameters m.
    public let parameterCount: Int
    public internal(set) var times: [Double] = []
    /// Row-major: `values[r * columns.count + j]`.
    public internal(set) var values: [Double] = []
    /// `derivatives[(r * parameterCount + k) * columns.count + j]` = ∂value_j/∂ln p_k at row r.
    public internal(set) var derivatives: [Double] = []
    /// The sensitivity solve's statistics (steps, f, J and LU counts).
    public internal(set) var statistics = SolverStatistics()
    /// The sensitivities' linear corrector iterations, summed over the steps (each is one J·s
    /// product and one back-substitution per parameter; `SensitivitySolution`).
    public internal(set) var sensitivityIterations = 0

    init(columns: [String], parameterCount: Int) {
        self.columns = columns
        self.parameterCount = parameterCount
    }

    /// The time series of column `name`, nil when not recorded.
    public func series(_ name: String) -> [Double]? {
        guard let j = columns.firstIndex(of: name) else { return nil }
        let w = columns.count
        return (0..<times.count).map { values[$0 * w + j] }
    }

    /// The time series of ∂(column `name`)/∂ln p_k, nil when not recorded.
    public func derivativeSeries(_ name: String, parameter k: Int) -> [Double]? {
        guard let j = columns.firstIndex(of: name) else { return nil }
        let w = columns.count, m = parameterCount
        return (0..<times.count).map { derivatives[($0 * m + k) * w + j] }
    }
}
