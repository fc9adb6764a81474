/// Levenberg-Marquardt for a weighted least-squares problem on a box, in log-parameter space.
///
/// Minimises cost(x) = ½ Σ rᵢ(x)² for lower ≤ x ≤ upper (x the natural logarithms of the
/// parameter values). Each iteration solves (JᵀJ + μ D) δ = −Jᵀr with D the diagonal of JᵀJ
/// (Marquardt's scaling, floored at 1e-12 of its largest entry so a parameter the data do not
/// see still gets a definite system), and updates the damping μ by Nielsen's rule (H. B. Nielsen,
/// "Damping parameter in Marquardt's method", IMM-REP-1999-05; Madsen, Nielsen and Tingleff,
/// "Methods for non-linear least squares problems", 2004, §3.2).
///
/// Bounds by projection: a parameter at a bound whose gradient points out of the box is held
/// fixed for the step (an active constraint); the others take the step, and the trial point is
/// projected onto the box. The gain ratio is computed for the projected step, so a step cut by
/// a bound is judged by what it actually does.
///
/// A trial point whose residuals cannot be evaluated (a failed simulation) is a rejected step
/// with infinite cost: μ grows and the search goes on from the current point.
package struct LevenbergMarquardt: Sendable {
    /// Iteration limit (each iteration: one Jacobian and one or more trial evaluations).
    package var maximumIterations = 100
    /// Converged when the largest projected gradient component is below this (cost units).
    package var gradientTolerance = 1e-6
    /// Converged when an accepted step moves no parameter by more than this in ln (relative 1e-6).
    package var stepTolerance = 1e-6
    /// Converged when an accepted step lowers the cost by less than this fraction of it, or
    /// when the linear model predicts no more than that for the next step. The solver's
    /// tolerances (rtol 1e-6 by default) make smaller changes noise.
    package var costTolerance = 1e-8
    /// Converged when `stagnationIterations` iterations together lowered the cost by less than
    /// `stagnationTolerance` of it: statistics that move in jumps (a time of peak read from
    /// output rows) give a cost with flat steps, on which the search would otherwise creep.
    package var stagnationIterations = 5
    package var stagnationTolerance = 1e-6
    /// The Jacobian estimator when the objective supplies none.
    package var differences = CentralDifferenceJacobian()

    package init() {}

    /// Why a search stopped.
    package enum Termination: String, Sendable, Equatable {
        case gradient = "converged (gradient)"
        case step = "converged (step)"
        case cost = "converged (cost)"
        case stagnation = "converged (no progress in 5 steps)"
        case stalled = "stalled (no step lowers the cost)"
        case iterationLimit = "iteration limit"
        case failedStart = "failed at the start point"
    }

    /// The outcome of one search.
    package struct Outcome: Sendable {
        package var x: [Double]
        /// ½ Σ r²; infinite for a failed start.
        package var cost: Double
        package var residuals: [Double]
        package var iterations: Int
        package var termination: Termination
    }

    /// Searches from `start` (projected onto the box).
    package func minimize<Objective: LeastSquaresObjective>(
        _ objective: Objective, start: [Double], lower: [Double], upper: [Double], ledger: EvaluationLedger
    ) -> Outcome {
        let p = objective.parameterCount, m = objective.residualCount
        var x = zip(start, zip(lower, upper)).map { min(max($0, $1.0), $1.1) }
        guard var r = ledger.evaluate(objective, at: x) else {
            return Outcome(x: x, cost: .infinity, residuals: [], iterations: 0, termination: .failedStart)
        }
        var cost = Self.cost(r)
        var mu = -1.0, nu = 2.0
        var iteration = 0
        var history = [cost]
        while iteration < maximumIterations {
            iteration += 1
            if history.count > stagnationIterations {
                let earlier = history[history.count - 1 - stagnationIterations]
                if earlier - cost <= stagnationTolerance * max(earlier, 1e-300) {
                    return Outcome(x: x, cost: cost, residuals: r, iterations: iteration - 1, termination: .stagnation)
                }
            }
            let jacobian = objective.jacobian(at: x, residuals: r)
                ?? differences.jacobian(of: objective, at: x, residuals: r, ledger: ledger)
            var a = [Double](repeating: 0, count: p * p), g = [Double](repeating: 0, count: p)
            for i in 0..<m {
                for j in 0..<p {
                    let jij = jacobian[i * p + j]
                    g[j] += jij * r[i]
                    for k in j..<p { a[j * p + k] += jij * jacobian[i * p + k] }
                }
            }
            for j in 0..<p { for k in 0..<j { a[j * p + k] = a[k * p + j] } }
            // Active constraints: at a bound with the descent direction (−g) pointing out.
            let free = (0..<p).filter { j in
                !((x[j] <= lower[j] && g[j] > 0) || (x[j] >= upper[j] && g[j] < 0))
            }
            let projectedGradient = free.map { abs(g[$0]) }.max() ?? 0
            if projectedGradient <= gradientTolerance { return Outcome(x: x, cost: cost, residuals: r, iterations: iteration, termination: .gradient) }
            let largestDiagonal = (0..<p).map { a[$0 * p + $0] }.max() ?? 1
            let diagonal = (0..<p).map { max(a[$0 * p + $0], 1e-12 * max(largestDiagonal, 1e-300)) }
            if mu < 0 { mu = 1e-3 }
            // Inner loop: raise μ until a step is accepted (or nothing helps).
            while true {
                let n = free.count
                var reduced = [Double](repeating: 0, count: n * n), rhs = [Double](repeating: 0, count: n)
                for (u, j) in free.enumerated() {
                    rhs[u] = -g[j]
                    for (v, k) in free.enumerated() { reduced[u * n + v] = a[j * p + k] }
                    reduced[u * n + u] += mu * diagonal[j]
                }
                var trial = x
                if let delta = CholeskySolver.solve(reduced, rhs, n: n) {
                    for (u, j) in free.enumerated() { trial[j] = min(max(x[j] + delta[u], lower[j]), upper[j]) }
                }
                let step = (0..<p).map { trial[$0] - x[$0] }
                // Predicted decrease of the linear model for the projected step.
                var predicted = 0.0
                for j in 0..<p {
                    predicted -= g[j] * step[j]
                    var aj = 0.0
                    for k in 0..<p { aj += a[j * p + k] * step[k] }
                    predicted -= 0.5 * step[j] * aj
                }
                let stepSize = step.map(abs).max() ?? 0
                // Even the model's best step would gain next to nothing: at the optimum, to
                // within the noise of the residuals (each further try would cost an evaluation).
                if stepSize > 0, predicted > 0, predicted <= costTolerance * max(cost, 1e-300) {
                    return Outcome(x: x, cost: cost, residuals: r, iterations: iteration, termination: .cost)
                }
                if stepSize == 0 || predicted <= 0 {
                    if mu > 1e16 { return Outcome(x: x, cost: cost, residuals: r, iterations: iteration, termination: .stalled) }
                    mu *= nu; nu *= 2
                    continue
                }
                let trialResiduals = ledger.evaluate(objective, at: trial)
                let trialCost = trialResiduals.map(Self.cost) ?? .infinity
                let rho = (cost - trialCost) / predicted
                if rho > 1e-4, trialCost.isFinite {
                    let decrease = cost - trialCost
                    x = trial
                    r = trialResiduals!
                    cost = trialCost
                    mu *= max(1.0 / 3, 1 - (2 * rho - 1) * (2 * rho - 1) * (2 * rho - 1))
                    nu = 2
                    if stepSize <= stepTolerance { return Outcome(x: x, cost: cost, residuals: r, iterations: iteration, termination: .step) }
                    if decrease <= costTolerance * max(cost, 1e-300) {
                        return Outcome(x: x, cost: cost, residuals: r, iterations: iteration, termination: .cost)
                    }
                    history.append(cost)
                    break
                }
                if mu > 1e16 { return Outcome(x: x, cost: cost, residuals: r, iterations: iteration, termination: .stalled) }
                mu *= nu; nu *= 2
            }
        }
        return Outcome(x: x, cost: cost, residuals: r, iterations: iteration, termination: .iterationLimit)
    }

    static func cost(_ r: [Double]) -> Double { 0.5 * r.reduce(0) { $0 + $1 * $1 } }
}
