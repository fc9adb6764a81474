import Foundation

/// Forward sensitivities s_k = ∂y/∂p_k solved alongside the state by the staggered direct
/// method: Caracotsios & Stewart, "Sensitivity analysis of initial value problems with mixed
/// ODEs and algebraic equations", Comput. Chem. Eng. 9 (1985) 359-365; as in CVODES
/// (Hindmarsh et al., "SUNDIALS: Suite of nonlinear and differential/algebraic equation
/// solvers", ACM TOMS 31 (2005) 363-396, and the CVODES guide's `CV_STAGGERED`); see also
/// Maly & Petzold, "Numerical methods and software for sensitivity analysis of
/// differential-algebraic systems", Appl. Numer. Math. 20 (1996) 57-79.
///
/// The sensitivities obey s' = J(t, y) s + ∂f/∂p, linear in s. Each s_k is one more block of
/// the rows of differences, so prediction, the change of step, the update of the differences
/// and the dense output are the state's. After the state's Newton iteration has converged and
/// passed its error test, the same NDF formula applied to s_k is a LINEAR system,
/// (I/c − J(t_{n+1}, y_{n+1})) d_k = J s⁰_k + ∂f/∂p_k − ψ_k/c with d_k = s_k − s⁰_k. It is solved
/// with the state's LU of I/c − J_old (J_old possibly many steps old) by the corrector
/// iteration of CVODES: the residual uses the exact J at the accepted point, so the fixed point is
/// the exact discrete sensitivity whatever J_old is; J_old only sets the contraction rate.
/// When the iteration does not converge in `BDFStepper.maximumNewtonIterations`, the stepper
/// adopts the fresh J, refactors, and one solve is then exact. The sensitivities' local error
/// (C_q ‖d_k‖ with weights atol_i/|p̄_k| + rtol_i |s_ik|) takes part in the error test and in the
/// choice of step and order unless `SensitivityOptions.errorControl` is off; the combined norm
/// is the largest of the state's and the sensitivities' (CVODES).
///
/// Cost per accepted step: one analytic J and one ∂f/∂p, and per parameter one product J·s
/// (over J's declared pattern when there is one) and one or two back-substitutions with the
/// LU already made for the state. No f evaluation and no new LU, except where the fallback
/// above adopts a fresh J.
extension BDFStepper where System: ParametricODESystem {
    /// CVODES's test for the sensitivity corrector (nlscoef): converged when
    /// C_q ‖Δ‖ min(1, rate) ≤ 0.1, i.e. when the error left in the iteration is estimated at a
    /// tenth of what the local error test allows. Looser than the state's SciPy test
    /// (`newtonTolerance`), so one iteration usually does once a rate is known.
    @inlinable static var sensitivityCorrectorTolerance: Double { 0.1 }

    /// Records the selected parameters, the absolute tolerances atol_i/|p̄_k|, and J's
    /// pattern (compressed rows) for the products J·s in the sensitivity slices. Once per
    /// solve, after `setInitialState`.
    @inlinable
    mutating func prepareSensitivities(parameters selected: [Int], scales: [Double], errorControl: Bool) {
        let n = self.n, m = sensitivityCount, p = system.parameterCount
        sensitivity.parameterCount = p
        sensitivity.errorControl = errorControl
        sensitivity.rate = 1
        sensitivity.currentJacobian.update(repeating: 0, count: n * n)
        for k in 0..<m {
            sensitivity.parameters[k] = selected[k]
            for i in 0..<n { sensitivity.absolute[k * n + i] = absolute[i] / scales[k] }
        }
        if let pattern = system.jacobianSparsity {
            var row = 0, t = 0
            sensitivity.rowStarts[0] = 0
            for position in pattern {
                while position / n > row { row += 1; sensitivity.rowStarts[row] = t }
                sensitivity.columns[t] = position % n
                t += 1
            }
            while row < n { row += 1; sensitivity.rowStarts[row] = t }
        } else {
            sensitivity.rowStarts[0] = -1
        }
    }

    /// out = J·s (row-major J, over the compressed pattern when there is one).
    @inlinable
    func jacobianProduct(
        _ matrix: UnsafePointer<Double>, _ vector: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>
    ) {
        let n = self.n
        let rowStarts = sensitivity.rowStarts, columns = sensitivity.columns
        if rowStarts[0] < 0 {
            for i in 0..<n {
                let row = matrix + i * n
                var sum = 0.0
                for j in 0..<n { sum = row[j] * vector[j] + sum }
                out[i] = sum
            }
            return
        }
        for i in 0..<n {
            let row = matrix + i * n
            var sum = 0.0
            var t = rowStarts[i]
            let end = rowStarts[i + 1]
            while t < end {
                let j = columns[t]
                sum = row[j] * vector[j] + sum
                t += 1
            }
            out[i] = sum
        }
    }

    /// ∂f/∂p at (t, y) into the sensitivity workspace (zeroed first).
    @inlinable
    mutating func evaluateParameterJacobian(time: Double, state: UnsafePointer<Double>) {
        let count = n * sensitivity.parameterCount
        sensitivity.parameterJacobian.update(repeating: 0, count: count)
        system.parameterJacobian(
            time: time, state: UnsafeBufferPointer(start: state, count: n),
            into: UnsafeMutableBufferPointer(start: sensitivity.parameterJacobian, count: count))
        sensitivity.parameterJacobianEvaluations += 1
    }

