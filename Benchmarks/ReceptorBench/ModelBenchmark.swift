import Foundation
import Integrators
import Pharmacology

/// `receptor-bench model`: the issue-3 performance scenario (oral morphine 30 mg every 6 h for
/// 28 days, then 7 days without; 840 h, 0.25 h output, all columns), built in code so the
/// benchmark needs no scenario reader. Prints ns per RHS and per Jacobian, then the median wall
/// time of compile and of simulate over `repeats` runs, with the solver statistics.
struct ModelBenchmark {
    var repeats = 21
    /// RHS calls for the per-call timing (0 skips it, e.g. under callgrind).
    var calls = 200_000

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
        // A loaded state: one dose in the depot (the RHS/Jacobian cost does not depend on it).
        var d = [Double](repeating: 0, count: n)
        var j = [Double](repeating: 0, count: n * n)
        var rhsTimes: [Double] = [], jacTimes: [Double] = []
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
            rhsTimes.append(Double(t1 - t0) / Double(calls))
            jacTimes.append(Double(t2 - t1) / Double(calls / 4))
            y[0] += 1e-300
        }
        print("n = \(n)")
        if calls > 0 {
            print(String(format: "rhs_ns %.1f  jacobian_ns %.1f  (sink %g)", Self.median(rhsTimes), Self.median(jacTimes), sink))
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
