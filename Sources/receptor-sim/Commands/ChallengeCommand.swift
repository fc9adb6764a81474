import Pharmacology
import Reports
import ScenarioFiles
import Studies

/// `receptor-sim challenge SCENARIO --at T,T --probe DRUG --doses D,D`: dose-response curves of
/// a probe given at several times of a run, their ED50 and its fold shift (tolerance).
enum ChallengeCommand: ReceptorSimCommand {
    static let name = "challenge"
    static let abstract = "Probe a run with test doses at several times: dose-response curves, ED50 and its fold shift."
    static let discussion = """
        Runs the scenario to each time of --at, gives each probe dose to a copy of the state there
        (the scenario's own later doses continue) and measures the response: the peak change of
        the observable within --window hours after the probe, relative to the same copy without a
        probe, so the scenario's ongoing drug effect and drift cancel. The peak is taken from the
        solution on a grid of 2000 intervals of the window. Each time's curve is fitted by least
        squares with a Hill curve E = Emax D^n / (ED50^n + D^n) in log dose; its ED50 is the dose
        giving half of that curve's own maximal effect, reported only when it lies within the
        tested doses (otherwise 'not determinable', e.g. when the maximum is not reached, and nan
        in the CSV). fold_shift is ED50 over the ED50 at the first --at time: above 1 a rightward
        shift (tolerance; with another probe drug, cross-tolerance). For a drug-naive reference,
        make the first time one with no drug acting in its window (before the first dose).

        The CSV has one row per time and dose: time_h, probe_dose_mg, response (the observable's
        unit), peak_after_h (h from probe to peak), emax, hill_n, ed50_mg, fold_shift. A summary
        of each curve goes to standard error (standard output when -o names a file).
        """
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "SCENARIO", help: "The scenario file (JSON5).")],
        options: [
            OptionSpecification("--at", .numbers("T,T,..."), required: true, help: "Times of the run (h, from 0 to duration_h) at which to probe; the first is the reference of the fold shift."),
            OptionSpecification("--probe", .text("DRUG"), required: true, help: "The probe drug (library id, see 'receptor-sim drugs')."),
            OptionSpecification("--route", .text("ROUTE"), help: "The probe's route (default: iv_bolus)."),
            OptionSpecification("--doses", .numbers("D,D,..."), required: true, help: "Probe doses in mg, each > 0 (at least three for an ED50)."),
            OptionSpecification("--observable", .text("COLUMN"), help: "The CSV column whose change is the response (default: reward_response)."),
            OptionSpecification("--window", .number("H", .positive), help: "Hours after the probe in which the peak change is taken (default: 4)."),
            OptionSpecification("--output", short: "-o", .path("FILE"), help: "Write the CSV to FILE; '-' or no -o writes to standard output."),
            OptionSpecification("--chart", .path("FILE"), help: "Also draw the curves as an SVG chart (dose on a log axis, one curve per time)."),
        ])

    static let defaultObservable = "reward_response"

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let file = arguments.positionals[0]
        var outputs = [("--output", arguments.value("--output") ?? "-")]
        if let chart = arguments.value("--chart") {
            guard ChartCommandSupport.fileExtension(chart) == "svg" else {
                throw .usage(command: name, message: "chart file '\(chart)' must end in .svg")
            }
            outputs.append(("--chart", chart))
        }
        try OutputOptions.check(command: name, outputs: outputs, inputs: [file])
        let scenario = try ChartCommandSupport.loadScenario(file)
        let design = try design(arguments, scenario: scenario, file: file)

        let curves: [ChallengeCurve]
        do {
            curves = try ToleranceChallenge.run(
                scenario: scenario, design: design, library: ModelBridge.library, threads: StudyExecutor.defaultThreads)
        } catch {
            throw CommandLineError(error, file: file)
        }

        let destination: CSVDestination
        switch arguments.value("--output") {
        case nil, "-": destination = .standardOutput
        case let path?: destination = .file(path: path)
        }
        do throws(CSVWriterError) {
            let writer = try CSVWriter(destination: destination, columns: ChallengeCurve.csvColumns)
            for curve in curves {
                for row in curve.csvRows { try writer.writeRow(time: curve.timeHours, values: row) }
            }
            try writer.finish()
        } catch {
            throw .output(error)
        }
        if let chart = arguments.value("--chart") {
            let unit = ColumnUnit(columnName: design.observable).symbol
            let svg = DoseResponseChart.render(
                curves.map(\.chartSeries),
                valueLabel: "Peak change in \(design.observable) within \(NumberText.significant(design.windowHours, 4)) h (\(unit))",
                doseLabel: "\(design.probeDrug) dose, \(design.probeRoute.rawValue) (mg, log scale)",
                options: ChartOptions(title: "\(scenario.name): \(design.probeDrug) \(design.probeRoute.rawValue) probe", panelHeightPoints: 420))
            try ChartCommandSupport.write(svg, to: chart, console: console)
        }
        let summary = ([ChallengeCurve.summaryHeader] + curves.map(\.summaryLine)).joined(separator: "\n")
        if destination == .standardOutput { console.err(summary) } else { console.out(summary) }
        return 0
    }

    /// The challenge the options describe, the probe checked as a scenario's dose entry is
    /// (`ScenarioReader.decodeDose`) at every time and dose.
    /// - Throws: `.usage` naming the option.
    static func design(_ arguments: ParsedArguments, scenario: Scenario, file: String) throws(CommandLineError) -> ChallengeDesign {
        func required(_ option: String) throws(CommandLineError) -> String {
            guard let value = arguments.value(option) else { throw .usage(command: name, message: "missing \(option)") }
            return value
        }
        func numbers(_ option: String) throws(CommandLineError) -> [GivenNumber] {
            guard let numbers = arguments.numbers(option) else { throw .usage(command: name, message: "missing \(option)") }
            return numbers
        }
        let times = try numbers("--at")
        let doses = try numbers("--doses")
        for (option, list) in [("--at", times), ("--doses", doses)] {
            for (k, item) in list.enumerated() where list[..<k].contains(where: { $0.value == item.value }) {
                throw .usage(command: name, message: "option '\(option)' lists \(item.literal) twice")
            }
        }
        for dose in doses where !(dose.value > 0) {
            throw .usage(command: name, message: "option '--doses' needs doses > 0 (mg), found '\(dose.literal)'")
        }
        let drug = try required("--probe")
        let route = arguments.value("--route") ?? Route.ivBolus.rawValue
        guard route != Route.ivInfusion.rawValue, route != Route.transdermal.rawValue else {
            throw .usage(command: name, message: "--route: a probe is a single dose; route '\(route)' gives none (use iv_bolus)")
        }
        var probe: DoseRegimen?
        for time in times {
            for dose in doses {
                do throws(ScenarioError) {
                    probe = try ScenarioReader.decodeDose(
                        drug: drug, route: route, atHours: time, amountMilligrams: dose,
                        durationHours: scenario.durationHours, vocabulary: ModelBridge.vocabulary)
                } catch {
                    let options = ["dose.drug": "--probe", "dose.route": "--route", "dose.amount_mg": "--doses", "dose.at_h": "--at"]
                    let lines = error.problems.map { "\(options[$0.path] ?? $0.path): \($0.message)" }
                    throw .usage(command: name, message: lines.joined(separator: "\nreceptor-sim \(name): error: "))
                }
            }
        }
        guard let probe else { preconditionFailure("at least one time and dose") }
        let observable = arguments.value("--observable") ?? defaultObservable
        var withProbe = scenario
        withProbe.doses.append(probe)
        let columns = ModelBridge.columnNames(for: withProbe)
        guard columns.contains(observable) else {
            throw .usage(command: name, message: UnknownName(.column, observable, valid: columns, place: " in --observable for \(file)").description)
        }
        let window = arguments.number("--window") ?? ChallengeDesign.defaultWindowHours
        return ChallengeDesign(
            timesHours: times.map(\.value), probeDrug: probe.drug, probeRoute: probe.route,
            dosesMilligrams: doses.map(\.value), observable: observable, windowHours: window)
    }
}
