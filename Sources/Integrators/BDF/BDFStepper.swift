import Foundation

/// Variable-order (1-5), variable-step numerical differentiation formulas in backward
/// difference form (`BDFCoefficients`) with a modified Newton iteration that keeps one
/// Jacobian and one LU of I/c − J over many steps: the method of ode15s and SciPy's `BDF`
/// (SciPy's Newton test), with CVODE's idea of keeping h unless it must shrink or can grow
/// enough to pay for a new LU. `BDFPolicy` drives it in the shared step loop (`StepLoop`).
///
/// Why it exists next to Rodas5P: a Rodas5P step needs a fresh Jacobian, a fresh LU and eight
/// evaluations of f and solves; a BDF step needs two or three of each and refactors only when
/// the step, the order or the Jacobian changes. Where the step is limited by the solution's own time scale
/// (the receptor scenarios' daily doses) the BDF takes more, far cheaper steps, as CVODE does.
///
/// Per step: predict y⁰ = Σ_{j≤q} D_j; iterate (I/c − J) Δ = f(t, y) − (ψ + d)/c with
/// c = h/α_q, d = y − y⁰; accept if C_q ‖d‖ ≤ 1 in the RMS norm weighted by
/// atol + rtol·|y_new| (SciPy's weights; `ErrorNorm.rms` takes the larger of |y_old|, |y_new|). After q + 1
/// steps of one size the step and the order are chosen from the estimates of orders q − 1, q
/// and q + 1; the step changes only when it must shrink or can grow by `growthThreshold`. The
/// Jacobian is re-evaluated when the Newton iteration fails with a stale one, when a stale one
/// is not finite, and at the latest every `jacobianAge` steps. Every retry (error test,
/// Newton failure, Jacobian refresh, singular matrix) counts as a rejected step, and so
/// against `SolverOptions.maximumSteps`.
///
/// Why SciPy's Newton test and not CVODE's (accept after one iteration when
/// C_q ‖Δ‖ · min(1, rate) ≤ 0.1 with the rate carried over from earlier steps): CVODE's test
/// is cheaper on the receptor scenarios but fails ROBER at most loose tolerances, as CVODE
/// itself does, where SciPy's fails only where SciPy does (Benchmarks/RESULTS.md).
@usableFromInline
struct BDFStepper<System: ODESystem> {
    /// Newton iterations per attempt (CVODE's maxcor is 3, SciPy's 4).
    @usableFromInline static var maximumNewtonIterations: Int { 4 }
    /// Steps after which the Jacobian is re-evaluated even while Newton converges (CVODE 51).
    @usableFromInline static var jacobianAge: Int { 50 }
    /// Smallest growth worth a new LU; less keeps h (CVODE waits for 1.5).
    @usableFromInline static var growthThreshold: Double { 1.2 }
    @usableFromInline static var minimumFactor: Double { 0.2 }
    @usableFromInline static var maximumFactor: Double { 10 }

    @usableFromInline typealias Outcome = StepVerdict

