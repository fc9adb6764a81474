import Integrators

/// Options of `receptor-bench stiff`; the same names as `Benchmarks/peers/run_peers.sh`.
struct StiffBenchmarkOptions: Equatable {
    /// Only this problem (`rober`, `hires`, `vdpol`, `pollu`); nil for all.
    var problem: String?
    /// Only this relative tolerance; nil for the four of the sweep.
    var relativeTolerance: Double?
    /// Only this method; nil for every method suitable for the problem.
    var method: IntegrationMethod?
    /// Complete solves are repeated until this much wall time is spent (and at least
    /// `minimumRepeats` times), as the CVODE driver does.
    var minimumSeconds = 0.3
    var printsHeader = true
    /// Repeats, LU factorisations and time per step on stderr.
    var verbose = false

    static let problemNames = ["rober", "hires", "vdpol", "pollu"]
    /// Methods with step-size control; RK4 is fixed-step, so a tolerance sweep means nothing.
    static let adaptiveMethods: [IntegrationMethod] = [.rodas5P, .rosenbrock23, .bdf, .tsit5]
    static let sweepRelativeTolerances = [1e-4, 1e-6, 1e-8, 1e-10]

    static let usage = """
        stiff options:
          --problem NAME     rober | hires | vdpol | pollu (default: all)
          --rtol X           one relative tolerance (default: 1e-4 1e-6 1e-8 1e-10); atol = 1e-3 * rtol
          --method NAME      rodas5p | rosenbrock23 | bdf | tsit5 (default: each suitable one)
          --min-seconds S    repeat complete solves until S seconds are spent (default 0.3, >= 5 repeats)
          --no-header        omit the CSV header
          --verbose          repeats, LU factorisations and ns per step on stderr
        columns: problem,method,rtol,atol,median_seconds,steps,rejected,rhs_evals,jac_evals,max_rel_error
        """

    init() {}

    init(arguments: [String]) throws(BenchmarkUsageError) {
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
                guard Self.problemNames.contains(name) else {
                    throw .invalidValue(
                        option: option, value: name,
                        expected: Self.problemNames.joined(separator: ", "))
                }
                problem = name
            case "--rtol":
                let text = try value(for: option)
                guard let rtol = Double(text), rtol > 0, rtol < 1 else {
                    throw .invalidValue(option: option, value: text, expected: "a number in (0, 1)")
                }
                relativeTolerance = rtol
            case "--method":
                let name = try value(for: option)
                guard let chosen = IntegrationMethod(rawValue: name),
                    Self.adaptiveMethods.contains(chosen)
                else {
                    throw .invalidValue(
                        option: option, value: name,
                        expected: Self.adaptiveMethods.map(\.rawValue).joined(separator: ", ")
                            + " (rk4 is fixed-step: no tolerance to sweep)")
                }
                method = chosen
            case "--min-seconds":
                let text = try value(for: option)
                guard let seconds = Double(text), seconds >= 0, seconds.isFinite else {
                    throw .invalidValue(option: option, value: text, expected: "a number >= 0")
                }
                minimumSeconds = seconds
            case "--no-header":
                printsHeader = false
            case "--verbose":
                verbose = true
            default:
                throw .unknownOption(option)
            }
            index += 1
        }
    }
}
