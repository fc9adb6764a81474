import BuiltInLibrary
import Foundation
import Integrators
import Pharmacology

extension SensitivityBenchmark {
    /// The receptor model's sensitivities for the benchmark: the 35-day oral morphine run of
    /// `receptor-bench model` (30 mg every 6 h for 28 days, then 7 days without) and ten
    /// parameters of every kind `fit` takes (PK, absorption, binding, efficacy, receptor
    /// turnover and desensitization, tolerance and dependence gains).
    static let receptorParameters = [
        "morphine.clearance_l_per_h", "morphine.central_volume_l", "morphine.oral.absorption_rate_per_h",
        "morphine.oral.bioavailability", "morphine.mu.ki_nM", "morphine.mu.efficacy", "mu.turnover_half_life_h",
        "mu.desensitization_rate_per_h", "uncoupling.gain", "dependence.fast_gain",
    ]
    static let receptorColumns = ["morphine_plasma_nM", "mu_pet_occupancy", "cows_equivalent"]

    /// Alternated plain simulations (the scenario's Rodas5P, and the BDF) and sensitivity
    /// simulations of the first m parameters, all at the scenario's tolerances with rows once a
    /// day. The sensitivity time includes compiling the 2m perturbed models (their drug-free
    /// steady states), which the gradient needs: reported apart as well.
    func measureReceptor(parameters m: Int) throws {
        let scenario = ModelBenchmark.morphineAbruptStop()
        var bdfScenario = scenario
        bdfScenario.solver.method = .bdf
        let model = try ReceptorModel.compile(scenario), bdfModel = try ReceptorModel.compile(bdfScenario)
        let names = Array(Self.receptorParameters[0..<m])
        let times = stride(from: 24.0, through: scenario.durationHours, by: 24).map { $0 }
        let columns = Self.receptorColumns
        var plainSeconds: [Double] = [], bdfSeconds: [Double] = [], sensitivitySeconds: [Double] = [], compileSeconds: [Double] = []
        var plainStatistics = SolverStatistics(), bdfStatistics = SolverStatistics(), sensitivityStatistics = SolverStatistics()
        var correctorIterations = 0
        for repeatIndex in 0..<repeats {
            for part in repeatIndex % 2 == 0 ? [0, 1, 2] : [2, 1, 0] {
                switch part {
                case 0, 1:
                    var sink = ModelBenchmark.ChecksumSink()
                    let start = threadSeconds()
                    let statistics = try ReceptorModel.simulate(part == 0 ? model : bdfModel, columns: columns, outputTimes: times, into: &sink)
                    if part == 0 { plainSeconds.append(threadSeconds() - start); plainStatistics = statistics }
                    else { bdfSeconds.append(threadSeconds() - start); bdfStatistics = statistics }
                default:
                    let start = threadSeconds()
                    let h = ReceptorModel.sensitivityStep
                    // The catalogue read once for names, values and models, as `fit` does
                    // (`StudyParameters`, `CompiledModel.ParameterWriter`).
                    let writer = model.parameterWriter
                    let allNames = writer.names, values = writer.values
                    let vectors = names.flatMap { name -> [[Double]] in
                        let k = allNames.firstIndex(of: name)!
                        var up = values, down = values
                        up[k] *= exp(h)
                        down[k] *= exp(-h)
                        return [up, down]
                    }
                    let models = try vectors.map { try writer.model(values: $0) }
                    let perturbed = names.indices.map { (plus: models[2 * $0], minus: models[2 * $0 + 1]) }
                    let compiled = threadSeconds()
                    let result = try ReceptorModel.simulateWithSensitivities(
                        model, perturbed: perturbed, columns: columns, outputTimes: times, errorControl: errorControl)
                    sensitivitySeconds.append(threadSeconds() - start)
                    compileSeconds.append(compiled - start)
                    sensitivityStatistics = result.statistics
                    correctorIterations = result.sensitivityIterations
                }
            }
        }
        let plain = median(plainSeconds), sensitivity = median(sensitivitySeconds)
        let ratio = sensitivity / plain
        let row: [String] = [
            "receptor-morphine-35d", "bdf", formatTolerance(scenario.solver.relativeTolerance),
            formatTolerance(scenario.solver.absoluteTolerance) + " scaled", "\(m)", errorControl ? "on" : "off",
            String(format: "%.4f", plain * 1e3), String(format: "%.4f", sensitivity * 1e3),
            String(format: "%.2f", ratio), String(format: "%.3f", (ratio - 1) / Double(m)),
            "\(plainStatistics.acceptedSteps)", "\(sensitivityStatistics.acceptedSteps)",
            "\(plainStatistics.luFactorizations)", "\(sensitivityStatistics.luFactorizations)", "\(correctorIterations)",
        ]
        printUnbuffered(row.joined(separator: ","))
        printToStandardError(String(
            format: "receptor: plain is %@ (the scenario's method); the BDF plain solve takes %.2f ms (%d steps), "
                + "the sensitivity run %.2fx that; of the sensitivity run %.2f ms compile the %d perturbed models",
            scenario.solver.method.rawValue, median(bdfSeconds) * 1e3, bdfStatistics.acceptedSteps, sensitivity / median(bdfSeconds),
            median(compileSeconds) * 1e3, 2 * m))
    }
}