    @usableFromInline var system: System
    @usableFromInline var n = 0
    /// Length of a row of differences: n, or n(m + 1) when m sensitivities ride along
    /// (`BDFStepper+Sensitivities.swift`): y, then the sensitivities interleaved (entry i of
    /// parameter k at n + i·m + k), so that rescaling, the update of the differences and the
    /// dense output treat them as one vector and the corrector needs no copies.
    @usableFromInline var rowLength = 0
    /// m, the number of sensitivities solved with the state (0: none).
    @usableFromInline var sensitivityCount = 0
    /// Backward differences D_0..D_{q+2} (8 rows of `rowLength`); D_0 is the current solution.
    @usableFromInline var differences: UnsafeMutablePointer<Double>
    @usableFromInline var predicted: UnsafeMutablePointer<Double>
    /// The Newton iterate: after an accepted attempt, the new solution. This and the other
    /// vectors of `rowLength` (predicted, correction, increment, history, weights, out) carry
    /// the sensitivities after the state.
    @usableFromInline var iterate: UnsafeMutablePointer<Double>
    /// d = iterate − predicted.
    @usableFromInline var correction: UnsafeMutablePointer<Double>
    @usableFromInline var increment: UnsafeMutablePointer<Double>
    @usableFromInline var derivative: UnsafeMutablePointer<Double>
    /// ψ = Σ_{j=1..q} γ_j D_j / α_q.
    @usableFromInline var history: UnsafeMutablePointer<Double>
    /// atol_i + rtol_i |y_i| of the current test.
    @usableFromInline var weights: UnsafeMutablePointer<Double>
    @usableFromInline var absolute: UnsafeMutablePointer<Double>
    @usableFromInline var relative: UnsafeMutablePointer<Double>
    /// Dense output rows.
    @usableFromInline var out: UnsafeMutablePointer<Double>
    @usableFromInline var solveScratch: UnsafeMutablePointer<Double>
    @usableFromInline var jacobian: UnsafeMutablePointer<Double>
    @usableFromInline var factors: UnsafeMutablePointer<Double>
    @usableFromInline var packed: UnsafeMutablePointer<Double>
    /// `AdaptiveDriver.initialStep`'s scratch (3n).
    @usableFromInline var initialStepScratch: UnsafeMutablePointer<Double>
    /// The 6×6 rescaling matrix and its two factors.
    @usableFromInline var small: UnsafeMutablePointer<Double>
    @usableFromInline var lu: LUStructure
    /// Sensitivity workspace (unused without sensitivities): J at the accepted point, ∂f/∂p,
    /// the absolute tolerances of the sensitivities, the selected parameters and J's pattern.
    @usableFromInline var sensitivity: BDFSensitivityWorkspace

    @usableFromInline var order = 1
    @usableFromInline var step = 0.0
    @usableFromInline var equalSteps = 0
    /// The c for which `factors` holds the LU of I/c − J (NaN: none).
    @usableFromInline var factoredC = Double.nan
    @usableFromInline var jacobianIsCurrent = false
    /// Jacobians evaluated or adopted so far in this solve (the sensitivity corrector's rate
    /// belongs to one of them).
    @usableFromInline var jacobianCount = 0
    @usableFromInline var stepsSinceJacobian = 0
    /// The Newton iteration has converged when the error left in it is below this (in the
    /// weighted norm): max(10ε/rtol, min(0.03, √rtol)), SciPy's choice, with the smallest
    /// positive rtol.
    @usableFromInline var newtonTolerance = 0.03
    /// Error norm and Newton iterations of the last accepted attempt.
    @usableFromInline var error = 0.0
    @usableFromInline var iterations = 0

    /// The named slices of a BDF solve of n states with m sensitivities riding along (rows of
    /// n(m + 1)) and p parameters.
    @usableFromInline
    struct Layout {
        @usableFromInline let n, sensitivityCount: Int
        /// D_0..D_7 (8 rows), rescaled in place (`rescale`).
        @usableFromInline let differences: WorkspaceSlice<Double>
        @usableFromInline let predicted, iterate, correction, increment, history, weights, out: WorkspaceSlice<Double>
        @usableFromInline let derivative, absolute, relative, solveScratch, initialStepScratch: WorkspaceSlice<Double>
        @usableFromInline let jacobian, factors, packed: WorkspaceSlice<Double>
        /// The 6×6 rescaling matrix (36) and the two factors of `BDFCoefficients.rescaling` (72).
        @usableFromInline let small: WorkspaceSlice<Double>
        @usableFromInline let lu: LUStructure.Layout
        @usableFromInline let sensitivity: BDFSensitivityWorkspace.Layout

