import Foundation
import Studies

/// A multi-start fit: `starts` Levenberg-Marquardt searches, the best kept, its Fisher
/// information computed at the optimum.
///
/// Start 0 is the problem's initial values; starts 1..<n are drawn log-uniformly within the
/// bounds from `RandomStream(seed: seed, member: k)`, so the same seed gives the same starts
/// (and, the Jacobian being independent of thread scheduling, the same result) on any machine.
/// Starts run one after the other; the 2p evaluations of each finite-difference Jacobian run
/// in parallel on the available cores.
package enum Calibration {
    /// Default number of starts: the initial point and three seeded draws.
    package static let defaultStarts = 4
    package static let defaultSeed: UInt64 = 1

    /// One start's search.
    package struct Start: Sendable {
        package var index: Int
        /// Parameter values (natural units) the search began at and ended at.
        package var from: [Double]
        package var to: [Double]
        package var cost: Double
        package var iterations: Int
        package var termination: LevenbergMarquardt.Termination
    }

    /// The result of a fit.
    package struct Result: Sendable {
        package var starts: [Start]
        /// Index in `starts` of the lowest cost; nil when every start failed.
        package var best: Int?
        /// Estimates in natural units (the best start's end point).
        package var estimates: [Double]
        /// Weighted residuals at the estimates (row order of the problem).
        package var residuals: [Double]
        package var fisher: FisherInformation?
        /// Residual evaluations (each runs every study once), failures among them, and the first
        /// failure messages.
        package var evaluations: Int
        package var failures: Int
        package var failureMessages: [String]
        /// ½ Σ r² at the estimates.
        package var cost: Double { starts[best ?? 0].cost }
    }

    /// The start points (natural units) of a fit with `count` starts.
    package static func startPoints(_ problem: some LeastSquaresObjective & CalibrationBounds, count: Int, seed: UInt64) -> [[Double]] {
        var points = [problem.initial]
        for k in 1..<max(1, count) {
            var stream = RandomStream(seed: seed, member: UInt64(k))
            points.append(zip(problem.lower, problem.upper).map { lower, upper in
                Foundation.exp(Foundation.log(lower) + stream.nextOpenUnit() * (Foundation.log(upper) - Foundation.log(lower)))
            })
        }
        return points
    }

    /// Fits `problem` from `starts` start points.
    /// - Parameter progress: called after each start (from the calling thread).
    package static func fit<Objective: LeastSquaresObjective & CalibrationBounds>(
        _ problem: Objective, starts count: Int = defaultStarts, seed: UInt64 = defaultSeed,
        method: LevenbergMarquardt = LevenbergMarquardt(), progress: ((Start) -> Void)? = nil
    ) -> Result {
        let ledger = EvaluationLedger()
        let lower = problem.lower.map { Foundation.log($0) }, upper = problem.upper.map { Foundation.log($0) }
        var starts: [Start] = []
        var best: Int?
        var bestOutcome: LevenbergMarquardt.Outcome?
        for (k, point) in startPoints(problem, count: count, seed: seed).enumerated() {
            let outcome = method.minimize(problem, start: point.map { Foundation.log($0) }, lower: lower, upper: upper, ledger: ledger)
            let start = Start(index: k, from: point, to: outcome.x.map { Foundation.exp($0) }, cost: outcome.cost,
                              iterations: outcome.iterations, termination: outcome.termination)
            starts.append(start)
            if outcome.cost.isFinite, outcome.cost < (bestOutcome?.cost ?? .infinity) {
                best = k
                bestOutcome = outcome
            }
            progress?(start)
        }
        var result = Result(starts: starts, best: best, estimates: problem.initial, residuals: [], fisher: nil,
                            evaluations: 0, failures: 0, failureMessages: [])
        if let outcome = bestOutcome {
            result.estimates = outcome.x.map { Foundation.exp($0) }
            result.residuals = outcome.residuals
            let jacobian = problem.jacobian(at: outcome.x, residuals: outcome.residuals)
                ?? method.differences.jacobian(of: problem, at: outcome.x, residuals: outcome.residuals, ledger: ledger)
            result.fisher = FisherInformation(jacobian: jacobian, residualCount: problem.residualCount, parameterCount: problem.parameterCount)
        }
        result.evaluations = ledger.evaluations
        result.failures = ledger.failures
        result.failureMessages = ledger.failureMessages
        return result
    }
}

/// What a multi-start fit needs besides the residuals: the start and the box, in natural units.
package protocol CalibrationBounds {
    var initial: [Double] { get }
    var lower: [Double] { get }
    var upper: [Double] { get }
}

extension CalibrationProblem: CalibrationBounds {}
