import Foundation
import Testing
@testable import Pharmacology

@Suite struct JacobianTests {
    /// Analytic Jacobian equals central finite differences at a state off the steady state
    /// (every drug, receptor, modulator and feedback term active).
    @Test func analyticJacobianMatchesFiniteDifferences() throws {
        let model = try ReceptorModel.compile(kitchenSinkScenario())
        var system = model.system
        system.stimulusIntensity[0] = 0.7
        system.stimulusIntensity[2] = 0.4
        let n = model.dimension
        // Perturb the steady state into a generic point: drugs everywhere, receptors shuffled.
        var y = model.initialState
        for i in 0..<n { y[i] = y[i] * (1 + 0.3 * sin(Double(i))) + 0.05 * (1 + cos(Double(3 * i))) }
        var analytic = Array(repeating: 0.0, count: n * n)
        y.withUnsafeBufferPointer { yb in
            analytic.withUnsafeMutableBufferPointer { system.jacobian(time: 0, state: yb, into: $0) }
        }
        var worst = 0.0
        var worstAt = (0, 0)
        for j in 0..<n {
            let h = 1e-6 * max(1, abs(y[j]))
            var plus = y, minus = y
            plus[j] += h; minus[j] -= h
            let fp = SteadyState.residual(system, plus), fm = SteadyState.residual(system, minus)
            for i in 0..<n {
                let fd = (fp[i] - fm[i]) / (2 * h)
                let a = analytic[i * n + j]
                let err = abs(fd - a) / (1e-6 + abs(a) + abs(fd))
                if abs(fd - a) > 1e-5 * (1 + abs(a)) && err > worst { worst = err; worstAt = (i, j) }
            }
        }
        #expect(worst == 0, "worst mismatch \(worst) at d f[\(model.stateNames[worstAt.0])] / d \(model.stateNames[worstAt.1])")
        #expect(n > 40 && n < 100, "state size \(n)")
    }
}
