import Integrators

/// The drug-free steady state f(y) = 0 by Newton's method with the analytic Jacobian and a
/// backtracking line search, falling back to pseudo-transient continuation
/// ((I/τ − J) δ = f with growing τ) when Newton stalls.
enum SteadyState {
    /// Residual ‖f‖∞ accepted as steady (units of the states per hour).
    static let tolerance = 1e-12

    static func residual(_ system: ReceptorSystem, _ y: [Double]) -> [Double] {
        var f = Array(repeating: 0.0, count: y.count)
        y.withUnsafeBufferPointer { yb in
            f.withUnsafeMutableBufferPointer { fb in system.evaluate(time: 0, state: yb, derivative: fb) }
        }
        return f
    }

    static func jacobian(_ system: ReceptorSystem, _ y: [Double]) -> [Double] {
        var m = Array(repeating: 0.0, count: y.count * y.count)
        y.withUnsafeBufferPointer { yb in
            m.withUnsafeMutableBufferPointer { mb in system.jacobian(time: 0, state: yb, into: mb) }
        }
        return m
    }

    /// Max-norm; NaN when any component is NaN (`Swift.max` would drop it and let a NaN
    /// residual pass the convergence test).
    static func norm(_ v: [Double]) -> Double {
        var worst = 0.0
        for x in v {
            if x.isNaN { return .nan }
            worst = max(worst, abs(x))
        }
        return worst
    }

    /// Solves f(y) = 0 from `guess`.
    /// - Throws: `ModelError.steadyStateNotFound` when neither method converges.
    static func solve(_ system: ReceptorSystem, from guess: [Double]) throws -> [Double] {
        let n = guess.count
        var y = guess
        var f = residual(system, y)
        var r = norm(f)
        newton: for _ in 0..<60 {
            if r < tolerance { return y }
            guard let lu = DenseLinearSystem(rowMajor: jacobian(system, y), dimension: n) else { break newton }
            let delta = lu.solve(f)
            var step = 1.0
            while step > 1e-6 {
                let trial = (0..<n).map { y[$0] - step * delta[$0] }
                let ft = residual(system, trial)
                let rt = norm(ft)
                if rt.isFinite && rt < r {
                    y = trial; f = ft; r = rt
                    continue newton
                }
                step *= 0.5
            }
            break newton
        }
        if r < tolerance { return y }
        // Pseudo-transient continuation from the original guess.
        y = guess
        f = residual(system, y)
        r = norm(f)
        var tau = 1e-3
        for _ in 0..<2000 {
            if r < tolerance { return y }
            var m = jacobian(system, y)
            for i in 0..<(n * n) { m[i] = -m[i] }
            for i in 0..<n { m[i * n + i] += 1 / tau }
            guard let lu = DenseLinearSystem(rowMajor: m, dimension: n) else { tau *= 0.5; continue }
            let delta = lu.solve(f)
            let trial = (0..<n).map { y[$0] + delta[$0] }
            let ft = residual(system, trial)
            let rt = norm(ft)
            if rt.isFinite && rt < 2 * r {
                y = trial; f = ft
                tau = min(tau * (rt < r ? 2 : 1), 1e12)
                r = rt
            } else {
                tau *= 0.25
            }
        }
        throw ModelError.steadyStateNotFound(residual: r)
    }
}
