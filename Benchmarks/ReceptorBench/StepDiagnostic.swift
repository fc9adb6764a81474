import Foundation
import Integrators
import Pharmacology
import Studies

/// `receptor-bench steps`: which states set Rodas5P's step size on the morphine-abrupt-stop run
/// (the `model` scenario, or one population member), found from outside the hot loop.
///
/// - Steps per dose interval (accepted steps from `.everyStep` output) and where in the
///   interval they fall (first hour after a dose, hours 1-3, 3-6).
/// - Leave-one-out: each state's absolute tolerance raised to 1e30 (it no longer limits the
///   step) and the run's accepted and rejected steps; the states whose removal saves most
///   are the ones controlling the step.
/// - Accuracy: the worst error of every CSV column against an rtol 1e-10 run, per column
///   range (the measure of `defaultTolerancesMatchATightReference`).
enum StepDiagnostic {
    static let usage = """
        usage: receptor-bench steps [--member K] [--leave-one-out [--factor F]] [--atol-times STATE=F]...
          step counts, steps per dose interval, the error of every column against rtol 1e-10;
          --member K: population member K (seed 1, default variability) instead of the median
          --leave-one-out: steps with each state's atol raised to 1e30 (or times --factor F)
          --atol-times NAME=F: that state's absolute tolerance times F (repeatable)
        """

    static func run(arguments: [String]) throws {
        var member: Int?
        var leaveOneOut = false
        var looseFactor = 1e30
        var scaled: [(name: String, factor: Double)] = []
        var k = 0
        while k < arguments.count {
            switch arguments[k] {
            case "--member":
                k += 1
                guard k < arguments.count, let m = Int(arguments[k]), m >= 0 else { throw PopulationBenchmarkError.usage(usage) }
                member = m
            case "--leave-one-out": leaveOneOut = true
            case "--factor":
                k += 1
                guard k < arguments.count, let f = Double(arguments[k]), f > 0 else { throw PopulationBenchmarkError.usage(usage) }
                looseFactor = f
            case "--atol-times":
                k += 1
                let parts = k < arguments.count ? arguments[k].split(separator: "=") : []
                guard parts.count == 2, let f = Double(parts[1]), f > 0 else { throw PopulationBenchmarkError.usage(usage) }
                scaled.append((String(parts[0]), f))
            default: throw PopulationBenchmarkError.usage(usage)
            }
            k += 1
        }
        var model = try ReceptorModel.compile(PopulationBenchmark.scenario())
        if let member {
            let design = try PopulationDesign(size: member + 1, seed: 1, variabilities: Variability.defaults(for: model), base: model)
            model = try design.parameters.model(values: design.values(member: member), member: member)
        }
        var options = ReceptorModel.solverOptions(for: model)
        if !scaled.isEmpty, case .perComponent(var atol) = options.absoluteTolerance {
            for (name, factor) in scaled {
                guard let i = model.stateNames.firstIndex(of: name) else { throw PopulationBenchmarkError.usage("no state \(name)") }
                atol[i] *= factor
            }
            options.absoluteTolerance = .perComponent(atol)
        }
        let statistics = try steps(model, options: options)
        print("default: \(statistics)")

        // Steps per dose interval: the same run ended at each dose time (steps land on dose
        // times, so each is a prefix of the full run's trajectory).
        // The regimen is the scenario's own (one repeated dose, as the population benchmark's).
        guard model.scenario.doses.count == 1, case .repeated(let first, let every, let count, let amount) = model.scenario.doses[0].schedule else {
            throw PopulationBenchmarkError.usage("steps: the scenario must have one repeated dose regimen")
        }
        let regimen = model.scenario.doses[0]
        var before = (accepted: 0, rejected: 0)
        var perInterval: [(accepted: Int, rejected: Int)] = []
        for end in stride(from: first + every, through: model.scenario.durationHours, by: every) {
            var truncated = model.scenario
            truncated.durationHours = end
            truncated.doses = [DoseRegimen(drug: regimen.drug, route: regimen.route, schedule: .repeated(
                startHours: first, everyHours: every, count: min(count, Int(((end - first) / every).rounded(.down))), amountMilligrams: amount))]
            let stopped = try ReceptorModel.compile(truncated, library: model.library)
            let s = try steps(stopped, options: options)
            perInterval.append((s.acceptedSteps - before.accepted, s.rejectedSteps - before.rejected))
            before = (s.acceptedSteps, s.rejectedSteps)
        }
        func interval(_ k: Int) -> String { k < perInterval.count ? "\(perInterval[k].accepted)+\(perInterval[k].rejected)" : "-" }
        let afterLast = perInterval.dropFirst(count)
        print("steps per \(every) h interval (accepted+rejected): " + perInterval.prefix(8).map { "\($0.accepted)+\($0.rejected)" }.joined(separator: " ")
              + " ... interval \(count / 2): \(interval(count / 2 - 1)), \(count): \(interval(count - 1))"
              + ", after the last dose: \(afterLast.map(\.accepted).reduce(0, +))+\(afterLast.map(\.rejected).reduce(0, +))")
        print("rejections per dosed interval: " + perInterval.prefix(count).map { String($0.rejected) }.joined())

        try accuracy(model, options: options)

        if leaveOneOut {
            guard case .perComponent(let atol) = options.absoluteTolerance else { return }
            var rows: [(name: String, accepted: Int, rejected: Int)] = []
            for i in 0..<model.dimension {
                var loose = atol
                loose[i] = looseFactor >= 1e30 ? 1e30 : loose[i] * looseFactor
                var o = options
                o.absoluteTolerance = .perComponent(loose)
                let s = try steps(model, options: o)
                rows.append((model.stateNames[i], s.acceptedSteps, s.rejectedSteps))
            }
            for row in rows.sorted(by: { $0.accepted + $0.rejected < $1.accepted + $1.rejected }) {
                print("without \(row.name): \(row.accepted) + \(row.rejected)")
            }
        }
    }

