/// The variable-order numerical differentiation formulas (NDFs) of orders 1-5 in backward
/// difference form, as in MATLAB's ode15s (Shampine & Reichelt, "The MATLAB ODE Suite",
/// SIAM J. Sci. Comput. 18 (1997) 1-22, Table 1 and Sec. 2.3) and SciPy's `BDF`.
///
/// With ∇ the backward difference, order q solves Σ_{j=1..q} (1/j) ∇^j y_{n+1}
/// − κ_q γ_q (y_{n+1} − y⁰_{n+1}) = h f(t_{n+1}, y_{n+1}); κ = 0 gives the BDFs. The κ of
/// Table 1 buy 26 % (q = 1 to 3) and 12 % (q = 4) larger steps for the same error at a small cost in
/// stability angle (A(α) with α = 90°, 90°, 80°, 66°; order 5 keeps the BDF5, 51°).
@usableFromInline
enum BDFCoefficients {
    @usableFromInline static let maximumOrder = 5

    /// κ_q of the NDFs (Table 1; κ_5 = 0: order 5 is the BDF5).
    @inlinable static func kappa(_ q: Int) -> Double {
        switch q {
        case 1: return -0.1850
        case 2: return -1.0 / 9
        case 3: return -0.0823
        case 4: return -0.0415
        default: return 0
        }
    }

    /// γ_q = Σ_{j=1..q} 1/j.
    @inlinable static func gamma(_ q: Int) -> Double {
        var sum = 0.0
        var j = 1
        while j <= q { sum += 1 / Double(j); j += 1 }
        return sum
    }

    /// α_q = (1 − κ_q) γ_q: the corrector reads (α_q / h)(y − y⁰ + ψ) = f, ψ from the history.
    @inlinable static func alpha(_ q: Int) -> Double { (1 - kappa(q)) * gamma(q) }

    /// The local error of order q is errorConstant(q) · ∇^{q+1} y_{n+1}
    /// (κ_q γ_q + 1/(q + 1)).
    @inlinable static func errorConstant(_ q: Int) -> Double {
        kappa(q) * gamma(q) + 1 / Double(q + 1)
    }

    /// Writes the (q+1)×(q+1) matrix that maps the backward differences of a step h to those of
    /// the step ρh (the interpolating polynomial is unchanged): R(ρ)·U with
    /// R(ρ)_{ij} = Π_{k≤i} M_kj, M_0j = 1, M_kj = (k − 1 − ρ j)/k, and U = R(1); row-major into
    /// `matrix` (36 doubles), using `scratch` (72 doubles).
    @inlinable
    static func differenceRescaling(
        order q: Int, ratio: Double, into matrix: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>
    ) {
        let size = q + 1
        let r = scratch, u = scratch + 36
        fillR(order: q, ratio: ratio, into: r)
        fillR(order: q, ratio: 1, into: u)
        for i in 0..<size {
            for j in 0..<size {
                var sum = 0.0
                for k in 0..<size { sum += r[i * size + k] * u[k * size + j] }
                matrix[i * size + j] = sum
            }
        }
    }

    @inlinable
    static func fillR(order q: Int, ratio: Double, into r: UnsafeMutablePointer<Double>) {
        let size = q + 1
        for j in 0..<size { r[j] = 1 }
        for i in 1..<size {
            r[i * size] = 0
            for j in 1..<size {
                r[i * size + j] = r[(i - 1) * size + j] * (Double(i - 1) - ratio * Double(j)) / Double(i)
            }
        }
    }
}
