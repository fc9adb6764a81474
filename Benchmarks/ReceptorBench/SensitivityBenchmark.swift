import Foundation
import Integrators
import StiffTestProblems

/// `receptor-bench sensitivity`: the cost of forward sensitivities in the BDF
/// (`ODESolver.solveWithSensitivities`) against one plain BDF solve of the same parametric
/// system, on ROBER (3 rate constants, t to 1e11) and POLLU (25 rate constants, t to 60).
/// Plain and sensitivity solves alternate, so drift on a shared machine hits both alike, and each
/// is timed in the thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`): on this shared 2-core machine
/// the process got a quarter of a core at times, and wall time then charged the longer solve with
/// other processes' time slices (the same run read 1.4 or 10 ms). The
/// medians of `repeats` runs of each are reported, with their ratio and the extra cost per
/// parameter, (ratio − 1)/m, in units of one plain solve. One CSV row per (problem, m).
struct SensitivityBenchmark: Equatable {
    var problem: String?
    var relativeTolerance = 1e-6
    /// Numbers of parameters m (the first m of the system); nil for each problem's default.
    var parameterCounts: [Int]?
    var repeats = 21
    var errorControl = true
    /// `.bdf` (staggered direct method) or a one-step method (augmented system).
    var method = IntegrationMethod.bdf

    static let problemNames = ["rober", "pollu", "receptor"]

    static let usage = """
        usage: receptor-bench sensitivity [--problem rober|pollu|receptor] [--rtol X] [--parameters M[,M...]]
                                          [--repeats R] [--no-error-control] [--method NAME]
          --problem NAME       rober (3 parameters), pollu (25) or receptor (the 35-day oral
                               morphine run of 'model', 10 catalogue parameters); default all
          --rtol X             relative tolerance (default 1e-6); atol = 1e-3 * rtol
                               (receptor: the scenario's own tolerances, atol scaled per state)
          --parameters LIST    numbers of parameters, the first M of the system
                               (default: rober 1,3; pollu 1,10,25; receptor 1,10)
          --repeats R          alternated plain/sensitivity solves, median reported (default 21)
          --no-error-control   sensitivities out of the error test (CVODES errconS = false)
          --method NAME        bdf (default; staggered direct method) or rodas5p, rosenbrock23
                               (augmented system); the plain solve uses the same method
        columns: \(header)
        """

    static let header = "problem,method,rtol,atol,parameters,error_control,plain_cpu_median_ms,sensitivity_cpu_median_ms,"
        + "ratio,extra_per_parameter,plain_steps,sensitivity_steps,plain_lu,sensitivity_lu,corrector_iterations"

    static func parse(_ arguments: [String]) throws(BenchmarkUsageError) -> SensitivityBenchmark {
        var benchmark = SensitivityBenchmark()
        var index = 0
        func value(for option: String) throws(BenchmarkUsageError) -> String {
            index += 1
            guard index < arguments.count else { throw .missingValue(option: option) }
            return arguments[index]
        }
        while index < arguments.count {
            let option = arguments[index]
            switch option {
            case "--problem":
                let name = try value(for: option)
                guard problemNames.contains(name) else {
                    throw .invalidValue(option: option, value: name, expected: "rober, pollu or receptor")
                }
                benchmark.problem = name
            case "--rtol":
                let text = try value(for: option)
                guard let rtol = Double(text), rtol > 0, rtol < 1 else {
                    throw .invalidValue(option: option, value: text, expected: "a number in (0, 1)")
                }
                benchmark.relativeTolerance = rtol
            case "--parameters":
                let text = try value(for: option)
                let counts = text.split(separator: ",").compactMap { Int($0) }
                guard !counts.isEmpty, counts.count == text.split(separator: ",").count, counts.allSatisfy({ $0 >= 1 }) else {
                    throw .invalidValue(option: option, value: text, expected: "integers >= 1, comma-separated")
                }
                benchmark.parameterCounts = counts
            case "--repeats":
                let text = try value(for: option)
                guard let repeats = Int(text), repeats >= 1 else {
                    throw .invalidValue(option: option, value: text, expected: "an integer >= 1")
                }
                benchmark.repeats = repeats
            case "--no-error-control":
                benchmark.errorControl = false
            case "--method":
                let name = try value(for: option)
                guard let chosen = IntegrationMethod(rawValue: name), [.bdf, .rodas5P, .rosenbrock23].contains(chosen) else {
                    throw .invalidValue(option: option, value: name, expected: "bdf, rodas5p or rosenbrock23")
                }
                benchmark.method = chosen
            default:
                throw .unknownOption(option)
            }
            index += 1
        }
        return benchmark
    }

