import BuiltInLibrary
import Foundation
import Integrators
import Pharmacology

/// `receptor-bench model`: the issue-3 performance scenario (oral morphine 30 mg every 6 h for
/// 28 days, then 7 days without; 840 h, 0.25 h output, all columns), built in code so the
/// benchmark needs no scenario reader. Prints ns per RHS and per Jacobian (dense, and the
/// declared entries the solver asks for), then the median wall
/// time of compile and of simulate over `repeats` runs, with the solver statistics.
struct ModelBenchmark: Equatable {
    /// Compile/simulate runs whose median is reported; at least 1.
    var repeats = 21
    /// RHS calls for the per-call timing (0 skips it, e.g. under callgrind); otherwise at
    /// least 4, since the Jacobian is timed over `calls / 4` calls.
    var calls = 200_000

    static let usage = """
        usage: receptor-bench model [repeats [rhs-calls]]
          repeats    compile/simulate runs, median reported (integer >= 1, default 21)
          rhs-calls  RHS calls per timing, Jacobian calls = rhs-calls / 4
                     (0 to skip, else integer >= 4, default 200000)
        """

    /// Parses the arguments after `model`; a non-integer or out-of-range value is a usage error
    /// rather than a silent default, an empty median (trap) or a NaN Jacobian time.
    static func parse(_ arguments: [String]) throws(BenchmarkUsageError) -> ModelBenchmark {
        var benchmark = ModelBenchmark()
        if arguments.count > 2 { throw .unknownOption(arguments[2]) }
        if arguments.count > 0 {
            guard let repeats = Int(arguments[0]), repeats >= 1 else {
                throw .invalidValue(option: "repeats", value: arguments[0], expected: "an integer >= 1")
            }
            benchmark.repeats = repeats
        }
        if arguments.count > 1 {
            guard let calls = Int(arguments[1]), calls == 0 || calls >= 4 else {
                throw .invalidValue(option: "rhs-calls", value: arguments[1], expected: "0 or an integer >= 4")
            }
            benchmark.calls = calls
        }
        return benchmark
    }

    static func morphineAbruptStop() -> Scenario {
        Scenario(
            name: "Abrupt stop after four weeks of oral morphine", durationHours: 840,
            doses: [DoseRegimen(drug: "morphine", route: .oral, schedule: .repeated(
                startHours: 0, everyHours: 6, count: 112, amountMilligrams: 30))],
            output: OutputSpecification(intervalHours: 0.25))
    }

    /// Discards rows but folds them into a checksum so the work is not optimized away.
    struct ChecksumSink: ObservableSink {
        var checksum = 0.0
        var rows = 0
        mutating func receive(timeHours: Double, values: UnsafeBufferPointer<Double>) {
            for v in values { checksum += v }
            rows += 1
        }
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        return s[s.count / 2]
    }

    func run() throws {
        let scenario = Self.morphineAbruptStop()
        let model = try ReceptorModel.compile(scenario)
        let n = model.dimension
        let system = model.system
        var y = model.initialState
        // The drug-free initial state as compiled (no dose in the depot). The RHS and Jacobian
        // branch only on the model's structure, not on state values; whether exp() costs
        // differ at a loaded state was not measured.
        var d = [Double](repeating: 0, count: n)
        var j = [Double](repeating: 0, count: n * n)
        var entries = [Double](repeating: 0, count: n * n)
        var rhsTimes: [Double] = [], jacTimes: [Double] = [], entryTimes: [Double] = []
        var sink = 0.0
        for _ in 0..<(calls > 0 ? 5 : 0) {
            let t0 = Self.now()
            y.withUnsafeBufferPointer { yb in d.withUnsafeMutableBufferPointer { db in
                for k in 0..<calls { system.evaluate(time: Double(k), state: yb, derivative: db); sink += db[0] }
            } }
            let t1 = Self.now()
            y.withUnsafeBufferPointer { yb in j.withUnsafeMutableBufferPointer { jb in
                for k in 0..<(calls / 4) { system.jacobian(time: Double(k), state: yb, into: jb); sink += jb[0] }
            } }
            let t2 = Self.now()
            y.withUnsafeBufferPointer { yb in entries.withUnsafeMutableBufferPointer { eb in
                for k in 0..<(calls / 4) { system.jacobianEntries(time: Double(k), state: yb, into: eb); sink += eb[0] }
            } }
            let t3 = Self.now()
            rhsTimes.append(Double(t1 - t0) / Double(calls))
            jacTimes.append(Double(t2 - t1) / Double(calls / 4))
            entryTimes.append(Double(t3 - t2) / Double(calls / 4))
            y[0] += 1e-300
        }
        print("n = \(n), declared Jacobian nonzeros \(system.jacobianSparsity?.count ?? n * n)")
        if calls > 0 {
            print(String(format: "rhs_ns %.1f  jacobian_ns %.1f (dense, zeroing n^2)  jacobian_entries_ns %.1f (as the solver calls it)  (sink %g)",
                         Self.median(rhsTimes), Self.median(jacTimes), Self.median(entryTimes), sink))
        }

        var compileTimes: [Double] = [], simulateTimes: [Double] = []
        var statistics = SolverStatistics()
        var checksum = 0.0
        for _ in 0..<repeats {
            let t0 = Self.now()
            let compiled = try ReceptorModel.compile(scenario)
            let t1 = Self.now()
            var rows = ChecksumSink()
            statistics = try ReceptorModel.simulate(compiled, into: &rows)
            let t2 = Self.now()
            compileTimes.append(Double(t1 - t0) / 1e6)
            simulateTimes.append(Double(t2 - t1) / 1e6)
            checksum = rows.checksum
        }
        print(String(format: "compile_ms %.3f  simulate_ms %.3f  (median of %d)", Self.median(compileTimes), Self.median(simulateTimes), repeats))
        print("statistics: \(statistics)")
        print(String(format: "checksum %.12e", checksum))
    }
}
