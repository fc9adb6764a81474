import Foundation

/// Proportional-integral step-size control (Gustafsson 1991; Hairer-Wanner II, IV.2, and the
/// constants of Hairer's DOPRI5/RADAU5 codes).
///
/// With k the order of the local error estimate (err ∝ h^k) and β2 the stepper's
/// `previousErrorWeight`, the step after an accepted step is h · 0.9 · err^(−β1) · errPrev^(β2),
/// β1 = 1/k − 0.75 β2, the factor clamped to [1/5, 10]; after a rejection
/// h · max(1/5, 0.9 · err^(−β1)).
///
/// - Explicit methods (Tsit5) use DOPRI5's β2 = 0.04: the memory of the previous error damps the
///   step-size oscillation of a pure I-controller where stability limits the step.
/// - Rosenbrock methods use β2 = 0, the classical controller (Hairer's RODAS offers it as
///   IWORK(3) = 2; its default adds Gustafsson's predictive controller as a brake, which took
///   more steps here). Where the accurate step keeps growing (every dose in the receptor
///   scenarios is followed by hours of decay), a controller settles where 0.9 · err^−(β1−β2)
///   equals the growth per step g, so at g = 1.12 it runs at err 0.19 with β2 = 0.04 and at
///   0.34 with β2 = 0: fewer steps on the receptor scenarios and fewer evaluations of f on the
///   stiff test set at errors of the same size (figures in Benchmarks/RESULTS.md).
///
/// Why not OrdinaryDiffEq's defaults (β1 = 7/(10k), β2 = 2/(5k), a no-change band [1, 1.2]):
/// their steady state (err = errPrev) balances at err = 0.9^(k/0.3) ≈ 0.17 for k = 5, i.e. they
/// aim at a sixth of the tolerance, and the band holds a step the controller wanted to shrink,
/// which turns into rejections. A band pays off only when keeping h keeps a factored matrix, and
/// Rodas methods need a fresh Jacobian (hence a fresh LU) every step anyway; on the stiff test
/// set those defaults cost more evaluations of f for no smaller error (Benchmarks/RESULTS.md).
@usableFromInline
struct PIStepSizeController {
    @usableFromInline let beta1: Double
    @usableFromInline let beta2: Double
    @usableFromInline let safety = 0.9
    /// Largest shrink per step: h_new >= h / 5.
    @usableFromInline let minimumFactor = 0.2
    /// Largest growth per step: h_new <= 10 h.
    @usableFromInline let maximumFactor = 10.0
    /// log of the error of the last accepted step (initially log 1e-4, as OrdinaryDiffEq's
    /// `qoldinit`); kept as a logarithm so each step costs one log and one exp, not two pows.
    @usableFromInline var logPreviousError = log(1e-4)

    @inlinable
    init(errorOrder: Double, previousErrorWeight: Double) {
        beta2 = previousErrorWeight
        beta1 = 1 / errorOrder - 0.75 * beta2
    }

    /// The next step after an accepted step of size `step` with error norm `error` (<= 1).
    @inlinable
    mutating func stepAfterAcceptance(_ step: Double, error: Double) -> Double {
        let logError = log(max(error, 1e-16))
        // Inverse growth factor q = err^β1 / errPrev^β2 / safety: h_new = h / q.
        var q = exp(beta1 * logError - beta2 * logPreviousError) / safety
        q = min(1 / minimumFactor, max(1 / maximumFactor, q))
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
