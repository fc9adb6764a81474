import BuiltInLibrary
import Dispatch
import Integrators
import Pharmacology
import Studies
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `receptor-bench population`: members per second of a virtual population of the 28-day
/// oral-morphine-every-6-h-then-stop scenario (mirrors Scenarios/morphine-abrupt-stop.json),
/// on 1 and 2 threads (or `--threads a,b,...`), with the default variability and the summary
/// metrics of `withdrawal_index`, `dopamine_tone` and `hedonic_tone`.
///
/// Options: `--size N` (members per measurement, default 200), `--threads 1,2`,
/// `--interval H` (output interval, default 0.25 as the scenario), `--seed S`, `--rtol R` (solver
/// relative tolerance, absolute = R/1000; default the scenario's 1e-6 and 1e-9), `--method M`
/// (integration method, default the scenario's rodas5p).
/// Prints CSV on stdout: threads,members,seconds,members_per_s,scaling,failed.
enum PopulationBenchmark {
    static let usage = """
        population options: [--size N] [--threads 1,2] [--interval H] [--seed S] [--rtol R] [--method M]
          28-day oral morphine 30 mg every 6 h, then 7 days without (morphine-abrupt-stop);
          default variability; reports members per second per thread count and the scaling.
        """

    static func scenario() -> Scenario {
        Scenario(
            name: "Abrupt stop after four weeks of oral morphine", durationHours: 840,
            subject: Subject(phenotype: .control, weightKilograms: 70),
            doses: [DoseRegimen(drug: "morphine", route: .oral,
                                schedule: .repeated(startHours: 0, everyHours: 6, count: 112, amountMilligrams: 30))],
            output: OutputSpecification(intervalHours: 0.25))
    }

    static func run(arguments: [String]) throws {
        var size = 200
        var threadCounts = [1, 2]
        var interval = 0.25
        var seed: UInt64 = 1
        var rtol: Double?
        var method: IntegrationMethod?
        var k = 0
        func value() throws -> String {
            guard k + 1 < arguments.count else { throw PopulationBenchmarkError.usage("option '\(arguments[k])' needs a value\n" + usage) }
            k += 1
            return arguments[k]
        }
        while k < arguments.count {
            switch arguments[k] {
            case "--size": guard let n = Int(try value()), n > 0 else { throw PopulationBenchmarkError.usage("--size needs N > 0") }; size = n
            case "--threads":
                let list = try value().split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
                guard !list.isEmpty else { throw PopulationBenchmarkError.usage("--threads needs a list like 1,2") }
                threadCounts = list
            case "--interval": guard let h = Double(try value()), h > 0 else { throw PopulationBenchmarkError.usage("--interval needs H > 0") }; interval = h
            case "--rtol": guard let r = Double(try value()), r > 0, r < 1 else { throw PopulationBenchmarkError.usage("--rtol needs 0 < R < 1") }; rtol = r
            case "--method":
                let name = try value()
                guard let chosen = IntegrationMethod(rawValue: name) else {
                    throw PopulationBenchmarkError.usage("--method needs one of \(IntegrationMethod.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                method = chosen
            case "--seed": guard let s = UInt64(try value()) else { throw PopulationBenchmarkError.usage("--seed needs a whole number") }; seed = s
            default: throw PopulationBenchmarkError.usage("unknown option '\(arguments[k])'\n" + usage)
            }
            k += 1
        }
        let compileStart = DispatchTime.now()
        var scenario = scenario()
        if let rtol {
            scenario.solver.relativeTolerance = rtol
            scenario.solver.absoluteTolerance = rtol * 1e-3
        }
        if let method { scenario.solver.method = method }
        let base = try ReceptorModel.compile(scenario)
        let compileSeconds = seconds(since: compileStart)
        let design = try PopulationDesign(size: size, seed: seed, variabilities: Variability.defaults(for: base), base: base)
        let plan = try StudyPlan.population(design: design, metricColumns: ["withdrawal_index", "dopamine_tone", "hedonic_tone"],
                                           thresholds: [Threshold(column: "withdrawal_index", above: true, value: 0.2)],
                                           bandColumns: [], intervalHours: interval)
        var probe = ObservableRecorder(columns: ["withdrawal_index"])
        let probeStart = DispatchTime.now()
        let statistics = try ReceptorModel.simulate(base, columns: ["withdrawal_index"], intervalHours: interval, into: &probe)
        printError("population: one run of the median subject: \(format3(seconds(since: probeStart) * 1000)) ms; dimension \(base.dimension), \(base.scenario.solver.method.rawValue) rtol \(base.scenario.solver.relativeTolerance), \(statistics); peak withdrawal_index \(probe.series("withdrawal_index").max() ?? .nan)")
        printError("population: Jacobian structure: \(jacobianNonzeros(base)) nonzeros of \(base.dimension * base.dimension) (at a state with every component positive)")
        printError("population: \(size) members, varied: \(design.variabilities.map { "\($0.name)=\($0.coefficientOfVariation * 100)%" }.joined(separator: " ")); compile \(String(format3(compileSeconds))) s")
        print("threads,members,seconds,members_per_s,scaling,cpu_ms_per_member,failed")
        var baseline: Double?
        var reference: String?
        for threads in threadCounts {
            let start = DispatchTime.now()
            let cpuStart = cpuSeconds()
            let result = try Study.run(plan, fingerprint: "bench", threads: threads)
            let elapsed = seconds(since: start)
            let cpuPerMember = (cpuSeconds() - cpuStart) / Double(size) * 1000
            let rate = Double(size) / elapsed
            if baseline == nil { baseline = rate }
            if reference == nil { reference = result.summary } else if reference != result.summary {
                printError("population: ERROR output differs between thread counts")
                exit(1)
            }
            print("\(threads),\(size),\(format3(elapsed)),\(format3(rate)),\(format3(rate / (baseline ?? rate))),\(format3(cpuPerMember)),\(result.failedCount)")
            printError("population: \(threads) thread(s): \(format3(rate)) members/s; 10,000 members would take \(format3(10_000 / rate)) s")
        }
    }

    /// Structural nonzeros of ∂f/∂y, at the initial state with every component raised by 0.1 so
    /// that couplings proportional to a drug amount are not hidden by a zero.
    static func jacobianNonzeros(_ model: CompiledModel) -> Int {
        let n = model.dimension
        let state = model.initialState.map { $0 + 0.1 }
        var matrix = [Double](repeating: 0, count: n * n)
        state.withUnsafeBufferPointer { y in
            matrix.withUnsafeMutableBufferPointer { m in model.system.jacobian(time: 1, state: y, into: m) }
        }
        return matrix.filter { $0 != 0 }.count
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// User + system CPU time of the process (all threads), to see the cost apart from the load.
    #if canImport(Glibc)
    static let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    static let RUSAGE_SELF_WHO = RUSAGE_SELF
    #endif

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF_WHO, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func format3(_ x: Double) -> String {
        let scaled = (x * 1000).rounded() / 1000
        return "\(scaled)"
    }

    static func printError(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}

enum PopulationBenchmarkError: Error, CustomStringConvertible {
    case usage(String)
    var description: String {
        switch self { case .usage(let text): return text }
    }
}

extension PopulationBenchmark {
    /// Runs the subcommand and exits: 0 on success, 2 on a usage error, 1 otherwise.
    static func main(_ arguments: [String]) -> Never {
        do {
            try run(arguments: arguments)
            exit(0)
        } catch let error as PopulationBenchmarkError {
            printError("receptor-bench population: error: \(error)")
            exit(2)
        } catch {
            printError("receptor-bench population: error: \(error)")
            exit(1)
        }
    }
}
