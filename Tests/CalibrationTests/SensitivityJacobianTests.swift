import Foundation
import Pharmacology
import Testing
@testable import Calibration

/// The Jacobian of `fit`'s residuals from forward sensitivities (`CalibrationProblem.studyJacobian`).
@Suite struct SensitivityJacobianTests {
    static let parameters = [FitParameter(name: "morphine.clearance_l_per_h"), FitParameter(name: "morphine.central_volume_l")]

    /// One-compartment IV bolus, C = D/V e^{−kt}, k = CL/V: ∂C/∂ln CL = −C k t and
    /// ∂C/∂ln V = C (k t − 1) exactly, so each row of the Jacobian is known in closed form.
    @Test func matchesTheAnalyticDerivativesOfAOneCompartmentCurve() throws {
        let (study, truth) = try syntheticStudy()
        let problem = try CalibrationProblem(parameters: Self.parameters, studies: [study])
        let residuals = try problem.residuals(at: truth.map { log($0) }).get()
        let jacobian = problem.studyJacobian(values: truth, residuals: residuals)
        let model = try problem.statistics(values: truth).get()
        let k = truth[0] / truth[1]
        for (i, t) in sampleTimes.enumerated() {
            let sigma = problem.studies[0].sigmas[i]
            let expected = [-model[i] * k * t / sigma, model[i] * (k * t - 1) / sigma]
            for j in 0..<2 {
                // The scenario's rtol 1e-7 and the O(h²) = 1e-6 of the compile difference: 1e-4 of the row's size.
                let size = max(abs(expected[0]), abs(expected[1]))
                #expect(abs(jacobian[i * 2 + j] - expected[j]) <= 1e-4 * size,
                        "t = \(t) h, parameter \(j): \(jacobian[i * 2 + j]) against \(expected[j])")
            }
        }
    }

    /// A study mixing statistics: the `at`, `mean` and `auc` rows come from the sensitivities
    /// and match central differences of whole simulations (step 1e-3 in ln); the `max` row is
    /// a central difference (step 0.01) and equals the optimizer's own.
    @Test func matchesCentralDifferencesAndKeepsThemForWindowStatistics() throws {
        let mixed = try study(rows: [
            "morphine_plasma_nM,at,0.5,,100,10,,80,120",
            "morphine_plasma_nM,at,6,,10,1,,8,12",
            "morphine_plasma_nM,mean,1,4,40,4,,30,50",
            "morphine_plasma_nM,auc,0,8,300,30,,250,350",
            "morphine_plasma_nM,max,0,8,120,12,,100,140",
            "mu_pet_occupancy,at,2,,0.1,0.02,,0.05,0.15",
        ])
        let problem = try CalibrationProblem(parameters: Self.parameters, studies: [mixed])
        let windowsOnly = try CalibrationProblem(
            parameters: Self.parameters, studies: [try study(rows: ["morphine_plasma_nM,max,0,8,120,12,,100,140"])])
        #expect(windowsOnly.jacobianDescription == [
            "Jacobian: central differences (step 0.01 in ln) for the window statistics of synthetic (max)"])
        #expect(problem.jacobianDescription.joined(separator: "\n") == """
            Jacobian: forward sensitivities (BDF, sensitivity error control off) for the 5 of 6 observations that are values at a time, means or AUCs
            Jacobian: central differences (step 0.01 in ln) for the window statistics of synthetic (max)
            """)
        let x = problem.initial.map { log($0) }
        let residuals = try problem.residuals(at: x).get()
        let sensitivity = problem.studyJacobian(values: problem.initial, residuals: residuals)
        let fine = CentralDifferenceJacobian(step: 1e-3).jacobian(of: problem, at: x, residuals: residuals, ledger: EvaluationLedger())
        let coarse = CentralDifferenceJacobian(step: 0.01).jacobian(of: problem, at: x, residuals: residuals, ledger: EvaluationLedger())
        for row in 0..<6 {
            for j in 0..<2 {
                let a = sensitivity[row * 2 + j]
                if row == 4 {
                    #expect(abs(a - coarse[row * 2 + j]) <= 1e-6 * max(abs(coarse[row * 2 + j]), 1e-9), "max row, parameter \(j)")
                } else {
                    let size = max(abs(fine[row * 2]), abs(fine[row * 2 + 1]), 1e-9)
                    // Solver noise at rtol 1e-7 over the step 1e-3 is about 1e-4 of the row.
                    #expect(abs(a - fine[row * 2 + j]) <= 2e-3 * size, "row \(row), parameter \(j): \(a) against \(fine[row * 2 + j])")
                }
            }
        }
    }
}