        @inlinable
        init(dimension n: Int, sensitivityCount m: Int = 0, parameterCount p: Int = 0,
             allocator: inout WorkspaceAllocator) {
            self.n = n
            sensitivityCount = m
            let rows = n * (m + 1)
            differences = allocator.doubles(8 * rows, "bdf.differences")
            predicted = allocator.doubles(rows, "bdf.predicted")
            iterate = allocator.doubles(rows, "bdf.iterate")
            correction = allocator.doubles(rows, "bdf.correction")
            increment = allocator.doubles(rows, "bdf.increment")
            derivative = allocator.doubles(n, "bdf.derivative")
            history = allocator.doubles(rows, "bdf.history")
            weights = allocator.doubles(rows, "bdf.weights")
            absolute = allocator.doubles(n, "bdf.absolute")
            relative = allocator.doubles(n, "bdf.relative")
            out = allocator.doubles(rows, "bdf.out")
            solveScratch = allocator.doubles(n, "bdf.solveScratch")
            initialStepScratch = allocator.doubles(3 * n, "bdf.initialStepScratch")
            jacobian = allocator.doubles(n * n, "bdf.jacobian")
            factors = allocator.doubles(n * n, "bdf.factors")
            packed = allocator.doubles(n * n + n, "bdf.packed")
            small = allocator.doubles(108, "bdf.small")
            lu = LUStructure.Layout(dimension: n, allocator: &allocator)
            sensitivity = BDFSensitivityWorkspace.Layout(
                dimension: n, sensitivityCount: m, parameterCount: p, allocator: &allocator)
        }
    }

    /// A stepper for `system` on its slices of the entered workspace.
    @inlinable
    init(system: System, layout: Layout, memory: WorkspaceMemory) {
        self.system = system
        let n = layout.n
        self.n = n
        rowLength = n * (layout.sensitivityCount + 1)
        sensitivityCount = layout.sensitivityCount
        differences = memory[layout.differences]
        predicted = memory[layout.predicted]
        iterate = memory[layout.iterate]
        correction = memory[layout.correction]
        increment = memory[layout.increment]
        derivative = memory[layout.derivative]
        history = memory[layout.history]
        weights = memory[layout.weights]
        absolute = memory[layout.absolute]
        relative = memory[layout.relative]
        out = memory[layout.out]
        solveScratch = memory[layout.solveScratch]
        initialStepScratch = memory[layout.initialStepScratch]
        jacobian = memory[layout.jacobian]
        factors = memory[layout.factors]
        packed = memory[layout.packed]
        small = memory[layout.small]
        lu = LUStructure(layout.lu, in: memory)
        sensitivity = BDFSensitivityWorkspace(layout.sensitivity, in: memory)
        lu.declareSparsity(of: system, dimension: n)
    }

    /// D_0 = y0 and the state's tolerances, after `init`.
    @inlinable
    mutating func setInitialState(_ initialState: [Double], options: SolverOptions) {
        for i in 0..<n {
            differences[i] = initialState[i]
            absolute[i] = options.absoluteTolerance[i]
            relative[i] = options.relativeTolerance[i]
        }
    }

    /// Order 1 from the current state D_0 at `time`: D_1 = h f, a fresh Jacobian and step.
    @inlinable
    mutating func restart(
        time: Double, initialStep given: Double?, end: Double, maximumStep: Double,
        statistics: inout SolverStatistics
    ) {
        let n = self.n
        let state = differences
        var smallestRelative = Double.infinity
        for i in 0..<n where relative[i] > 0 { smallestRelative = min(smallestRelative, relative[i]) }
        if smallestRelative.isFinite {
            newtonTolerance = max(10 * Double.ulpOfOne / smallestRelative, min(0.03, smallestRelative.squareRoot()))
        }
        if let given {
            step = min(given, maximumStep)
            system.evaluate(
                time: time, state: UnsafeBufferPointer(start: state, count: n),
                derivative: UnsafeMutableBufferPointer(start: increment, count: n))
            statistics.rightHandSideEvaluations += 1
        } else {
            // Leaves f(t, y) in its first scratch vector.
            step = AdaptiveDriver.initialStep(
                system: system, time: time, state: state, end: end, maximumStep: maximumStep,
                errorOrder: 2,
                tolerances: ToleranceVectors(absolute: UnsafePointer(absolute), relative: UnsafePointer(relative)),
                dimension: n, scratch: initialStepScratch, statistics: &statistics)
            for i in 0..<n { increment[i] = initialStepScratch[i] }
        }
        for i in 0..<n { derivative[i] = increment[i] }
        let rows = rowLength
        for i in 0..<n { differences[rows + i] = step * derivative[i] }
        for i in (2 * rows)..<(8 * rows) { differences[i] = 0 }
        evaluateJacobian(time: time, state: state, derivativeIsCurrent: true, statistics: &statistics)
        order = 1
        equalSteps = 0
    }

