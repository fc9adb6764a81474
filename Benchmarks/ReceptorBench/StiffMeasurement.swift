import Foundation
import Integrators
import StiffTestProblems

/// One benchmark row: the median time of repeated complete solves and the work and error of
/// one of them (all repeats do identical work; the measurement checks that they agree).
struct StiffMeasurement {
    var problemName: String
    var method: IntegrationMethod
    var relativeTolerance: Double
    var absoluteTolerance: Double
    /// nil when the solve failed.
    var medianSeconds: Double?
    var statistics: SolverStatistics?
    var maximumRelativeError: Double?
    var repeats: Int
    /// Why the row has no result, or what looked wrong (shown on stderr).
    var note: String?

    /// Repeats complete solves (problem set-up, integration to the end time, tear-down) until
    /// `minimumSeconds` are spent and at least 5 repeats are done (at most 100,000, and a
    /// single one when a solve takes over 3 s), then reports the median wall time.
    static func measure<Problem: StiffTestProblem>(
        _ testProblem: Problem, method: IntegrationMethod, relativeTolerance rtol: Double,
        absoluteTolerance atol: Double, minimumSeconds: Double
    ) -> StiffMeasurement {
        var result = StiffMeasurement(
            problemName: Problem.name, method: method, relativeTolerance: rtol,
            absoluteTolerance: atol, repeats: 0)
        var seconds: [Double] = []
        var spent = 0.0
        var firstError: Double?
        repeat {
            // The problem goes through an optimisation barrier each time so the compiler
            // cannot fold or hoist any part of the solve out of the timed region.
            let problemValue = opaque(testProblem)
            let start = monotonicSeconds()
            let outcome = solveOnce(problemValue, method: method, rtol: rtol, atol: atol)
            let elapsed = monotonicSeconds() - start
            seconds.append(elapsed)
            spent += elapsed
            switch outcome {
            case .failure(let message):
                result.note = "\(Problem.name) \(method.rawValue) rtol \(formatTolerance(rtol)): \(message)"
                result.repeats = seconds.count
                return result
            case .success(let statistics, let finalState):
                let error = testProblem.maximumRelativeError(of: finalState, absoluteTolerance: atol)
                if let firstError, firstError != error {
                    result.note = "\(Problem.name) \(method.rawValue) rtol \(formatTolerance(rtol)): "
                        + "repeats disagree (error \(firstError) then \(error))"
                }
                if firstError == nil {
                    firstError = error
                    result.statistics = statistics
                    result.maximumRelativeError = error
                }
            }
            if elapsed > 3 { break }
        } while (spent < minimumSeconds || seconds.count < 5) && seconds.count < 100_000
        result.repeats = seconds.count
        result.medianSeconds = median(seconds)
        return result
    }

    private enum Outcome {
        case success(SolverStatistics, [Double])
        case failure(String)
    }

    /// One complete solve, output only at the end time; checks that the solve really reached
    /// the end time with a finite state before its result is used.
    private static func solveOnce<Problem: StiffTestProblem>(
        _ testProblem: Problem, method: IntegrationMethod, rtol: Double, atol: Double
    ) -> Outcome {
        let problem = testProblem.problem
        var sink = FinalStateSink(dimension: testProblem.dimension)
        let options = SolverOptions(
            relativeTolerance: .scalar(rtol), absoluteTolerance: .scalar(atol))
        do {
            let solution = try ODESolver.solve(
                problem, method: method, options: options, output: .times([problem.endTime]),
                into: &sink)
            guard sink.recordCount == 1, sink.time == problem.endTime,
                solution.finalTime == problem.endTime
            else {
                return .failure(
                    "expected one output at t = \(problem.endTime), got \(sink.recordCount) "
                        + "(last t = \(sink.time)), final time \(solution.finalTime)")
            }
            if let bad = sink.state.firstIndex(where: { !$0.isFinite }) {
                return .failure("component \(bad) is not finite at the end")
            }
            return .success(solution.statistics, sink.state)
        } catch {
            return .failure("\(error)")
        }
    }

    var csvRow: String {
        let head = "\(problemName),\(method.rawValue),\(formatTolerance(relativeTolerance)),"
            + "\(formatTolerance(absoluteTolerance))"
        guard let medianSeconds, let statistics, let maximumRelativeError else {
            return head + ",nan,NA,NA,NA,NA,nan"
        }
        return head + "," + String(format: "%.6e", medianSeconds)
            + ",\(statistics.acceptedSteps),\(statistics.rejectedSteps)"
            + ",\(statistics.rightHandSideEvaluations),\(statistics.jacobianEvaluations),"
            + String(format: "%.3e", maximumRelativeError)
    }

    var verboseLine: String {
        var line = "\(problemName) \(method.rawValue) rtol \(formatTolerance(relativeTolerance)): "
            + "\(repeats) repeats"
        if let statistics, let medianSeconds {
            let steps = max(statistics.acceptedSteps + statistics.rejectedSteps, 1)
            line += ", \(statistics.luFactorizations) LU factorisations, "
                + String(format: "%.0f ns per step", medianSeconds * 1e9 / Double(steps))
        }
        return line
    }
}

/// `1e-06`, as C's `%.0e` prints it, so rows join with the peers' rows.
func formatTolerance(_ value: Double) -> String { String(format: "%.0e", value) }

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle])
}

/// Wall time from a monotonic clock, in seconds.
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + 1e-9 * Double(now.tv_nsec)
}

/// Returns its argument through a function the optimiser does not look into, so benchmark
/// inputs are unknown at compile time.
@_optimize(none)
func opaque<Value>(_ value: Value) -> Value { value }

/// Writes a line to stdout at once, so rows appear while a long sweep runs, even into a pipe.
func printUnbuffered(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

func printToStandardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
