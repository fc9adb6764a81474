import Testing
@testable import Integrators
import TestSupport

/// y₀' = −a y₀, y₁' = ∛p − y₁ at a = 1, p = 0: the state stays finite (y₁ decays to ∛0 = 0),
/// but ∂f₁/∂p = 1/(3 ∛p²) is infinite, so the sensitivity ∂y₁/∂p is not finite from the
/// first step on while ∂y/∂a stays finite.
struct CubeRootSource: ParametricODESystem {
    var dimension: Int { 2 }
    var parameterCount: Int { 2 }
    var providesJacobian: Bool { true }
    var isAutonomous: Bool { true }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = -state[0]
        derivative[1] = -state[1]  // ∛p − y₁ at p = 0
    }
    func jacobian(time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        m[0] = -1; m[1] = 0
        m[2] = 0; m[3] = -1
    }
    /// Column-major n × p: ∂f/∂a = (−y₀, 0), ∂f/∂p = (0, 1/(3 ∛0²)) = (0, +∞).
    func parameterJacobian(time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        m[0] = -state[0]
        m[3] = 1 / (3 * 0.0)
    }
}

@Suite struct NonFiniteSensitivityTests {
    /// The error names the sensitivity (parameter 1), not state component 0, for the BDF's
    /// staggered corrector and for the one-step methods' augmented system. The BDF names the
    /// state whose ∂f/∂p entry is infinite (1); the augmented solve names the first entry of s₁
    /// its trial has not finite: Rodas5P's is entry 1, while Tsit5's later stages have spread
    /// the NaN of J·s (0 · ∞) to entry 0 as well.
    @Test(arguments: [(IntegrationMethod.bdf, 1), (.rodas5P, 1), (.tsit5, 0)])
    func namesTheStateAndTheParameter(method: IntegrationMethod, component expected: Int) {
        var sink = DiscardingSensitivitySink()
        do {
            _ = try ODESolver.solveWithSensitivities(
                ODEProblem(system: CubeRootSource(), initialState: [1, 1], startTime: 0, endTime: 1),
                method: method, output: .times([]), into: &sink)
            Issue.record("expected nonFiniteSensitivity")
        } catch SolverError.nonFiniteSensitivity(let component, let parameter, let time) {
            #expect(component == expected)
            #expect(parameter == 1)
            #expect(time > 0 && time < 1e-3)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Only the selected parameters are solved for: with p alone, it is still parameter 1.
    @Test func namesTheSystemsParameterIndex() {
        var sink = DiscardingSensitivitySink()
        #expect {
            try ODESolver.solveWithSensitivities(
                ODEProblem(system: CubeRootSource(), initialState: [1, 1], startTime: 0, endTime: 1),
                sensitivities: SensitivityOptions(parameters: [1]), output: .times([]), into: &sink)
        } throws: { error in
            guard case SolverError.nonFiniteSensitivity(1, 1, _) = error else { return false }
            return true
        }
    }

    @Test func describesTheSensitivity() {
        #expect(SolverError.nonFiniteSensitivity(component: 3, parameter: 2, time: 0.5).description
            == "the sensitivity of state component 3 to parameter 2 became non-finite at t = 0.5")
    }
}
