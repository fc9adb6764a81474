/// Coefficients of the Rosenbrock 2(3) pair of MATLAB's `ode23s`: L. F. Shampine and
/// M. W. Reichelt, "The MATLAB ODE Suite", SIAM J. Sci. Comput. 18(1), 1-22 (1997), Sec. 3.
///
/// d = 1/(2 + √2) makes the 2nd-order solution L-stable; e32 = 6 + √2 gives the 3rd-order
/// error estimate. The continuous extension (same paper) is
/// y(θ) = y0 + h [θ(1−θ)/(1−2d) k1 + θ(θ−2d)/(1−2d) k2].
@usableFromInline
enum Rosenbrock23Tableau {
    /// 1 / (2 + √2).
    @inlinable static var d: Double { 0.29289321881345247559915563789515096 }
    /// 6 + √2.
    @inlinable static var e32: Double { 7.4142135623730950488016887242096981 }
}