    static func steps(_ model: CompiledModel, options: SolverOptions) throws -> SolverStatistics {
        var sink = ModelBenchmark.ChecksumSink()
        return try ReceptorModel.simulate(model, options: options, into: &sink)
    }

    /// The worst error of each column against rtol 1e-10 (atol 1e-14), per column range.
    static func accuracy(_ model: CompiledModel, options: SolverOptions) throws {
        let columns = try ReceptorModel.columnNames(for: model.scenario, library: model.library).filter { $0 != "time_h" }
        var normal = ObservableRecorder(columns: columns)
        try ReceptorModel.simulate(model, columns: columns, options: options, into: &normal)
        var tight = ObservableRecorder(columns: columns)
        try ReceptorModel.simulate(model, solver: SolverSpecification(relativeTolerance: 1e-10, absoluteTolerance: 1e-14),
                                   columns: columns, into: &tight)
        var rows: [(column: String, relative: Double, absolute: Double)] = []
        for column in columns {
            let reference = tight.series(column), values = normal.series(column)
            let range = max(reference.map(abs).max() ?? 0, 1e-9)
            let worst = zip(values, reference).map { abs($0 - $1) }.max() ?? 0
            rows.append((column, worst / range, worst))
        }
        let failing = rows.filter { $0.absolute > max(3e-6 * ($0.absolute / max($0.relative, 1e-300)), 1e-9) }
        let shown = ProcessInfo.processInfo.environment["STEPS_ALL_COLUMNS"] == nil ? 6 : rows.count
        for row in rows.sorted(by: { $0.relative > $1.relative }).prefix(shown) {
            print(String(format: "error/range %.3e  abs %.3e  %@", row.relative, row.absolute, row.column))
        }
        print("columns over 3e-6 of range (and over 1e-9): \(failing.count) of \(rows.count)")
    }
}
