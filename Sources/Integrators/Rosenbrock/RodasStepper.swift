/// The step of a Rodas-family Rosenbrock method (see `RodasTableau`), generic over the
/// system and the tableau so the compiler specializes both.
///
/// Per step: f and J at the step start (J analytic or by differences), one LU of
/// W = I/(γh) − J shared by all s stages, s − 1 further evaluations of f and s back
/// substitutions. After a rejected step the Jacobian at the same point is reused and only W is
/// refactored for the new h; an event restart (`restart`) discards both.
@usableFromInline
struct RodasStepper<System: ODESystem, Tableau: RodasTableau>: AdaptiveStepper {
    @usableFromInline var system: System
    @usableFromInline var n = 0
    /// f(t, y) at the step start.
    @usableFromInline var f0: UnsafeMutablePointer<Double>
    /// Stage increments k_1..k_s, each n long.
    @usableFromInline var k: UnsafeMutablePointer<Double>
    /// Stage point, then (after the step) the embedded solution.
    @usableFromInline var u: UnsafeMutablePointer<Double>
    @usableFromInline var rhs: UnsafeMutablePointer<Double>
    @usableFromInline var dT: UnsafeMutablePointer<Double>
    /// k1*, k2*, k3* of the dense output.
    @usableFromInline var dense: UnsafeMutablePointer<Double>
    @usableFromInline var jacobian: UnsafeMutablePointer<Double>
    @usableFromInline var factors: UnsafeMutablePointer<Double>
    /// The factors packed for the row-form sparse solves (n² + n).
    @usableFromInline var packed: UnsafeMutablePointer<Double>
    /// The tableau copied into the workspace: a (s·s), C (s·s), c (s), d (s), H (rows·s).
    @usableFromInline var coefficients: UnsafeMutablePointer<Double>
    @usableFromInline var lu: LUStructure
    /// Whether f0, J and ∂f/∂t belong to the current step start.
    @usableFromInline var hasStepStart = false
    /// The h for which `factors` holds the LU of W (NaN: none).
    @usableFromInline var factoredStep = Double.nan

    @inlinable static var errorOrder: Double { Tableau.errorOrder }
    /// The classical controller (RODAS's IWORK(3) = 2 option; see `PIStepSizeController`).
    @inlinable static var previousErrorWeight: Double { 0 }

    @inlinable
    static func coefficientCount() -> Int {
        let s = Tableau.stages
        return 2 * s * s + 2 * s + Tableau.denseRows * s
    }

    /// The named slices of a Rodas step for a system of dimension n.
    @usableFromInline
    struct Layout: StepperLayout {
        @usableFromInline let n: Int
        @usableFromInline let f0, k, u, rhs, dT, dense, jacobian, factors, packed, coefficients: WorkspaceSlice<Double>
        @usableFromInline let lu: LUStructure.Layout

        @inlinable
        init(dimension n: Int, allocator: inout WorkspaceAllocator) {
            self.n = n
            f0 = allocator.doubles(n, "rodas.f0")
            k = allocator.doubles(Tableau.stages * n, "rodas.k")
            u = allocator.doubles(n, "rodas.u")
            rhs = allocator.doubles(n, "rodas.rhs")
            dT = allocator.doubles(n, "rodas.dT")
            dense = allocator.doubles(Tableau.denseRows * n, "rodas.dense")
            jacobian = allocator.doubles(n * n, "rodas.jacobian")
            factors = allocator.doubles(n * n, "rodas.factors")
            packed = allocator.doubles(n * n + n, "rodas.packed")
            coefficients = allocator.doubles(RodasStepper.coefficientCount(), "rodas.coefficients")
            lu = LUStructure.Layout(dimension: n, allocator: &allocator)
        }
    }