    func run() throws {
        printUnbuffered(Self.header)
        if problem == nil || problem == "rober" {
            let system = ParametricRobertson()
            for m in parameterCounts ?? [1, 3] where m <= system.parameterCount {
                try measure(
                    "rober", system, initialState: [1, 0, 0], end: Robertson().endTime, scales: system.parameterValues,
                    parameters: m)
            }
        }
        if problem == nil || problem == "pollu" {
            let system = ParametricPollution()
            for m in parameterCounts ?? [1, 10, 25] where m <= system.parameterCount {
                try measure(
                    "pollu", system, initialState: system.initialState, end: Pollution().endTime,
                    scales: system.rateConstants, parameters: m)
            }
        }
        if problem == nil || problem == "receptor" {
            for m in parameterCounts ?? [1, 10] where m <= Self.receptorParameters.count {
                try measureReceptor(parameters: m)
            }
        }
    }

    /// Alternated plain and sensitivity solves of one problem with the first m parameters.
    private func measure<System: ParametricODESystem>(
        _ name: String, _ system: System, initialState: [Double], end: Double, scales: [Double], parameters m: Int
    ) throws {
        let rtol = relativeTolerance, atol = 1e-3 * relativeTolerance
        let options = SolverOptions(relativeTolerance: .scalar(rtol), absoluteTolerance: .scalar(atol))
        let sensitivityOptions = SensitivityOptions(
            parameters: Array(0..<m), errorControl: errorControl, parameterScales: Array(scales[0..<m]))
        var plainSeconds: [Double] = [], sensitivitySeconds: [Double] = []
        var plainFirst: ODESolution<System>?, sensitivityFirst: SensitivitySolution<System>?
        for repeatIndex in 0..<repeats {
            for part in repeatIndex % 2 == 0 ? [0, 1] : [1, 0] {
                let problem = ODEProblem(
                    system: opaque(system), initialState: opaque(initialState), startTime: 0, endTime: end)
                if part == 0 {
                    var sink = FinalStateSink(dimension: system.dimension)
                    let start = threadSeconds()
                    let solution = try ODESolver.solve(
                        problem, method: method, options: options, output: .times([]), into: &sink)
                    plainSeconds.append(threadSeconds() - start)
                    if let first = plainFirst, first.finalState != solution.finalState {
                        printToStandardError("receptor-bench: \(name): plain repeats disagree")
                    }
                    plainFirst = plainFirst ?? solution
                } else {
                    var sink = DiscardingSensitivitySink()
                    let start = threadSeconds()
                    let solution = try ODESolver.solveWithSensitivities(
                        problem, method: method, options: options, sensitivities: sensitivityOptions, output: .times([]), into: &sink)
                    sensitivitySeconds.append(threadSeconds() - start)
                    if let first = sensitivityFirst, first.finalSensitivities != solution.finalSensitivities {
                        printToStandardError("receptor-bench: \(name): sensitivity repeats disagree")
                    }
                    sensitivityFirst = sensitivityFirst ?? solution
                }
            }
        }
        guard let plain = plainFirst, let sensitivity = sensitivityFirst else { return }
        let plainMedian = median(plainSeconds), sensitivityMedian = median(sensitivitySeconds)
        let ratio = sensitivityMedian / plainMedian
        let columns: [String] = [
            name, method.rawValue, formatTolerance(rtol), formatTolerance(atol), "\(m)", errorControl ? "on" : "off",
            String(format: "%.4f", plainMedian * 1e3), String(format: "%.4f", sensitivityMedian * 1e3),
            String(format: "%.2f", ratio), String(format: "%.3f", (ratio - 1) / Double(m)),
            "\(plain.statistics.acceptedSteps)", "\(sensitivity.solution.statistics.acceptedSteps)",
            "\(plain.statistics.luFactorizations)", "\(sensitivity.solution.statistics.luFactorizations)",
            "\(sensitivity.sensitivityIterations)",
        ]
        printUnbuffered(columns.joined(separator: ","))
    }
}

/// Discards sensitivity output: the benchmark keeps only the final values.
struct DiscardingSensitivitySink: SensitivitySink {
    mutating func record(
        time: Double, state: UnsafeBufferPointer<Double>, sensitivities: UnsafeBufferPointer<Double>
    ) {}
}

/// CPU time of the calling thread, in seconds.
func threadSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + 1e-9 * Double(now.tv_nsec)
}
