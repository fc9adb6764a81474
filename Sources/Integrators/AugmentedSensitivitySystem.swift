/// The forward sensitivity system of a `ParametricODESystem` written as one larger system,
/// z = [y; s_1; ...; s_m] with z' = [f(t, y); J(t, y) s_k + ∂f/∂p_k (t, y)], so that any method
/// of the engine can solve it (`ODESolver.solveWithSensitivities` with a method other than the
/// BDF; the "simultaneous corrector" idea of Maly & Petzold 1996 applied to a one-step method).
///
/// Its Jacobian is block lower triangular: every diagonal block is J, and block (k, 0) is
/// ∂(J s_k + ∂f/∂p_k)/∂y, which needs second derivatives of f. They are taken by forward
/// differences of J s_k + ∂f/∂p_k in each y_j (n more evaluations of J and ∂f/∂p per Jacobian),
/// with the increment of `JacobianEvaluation`, √ε·max(|y_j|, 1e-5): about 8 correct digits in
/// those blocks. A Rosenbrock method's order conditions assume the exact Jacobian, so the
/// sensitivities carry an extra local error of about h·1e-8 of that block's contribution:
/// below the tolerances this engine is used at, but not the exact discrete derivative the BDF's
/// staggered method gives. The iteration matrix is the full n(m + 1) square (the LU sees the
/// zero blocks; no per-block reuse of one n × n LU), and every evaluation of z' evaluates J:
/// correct, and affordable for small n and m; the BDF is the efficient path.
///
/// Scratch lives in a buffer the solve owns (`scratchCount`), reached through pointers, since
/// `evaluate` and `jacobian` are non-mutating; nothing is allocated per call.
@usableFromInline
struct AugmentedSensitivitySystem<Inner: ParametricODESystem>: ODESystem {
    @usableFromInline var inner: Inner
    @usableFromInline let n: Int
    @usableFromInline let m: Int
    @usableFromInline let p: Int
    /// Selected parameters (m).
    @usableFromInline let parameters: UnsafeMutablePointer<Int>
    /// J (n²), a perturbed J (n²), ∂f/∂p (n p), a perturbed ∂f/∂p (n p), J s_k + ∂f/∂p_k (m n),
    /// a perturbed y (n).
    @usableFromInline let scratch: UnsafeMutablePointer<Double>
    /// Evaluations of ∂f/∂p, counted at `parameters[m]`.
    @usableFromInline let counter: UnsafeMutablePointer<Int>

    @inlinable
    static func scratchCount(dimension n: Int, sensitivityCount m: Int, parameterCount p: Int) -> Int {
        2 * n * n + 2 * n * p + m * n + n
    }

    @inlinable
    init(inner: Inner, sensitivityCount m: Int, parameters: UnsafeMutablePointer<Int>,
         scratch: UnsafeMutablePointer<Double>) {
        self.inner = inner
        n = inner.dimension
        self.m = m
        p = inner.parameterCount
        self.parameters = parameters
        self.scratch = scratch
        counter = parameters + m
    }

    @inlinable var dimension: Int { n * (m + 1) }
    @inlinable var providesJacobian: Bool { true }
    @inlinable var isAutonomous: Bool { inner.isAutonomous }

    /// J and ∂f/∂p at (t, y) into `jacobian` and `parameterJacobian`.
    @inlinable
    func evaluateDerivatives(
        time: Double, state y: UnsafePointer<Double>, jacobian: UnsafeMutablePointer<Double>,
        parameterJacobian: UnsafeMutablePointer<Double>
    ) {
        jacobian.update(repeating: 0, count: n * n)
        inner.jacobian(
            time: time, state: UnsafeBufferPointer(start: y, count: n),
            into: UnsafeMutableBufferPointer(start: jacobian, count: n * n))
        parameterJacobian.update(repeating: 0, count: n * p)
        inner.parameterJacobian(
            time: time, state: UnsafeBufferPointer(start: y, count: n),
            into: UnsafeMutableBufferPointer(start: parameterJacobian, count: n * p))
        counter.pointee += 1
    }

    /// out = J s + ∂f/∂p_k for the k-th selected parameter.
    @inlinable
    func sensitivityDerivative(
        _ k: Int, jacobian: UnsafePointer<Double>, parameterJacobian: UnsafePointer<Double>,
        sensitivity s: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>
    ) {
        let column = parameterJacobian + parameters[k] * n
        for i in 0..<n {
            let row = jacobian + i * n
            var sum = column[i]
            for j in 0..<n { sum = row[j] * s[j] + sum }
            out[i] = sum
        }
    }

    @inlinable
    func evaluate(
        time: Double, state z: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>
    ) {
        let y = z.baseAddress!, dz = derivative.baseAddress!
        inner.evaluate(
            time: time, state: UnsafeBufferPointer(start: y, count: n),
            derivative: UnsafeMutableBufferPointer(start: dz, count: n))
        let jacobian = scratch, parameterJacobian = scratch + 2 * n * n
        evaluateDerivatives(time: time, state: y, jacobian: jacobian, parameterJacobian: parameterJacobian)
        for k in 0..<m {
            sensitivityDerivative(
                k, jacobian: jacobian, parameterJacobian: parameterJacobian, sensitivity: y + (k + 1) * n,
                into: dz + (k + 1) * n)
        }
    }

    @inlinable
    func jacobian(
        time: Double, state z: UnsafeBufferPointer<Double>, into matrix: UnsafeMutableBufferPointer<Double>
    ) {
        let size = n * (m + 1)
        let y = z.baseAddress!, out = matrix.baseAddress!
        let jacobian = scratch, perturbedJacobian = scratch + n * n
        let parameterJacobian = scratch + 2 * n * n, perturbedParameterJacobian = parameterJacobian + n * p
        let base = perturbedParameterJacobian + n * p, perturbed = base + m * n
        out.update(repeating: 0, count: size * size)
        evaluateDerivatives(time: time, state: y, jacobian: jacobian, parameterJacobian: parameterJacobian)
        for block in 0...m {
            let offset = block * n
            for i in 0..<n {
                for j in 0..<n { out[(offset + i) * size + offset + j] = jacobian[i * n + j] }
            }
        }
        for k in 0..<m {
            sensitivityDerivative(
                k, jacobian: jacobian, parameterJacobian: parameterJacobian, sensitivity: y + (k + 1) * n,
                into: base + k * n)
        }
        for i in 0..<n { perturbed[i] = y[i] }
        for j in 0..<n {
            let saved = perturbed[j]
            let shifted = saved + JacobianEvaluation.squareRootEpsilon * max(abs(saved), 1e-5)
            let increment = shifted - saved
            perturbed[j] = shifted
            evaluateDerivatives(
                time: time, state: perturbed, jacobian: perturbedJacobian,
                parameterJacobian: perturbedParameterJacobian)
            perturbed[j] = saved
            let inverse = 1 / increment
            for k in 0..<m {
                let s = y + (k + 1) * n, reference = base + k * n
                let column = perturbedParameterJacobian + parameters[k] * n
                for i in 0..<n {
                    let row = perturbedJacobian + i * n
                    var sum = column[i]
                    for l in 0..<n { sum = row[l] * s[l] + sum }
                    out[((k + 1) * n + i) * size + j] = (sum - reference[i]) * inverse
                }
            }
        }
    }
}
