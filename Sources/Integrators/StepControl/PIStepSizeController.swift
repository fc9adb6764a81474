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
    /// log of the error of the last accepted step (initially log 1e-4, as OrdinaryDiffEq's
    /// `qoldinit`); kept as a logarithm so each step costs one log and one exp, not two pows.
    @usableFromInline var logPreviousError = log(1e-4)

    @inlinable
    init(errorOrder: Double, keepsSteadySteps: Bool) {
        beta1 = 7 / (10 * errorOrder)
        beta2 = 2 / (5 * errorOrder)
        self.keepsSteadySteps = keepsSteadySteps
    }

    /// The next step after an accepted step of size `step` with error norm `error` (<= 1).
    @inlinable
    mutating func stepAfterAcceptance(_ step: Double, error: Double) -> Double {
        let logError = log(max(error, 1e-16))
        // Inverse growth factor q = err^β1 / errPrev^β2 / safety: h_new = h / q.
        var q = exp(beta1 * logError - beta2 * logPreviousError) / safety
        q = min(1 / minimumFactor, max(1 / maximumFactor, q))
        if keepsSteadySteps, q >= 1, q <= 1.2 { q = 1 }
        logPreviousError = max(logError, log(1e-4))
        return step / q
    }

    /// The next step after a rejected step of size `step` with error norm `error` (> 1).
    @inlinable
    func stepAfterRejection(_ step: Double, error: Double) -> Double {
        let q = min(1 / minimumFactor, pow(error, beta1) / safety)
        return step / q
    }
}