    /// J at (t, y); `derivative` must hold f(t, y) when `derivativeIsCurrent`.
    @inlinable
    mutating func evaluateJacobian(
        time: Double, state y: UnsafeMutablePointer<Double>, derivativeIsCurrent: Bool,
        statistics: inout SolverStatistics
    ) {
        if !system.providesJacobian, !derivativeIsCurrent {
            system.evaluate(
                time: time, state: UnsafeBufferPointer(start: y, count: n),
                derivative: UnsafeMutableBufferPointer(start: derivative, count: n))
            statistics.rightHandSideEvaluations += 1
        }
        JacobianEvaluation.jacobian(
            system, time: time, state: y, derivative: derivative, into: jacobian, scratch: solveScratch,
            dimension: n, statistics: &statistics)
        jacobianIsCurrent = true
        jacobianCount += 1
        stepsSinceJacobian = 0
        factoredC = .nan
    }

    /// Changes the step to `newStep`, rescaling D_1..D_q so that they describe the same
    /// interpolating polynomial on the new spacing.
    @inlinable
    mutating func changeStep(to newStep: Double) {
        BDFCoefficients.differenceRescaling(
            order: order, ratio: newStep / step, into: small, scratch: small + 36)
        Self.rescale(differences + rowLength, count: rowLength, order: order, weights: small)
        step = newStep
        equalSteps = 0
    }

    /// D_j ← Σ_{k=1...q} W[k, j] D_k for j = 1...q (`rows`: D_1 first, one row per `count`; W
    /// row-major (q + 1)²), in place with four entries of every row in registers (a pass per
    /// (j, k) into a scratch block, then a copy back, was 92 M instructions of a 10-parameter
    /// gradient). Per entry the same operations in the same order: W[1, j] D_1 + 0, then
    /// + W[k, j] D_k for k = 2...q (+ 0 kept: the first term was added to a zeroed row).
    @inlinable
    static func rescale(_ rows: UnsafeMutablePointer<Double>, count n: Int, order q: Int, weights w: UnsafePointer<Double>) {
        // The loads below are unrolled for D_1..D_5: a higher maximum order needs another row.
        precondition(q >= 1 && q <= 5 && BDFCoefficients.maximumOrder == 5, "BDF order out of range")
        let size = q &+ 1
        let zero = SIMD4<Double>(repeating: 0)
        var i = 0
        while n &- i >= 4 {
            let r = rows + i
            let d1 = SIMD4<Double>(loadingFrom: r)
            let d2 = q >= 2 ? SIMD4<Double>(loadingFrom: r + n) : zero
            let d3 = q >= 3 ? SIMD4<Double>(loadingFrom: r + 2 &* n) : zero
            let d4 = q >= 4 ? SIMD4<Double>(loadingFrom: r + 3 &* n) : zero
            let d5 = q >= 5 ? SIMD4<Double>(loadingFrom: r + 4 &* n) : zero
            for j in 1...q {
                var t = SIMD4(repeating: w[size &+ j]) * d1 + zero
                if q >= 2 { t = SIMD4(repeating: w[2 &* size &+ j]) * d2 + t }
                if q >= 3 { t = SIMD4(repeating: w[3 &* size &+ j]) * d3 + t }
                if q >= 4 { t = SIMD4(repeating: w[4 &* size &+ j]) * d4 + t }
                if q >= 5 { t = SIMD4(repeating: w[5 &* size &+ j]) * d5 + t }
                t.store(to: r + (j &- 1) &* n)
            }
            i &+= 4
        }
        while i < n {
            var d = SIMD8<Double>(repeating: 0)
            for k in 1...q { d[k] = rows[(k &- 1) &* n &+ i] }
            for j in 1...q {
                var t = w[size &+ j] * d[1] + 0
                for k in 2..<size { t = w[k &* size &+ j] * d[k] + t }
                rows[(j &- 1) &* n &+ i] = t
            }
            i &+= 1
        }
    }

