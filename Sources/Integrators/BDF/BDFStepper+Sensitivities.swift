import Foundation

/// Forward sensitivities s_k = ∂y/∂p_k solved alongside the state by the staggered direct
/// method: Caracotsios & Stewart, "Sensitivity analysis of initial value problems with mixed
/// ODEs and algebraic equations", Comput. Chem. Eng. 9 (1985) 359-365; as in CVODES
/// (Hindmarsh et al., "SUNDIALS: Suite of nonlinear and differential/algebraic equation
/// solvers", ACM TOMS 31 (2005) 363-396, and the CVODES guide's `CV_STAGGERED`); see also
/// Maly & Petzold, "Numerical methods and software for sensitivity analysis of
/// differential-algebraic systems", Appl. Numer. Math. 20 (1996) 57-79.
///
/// The sensitivities obey s' = J(t, y) s + ∂f/∂p, linear in s. The s_k ride in
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
/// Cost per accepted step: one analytic J and one ∂f/∂p, and per corrector iteration one
/// product J·S and one multiple back-substitution with the LU already made for the state, for
/// all m parameters at once: the rows hold the sensitivities interleaved (entry i of
/// parameter k at n + i·m + k, `InterleavedRows`), so each nonzero of J and of the LU is loaded
/// once per eight parameters (up to twelve in the last sweep, `LanePair`: m = 10 in one), whose
/// products share registers (`DoubleLanes`, `LUFactorization+MultipleSolve.swift`), and the
/// corrector works on the rows in place (no copies in and out per step). One parameter at a
/// time, every product paid its index load, address and branch: about 7,900 instructions per
/// parameter and iteration on the receptor model, now half that (issue 14,
/// Benchmarks/RESULTS.md). Each parameter's arithmetic is the one-at-a-time corrector's, in the
/// same order, so the results are the same to the bit.
/// No f evaluation and no new LU, except where the fallback above adopts a fresh J.
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
        sensitivity.parameterJacobianIsZero = false
        sensitivity.currentJacobian.update(repeating: 0, count: n * n)
        for k in 0..<m {
            sensitivity.parameters[k] = selected[k]
            for i in 0..<n { sensitivity.absolute[i * m + k] = absolute[i] / scales[k] }
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

    /// The largest over the m parameters of `ErrorNorm.weighted` of the interleaved `vector`
    /// (weights `weights`, interleaved alike), each summed in its order, a lane group at a time
    /// (`SquareSumSweep`); `sums` holds m. Static: as a method, each call copied the stepper
    /// with its system (about 1.2 KB, memcpy) into the argument, once per corrector iteration.
    @inlinable
    static func largestNorm(
        of vector: UnsafePointer<Double>, weights: UnsafePointer<Double>, dimension n: Int, count m: Int,
        sums: UnsafeMutablePointer<Double>
    ) -> Double {
        SquareSumSweep(n: n, m: m, vector: vector, weights: weights, sums: sums).sweepAll(count: m)
        return largestNorm(ofSquareSums: sums, dimension: n, count: m)
    }

    /// The largest over the m parameters of √(sums_k / n) (`ErrorNorm.weighted`'s last step).
    @inlinable
    static func largestNorm(ofSquareSums sums: UnsafePointer<Double>, dimension n: Int, count m: Int) -> Double {
        let rootCount = Double(n)
        var norm = 0.0
        // Not Swift.max, which drops a NaN second argument: a NaN must reach the tests.
        for k in 0..<m {
            let parameterNorm = (sums[k] / rootCount).squareRoot()
            if parameterNorm > norm || parameterNorm.isNaN { norm = parameterNorm }
        }
        return norm
    }

    /// ∂f/∂p at (t, y) into the sensitivity workspace, zeroed first unless its readers left it
    /// zero (`parameterJacobianIsZero`: a memset of n·p per evaluation was 35 M instructions).
    @inlinable
    mutating func evaluateParameterJacobian(time: Double, state: UnsafePointer<Double>) {
        let count = n * sensitivity.parameterCount
        if !sensitivity.parameterJacobianIsZero { sensitivity.parameterJacobian.update(repeating: 0, count: count) }
        sensitivity.parameterJacobianIsZero = false
        system.parameterJacobian(
            time: time, state: UnsafeBufferPointer(start: state, count: n),
            into: UnsafeMutableBufferPointer(start: sensitivity.parameterJacobian, count: count))
        sensitivity.parameterJacobianEvaluations += 1
    }

    /// After `restart` (which left J at (t, y) in `jacobian`): D_1 of each sensitivity is
    /// h (J s_k + ∂f/∂p_k) at (t, y). Once per event: one parameter at a time through scratch.
    @inlinable
    mutating func restartSensitivities(time: Double) {
        let n = self.n, rows = rowLength, m = sensitivityCount
        evaluateParameterJacobian(time: time, state: differences)
        let gathered = sensitivity.blockScratch, product = sensitivity.blockIncrement
        for k in 0..<m {
            for i in 0..<n { gathered[i] = differences[n &+ i &* m &+ k] }
            jacobianProduct(jacobian, gathered, into: product)
            let column = sensitivity.parameterJacobian + sensitivity.parameters[k] * n
            let target = differences + rows + n
            for i in 0..<n {
                target[i &* m &+ k] = step * (product[i] + column[i])
                column[i] = 0
            }
        }
        // Each column read is left zero: all of ∂f/∂p when every parameter is selected.
        sensitivity.parameterJacobianIsZero = m == sensitivity.parameterCount
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

        // The rows hold the sensitivities interleaved (entry i of parameter k at n + i·m + k), so
        // the prediction s⁰ = Σ_{j≤q} D_j and the history ψ = Σ_{j=1..q} γ_j D_j / α_q are one
        // contiguous pass over n·m values, per entry in the order of the state's (`attemptStep`),
        // and one sweep over J's pattern and one over the LU serve all m parameters.
        let blockColumns = sensitivity.blockParameterJacobian
        let blockWeights = sensitivity.blockWeights, blockIncrement = sensitivity.blockIncrement
        let blockPredicted = predicted + n, blockIterate = iterate + n, blockCorrection = correction + n
        let blockHistory = history + n, scaledAbsolute = sensitivity.absolute, blockSums = sensitivity.blockSums
        let blockCount = n * m
        Self.predict(
            differences + n, count: blockCount, rowLength: rows, order: q, alpha: alpha,
            predicted: blockPredicted, history: blockHistory)
        var place = 0
        for i in 0..<n {
            let relativeTolerance = relative[i]
            for _ in 0..<m {
                blockWeights[place] = scaledAbsolute[place] + relativeTolerance * abs(blockPredicted[place])
                place &+= 1
            }
        }
        for k in 0..<m {
            let column = sensitivity.parameterJacobian + sensitivity.parameters[k] * n
            var i = 0, place = k
            while i < n {
                blockColumns[place] = column[i]
                column[i] = 0
                i &+= 1
                place &+= m
            }
        }
        // Each column read is left zero: all of ∂f/∂p when every parameter is selected.
        sensitivity.parameterJacobianIsZero = m == sensitivity.parameterCount

        var exactMatrix = false
        var converged = false
        while !converged {
            var previousNorm = Double.nan
            var count = 0
            while count < Self.maximumNewtonIterations {
                // A lane group of parameters at a time in registers (`LaneSweep.sweepAll`).
                let isFirst = count == 0
                ResidualSweep(
                    n: n, m: m, rowStarts: sensitivity.rowStarts, columns: sensitivity.columns,
                    matrix: sensitivity.currentJacobian, sensitivities: UnsafePointer(isFirst ? predicted : iterate),
                    out: sensitivity.blockIncrement, parameterJacobian: sensitivity.blockParameterJacobian,
                    history: history, correction: correction, inverseC: inverseC, firstIteration: isFirst
                ).sweepAll(count: m)
                LUFactorization.solve(
                    factors, dimension: n, pivots: lu.pivots, structure: lu, interleaved: blockIncrement,
                    rightHandSides: m, packed: packed, scratch: sensitivity.blockScratch, column: solveScratch)
                // ErrorNorm.weighted per parameter, summed in the same order, in the pass that
                // updates the iterate and the correction (`NormUpdateSweep`). A non-finite norm
                // rejects the attempt, whose next try rewrites both from the prediction.
                NormUpdateSweep(
                    n: n, m: m, increment: blockIncrement, weights: blockWeights, sums: blockSums,
                    predicted: blockPredicted, iterate: blockIterate, correction: blockCorrection, firstIteration: isFirst
                ).sweepAll(count: m)
                let norm = Self.largestNorm(ofSquareSums: blockSums, dimension: n, count: m)
                count += 1
                sensitivity.iterations += 1
                if !norm.isFinite {
                    statistics.rejectedSteps += 1
                    changeStep(to: Self.minimumFactor * step)
                    sensitivity.nonFinite = (newTime, step)
                    return .nonFinite
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
        // The iterate and the correction are the rows' own: nothing to copy back.
        if sensitivity.errorControl {
            for i in 0..<n {
                for place in (i &* m)..<(i &* m &+ m) {
                    weights[n &+ place] = scaledAbsolute[place] + relative[i] * abs(blockIterate[place])
                }
            }
            let error = errorConstant * Self.largestNorm(
                of: blockCorrection, weights: weights + n, dimension: n, count: m, sums: sensitivity.blockSums)
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

/// Unconstrained: the step policy reports errors for any system (`nonFiniteFailure`).
extension BDFStepper {
    /// The sensitivity whose corrector norm was not finite in the attempt to `newTime`: its
    /// parameter from the norms; its state component the first whose ∂f/∂p entry is not finite
    /// (the cause, where there is one: the solve's J·s products spread a NaN to every entry),
    /// else the first entry not finite in the iterate, the increment or the weights.
    @inlinable
    func nonFiniteSensitivityFailure(at newTime: Double) -> SolverError {
        let n = self.n, m = sensitivityCount
        let k = (0..<m).first { !sensitivity.blockSums[$0].isFinite } ?? 0
        let component = (0..<n).first { !sensitivity.blockParameterJacobian[$0 * m + k].isFinite } ?? (0..<n).first { i in
            let place = i * m + k
            return !iterate[n + place].isFinite || !sensitivity.blockIncrement[place].isFinite || !(sensitivity.blockWeights[place] > 0)
        } ?? 0
        return .nonFiniteSensitivity(component: component, parameter: m > 0 ? sensitivity.parameters[k] : 0, time: newTime)
    }
}

/// The corrector's residual for m interleaved sensitivities (entry i of parameter k at
/// n + i·m + k), parameters `first..<first + Lanes.laneCount`:
/// Δ = J·s + ∂f/∂p − (ψ + d)/c, J row-major over its compressed pattern when there is one.
/// Per parameter the products and sums of `jacobianProduct` and of the one-at-a-time
/// residual, in the same order, so the same to the last bit; the pattern is read once per
/// `Lanes.laneCount` parameters and their arithmetic shares registers. On the first
/// iteration (`firstIteration`) s is the prediction and d is zero: read from the
/// prediction, so the iterate and correction need no copy and no zeroing beforehand.
@usableFromInline
struct ResidualSweep: LaneSweep {
    @usableFromInline let n, m: Int
    @usableFromInline let rowStarts, columns: UnsafeMutablePointer<Int>
    @usableFromInline let matrix: UnsafePointer<Double>
    /// The prediction on the first iteration, else the iterate (rows of `rowLength`).
    @usableFromInline let sensitivities: UnsafePointer<Double>
    @usableFromInline let out, parameterJacobian, history, correction: UnsafeMutablePointer<Double>
    @usableFromInline let inverseC: Double
    @usableFromInline let firstIteration: Bool

    @inlinable
    init(n: Int, m: Int, rowStarts: UnsafeMutablePointer<Int>, columns: UnsafeMutablePointer<Int>, matrix: UnsafePointer<Double>,
         sensitivities: UnsafePointer<Double>, out: UnsafeMutablePointer<Double>, parameterJacobian: UnsafeMutablePointer<Double>,
         history: UnsafeMutablePointer<Double>, correction: UnsafeMutablePointer<Double>, inverseC: Double, firstIteration: Bool) {
        (self.n, self.m, self.rowStarts, self.columns, self.matrix) = (n, m, rowStarts, columns, matrix)
        (self.sensitivities, self.out, self.parameterJacobian) = (sensitivities, out, parameterJacobian)
        (self.history, self.correction, self.inverseC, self.firstIteration) = (history, correction, inverseC, firstIteration)
    }

    @inlinable
    func sweep<Lanes: DoubleLanes>(_: Lanes.Type, first: Int) {
        let n = self.n, m = self.m, rowStarts = self.rowStarts, columns = self.columns, matrix = self.matrix
        let dense = rowStarts[0] < 0
        let s = sensitivities + (n &+ first), out = self.out + first
        let column = parameterJacobian + first, history = self.history + (n &+ first)
        let correction = self.correction + (n &+ first)
        let scale = Lanes(splatting: inverseC)
        var i = 0
        while i < n {
            let row = matrix + i &* n
            var sum = Lanes(splatting: 0)
            var t = dense ? 0 : rowStarts[i]
            let end = dense ? n : rowStarts[i &+ 1]
            while t < end {
                let j = dense ? t : columns[t]
                sum = Lanes(splatting: row[j]).multiplied(by: Lanes(loadingFrom: s + j &* m)).adding(sum)
                t &+= 1
            }
            let place = i &* m
            let past = firstIteration
                ? Lanes(loadingFrom: history + place)
                : Lanes(loadingFrom: history + place).adding(Lanes(loadingFrom: correction + place))
            sum.adding(Lanes(loadingFrom: column + place)).subtracting(past.multiplied(by: scale)).store(to: out + place)
            i &+= 1
        }
    }
}

/// Σ_i (v_ik / w_ik)² into `sums` for parameters `first..<first + Lanes.laneCount`, summed in
/// `ErrorNorm.weighted`'s order (v and w interleaved).
@usableFromInline
struct SquareSumSweep: LaneSweep {
    @usableFromInline let n, m: Int
    @usableFromInline let vector, weights: UnsafePointer<Double>
    @usableFromInline let sums: UnsafeMutablePointer<Double>

    @inlinable
    init(n: Int, m: Int, vector: UnsafePointer<Double>, weights: UnsafePointer<Double>, sums: UnsafeMutablePointer<Double>) {
        (self.n, self.m, self.vector, self.weights, self.sums) = (n, m, vector, weights, sums)
    }

    @inlinable
    func sweep<Lanes: DoubleLanes>(_: Lanes.Type, first: Int) {
        let values = vector + first, weights = self.weights + first
        var sum = Lanes(splatting: 0)
        var place = 0
        for _ in 0..<n {
            let ratio = Lanes(loadingFrom: values + place).divided(by: Lanes(loadingFrom: weights + place))
            sum = ratio.multiplied(by: ratio).adding(sum)
            place &+= m
        }
        sum.store(to: sums + first)
    }
}

/// One pass of the corrector for parameters `first..<first + Lanes.laneCount` of the
/// interleaved increment d: Σ_i (d_ik / w_ik)² into `sums` in `ErrorNorm.weighted`'s order (as
/// `SquareSumSweep`), and the iterate and correction updated with d (on the first iteration
/// iterate = prediction + d and correction = d, else both += d). One pass, so the update's
/// loads and stores run beside the norm's divisions (Benchmarks/RESULTS.md). Same operations
/// per entry. A non-finite norm rejects the attempt after the update: safe because the first
/// residual of the retry reads the prediction, never the iterate or correction.
@usableFromInline
struct NormUpdateSweep: LaneSweep {
    @usableFromInline let n, m: Int
    @usableFromInline let increment, weights, predicted: UnsafePointer<Double>
    @usableFromInline let sums, iterate, correction: UnsafeMutablePointer<Double>
    @usableFromInline let firstIteration: Bool

    @inlinable
    init(n: Int, m: Int, increment: UnsafePointer<Double>, weights: UnsafePointer<Double>, sums: UnsafeMutablePointer<Double>,
         predicted: UnsafePointer<Double>, iterate: UnsafeMutablePointer<Double>, correction: UnsafeMutablePointer<Double>,
         firstIteration: Bool) {
        (self.n, self.m, self.increment, self.weights, self.sums) = (n, m, increment, weights, sums)
        (self.predicted, self.iterate, self.correction, self.firstIteration) = (predicted, iterate, correction, firstIteration)
    }

    @inlinable
    func sweep<Lanes: DoubleLanes>(_: Lanes.Type, first: Int) {
        let d = increment + first, w = weights + first, s = predicted + first
        let x = iterate + first, e = correction + first
        var sum = Lanes(splatting: 0)
        var place = 0
        if firstIteration {
            for _ in 0..<n {
                let delta = Lanes(loadingFrom: d + place)
                let ratio = delta.divided(by: Lanes(loadingFrom: w + place))
                sum = ratio.multiplied(by: ratio).adding(sum)
                Lanes(loadingFrom: s + place).adding(delta).store(to: x + place)
                delta.store(to: e + place)
                place &+= m
            }
        } else {
            for _ in 0..<n {
                let delta = Lanes(loadingFrom: d + place)
                let ratio = delta.divided(by: Lanes(loadingFrom: w + place))
                sum = ratio.multiplied(by: ratio).adding(sum)
                Lanes(loadingFrom: x + place).adding(delta).store(to: x + place)
                Lanes(loadingFrom: e + place).adding(delta).store(to: e + place)
                place &+= m
            }
        }
        sum.store(to: sums + first)
    }
}