    @inlinable
    init(system: System, layout: Layout, memory: WorkspaceMemory) {
        self.system = system
        let n = layout.n
        self.n = n
        f0 = memory[layout.f0]
        k = memory[layout.k]
        u = memory[layout.u]
        rhs = memory[layout.rhs]
        dT = memory[layout.dT]
        dense = memory[layout.dense]
        jacobian = memory[layout.jacobian]
        factors = memory[layout.factors]
        packed = memory[layout.packed]
        coefficients = memory[layout.coefficients]
        lu = LUStructure(layout.lu, in: memory)
        lu.declareSparsity(of: system, dimension: n)
        var offset = 0
        for value in Tableau.a { coefficients[offset] = value; offset += 1 }
        for value in Tableau.c { coefficients[offset] = value; offset += 1 }
        for value in Tableau.nodes { coefficients[offset] = value; offset += 1 }
        for value in Tableau.d { coefficients[offset] = value; offset += 1 }
        for value in Tableau.h { coefficients[offset] = value; offset += 1 }
        precondition(offset == Self.coefficientCount(), "Rodas tableau has inconsistent sizes")
    }

    @inlinable
    mutating func restart() {
        hasStepStart = false
        factoredStep = .nan
    }

    @inlinable
    mutating func attemptStep(
        time: Double, step h: Double, state y: UnsafeMutablePointer<Double>,
        trial: UnsafeMutablePointer<Double>, tolerances: ToleranceVectors,
        statistics: inout SolverStatistics
    ) -> Double {
        let n = self.n, s = Tableau.stages
        // One copy of the system per attempt: each call on `self.system` (in the inout
        // stepper) copied it to the stack, four times per accepted step (Benchmarks/RESULTS.md).
        let system = self.system
        let f0 = self.f0, k = self.k, u = self.u, rhs = self.rhs, dT = self.dT
        let jacobian = self.jacobian, factors = self.factors, packed = self.packed, lu = self.lu
        let a = coefficients, c = a + s * s, nodes = c + s * s, d = nodes + s
        if !hasStepStart {
            system.evaluate(
                time: time, state: UnsafeBufferPointer(start: y, count: n),
                derivative: UnsafeMutableBufferPointer(start: f0, count: n))
            statistics.rightHandSideEvaluations += 1
            if !StepLoop.allFinite(f0, dimension: n) {
                // Mark the offending components for the driver's error report.
                for m in 0..<n { trial[m] = f0[m].isFinite ? y[m] : .nan }
                return .nan
            }
            JacobianEvaluation.jacobian(
                system, time: time, state: y, derivative: f0, into: jacobian, scratch: rhs,
                dimension: n, statistics: &statistics)
            JacobianEvaluation.timeDerivative(
                system, time: time, state: y, derivative: f0, into: dT, dimension: n,
                statistics: &statistics)
            hasStepStart = true
            factoredStep = .nan
        }
        let nonAutonomous = !system.isAutonomous
        if h != factoredStep {
            // W = I/(γh) − J.
            statistics.luFactorizations += 1
            if LUFactorization.factorIterationMatrix(
                jacobian: jacobian, scale: -1, shift: 1 / (Tableau.gamma * h), into: factors,
                dimension: n, pivots: lu.pivots, structure: lu, packed: packed) != nil
            {
                factoredStep = .nan
                return .infinity
            }
            factoredStep = h
        }
        let inverseStep = 1 / h

        // Stage 1: W k1 = f0 + h d1 ∂f/∂t. Autonomous stages hand their right-hand side to the
        // solve as a sum (`solveSum`, read in its first pass rather than formed in memory), with
        // `trial` (written only after the last stage) as its scratch.
        if nonAutonomous {
            let hd = h * d[0]
            for m in 0..<n { k[m] = dT[m] * hd + f0[m] }
            LUFactorization.solve(factors, dimension: n, pivots: lu.pivots, structure: lu, k, packed: packed, scratch: rhs)
        } else {
            LUFactorization.solveSum(
                factors, dimension: n, pivots: lu.pivots, structure: lu, source: f0, adding: nil, into: k,
                packed: packed, scratch: trial)
        }

        for i in 1..<s {
            let row = i * s
            let ki = k + i * n
            // The stage point u = y + Σ_j a_ij k_j and the coupling term Σ_j (C_ij / h) k_j
            // (kept in k_i until f is known), four components at a time summed in registers
            // over the earlier stages j in ascending order (the same operations in the same
            // order as one pass per j through memory, which loaded and stored u and k_i i
            // times each and was a quarter of the step body's own instructions;
            // Benchmarks/RESULTS.md, "The Rodas step body").
            var m = 0
            while m &+ 4 <= n {
                var point = SIMD4<Double>(loadingFrom: y + m)
                var coupling = SIMD4<Double>(repeating: 0)
                for j in 0..<i {
                    let value = SIMD4<Double>(loadingFrom: k + (j * n &+ m))
                    point = SIMD4(repeating: a[row + j]) * value + point
                    coupling = SIMD4(repeating: c[row + j] * inverseStep) * value + coupling
                }
                point.store(to: u + m)
                coupling.store(to: ki + m)
                m &+= 4
            }
            while m < n {
                var point = y[m], coupling = 0.0
                for j in 0..<i {
                    let value = k[j * n + m]
                    point = a[row + j] * value + point
                    coupling = (c[row + j] * inverseStep) * value + coupling
                }
                u[m] = point
                ki[m] = coupling
                m &+= 1
            }
            system.evaluate(
                time: time + nodes[i] * h, state: UnsafeBufferPointer(start: u, count: n),
                derivative: UnsafeMutableBufferPointer(start: rhs, count: n))
            // Right-hand side f_i + Σ_j (C_ij / h) k_j + h d_i ∂f/∂t, solved in place in k_i.
            if nonAutonomous {
                let hd = h * d[i]
                for m in 0..<n { ki[m] = hd * dT[m] + (ki[m] + rhs[m]) }
                LUFactorization.solve(factors, dimension: n, pivots: lu.pivots, structure: lu, ki, packed: packed, scratch: rhs)
            } else {
                LUFactorization.solveSum(
                    factors, dimension: n, pivots: lu.pivots, structure: lu, source: ki, adding: rhs, into: ki,
                    packed: packed, scratch: trial)
            }
        }
        statistics.rightHandSideEvaluations += s - 1

        // y1 = last stage point + k_s; the error estimate is k_s.
        let last = k + (s - 1) * n
        for m in 0..<n { trial[m] = u[m] + last[m] }
        return ErrorNorm.rms(
            error: last, previous: y, current: trial, absoluteTolerance: tolerances.absolute,
            relativeTolerance: tolerances.relative, dimension: n)
    }

