import Foundation
import Integrators
import StiffTestProblems

/// `receptor-bench stiff`: the IVP Test Set problems solved by each suitable method at each
/// tolerance, one CSV row per (problem, method, rtol), in the columns the peer drivers print
/// (`Benchmarks/peers/run_peers.sh`), so the two outputs can be joined row by row.
struct StiffBenchmark {
    var options: StiffBenchmarkOptions

    static let header =
        "problem,method,rtol,atol,median_seconds,steps,rejected,rhs_evals,jac_evals,max_rel_error"

    func run() throws {
        if options.printsHeader { printUnbuffered(Self.header) }
        for name in StiffBenchmarkOptions.problemNames where options.problem == nil || options.problem == name {
            switch name {
            case Robertson.name: runProblem(Robertson())
            case Hires.name: runProblem(Hires())
            case VanDerPol.name: runProblem(VanDerPol())
            case Pollution.name: runProblem(Pollution())
            default: preconditionFailure("problem list and dispatch disagree on '\(name)'")
            }
        }
    }

    /// Explicit methods are stable only for steps below ~3/|λ_max|; on these problems that
    /// is a step count no benchmark can wait for. nil where an explicit method is usable.
    static func explicitMethodObstacle(problem name: String) -> String? {
        switch name {
        case Robertson.name:
            return "|lambda| ~ 1e4 over t in [0, 1e11] needs ~1e14 explicit steps"
        case VanDerPol.name:
            return "|lambda| up to ~3e6 (eps = 1e-6) needs millions of explicit steps per solve"
        case Pollution.name:
            return "k19 = 4.44e11 (y16 relaxes in ~2e-12) needs ~1e13 explicit steps"
        default:
            return nil
        }
    }

    /// Runs every selected method and tolerance on one problem; generic so the solver is
    /// specialized for the concrete system.
    private func runProblem<Problem: StiffTestProblem>(_ testProblem: Problem) {
        let methods = options.method.map { [$0] } ?? StiffBenchmarkOptions.adaptiveMethods
        let tolerances = options.relativeTolerance.map { [$0] } ?? StiffBenchmarkOptions.sweepRelativeTolerances
        for method in methods {
            if method == .tsit5, let obstacle = Self.explicitMethodObstacle(problem: Problem.name) {
                printToStandardError("receptor-bench: skipping \(Problem.name) \(method.rawValue): \(obstacle)")
                continue
            }
            for rtol in tolerances {
                let measurement = StiffMeasurement.measure(
                    testProblem, method: method, relativeTolerance: rtol,
                    absoluteTolerance: 1e-3 * rtol, minimumSeconds: options.minimumSeconds)
                printUnbuffered(measurement.csvRow)
                if let note = measurement.note { printToStandardError("receptor-bench: \(note)") }
                if options.verbose { printToStandardError("receptor-bench: \(measurement.verboseLine)") }
            }
        }
    }
}
