import Dispatch

/// The Jacobian of the weighted residuals by central differences in log-parameter space, the
/// 2p evaluations run in parallel (they are independent; the result does not depend on the
/// thread count).
///
/// Step: `step` in ln(value), a relative change of about 1 % (default 0.01). The truncation
/// error of a central difference is O(step²) ≈ 1e-4 relative, well above the solver's noise
/// divided by the step (rtol 1e-6 / 0.01 = 1e-4 of the residual's scale at worst), and the step
/// is large enough to see statistics that move in small jumps (peaks on the output grid). The
/// points may lie outside the bounds: they are only probes of the model, never estimates.
/// When one side fails to evaluate the column is a one-sided difference from the other;
/// when both fail it is zero (the parameter then looks uninformative at that point) and the
/// failures are counted like any other.
package struct CentralDifferenceJacobian: Sendable {
    package var step: Double

    package init(step: Double = 0.01) { self.step = step }

    /// - Returns: the row-major m × p Jacobian, and the number of failed evaluations.
    /// - Complexity: 2p residual evaluations.
    package func jacobian<Objective: LeastSquaresObjective>(
        of objective: Objective, at x: [Double], residuals r: [Double], ledger: EvaluationLedger
    ) -> [Double] {
        let p = objective.parameterCount, m = objective.residualCount
        let results = ResultSlots(count: 2 * p)
        DispatchQueue.concurrentPerform(iterations: 2 * p) { k in
            var probe = x
            probe[k / 2] += k % 2 == 0 ? step : -step
            results.set(k, ledger.evaluate(objective, at: probe))
        }
        var jacobian = [Double](repeating: 0, count: m * p)
        for j in 0..<p {
            let plus = results.get(2 * j), minus = results.get(2 * j + 1)
            for i in 0..<m {
                let value: Double
                switch (plus, minus) {
                case (.some(let a), .some(let b)): value = (a[i] - b[i]) / (2 * step)
                case (.some(let a), .none): value = (a[i] - r[i]) / step
                case (.none, .some(let b)): value = (r[i] - b[i]) / step
                case (.none, .none): value = 0
                }
                jacobian[i * p + j] = value
            }
        }
        return jacobian
    }
}
