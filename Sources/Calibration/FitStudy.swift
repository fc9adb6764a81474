import BuiltInLibrary
import Pharmacology
import Studies
import Validation

/// One study prepared for fitting: its compiled scenario, the fitted parameters it has, the
/// output times `validate` uses, and the weight of each observation.
///
/// The model is evaluated through the path `validate` uses (the same compiled scenario, the
/// same `StudyGrid` times, window extremes found on the solution itself and
/// `ObservationFile.modelValues` rules), except that parameters are set in
/// the compiled parameter vector (`StudyParameters`: compile once, swap the vector) instead of
/// recompiling the scenario for every evaluation.
package struct FitStudy: Sendable {
    package let id: String
    package let file: ObservationFile
    /// Where the observations came from (for messages).
    package let observationsPath: String
    /// The positions (in the problem's parameter list) of the parameters this study has.
    let parameterIndices: [Int]
    let parameters: StudyParameters
    let columns: [String]
    let times: [Double]
    /// The window extremes found on the solution in each solve (`ObservationFile.extremaRequests`).
    let extremaRequests: [(column: String, window: ClosedRange<Double>)]
    /// One sigma per observation: its sd if given (> 0), else half the band's width.
    package let sigmas: [Double]

    /// - Parameters:
    ///   - scenario: the study's scenario, as `receptor-sim run` reads it.
    ///   - names: every fitted parameter name of the problem; those this scenario has are used.
    /// - Throws: `CalibrationError.model` when the scenario does not compile, `.noWeight`.
    package init(id: String, scenario: Scenario, scenarioPath: String, file: ObservationFile, observationsPath: String,
                 names: [String], library: DrugLibrary = .builtIn) throws(CalibrationError) {
        let base: CompiledModel
        let accepted: Set<String>
        do {
            base = try ReceptorModel.compile(scenario, library: library)
            accepted = Set(try ReceptorModel.parameterNames(for: scenario, library: library))
        } catch {
            throw .model(file: scenarioPath, message: "\(error)")
        }
        parameterIndices = names.indices.filter { accepted.contains(names[$0]) }
        do throws(StudyError) {
            parameters = try StudyParameters(names: parameterIndices.map { names[$0] }, base: base, library: library)
        } catch {
            throw .model(file: scenarioPath, message: error.description)
        }
        var sigmas: [Double] = []
        for observation in file.observations {
            if let sd = observation.standardDeviation, sd > 0, sd.isFinite {
                sigmas.append(sd)
            } else {
                let half = (observation.upper - observation.lower) / 2
                guard half > 0, half.isFinite else { throw .noWeight(file: observationsPath, line: observation.line) }
                sigmas.append(half)
            }
        }
        var columns: [String] = []
        for observation in file.observations where !columns.contains(observation.observable) { columns.append(observation.observable) }
        self.id = id
        self.file = file
        self.observationsPath = observationsPath
        self.columns = columns
        self.sigmas = sigmas
        extremaRequests = file.extremaRequests
        times = StudyGrid.times(observations: file.observations, durationHours: scenario.durationHours,
                                intervalHours: scenario.output.intervalHours)
    }

    /// The scenario's current value of each of its fitted parameters, in `parameterIndices` order.
    var currentValues: [Double] { parameters.baseNamedValues }

    /// The model's value of every observation's statistic with the problem's parameters at
    /// `values` (all of them; this study picks its own).
    /// - Throws: whatever compiling the parameter vector or the simulation throws.
    package func statistics(values: [Double]) throws -> [Double] {
        let model = try parameters.model(values: parameterIndices.map { values[$0] })
        var recorder = ObservableRecorder(columns: columns)
        let extremes = try ReceptorModel.simulate(
            model, columns: columns, outputTimes: times,
            extremaOf: extremaRequests.map { (column: $0.column, window: Optional($0.window)) }, into: &recorder
        ).extremes.map(WindowExtremes.init)
        let series = Dictionary(uniqueKeysWithValues: columns.map { ($0, recorder.series($0)) })
        return file.modelValues(timeHours: recorder.times, series: { series[$0] }, extremes: extremes)
    }
}