    /// The LU of I/c − J into `factors`, counted in `statistics`; `factoredC` records the c it
    /// holds (NaN when I/c − J was singular). Returns false when singular.
    @inlinable
    mutating func factorIterationMatrix(c: Double, statistics: inout SolverStatistics) -> Bool {
        statistics.luFactorizations += 1
        let singular = LUFactorization.factorIterationMatrix(
            jacobian: jacobian, scale: -1, shift: 1 / c, into: factors, dimension: n,
            pivots: lu.pivots, structure: lu, packed: packed) != nil
        factoredC = singular ? .nan : c
        return !singular
    }

    /// One attempt of the current step to `newTime`. On rejection the step is already reduced.
    @inlinable
    mutating func attemptStep(to newTime: Double, statistics: inout SolverStatistics) -> Outcome {
        let n = self.n, q = order
        let state = differences
        let alpha = BDFCoefficients.alpha(q)
        Self.predict(state, count: n, rowLength: rowLength, order: q, alpha: alpha, predicted: predicted, history: history)
        for i in 0..<n { weights[i] = absolute[i] + relative[i] * abs(predicted[i]) }
        let c = step / alpha

        if stepsSinceJacobian >= Self.jacobianAge, !jacobianIsCurrent {
            evaluateJacobian(time: newTime, state: predicted, derivativeIsCurrent: false, statistics: &statistics)
        }
        if c != factoredC {
            if !factorIterationMatrix(c: c, statistics: &statistics) {
                // Singular I/c − J: a smaller c moves it towards I/c. A non-finite J is first
                // re-evaluated at the step start; a fresh one that is still not finite counts
                // as a non-finite trial.
                statistics.rejectedSteps += 1
                if !StepLoop.allFinite(jacobian, dimension: n * n) {
                    if !jacobianIsCurrent {
                        evaluateJacobian(
                            time: newTime - step, state: differences, derivativeIsCurrent: false,
                            statistics: &statistics)
                        return .rejected
                    }
                    changeStep(to: Self.minimumFactor * step)
                    return .nonFinite
                }
                changeStep(to: 0.25 * step)
                return .rejected
            }
        }

        // Modified Newton iteration for d = y − y⁰ (SciPy's test: the contraction rate is
        // measured within the step, so two iterations unless the first increment is negligible;
        // converged when the error left, rate/(1 − rate)·‖Δ‖, is below `newtonTolerance`;
        // abandoned when diverging or when the remaining iterations cannot get there).
        let errorConstant = BDFCoefficients.errorConstant(q)
        let inverseC = 1 / c
        let maximumIterations = Self.maximumNewtonIterations
        var converged = false, nonFinite = false
        var count = 0
        var previousNorm = Double.nan
        for i in 0..<n { iterate[i] = predicted[i]; correction[i] = 0 }
        while count < maximumIterations {
            system.evaluate(
                time: newTime, state: UnsafeBufferPointer(start: iterate, count: n),
                derivative: UnsafeMutableBufferPointer(start: derivative, count: n))
            statistics.rightHandSideEvaluations += 1
            if !StepLoop.allFinite(derivative, dimension: n) { nonFinite = true; break }
            for i in 0..<n { increment[i] = derivative[i] - (history[i] + correction[i]) * inverseC }
            LUFactorization.solve(
                factors, dimension: n, pivots: lu.pivots, structure: lu, increment,
                packed: packed, scratch: solveScratch)
            let norm = ErrorNorm.weighted(increment, weights: weights, dimension: n)
            if !norm.isFinite { nonFinite = true; break }
            let rate = norm / previousNorm  // NaN in the first iteration
            // An increment below a tenth of the tolerance leaves less than the tolerance for
            // any rate up to 0.9 (and a rate measured on round-off is meaningless).
            let negligible = norm <= 0.1 * newtonTolerance
            if !negligible, rate >= 1 || pow(rate, Double(maximumIterations - count)) / (1 - rate) * norm > newtonTolerance {
                count += 1
                break
            }
            for i in 0..<n {
                iterate[i] += increment[i]
                correction[i] += increment[i]
            }
            count += 1
            if negligible || rate / (1 - rate) * norm < newtonTolerance {
                converged = true
                break
            }
            previousNorm = norm
        }
        if !converged {
            statistics.rejectedSteps += 1
            if !jacobianIsCurrent, !nonFinite {
                evaluateJacobian(time: newTime, state: predicted, derivativeIsCurrent: false, statistics: &statistics)
                return .rejected
            }
            changeStep(to: (nonFinite ? Self.minimumFactor : 0.5) * step)
            return nonFinite ? .nonFinite : .rejected
        }

        // Error test on d in the scale of the new solution.
        for i in 0..<n { weights[i] = absolute[i] + relative[i] * abs(iterate[i]) }
        let error = errorConstant * ErrorNorm.weighted(correction, weights: weights, dimension: n)
        if !(error <= 1) {
            statistics.rejectedSteps += 1
            let factor = error.isFinite
                ? max(Self.minimumFactor, safety(iterations: count) * pow(error, -1 / Double(q + 1)))
                : Self.minimumFactor
            changeStep(to: factor * step)
            return .rejected
        }
        self.error = error
        iterations = count
        return .accepted
    }