    /// After `restart` (which left J at (t, y) in `jacobian`): D_1 of each sensitivity is
    /// h (J s_k + ∂f/∂p_k) at (t, y).
    @inlinable
    mutating func restartSensitivities(time: Double) {
        let n = self.n, rows = rowLength
        evaluateParameterJacobian(time: time, state: differences)
        for k in 0..<sensitivityCount {
            let offset = (k + 1) * n
            let target = differences + rows + offset
            jacobianProduct(jacobian, differences + offset, into: target)
            let column = sensitivity.parameterJacobian + sensitivity.parameters[k] * n
            for i in 0..<n { target[i] = step * (target[i] + column[i]) }
        }
        sensitivity.rate = 1
    }

    /// The sensitivities of the attempt whose state `attemptStep` has just accepted (the new
    /// state is in `iterate`): the staggered corrector, then their error test. On rejection the
    /// step is already reduced, as in `attemptStep`.
    @inlinable
    mutating func correctSensitivities(to newTime: Double, statistics: inout SolverStatistics) -> Outcome {
        let n = self.n, rows = rowLength, m = sensitivityCount, q = order
        let alpha = BDFCoefficients.alpha(q), errorConstant = BDFCoefficients.errorConstant(q)
        let c = step / alpha, inverseC = 1 / c
        if jacobianCount != sensitivity.rateJacobian {
            sensitivity.rate = 1
            sensitivity.rateJacobian = jacobianCount
        }
        system.jacobianEntries(
            time: newTime, state: UnsafeBufferPointer(start: iterate, count: n),
            into: UnsafeMutableBufferPointer(start: sensitivity.currentJacobian, count: n * n))
        statistics.jacobianEvaluations += 1
        evaluateParameterJacobian(time: newTime, state: iterate)

        for i in n..<rows { predicted[i] = differences[i]; history[i] = 0 }
        for j in 1...q {
            let row = differences + j * rows
            let weight = BDFCoefficients.gamma(j) / alpha
            for i in n..<rows {
                predicted[i] += row[i]
                history[i] = weight * row[i] + history[i]
            }
        }
        for k in 0..<m {
            let offset = (k + 1) * n
            for i in 0..<n {
                weights[offset + i] = sensitivity.absolute[k * n + i] + relative[i] * abs(predicted[offset + i])
            }
        }

        var exactMatrix = false
        var converged = false
        while !converged {
            for i in n..<rows { iterate[i] = predicted[i]; correction[i] = 0 }
            var previousNorm = Double.nan
            var count = 0
            while count < Self.maximumNewtonIterations {
                var norm = 0.0
                for k in 0..<m {
                    let offset = (k + 1) * n
                    let s = iterate + offset, d = correction + offset, delta = increment + offset
                    let history = self.history + offset
                    let column = sensitivity.parameterJacobian + sensitivity.parameters[k] * n
                    jacobianProduct(sensitivity.currentJacobian, s, into: delta)
                    for i in 0..<n { delta[i] = delta[i] + column[i] - (history[i] + d[i]) * inverseC }
                    LUFactorization.solve(
                        factors, dimension: n, pivots: lu.pivots, structure: lu, delta,
                        packed: packed, scratch: solveScratch)
                    norm = max(norm, ErrorNorm.weighted(delta, weights: weights + offset, dimension: n))
                }
                count += 1
                sensitivity.iterations += 1
                if !norm.isFinite {
                    statistics.rejectedSteps += 1
                    changeStep(to: Self.minimumFactor * step)
                    return .nonFinite
                }
                for i in n..<rows {
                    iterate[i] += increment[i]
                    correction[i] += increment[i]
                }
                // With the exact matrix one solve is the answer, up to rounding.
                if exactMatrix { converged = true; break }
                if count > 1 { sensitivity.rate = max(0.3 * sensitivity.rate, norm / previousNorm) }
                if errorConstant * norm * min(1, sensitivity.rate) <= Self.sensitivityCorrectorTolerance {
                    converged = true
                    break
                }
                if count > 1, norm > 2 * previousNorm { break }
                previousNorm = norm
            }
            if converged { break }
            // Too slow with the old J: adopt the one at the accepted point, so one solve is
            // exact. The state's later steps use it too, as after any refresh.
            jacobian.update(from: sensitivity.currentJacobian, count: n * n)
            jacobianIsCurrent = true
            jacobianCount += 1
            stepsSinceJacobian = 0
            sensitivity.rate = 1
            sensitivity.rateJacobian = jacobianCount
            if !factorIterationMatrix(c: c, statistics: &statistics) {
                statistics.rejectedSteps += 1
                changeStep(to: 0.25 * step)
                return .rejected
            }
            exactMatrix = true
        }

        if sensitivity.errorControl {
            var worst = 0.0
            for k in 0..<m {
                let offset = (k + 1) * n
                for i in 0..<n {
                    weights[offset + i] = sensitivity.absolute[k * n + i] + relative[i] * abs(iterate[offset + i])
                }
                worst = max(worst, ErrorNorm.weighted(correction + offset, weights: weights + offset, dimension: n))
            }
            let error = errorConstant * worst
            if !(error <= 1) {
                statistics.rejectedSteps += 1
                sensitivity.errorTestFailures += 1
                let factor = error.isFinite
                    ? max(Self.minimumFactor, safety(iterations: iterations) * pow(error, -1 / Double(q + 1)))
                    : Self.minimumFactor
                changeStep(to: factor * step)
                return .rejected
            }
            self.error = max(self.error, error)
        }
        return .accepted
    }
}
