/// A first-order system of ordinary differential equations y' = f(t, y).
///
/// The right-hand side writes into a caller-owned buffer so the engine's step loop allocates
/// nothing. Solvers are generic over the conforming type, so the compiler specializes the
/// right-hand side into the step loop (no existential or closure call per evaluation).
public protocol ODESystem {
    /// Number of state components; constant for the lifetime of a solve.
    var dimension: Int { get }

    /// Writes f(t, y) into `derivative` (length `dimension`). Must not allocate.
    func evaluate(
        time: Double, state: UnsafeBufferPointer<Double>,
        derivative: UnsafeMutableBufferPointer<Double>)

    /// Whether `jacobian(time:state:into:)` gives the exact ∂f/∂y; otherwise the engine
    /// approximates it by finite differences.
    var providesJacobian: Bool { get }

    /// Writes ∂f/∂y at (t, y) into `matrix`, row-major (`matrix[i * n + j] = ∂f_i/∂y_j`).
    /// Called only when `providesJacobian` is true. Must not allocate.
    func jacobian(
        time: Double, state: UnsafeBufferPointer<Double>,
        into matrix: UnsafeMutableBufferPointer<Double>)

    /// Whether f is independent of t between time events (true for piecewise-constant
    /// inputs); lets Rosenbrock methods skip the ∂f/∂t term.
    var isAutonomous: Bool { get }

    /// Row-major positions (i · n + j), ascending and without repeats, of every entry of ∂f/∂y
    /// that can be nonzero for any state, time or event of a solve, or nil (the default) when not
    /// declared. Used only when `providesJacobian` is true: the engine then builds the iteration
    /// matrix from these entries alone instead of scanning and clearing all n² every step, so an
    /// entry left out is ignored (a debug build traps on one).
    var jacobianSparsity: [Int]? { get }

    /// Writes ∂f/∂y at (t, y) at the positions of `jacobianSparsity` into `matrix` and leaves
    /// every other entry as it is (the engine zeroes them once). The default writes the whole
    /// matrix with `jacobian(time:state:into:)`. Must not allocate.
    func jacobianEntries(
        time: Double, state: UnsafeBufferPointer<Double>,
        into matrix: UnsafeMutableBufferPointer<Double>)
}

extension ODESystem {
    public var providesJacobian: Bool { false }
    public var isAutonomous: Bool { false }
    public var jacobianSparsity: [Int]? { nil }

    @inlinable
    public func jacobianEntries(
        time: Double, state: UnsafeBufferPointer<Double>,
        into matrix: UnsafeMutableBufferPointer<Double>
    ) {
        jacobian(time: time, state: state, into: matrix)
    }

    public func jacobian(
        time: Double, state: UnsafeBufferPointer<Double>,
        into matrix: UnsafeMutableBufferPointer<Double>
    ) {
        preconditionFailure("jacobian(time:state:into:) called on a system without one")
    }
}
