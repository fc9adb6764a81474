/// The coefficients of a stiffly accurate Rosenbrock method of the Rodas family in the
/// transformed form of Hairer & Wanner (Solving ODEs II, Sec. IV.7, `rodas.f`), with a
/// stage-based dense output (Steinebach).
///
/// With W = I/(γh) − J factored once per step, stage i solves
///     W k_i = f(t + c_i h, y + Σ_{j<i} a_ij k_j) + Σ_{j<i} (C_ij / h) k_j + h d_i ∂f/∂t,
/// the solution is y1 = y + Σ_j a_sj k_j + k_s (the last stage point plus the last increment)
/// and the embedded solution is the last stage point, so the error estimate is k_s itself.
/// Dense output: y(θ) = (1−θ) y0 + θ [y1 + (1−θ)(k1* + θ(k2* + θ k3*))], k_m* = Σ_j H_mj k_j.
@usableFromInline
protocol RodasTableau {
    /// Number of stages s.
    static var stages: Int { get }
    /// Order k of the error estimate (err ∝ h^k): the embedded order plus one.
    static var errorOrder: Double { get }
    static var gamma: Double { get }
    /// a_ij, row-major s×s (strictly lower triangular).
    static var a: [Double] { get }
    /// C_ij, row-major s×s (strictly lower triangular).
    static var c: [Double] { get }
    /// Stage times c_i (as fractions of h).
    static var nodes: [Double] { get }
    /// d_i = Σ_j γ_ij, the weights of ∂f/∂t.
    static var d: [Double] { get }
    /// Dense output, row-major `denseRows`×s.
    static var h: [Double] { get }
    /// Number of rows of `h` (2: third-order, 3: fourth-order interpolant).
    static var denseRows: Int { get }
}
