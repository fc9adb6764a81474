/// The Rosenbrock 2(3) method of Shampine & Reichelt (MATLAB `ode23s`; see
/// `Rosenbrock23Tableau`): second order, L-stable, three evaluations of f per step of which
/// the last is reused as the first of the next step (FSAL), one LU per step.
///
/// It is the cheap stiff method for loose tolerances (rtol ≳ 1e-3), where its low cost per step
/// beats the higher order of Rodas5P.
///
///     W = I − h d J
///     W k1 = f0 + h d ∂f/∂t
///     W (k2 − k1) = f(t + h/2, y + h/2 k1) − k1
///     y1 = y + h k2
///     W k3 = f(t + h, y1) − e32 (k2 − f1) − 2 (k1 − f0) + h d ∂f/∂t
///     error = h/6 (k1 − 2 k2 + k3)
@usableFromInline
struct Rosenbrock23Stepper<System: ODESystem>: AdaptiveStepper {
    @usableFromInline var system: System
    @usableFromInline var n = 0
    @usableFromInline var f0: UnsafeMutablePointer<Double>
    @usableFromInline var f1: UnsafeMutablePointer<Double>
    @usableFromInline var f2: UnsafeMutablePointer<Double>
    @usableFromInline var k1: UnsafeMutablePointer<Double>
    @usableFromInline var k2: UnsafeMutablePointer<Double>
    @usableFromInline var k3: UnsafeMutablePointer<Double>
    @usableFromInline var u: UnsafeMutablePointer<Double>
    @usableFromInline var dT: UnsafeMutablePointer<Double>
    @usableFromInline var jacobian: UnsafeMutablePointer<Double>
    @usableFromInline var factors: UnsafeMutablePointer<Double>
    /// The factors packed for the row-form sparse solves (n² + n).
    @usableFromInline var packed: UnsafeMutablePointer<Double>
    @usableFromInline var lu: LUStructure
    /// Whether f0 = f(t, y) is valid (FSAL from the previous step).
    @usableFromInline var hasDerivative = false
    /// Whether J and ∂f/∂t belong to the current step start.
    @usableFromInline var hasStepStart = false
    @usableFromInline var factoredStep = Double.nan

    /// The error estimate is of the 2nd-order solution: err ∝ h³.
    @inlinable static var errorOrder: Double { 3 }
    /// The classical controller (RODAS's IWORK(3) = 2 option; see `PIStepSizeController`).
    @inlinable static var previousErrorWeight: Double { 0 }
    /// The named slices of a Rosenbrock23 step for a system of dimension n.
    @usableFromInline
    struct Layout: StepperLayout {
        @usableFromInline let n: Int
        @usableFromInline let f0, f1, f2, k1, k2, k3, u, dT, jacobian, factors, packed: WorkspaceSlice<Double>
        @usableFromInline let lu: LUStructure.Layout

        @inlinable
        init(dimension n: Int, allocator: inout WorkspaceAllocator) {
            self.n = n
            f0 = allocator.doubles(n, "rosenbrock23.f0")
            f1 = allocator.doubles(n, "rosenbrock23.f1")
            f2 = allocator.doubles(n, "rosenbrock23.f2")
            k1 = allocator.doubles(n, "rosenbrock23.k1")
            k2 = allocator.doubles(n, "rosenbrock23.k2")
            k3 = allocator.doubles(n, "rosenbrock23.k3")
            u = allocator.doubles(n, "rosenbrock23.u")
            dT = allocator.doubles(n, "rosenbrock23.dT")
            jacobian = allocator.doubles(n * n, "rosenbrock23.jacobian")
            factors = allocator.doubles(n * n, "rosenbrock23.factors")
            packed = allocator.doubles(n * n + n, "rosenbrock23.packed")
            lu = LUStructure.Layout(dimension: n, allocator: &allocator)
        }
    }

    @inlinable
    init(system: System, layout: Layout, memory: WorkspaceMemory) {
        self.system = system
        let n = layout.n
        self.n = n
        f0 = memory[layout.f0]; f1 = memory[layout.f1]; f2 = memory[layout.f2]
        k1 = memory[layout.k1]; k2 = memory[layout.k2]; k3 = memory[layout.k3]
        u = memory[layout.u]; dT = memory[layout.dT]
        jacobian = memory[layout.jacobian]; factors = memory[layout.factors]; packed = memory[layout.packed]
        lu = LUStructure(layout.lu, in: memory)
        lu.declareSparsity(of: system, dimension: n)
    }