    /// The step-size safety factor, smaller after a slow Newton iteration (SciPy's).
    @inlinable
    func safety(iterations: Int) -> Double {
        let m = Self.maximumNewtonIterations
        return 0.9 * Double(2 * m + 1) / Double(2 * m + iterations)
    }

    /// Updates the differences for the accepted step: D_{q+2} = d − D_{q+1}, D_{q+1} = d,
    /// D_j += D_{j+1} for j = q...0 (so D_0 becomes the new solution).
    @inlinable
    mutating func acceptStep() {
        let n = rowLength
        let above = differences + (order + 2) * n, top = differences + (order + 1) * n
        for i in 0..<n {
            above[i] = correction[i] - top[i]
            top[i] = correction[i]
        }
        var j = order
        while j >= 0 {
            let row = differences + j * n, next = row + n
            for i in 0..<n { row[i] += next[i] }
            j -= 1
        }
        equalSteps += 1
        stepsSinceJacobian += 1
        jacobianIsCurrent = false
    }

    /// After q + 1 steps of one size: the order among q − 1, q, q + 1 that allows the largest
    /// step, and that step (kept when it would grow by less than `growthThreshold`).
    @inlinable
    mutating func chooseStepAndOrder(maximumStep: Double) {
        let q = order
        if equalSteps < q + 1 { return }
        let lower = q > 1
            ? BDFCoefficients.errorConstant(q - 1) * controlledNorm(differences + q * rowLength)
            : .infinity
        let higher = q < BDFCoefficients.maximumOrder
            ? BDFCoefficients.errorConstant(q + 1) * controlledNorm(differences + (q + 2) * rowLength)
            : .infinity
        var change = 0
        var best = pow(error, -1 / Double(q + 1))
        let lowerFactor = pow(lower, -1 / Double(q))
        let higherFactor = pow(higher, -1 / Double(q + 2))
        if lowerFactor > best { best = lowerFactor; change = -1 }
        if higherFactor > best { best = higherFactor; change = 1 }
        let factor = min(Self.maximumFactor, safety(iterations: iterations) * best)
        if change == 0, factor >= 1, factor < Self.growthThreshold { return }
        let newStep = min(step * factor, maximumStep)
        if change == 0, newStep == step { return }
        order = q + change
        changeStep(to: newStep)
    }

    /// The weighted RMS norm of a row of differences over the state and, when their error is
    /// controlled, the largest over the sensitivities too (CVODES's combined norm); with no
    /// sensitivities exactly `ErrorNorm.weighted` of the state.
    @inlinable
    func controlledNorm(_ row: UnsafePointer<Double>) -> Double {
        var norm = ErrorNorm.weighted(row, weights: weights, dimension: n)
        if sensitivity.errorControl {
            let m = sensitivityCount
            for k in 0..<m {
                let parameterNorm = Self.interleavedNorm(
                    row + (n &+ k), weights: weights + (n &+ k), dimension: n, stride: m)
                norm = max(norm, parameterNorm)
            }
        }
        return norm
    }

