import Foundation
import Calibration
import Exchange
import Pharmacology
import ScenarioFiles
import Validation

/// `receptor-sim export --format petab STUDY... --parameter ... -o DIR`: the calibration `fit`
/// would run, as a PEtab problem folder (the model work is in `Exchange.PEtabExporter`).
///
/// Studies are named and read as `fit` reads them, parameters parsed and resolved (start,
/// bounds) as `fit` resolves them, and each observation weighed by the sigma `fit` uses, so the
/// PEtab objective is the one `fit` minimizes (window statistics apart: PEtab measures values
/// at time points, so they are skipped with a warning). A held-back study may be exported:
/// exporting fits nothing.
enum PEtabExport {
    /// The warning for one skipped window statistic.
    static func skippedWarning(study: String, observation: Observation) -> String {
        "warning: skipped \(study) line \(observation.line): \(observation.observable) \(observation.statisticLabel) "
            + "(a window statistic has no PEtab measurement; only 'at' values are exported)"
    }

    static func run(_ arguments: ParsedArguments, console: Console, command: String) throws(CommandLineError) -> Int32 {
        guard let directory = arguments.value("--output"), directory != "-" else {
            throw .usage(command: command, message: "--format petab needs -o DIR (the folder to write the problem's files into)")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .outputPath(command: command, option: "-o", path: directory,
                              reason: "is a file; --format petab writes a folder of files (give a new or existing folder)")
        }
        let specs = arguments.allValues("--parameter")
        guard !specs.isEmpty else { throw .usage(command: command, message: "--format petab needs --parameter NAME[=INITIAL][:LOWER:UPPER] (the parameters to estimate)") }
        var parameters: [FitParameter] = []
        for spec in specs {
            do throws(CalibrationError) { parameters.append(try FitParameter.parse(spec)) } catch { throw .usage(command: command, message: error.description) }
        }
        let locations = try ValidateCommand.locateStudies(arguments, command: command)
        let files = [PEtabExporter.modelFile, PEtabExporter.conditionFile, PEtabExporter.measurementFile,
                     PEtabExporter.observableFile, PEtabExporter.parameterFile, PEtabExporter.problemFile]
        let paths = files.map { (directory as NSString).appendingPathComponent($0) }
        // An existing folder: each file checked (none may be an input); a new one: its parent.
        let exists = FileManager.default.fileExists(atPath: directory)
        try OutputOptions.check(command: command, outputs: exists ? paths.map { ("--output", $0) } : [("--output", directory)],
                                inputs: locations.flatMap { [$0.scenarioPath, $0.observationsPath] })

        guard let read = StudyFiles.read(locations, console: console) else { return 2 }
        let studies = read.map(\.calibrationInput)
        let problem: CalibrationProblem
        do throws(CalibrationError) {
            problem = try CalibrationProblem(parameters: parameters, studies: studies, library: ModelBridge.library)
        } catch {
            switch error {
            case .model(let file, let message): throw .model(file: file, message: message)
            case .noWeight: console.err(error.description); return 2
            default: throw .usage(command: command, message: error.description)
            }
        }

        var exported: [PEtabStudy] = []
        var warnings: [String] = []
        for (study, prepared) in zip(studies, problem.studies) {
            var measurements: [PEtabMeasurement] = []
            for (observation, sigma) in zip(study.file.observations, prepared.sigmas) {
                guard observation.statistic == .at else {
                    warnings.append(skippedWarning(study: study.id, observation: observation))
                    continue
                }
                measurements.append(.init(observable: observation.observable, timeHours: observation.timeHours,
                                          value: observation.value, sigma: sigma))
            }
            let model = try ScenarioLoading.compile(study.scenario, file: study.scenarioPath)
            exported.append(PEtabStudy(id: study.id, model: model, measurements: measurements))
        }
        if !warnings.isEmpty { console.err(warnings.joined(separator: "\n")) }
        guard exported.contains(where: { !$0.measurements.isEmpty }) else {
            throw .usage(command: command, message: "the studies have no observation with statistic 'at'; a PEtab problem needs at least one")
        }
        let estimated = problem.names.indices.map {
            PEtabParameter(name: problem.names[$0], nominal: problem.initial[$0], lower: problem.lower[$0], upper: problem.upper[$0])
        }
        let contents: [(name: String, text: String)]
        do throws(ExchangeError) {
            contents = try PEtabExporter.files(studies: exported, parameters: estimated)
        } catch {
            throw .model(file: studies.map(\.scenarioPath).joined(separator: ", "), message: error.description)
        }
        if !exists {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
            } catch {
                throw .outputPath(command: command, option: "-o", path: directory, reason: "cannot be created: \(error.localizedDescription)")
            }
        }
        for content in contents {
            try ChartCommandSupport.write(content.text, to: (directory as NSString).appendingPathComponent(content.name), console: console)
        }
        return 0
    }
}
