import Dispatch
import Foundation
import Pharmacology
import Validation

extension FitStudy {
    /// The statistics of this study that take central differences, for the report.
    package var windowStatistics: [String] {
        var seen: [String] = []
        for observation in file.observations where !observation.statistic.followsSensitivities {
            if !seen.contains(observation.statistic.rawValue) { seen.append(observation.statistic.rawValue) }
        }
        return seen
    }

    /// ∂statistic/∂ln p for every observation (rows) and every parameter of this study
    /// (columns, `parameterIndices` order), row-major, by forward sensitivities.
    /// - Parameters:
    ///   - values: all of the problem's parameter values (natural units).
    ///   - errorControl: the sensitivities in the error test (CVODES errconS).
    /// - Throws: whatever compiling the perturbed models or the sensitivity solve throws.
    package func sensitivityDerivatives(values: [Double], errorControl: Bool = false) throws -> [Double] {
        let local = parameterIndices.map { values[$0] }
        let step = ReceptorModel.sensitivityStep
        let base = try parameters.model(values: local)
        let models = try parameters.models(values: local.indices.flatMap { k -> [[Double]] in
            var up = local, down = local
            up[k] *= Foundation.exp(step)
            down[k] *= Foundation.exp(-step)
            return [up, down]
        })
        let perturbed = local.indices.map { (plus: models[2 * $0], minus: models[2 * $0 + 1]) }
        let result = try ReceptorModel.simulateWithSensitivities(
            base, perturbed: perturbed, step: step, columns: columns, outputTimes: times, errorControl: errorControl)
        let p = local.count, rows = file.observations.count
        var out = [Double](repeating: 0, count: rows * p)
        for k in 0..<p {
            let column = file.modelValues(
                timeHours: result.times, series: { result.derivativeSeries($0, parameter: k) }, extremes: [])
            for o in 0..<rows { out[o * p + k] = column[o] }
        }
        return out
    }

    /// ∂statistic/∂ln p by central differences of whole simulations (step `step` in ln p, the
    /// 2p runs in parallel), as `sensitivityDerivatives` lays them out. A failed side gives a
    /// one-sided difference from `statistics` (the values at `values`), both failed a zero column.
    package func differenceDerivatives(values: [Double], statistics: [Double], step: Double = CentralDifferenceJacobian().step) -> [Double] {
        let p = parameterIndices.count, rows = file.observations.count
        let slots = ResultSlots(count: 2 * p)
        DispatchQueue.concurrentPerform(iterations: 2 * p) { probe in
            var shifted = values
            shifted[parameterIndices[probe / 2]] *= Foundation.exp(probe % 2 == 0 ? step : -step)
            if let result = try? self.statistics(values: shifted), result.allSatisfy(\.isFinite) { slots.set(probe, result) }
        }
        var out = [Double](repeating: 0, count: rows * p)
        for k in 0..<p {
            let plus = slots.get(2 * k), minus = slots.get(2 * k + 1)
            for o in 0..<rows {
                out[o * p + k] = switch (plus, minus) {
                case (.some(let a), .some(let b)): (a[o] - b[o]) / (2 * step)
                case (.some(let a), .none): (a[o] - statistics[o]) / step
                case (.none, .some(let b)): (statistics[o] - b[o]) / step
                case (.none, .none): 0
                }
            }
        }
        return out
    }
}