    @inlinable
    mutating func restart() {
        hasDerivative = false
        hasStepStart = false
        factoredStep = .nan
    }

    @inlinable
    mutating func attemptStep(
        time: Double, step h: Double, state y: UnsafeMutablePointer<Double>,
        trial: UnsafeMutablePointer<Double>, tolerances: ToleranceVectors,
        statistics: inout SolverStatistics
    ) -> Double {
        let n = self.n
        let f0 = self.f0, f1 = self.f1, f2 = self.f2, k1 = self.k1, k2 = self.k2, k3 = self.k3
        let u = self.u, dT = self.dT, factors = self.factors, packed = self.packed, lu = self.lu
        let d = Rosenbrock23Tableau.d, e32 = Rosenbrock23Tableau.e32
        if !hasDerivative {
            system.evaluate(
                time: time, state: UnsafeBufferPointer(start: y, count: n),
                derivative: UnsafeMutableBufferPointer(start: f0, count: n))
            statistics.rightHandSideEvaluations += 1
            if !StepLoop.allFinite(f0, dimension: n) {
                // Mark the offending components for the driver's error report.
                for m in 0..<n { trial[m] = f0[m].isFinite ? y[m] : .nan }
                return .nan
            }
            hasDerivative = true
        }
        if !hasStepStart {
            JacobianEvaluation.jacobian(
                system, time: time, state: y, derivative: f0, into: jacobian, scratch: u,
                dimension: n, statistics: &statistics)
            JacobianEvaluation.timeDerivative(
                system, time: time, state: y, derivative: f0, into: dT, dimension: n,
                statistics: &statistics)
            hasStepStart = true
            factoredStep = .nan
        }
        if h != factoredStep {
            // W = I − h d J.
            statistics.luFactorizations += 1
            if LUFactorization.factorIterationMatrix(
                jacobian: jacobian, scale: -h * d, shift: 1, into: factors,
                dimension: n, pivots: lu.pivots, structure: lu, packed: packed) != nil
            {
                factoredStep = .nan
                return .infinity
            }
            factoredStep = h
        }
        let hd = h * d
        for m in 0..<n { k1[m] = hd * dT[m] + f0[m] }
        LUFactorization.solve(factors, dimension: n, pivots: lu.pivots, structure: lu, k1, packed: packed, scratch: u)
        let halfStep = 0.5 * h
        for m in 0..<n { u[m] = halfStep * k1[m] + y[m] }
        system.evaluate(
            time: time + halfStep, state: UnsafeBufferPointer(start: u, count: n),
            derivative: UnsafeMutableBufferPointer(start: f1, count: n))
        for m in 0..<n { k2[m] = f1[m] - k1[m] }
        LUFactorization.solve(factors, dimension: n, pivots: lu.pivots, structure: lu, k2, packed: packed, scratch: u)
        for m in 0..<n {
            k2[m] = k2[m] + k1[m]
            trial[m] = h * k2[m] + y[m]
        }
        system.evaluate(
            time: time + h, state: UnsafeBufferPointer(start: trial, count: n),
            derivative: UnsafeMutableBufferPointer(start: f2, count: n))
        statistics.rightHandSideEvaluations += 2
        for m in 0..<n {
            k3[m] = f2[m] - e32 * (k2[m] - f1[m]) - 2 * (k1[m] - f0[m]) + hd * dT[m]
        }
        LUFactorization.solve(factors, dimension: n, pivots: lu.pivots, structure: lu, k3, packed: packed, scratch: u)
        let sixth = h / 6
        for m in 0..<n { u[m] = sixth * (k1[m] - 2 * k2[m] + k3[m]) }
        return ErrorNorm.rms(
            error: u, previous: y, current: trial, absoluteTolerance: tolerances.absolute,
            relativeTolerance: tolerances.relative, dimension: n)
    }

    @inlinable
    mutating func acceptStep() {
        swap(&f0, &f2)
        hasDerivative = true
        hasStepStart = false
    }

    @inlinable
    mutating func prepareDenseOutput(step: Double) {}

    @inlinable
    func interpolate(
        theta: Double, step h: Double, start y0: UnsafePointer<Double>, end y1: UnsafePointer<Double>,
        into out: UnsafeMutableBufferPointer<Double>
    ) {
        let d = Rosenbrock23Tableau.d
        let denominator = 1 - 2 * d
        let w1 = h * theta * (1 - theta) / denominator
        let w2 = h * theta * (theta - 2 * d) / denominator
        for m in 0..<n { out[m] = y0[m] + w1 * k1[m] + w2 * k2[m] }
    }
}
