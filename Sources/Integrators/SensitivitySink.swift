/// Receives the solution and its parameter sensitivities at output times, as the solve proceeds
/// (the sensitivity counterpart of `SolutionSink`).
///
/// Both buffers are only valid during the call. `sensitivities` is parameter-major:
/// `sensitivities[k * n + i] = ∂y_i/∂p_k` for the k-th selected parameter
/// (`SensitivityOptions.parameters`), m · n values.
public protocol SensitivitySink {
    /// Receives one output time: the state (n values) and its sensitivities (m · n values,
    /// parameter-major). Throwing stops the solve with that error.
    mutating func record(
        time: Double, state: UnsafeBufferPointer<Double>, sensitivities: UnsafeBufferPointer<Double>
    ) throws
}

/// A sink that keeps every recorded point and its sensitivities in memory, for tests and
/// short runs.
public struct SensitivityRecorder: SensitivitySink {
    /// Output times, in order.
    public private(set) var times: [Double] = []
    /// Recorded states, row-major: `states[r * dimension + i]`.
    public private(set) var states: [Double] = []
    /// Recorded sensitivities: `sensitivities[(r * parameterCount + k) * dimension + i]`.
    public private(set) var sensitivities: [Double] = []
    public let dimension: Int
    /// Number of selected parameters m.
    public let parameterCount: Int

    /// A recorder for n = `dimension` states and m = `parameterCount` selected parameters.
    public init(dimension: Int, parameterCount: Int) {
        self.dimension = dimension
        self.parameterCount = parameterCount
    }

    /// Appends the point (allocates: a recorder is for tests and short runs).
    public mutating func record(
        time: Double, state: UnsafeBufferPointer<Double>, sensitivities: UnsafeBufferPointer<Double>
    ) {
        times.append(time)
        states.append(contentsOf: state)
        self.sensitivities.append(contentsOf: sensitivities)
    }

    /// ∂y_i/∂p_k (k-th selected parameter) at output index `r`.
    public func sensitivity(at r: Int, component i: Int, parameter k: Int) -> Double {
        sensitivities[(r * parameterCount + k) * dimension + i]
    }

    /// The state recorded at output index `r`.
    public func state(at r: Int) -> [Double] {
        Array(states[(r * dimension)..<((r + 1) * dimension)])
    }
}

/// Feeds the engine's augmented output rows [y; s_1; ...; s_m] (one `SolutionSink` row of
/// n(m + 1) values, so `OutputCursor` and the dense output need no second path) to a
/// `SensitivitySink` as a state and its sensitivities.
@usableFromInline
struct AugmentedRowSink<Inner: SensitivitySink>: SolutionSink {
    @usableFromInline var inner: Inner
    @usableFromInline let dimension: Int

    @inlinable
    init(inner: Inner, dimension: Int) {
        self.inner = inner
        self.dimension = dimension
    }

    @inlinable
    mutating func record(time: Double, state row: UnsafeBufferPointer<Double>) throws {
        let n = dimension
        try inner.record(
            time: time, state: UnsafeBufferPointer(rebasing: row[0..<n]),
            sensitivities: UnsafeBufferPointer(rebasing: row[n...]))
    }
}
