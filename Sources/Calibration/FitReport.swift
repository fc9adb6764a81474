import Foundation
import Validation

/// The texts of a fit: the report on standard output, the `parameters:` block, the residuals CSV.
package struct FitReport: Sendable {
    package let problem: CalibrationProblem
    package let result: Calibration.Result
    package let seed: UInt64

    package init(problem: CalibrationProblem, result: Calibration.Result, seed: UInt64) {
        self.problem = problem
        self.result = result
        self.seed = seed
    }

    private static func number(_ value: Double) -> String { ValidationNumber.text(value) }

    /// One residual row: the study, the observation, its sigma and the model value at the estimates.
    package struct Row: Sendable {
        package var study: String
        package var observation: Observation
        package var sigma: Double
        package var model: Double
        package var weightedResidual: Double
    }

    /// Every observation at the estimates (empty when every start failed).
    package var rows: [Row] {
        guard !result.residuals.isEmpty else { return [] }
        return zip(problem.rows, result.residuals).map { row, r in
            let study = problem.studies[row.study]
            let observation = study.file.observations[row.observation]
            let sigma = study.sigmas[row.observation]
            return Row(study: study.id, observation: observation, sigma: sigma, model: observation.value + r * sigma, weightedResidual: r)
        }
    }

    /// The report printed on standard output.
    package var text: String {
        var lines: [String] = []
        let observationCount = problem.residualCount
        lines.append("fit: \(problem.parameterCount) parameter\(problem.parameterCount == 1 ? "" : "s"), \(problem.studies.count) stud\(problem.studies.count == 1 ? "y" : "ies") (\(observationCount) observation\(observationCount == 1 ? "" : "s")), \(result.starts.count) start\(result.starts.count == 1 ? "" : "s"), seed \(seed)")
        for start in result.starts {
            let cost = start.cost.isFinite ? Self.number(start.cost) : "failed"
            lines.append("  start \(start.index): cost \(cost) after \(start.iterations) iterations, \(start.termination.rawValue)")
        }
        lines.append("model evaluations: \(result.evaluations) (each simulates every study once), \(result.failures) failed")
        for message in result.failureMessages { lines.append("  failed: \(message)") }
        lines += problem.jacobianDescription
        if problem.jacobianMethod == .sensitivities {
            lines.append("Jacobian runs: \(problem.jacobianRuns.sensitivitySolves) sensitivity solves (one study each), "
                         + "\(problem.jacobianRuns.differenceRuns) single-study simulations for central differences")
        }
        guard let best = result.best, let fisher = result.fisher else {
            lines.append("no start could be evaluated: no estimates")
            return lines.joined(separator: "\n")
        }
        lines.append("best: start \(best), cost \(Self.number(result.cost)) (½ Σ weighted residual²)")
        let width = max(9, problem.names.map(\.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        lines.append(pad("parameter", width) + "  " + pad("estimate", 10) + "  " + pad("SE(ln)", 8) + "  " + pad("x/÷", 8) + "  " + pad("95% range", 21) + "  bounds")
        for (i, name) in problem.names.enumerated() {
            let value = result.estimates[i], se = fisher.logStandardErrors[i]
            let range = se.isFinite
                ? Self.number(value * Foundation.exp(-1.96 * se)) + "-" + Self.number(value * Foundation.exp(1.96 * se)) : "unbounded"
            var bounds = "[" + Self.number(problem.lower[i]) + ", " + Self.number(problem.upper[i]) + "]"
            if atBound(i) { bounds += " AT BOUND" }
            lines.append(pad(name, width) + "  " + pad(Self.number(value), 10) + "  " + pad(Self.number(se), 8) + "  "
                         + pad(se.isFinite ? Self.number(fisher.multiplicativeSE(i)) : "inf", 8) + "  " + pad(range, 21) + "  " + bounds)
        }
        if problem.parameterCount > 1 {
            lines.append("correlation:")
            for i in 0..<problem.parameterCount {
                let cells = (0..<problem.parameterCount).map { j -> String in
                    let c = fisher.correlation(i, j)
                    return c.isNaN ? "   n/a" : String(format: "%6.3f", c)
                }
                lines.append("  " + pad(problem.names[i], width) + " " + cells.joined(separator: " "))
            }
        }
        let ratio = "λmin/λmax = " + String(format: "%.3g", fisher.conditionRatio)
        if fisher.nonIdentifiable.isEmpty {
            lines.append("identifiability: every parameter identifiable (\(ratio))")
        } else {
            lines.append("identifiability: NOT IDENTIFIABLE: " + fisher.nonIdentifiable.map { problem.names[$0] }.joined(separator: ", ")
                         + " (\(ratio); threshold \(FisherInformation.conditionThreshold), or |correlation| > \(FisherInformation.correlationThreshold))")
        }
        let rows = self.rows
        let inBand = rows.filter { $0.observation.accepts($0.model) }.count
        lines.append("observations in their band at the estimates: \(inBand) of \(rows.count)")
        for row in rows {
            lines.append("  \(row.study)  \(row.observation.observable)  \(row.observation.statisticLabel)  model \(Self.number(row.model))  data \(Self.number(row.observation.value))  band [\(Self.number(row.observation.lower)), \(Self.number(row.observation.upper))]  residual \(Self.number(row.weightedResidual)) sigma  \(row.observation.accepts(row.model) ? "in band" : "NOT in band")")
        }
        return lines.joined(separator: "\n")
    }

    /// Whether estimate `i` sits on a bound (within 1e-9 in ln): its SE then means little.
    func atBound(_ i: Int) -> Bool {
        let x = Foundation.log(result.estimates[i])
        return abs(x - Foundation.log(problem.lower[i])) < 1e-9 || abs(x - Foundation.log(problem.upper[i])) < 1e-9
    }

    /// The estimates as a JSON5 object for a scenario's `parameters:` block: dotted name to
    /// value (shortest round-trip decimal), each with a comment giving its SE and the studies.
    package var parametersBlock: String {
        var lines = [
            "// receptor-sim fit: estimates for a scenario's `parameters:` block (use this object as its value).",
            "// Fitted by weighted least squares to: " + problem.studies.map(\.id).joined(separator: ", ")
                + " (\(problem.residualCount) observations); cost \(Self.number(result.cost)); \(result.starts.count) starts, seed \(seed).",
            "// SE(ln): standard error of ln(value) from the Fisher information at the optimum; one-SE interval value x/÷ exp(SE(ln)).",
            "{",
        ]
        for (i, name) in problem.names.enumerated() {
            let studies = problem.studies.filter { $0.parameterIndices.contains(i) }.map(\.id).joined(separator: ", ")
            if let fisher = result.fisher {
                let se = fisher.logStandardErrors[i]
                var note = "SE(ln) \(Self.number(se))" + (se.isFinite ? " (x/÷ \(Self.number(fisher.multiplicativeSE(i))))" : "")
                if fisher.nonIdentifiable.contains(i) { note += ", NOT IDENTIFIABLE" }
                if atBound(i) { note += ", at a bound" }
                lines.append("  // \(note); studies: \(studies)")
            }
            lines.append("  \"\(name)\": \(result.estimates[i]),")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The residuals CSV: one row per observation at the estimates.
    package var residualsCSV: String {
        var lines = ["study,observable,statistic,time_h,end_h,model,value,sigma,weighted_residual"]
        for row in rows {
            let o = row.observation
            lines.append([row.study, o.observable, o.statistic.rawValue, "\(o.timeHours)", o.endHours.map { "\($0)" } ?? "",
                          "\(row.model)", "\(o.value)", "\(row.sigma)", "\(row.weightedResidual)"].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
