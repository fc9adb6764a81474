import Foundation
import Testing
import Integrators
import TestSupport

/// The BDF across many restarts (every dose restarts it at order 1, `BDFPolicy`): state and
/// sensitivities against closed forms at the benchmark's dosing and tolerance (issue 14).
@Suite struct BDFRestartTests {
    /// The dosing of the receptor benchmark on the oral one-compartment model: 28 doses every
    /// 6 hours (28 restarts), BDF at rtol 1e-6 with both sensitivities, against the superposed
    /// Bateman function and its derivatives in ka and ke at every hour. Bounds: the state
    /// within 20 rtol of the peak amount (this BDF's global error on the IVP Test Set problems
    /// is 2.6-48 rtol, `BDFTests.stiffReferenceProblems`), the sensitivities within 1e-4 of
    /// their peak magnitude (the agreement asked of the gradient against AMICI, issue 14).
    @Test(arguments: [false, true])
    func manyDosesMatchTheClosedForms(errorControl: Bool) throws {
        let system = OralWithParameters()
        let doses = (0..<28).map { (time: 6.0 * Double($0), amount: 30.0) }
        let events = TimeEventSchedule<OralWithParameters>(times: doses.map(\.time)) { index, _, _, state in
            state[0] += doses[index].amount
        }
        var recorder = SensitivityRecorder(dimension: 2, parameterCount: 2)
        let result = try ODESolver.solveWithSensitivities(
            ODEProblem(system: system, initialState: [0, 0], startTime: 0, endTime: 192), method: .bdf,
            options: SolverOptions(relativeTolerance: .scalar(1e-6), absoluteTolerance: .scalar(1e-9)),
            sensitivities: SensitivityOptions(errorControl: errorControl, parameterScales: [1.5, 0.2]),
            events: events, output: .uniform(start: 0, interval: 1, end: 192), into: &recorder)
        #expect(result.solution.statistics.eventsHandled == 28)
        let exactStates = recorder.times.map { [system.centralAmount(at: $0, doses: doses)] }
        let peak = exactStates.map { $0[0] }.max()!
        var worstState = 0.0
        for r in recorder.times.indices {
            worstState = max(worstState, abs(recorder.state(at: r)[1] - exactStates[r][0]) / peak)
        }
        #expect(worstState < 20e-6, "worst central amount error \(worstState) of the peak")
        let exact = recorder.times.map { system.exactSensitivities(at: $0, doses: doses) }
        var worst = 0.0
        for k in 0..<2 {
            for i in 0..<2 {
                let scale = exact.map { abs($0[k * 2 + i]) }.max()!
                guard scale > 0 else { continue }
                for r in recorder.times.indices {
                    worst = max(worst, abs(recorder.sensitivity(at: r, component: i, parameter: k) - exact[r][k * 2 + i]) / scale)
                }
            }
        }
        #expect(worst < 1e-4, "worst sensitivity error \(worst) of its peak")
    }
}
