import BuiltInLibrary
import Foundation
import Pharmacology
import ScenarioFiles
import Validation

/// A calibration: named parameters shared by one or more studies, fitted on a log scale within
/// bounds to every observation of those studies by weighted least squares.
///
/// Residual of an observation: (model statistic − value) / sigma, sigma its sd when given, else
/// half the width of its acceptance band (so the band's edges are one sigma from the value for
/// a symmetric band). A parameter applies to every study whose scenario has it (the same value
/// in each); a name no study has is an error.
package struct CalibrationProblem: LeastSquaresObjective {
    package let names: [String]
    /// Starting values and bounds, in natural units.
    package let initial: [Double]
    package let lower: [Double]
    package let upper: [Double]
    package let studies: [FitStudy]
    /// Residual rows: (study index, observation index).
    let rows: [(study: Int, observation: Int)]
    /// How the Jacobian of the residuals is computed (`jacobian(at:residuals:)`).
    package var jacobianMethod = JacobianMethod.sensitivities
    /// Whether the sensitivities take part in the solver's error test (CVODES's errconS). Off
    /// by default, as in CVODES (`CVodeSetSensErrCon` defaults to false): the search needs the
    /// Jacobian to a few digits, and off, the steps are the state's alone (cheaper).
    package var sensitivityErrorControl = false
    /// The model runs made by `jacobian(at:residuals:)` (not residual evaluations), for the report.
    package let jacobianRuns = JacobianRunCounter()

    /// - Parameters:
    ///   - studies: (id, scenario, paths, observations file) of each study, none held back.
    /// - Throws: `CalibrationError` for unknown or duplicate names, an unweighted observation,
    ///   a scenario that does not compile.
    package init(parameters: [FitParameter],
                 studies: [(id: String, scenario: Scenario, scenarioPath: String, file: ObservationFile, observationsPath: String)],
                 library: DrugLibrary = .builtIn) throws(CalibrationError) {
        guard !parameters.isEmpty else { throw .empty("no --parameter to fit") }
        var seen: Set<String> = []
        for parameter in parameters where !seen.insert(parameter.name).inserted { throw .duplicateParameter(parameter.name) }
        let names = parameters.map(\.name)
        var prepared: [FitStudy] = []
        for study in studies {
            prepared.append(try FitStudy(id: study.id, scenario: study.scenario, scenarioPath: study.scenarioPath, file: study.file,
                                         observationsPath: study.observationsPath, names: names, library: library))
        }
        var current = [Double?](repeating: nil, count: names.count)
        for study in prepared {
            for (k, index) in study.parameterIndices.enumerated() where current[index] == nil { current[index] = study.currentValues[k] }
        }
        for (k, name) in names.enumerated() where current[k] == nil {
            var known: Set<String> = []
            for study in studies { known.formUnion((try? ReceptorModel.parameterNames(for: study.scenario, library: library)) ?? []) }
            let suggestions = NameSuggestion.suggestions(for: name, in: known.sorted())
            throw .unknownParameter(name: name, suggestions: suggestions,
                                    containing: suggestions.isEmpty ? NamePrefix.containing(name, in: known.sorted(), what: "names") : nil)
        }
        var initial: [Double] = [], lower: [Double] = [], upper: [Double] = []
        for (parameter, value) in zip(parameters, current) {
            let resolved = parameter.resolved(current: value!)
            guard resolved.lower > 0, resolved.upper > resolved.lower, resolved.upper.isFinite else {
                throw .invalidParameter(text: parameter.name, reason: "the scenario's value \(value!) gives no usable default bounds; give :LOWER:UPPER")
            }
            initial.append(resolved.initial); lower.append(resolved.lower); upper.append(resolved.upper)
        }
        var rows: [(Int, Int)] = []
        for (s, study) in prepared.enumerated() { for o in study.file.observations.indices { rows.append((s, o)) } }
        guard !rows.isEmpty else { throw .empty("the studies have no observations") }
        self.names = names
        self.initial = initial
        self.lower = lower
        self.upper = upper
        self.studies = prepared
        self.rows = rows
    }

    package var parameterCount: Int { names.count }
    package var residualCount: Int { rows.count }

    /// The model statistic of every observation at parameter values `values` (natural units),
    /// in row order; a study whose run fails gives the failure.
    package func statistics(values: [Double]) -> Result<[Double], EvaluationFailure> {
        var out: [Double] = []
        out.reserveCapacity(rows.count)
        for study in studies {
            do {
                out += try study.statistics(values: values)
            } catch {
                return .failure(EvaluationFailure("\(study.id): \(error)"))
            }
        }
        return .success(out)
    }

    package func residuals(at x: [Double]) -> Result<[Double], EvaluationFailure> {
        let values = x.map { Foundation.exp($0) }
        switch statistics(values: values) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let model):
            var r: [Double] = []
            r.reserveCapacity(rows.count)
            for (k, row) in rows.enumerated() {
                let observation = studies[row.study].file.observations[row.observation]
                guard model[k].isFinite else {
                    return .failure(EvaluationFailure("\(studies[row.study].id): \(observation.observable) \(observation.statisticLabel) is undefined"))
                }
                r.append((model[k] - observation.value) / studies[row.study].sigmas[row.observation])
            }
            return .success(r)
        }
    }
}
