import Dispatch
import Foundation

extension CalibrationProblem {
    /// The Jacobian of the weighted residuals with respect to ln(value), row-major, study by
    /// study (in parallel): forward sensitivities for the observations whose statistic follows
    /// them (`ObservationStatistic.followsSensitivities`: `at`, `mean`, `auc`), central
    /// differences of the study's simulations for its window extremes and half-lives, and for
    /// all its observations when its sensitivity solve fails. Nil with
    /// `JacobianMethod.differences` (the optimizer's `CentralDifferenceJacobian` then runs).
    package func jacobian(at x: [Double], residuals r: [Double]) -> [Double]? {
        guard jacobianMethod == .sensitivities else { return nil }
        return studyJacobian(values: x.map { Foundation.exp($0) }, residuals: r)
    }

    /// The Jacobian at `values` (natural units) given the residuals there.
    package func studyJacobian(values: [Double], residuals r: [Double]) -> [Double] {
        let p = parameterCount
        var starts: [Int] = []
        var offset = 0
        for study in studies {
            starts.append(offset)
            offset += study.file.observations.count
        }
        let offsets = starts
        let slots = ResultSlots(count: studies.count)
        let errorControl = sensitivityErrorControl
        DispatchQueue.concurrentPerform(iterations: studies.count) { s in
            let study = studies[s]
            guard !study.parameterIndices.isEmpty else {
                slots.set(s, [])
                return
            }
            let linear = study.file.observations.map(\.statistic.followsSensitivities)
            var sensitivity: [Double]?
            if linear.contains(true) { jacobianRuns.add(sensitivitySolves: 1) }
            if linear.contains(true), let d = try? study.sensitivityDerivatives(values: values, errorControl: errorControl) {
                let local = study.parameterIndices.count
                let finite = linear.indices.allSatisfy { o in !linear[o] || (0..<local).allSatisfy { d[o * local + $0].isFinite } }
                if finite { sensitivity = d }
            }
            if let sensitivity, !linear.contains(false) {
                slots.set(s, sensitivity)
                return
            }
            let statistics = study.file.observations.indices.map { o in
                r[offsets[s] + o] * study.sigmas[o] + study.file.observations[o].value
            }
            jacobianRuns.add(differenceRuns: 2 * study.parameterIndices.count)
            var combined = study.differenceDerivatives(values: values, statistics: statistics)
            if let sensitivity {
                let local = study.parameterIndices.count
                for o in linear.indices where linear[o] {
                    for k in 0..<local { combined[o * local + k] = sensitivity[o * local + k] }
                }
            }
            slots.set(s, combined)
        }
        var jacobian = [Double](repeating: 0, count: residualCount * p)
        for (s, study) in studies.enumerated() {
            let local = study.parameterIndices.count
            guard let d = slots.get(s) else { continue }
            for o in study.file.observations.indices {
                for (k, j) in study.parameterIndices.enumerated() {
                    jacobian[(offsets[s] + o) * p + j] = d[o * local + k] / study.sigmas[o]
                }
            }
        }
        return jacobian
    }

    /// One line per kind of Jacobian used, naming the studies (for the report and `--help`).
    package var jacobianDescription: [String] {
        guard jacobianMethod == .sensitivities else {
            return ["Jacobian: central differences in ln(value), step 0.01, every study (--gradient differences)"]
        }
        let rows = studies.map { $0.file.observations.filter(\.statistic.followsSensitivities).count }
        let differences = studies.filter { !$0.windowStatistics.isEmpty }
        var lines: [String] = []
        if rows.reduce(0, +) > 0 {
            lines.append("Jacobian: forward sensitivities (BDF, sensitivity error control \(sensitivityErrorControl ? "on" : "off")) "
                         + "for the \(rows.reduce(0, +)) of \(residualCount) observations that are values at a time, means or AUCs")
        }
        if !differences.isEmpty {
            lines.append("Jacobian: central differences (step 0.01 in ln) for the window statistics of "
                         + differences.map { "\($0.id) (\($0.windowStatistics.joined(separator: ", ")))" }.joined(separator: ", "))
        }
        return lines
    }
}