    @inlinable
    mutating func acceptStep() {
        hasStepStart = false
    }

    @inlinable
    mutating func prepareDenseOutput(step: Double) {
        let n = self.n, s = Tableau.stages
        let weights = coefficients + 2 * s * s + 2 * s
        // Summed in registers over the stages, as the stage points in `attemptStep`.
        for row in 0..<Tableau.denseRows {
            let target = dense + row * n
            let rowWeights = weights + row * s
            var m = 0
            while m &+ 4 <= n {
                var sum = SIMD4<Double>(repeating: 0)
                for j in 0..<s { sum = SIMD4(repeating: rowWeights[j]) * SIMD4<Double>(loadingFrom: k + (j * n &+ m)) + sum }
                sum.store(to: target + m)
                m &+= 4
            }
            while m < n {
                var sum = 0.0
                for j in 0..<s { sum = rowWeights[j] * k[j * n + m] + sum }
                target[m] = sum
                m &+= 1
            }
        }
    }

    @inlinable
    func interpolate(
        theta: Double, step: Double, start y0: UnsafePointer<Double>, end y1: UnsafePointer<Double>,
        into out: UnsafeMutableBufferPointer<Double>
    ) {
        let n = self.n
        let complement = 1 - theta
        let k1 = dense, k2 = dense + n
        if Tableau.denseRows == 3 {
            let k3 = dense + 2 * n
            for m in 0..<n {
                out[m] = complement * y0[m]
                    + theta * (y1[m] + complement * (k1[m] + theta * (k2[m] + theta * k3[m])))
            }
        } else {
            for m in 0..<n {
                out[m] = complement * y0[m] + theta * (y1[m] + complement * (k1[m] + theta * k2[m]))
            }
        }
    }
}
