/// The scaled error norm every adaptive method measures its local error estimate in.
///
/// RMS over components of e_i / (atol_i + rtol_i · max(|y_old,i|, |y_new,i|)): the mixed test
/// of Hairer-Nørsett-Wanner I (II.4) with the OrdinaryDiffEq.jl scale, so a component that
/// passes through zero is controlled in absolute terms and a large one in relative terms.
/// A step is acceptable when the norm is at most 1.
@usableFromInline
enum ErrorNorm {
    /// - Returns: the norm, or NaN when any input is non-finite.
    @inlinable
    static func rms(
        error: UnsafePointer<Double>, previous: UnsafePointer<Double>, current: UnsafePointer<Double>,
        absoluteTolerance: UnsafePointer<Double>, relativeTolerance: UnsafePointer<Double>,
        dimension n: Int
    ) -> Double {
        var sum = 0.0
        for i in 0..<n {
            let scale = absoluteTolerance[i]
                + relativeTolerance[i] * max(abs(previous[i]), abs(current[i]))
            let ratio = error[i] / scale
            sum = ratio * ratio + sum
        }
        return (sum / Double(n)).squareRoot()
    }

    /// RMS of `vector` weighted by atol_i + rtol_i·|reference_i| (used for the initial step).
    @inlinable
    static func weighted(
        _ vector: UnsafePointer<Double>, reference: UnsafePointer<Double>,
        absoluteTolerance: UnsafePointer<Double>, relativeTolerance: UnsafePointer<Double>,
        dimension n: Int
    ) -> Double {
        var sum = 0.0
        for i in 0..<n {
            let ratio = vector[i] / (absoluteTolerance[i] + relativeTolerance[i] * abs(reference[i]))
            sum = ratio * ratio + sum
        }
        return (sum / Double(n)).squareRoot()
    }

    /// RMS of `vector` over precomputed weights atol_i + rtol_i·|y_i| (the BDF's Newton and
    /// error tests, which weigh several vectors by one state).
    @inlinable
    static func weighted(
        _ vector: UnsafePointer<Double>, weights: UnsafePointer<Double>, dimension n: Int
    ) -> Double {
        var sum = 0.0
        for i in 0..<n {
            let ratio = vector[i] / weights[i]
            sum = ratio * ratio + sum
        }
        return (sum / Double(n)).squareRoot()
    }
}
