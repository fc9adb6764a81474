import Foundation

/// Proportional-integral step-size control (Gustafsson; Hairer-Wanner II, IV.2), with the
/// constants of OrdinaryDiffEq.jl's `PIController`.
///
/// With k the order of the local error estimate (err ∝ h^k), the new step is
/// h · err^(-β1) · errPrev^(β2) / safety-adjusted, β1 = 7/(10k), β2 = 2/(5k), safety 0.9, the
/// factor clamped to [1/5, 10]. The memory of the previous error damps the oscillation of a
/// pure I-controller on stiff problems. For Rosenbrock methods a proposed change within the
/// "steady" band (a factor in [1/1.2, 1]) is dropped, so the step (and with it the iteration
/// matrix) is kept instead of being changed for a few percent.
@usableFromInline
struct PIStepSizeController {
    @usableFromInline let beta1: Double
    @usableFromInline let beta2: Double
    @usableFromInline let safety = 0.9
    /// Largest shrink per step: h_new >= h / 5.
    @usableFromInline let minimumFactor = 0.2
    /// Largest growth per step: h_new <= 10 h.
    @usableFromInline let maximumFactor = 10.0
    @usableFromInline let keepsSteadySteps: Bool
    /// The error of the last accepted step (initially 1e-4, as OrdinaryDiffEq's `qoldinit`).
    @usableFromInline var previousError = 1e-4

    @inlinable
    init(errorOrder: Double, keepsSteadySteps: Bool) {
        beta1 = 7 / (10 * errorOrder)
        beta2 = 2 / (5 * errorOrder)
        self.keepsSteadySteps = keepsSteadySteps
    }

    /// The next step after an accepted step of size `step` with error norm `error` (<= 1).
    @inlinable
    mutating func stepAfterAcceptance(_ step: Double, error: Double) -> Double {
        let boundedError = max(error, 1e-16)
        // Inverse growth factor q: h_new = h / q.
        var q = pow(boundedError, beta1) / pow(previousError, beta2) / safety
        q = min(1 / minimumFactor, max(1 / maximumFactor, q))
        if keepsSteadySteps, q >= 1, q <= 1.2 { q = 1 }
        previousError = max(error, 1e-4)
        return step / q
    }

    /// The next step after a rejected step of size `step` with error norm `error` (> 1).
    @inlinable
    func stepAfterRejection(_ step: Double, error: Double) -> Double {
        let q = min(1 / minimumFactor, pow(error, beta1) / safety)
        return step / q
    }
}