    /// The prediction Σ_{j≤q} D_j and the history ψ = Σ_{j=1..q} γ_j D_j / α_q of `count`
    /// entries from `rows` (row j at `rows + j · rowLength`): the state's and, in the
    /// sensitivity corrector, the interleaved sensitivities', in the same order.
    ///
    /// Four entries at a time summed over the rows in registers and stored once (a pass per
    /// row read and wrote both sums q times); per entry the same operations in the same order.
    @inlinable
    static func predict(
        _ rows: UnsafePointer<Double>, count: Int, rowLength: Int, order q: Int, alpha: Double,
        predicted: UnsafeMutablePointer<Double>, history: UnsafeMutablePointer<Double>
    ) {
        var weights = SIMD8<Double>(repeating: 0)
        for j in 1...q { weights[j] = BDFCoefficients.gamma(j) / alpha }
        var i = 0
        while count &- i >= 4 {
            var sum = SIMD4<Double>(loadingFrom: rows + i), past = SIMD4<Double>(repeating: 0)
            var row = rows + i
            for j in 1...q {
                row += rowLength
                let entry = SIMD4<Double>(loadingFrom: row)
                sum = sum + entry
                past = SIMD4(repeating: weights[j]) * entry + past
            }
            sum.store(to: predicted + i)
            past.store(to: history + i)
            i &+= 4
        }
        while i < count {
            var sum = rows[i], past = 0.0
            for j in 1...q {
                let entry = rows[j &* rowLength &+ i]
                sum += entry
                past = weights[j] * entry + past
            }
            predicted[i] = sum
            history[i] = past
            i &+= 1
        }
    }

    /// `ErrorNorm.weighted` of one parameter's entries in an interleaved row (every
    /// `stride`-th value), summed in the same order.
    @inlinable
    static func interleavedNorm(
        _ vector: UnsafePointer<Double>, weights: UnsafePointer<Double>, dimension n: Int, stride: Int
    ) -> Double {
        var sum = 0.0, place = 0
        for _ in 0..<n {
            let ratio = vector[place] / weights[place]
            sum = ratio * ratio + sum
            place &+= stride
        }
        return (sum / Double(n)).squareRoot()
    }

    /// The error of the last trial to `newTime`, which was not finite: the sensitivity's when
    /// its corrector was the last to fail (the state's attempt passed; no attempt since), else
    /// the first state component not finite in f, the iterate or a row of the Jacobian.
    @inlinable
    func nonFiniteFailure(at newTime: Double) -> SolverError {
        if sensitivity.nonFinite == (newTime, step) { return nonFiniteSensitivityFailure(at: newTime) }
        for i in 0..<n where !derivative[i].isFinite || !iterate[i].isFinite {
            return .nonFiniteState(component: i, time: newTime)
        }
        for i in 0..<n {
            for j in 0..<n where !jacobian[i * n + j].isFinite { return .nonFiniteState(component: i, time: newTime) }
        }
        return .nonFiniteState(component: 0, time: newTime)
    }
}

extension BDFStepper: DenseInterpolant {
    /// The interpolating polynomial of the differences at t_n + (θ − 1) h, θ in [0, 1]:
    /// y = Σ_{j≤q} D_j Π_{m<j} (θ − 1 + m)/(m + 1). Call after `acceptStep`, before the order
    /// or step changes.
    @inlinable
    func interpolate(
        theta: Double, step: Double, start: UnsafePointer<Double>, end: UnsafePointer<Double>,
        into out: UnsafeMutableBufferPointer<Double>
    ) {
        let n = rowLength
        for i in 0..<n { out[i] = differences[i] }
        var product = 1.0
        for j in 1...order {
            product *= (theta - 1 + Double(j - 1)) / Double(j)
            let row = differences + j * n
            for i in 0..<n { out[i] = product * row[i] + out[i] }
        }
    }
}
