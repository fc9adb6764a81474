import Foundation
import Calibration
import Validation

extension FitCommand {
    /// `fit --evaluate-only`: the objective at the start values, without a search, so another
    /// tool (AMICI on the PEtab export) can be checked against it.
    ///
    /// Prints each observation's model value, sigma and residual r = (model − value) / sigma
    /// (tab-separated), the weighted sum of squares S = Σ r², the same restricted to the `at`
    /// observations (the ones `export --format petab` writes), and PEtab's negative
    /// log-likelihood of those under its normal noise model, S_at / 2 + Σ ln(√(2π) σ), and the
    /// gradients of S/2 and of that negative log-likelihood with respect to ln(value) (the
    /// Jacobian by the problem's `JacobianMethod`), for comparison with AMICI's.
    /// - Returns: 0, or 1 when a study's simulation fails.
    static func evaluate(_ problem: CalibrationProblem, console: Console) -> Int32 {
        let values = problem.initial
        let model: [Double]
        switch problem.statistics(values: values) {
        case .failure(let failure):
            console.err("receptor-sim fit: the model failed at the start values: \(failure)")
            return 1
        case .success(let result):
            model = result
        }
        var lines = ["objective at the start values (--evaluate-only: no search)"]
        for (name, value) in zip(problem.names, values) { lines.append("  \(name) = \(value)") }
        lines.append("study\tline\tobservable\tstatistic\ttime_h\tmodel\tvalue\tsigma\tresidual")
        var k = 0
        var total = 0.0, totalAt = 0.0, constantAt = 0.0, countAt = 0
        var residuals: [Double] = []
        for study in problem.studies {
            for (observation, sigma) in zip(study.file.observations, study.sigmas) {
                let r = (model[k] - observation.value) / sigma
                residuals.append(r)
                k += 1
                total += r * r
                if observation.statistic == .at {
                    totalAt += r * r
                    constantAt += Foundation.log((2 * Double.pi).squareRoot() * sigma)
                    countAt += 1
                }
                lines.append([study.id, String(observation.line), observation.observable, observation.statistic.rawValue,
                              "\(observation.timeHours)", "\(model[k - 1])", "\(observation.value)", "\(sigma)", "\(r)"].joined(separator: "\t"))
            }
        }
        lines.append("weighted sum of squares S = \(total) over \(k) observations")
        lines.append("weighted sum of squares of the 'at' observations S_at = \(totalAt) over \(countAt)")
        lines.append("PEtab negative log-likelihood (normal noise) S_at/2 + C = \(totalAt / 2 + constantAt), C = sum ln(sqrt(2 pi) sigma) = \(constantAt)")
        let p = problem.parameterCount
        let jacobian = problem.jacobian(at: values.map { Foundation.log($0) }, residuals: residuals)
            ?? CentralDifferenceJacobian().jacobian(
                of: problem, at: values.map { Foundation.log($0) }, residuals: residuals, ledger: EvaluationLedger())
        var gradient = [Double](repeating: 0, count: p), gradientAt = gradient
        var row = 0
        for study in problem.studies {
            for observation in study.file.observations {
                for j in 0..<p {
                    gradient[j] += residuals[row] * jacobian[row * p + j]
                    if observation.statistic == .at { gradientAt[j] += residuals[row] * jacobian[row * p + j] }
                }
                row += 1
            }
        }
        lines += problem.jacobianDescription
        lines.append("gradient with respect to ln(value)\tof S/2\tof the PEtab negative log-likelihood")
        for (j, name) in problem.names.enumerated() { lines.append("  \(name)\t\(gradient[j])\t\(gradientAt[j])") }
        console.out(lines.joined(separator: "\n"))
        return 0
    }
}
