import Foundation
import Pharmacology
import Reports
import ScenarioFiles
import Studies

/// `receptor-sim explore SCENARIO --vary NAME=... -o explore.html`: a grid of runs in one
/// interactive page (a slider per varied setting, charts switching between precomputed runs).
enum ExploreCommand: ReceptorSimCommand {
    static let name = "explore"
    static let abstract = "Run a grid of settings and write one interactive HTML page: a slider per setting, charts that switch at once."
    static let discussion = """
        --vary takes what 'receptor-sim sweep' takes (see 'receptor-sim sweep --help'): a
        parameter (morphine.half_life_h, mu.turnover_half_life_h), a dose field
        (doses[K].amount_mg, .every_h, .start_h, .at_h, .count, .rate_mg_per_h, .duration_h), as a
        list V1,V2,... or a range FROM:TO:STEPS[:log]; and also phenotype=control,opioid_deficit
        (the subject's phenotype, shown as a selector). Every combination is simulated once, up
        front; the page then only switches between the stored runs, so it needs no server, no
        network and no fonts, and opens offline in any browser.

        Default columns: the plasma concentration of the drug of the first varied dose (else of
        the first dose), mu_occupancy_total, tolerance_index and withdrawal_index. Each chart
        keeps one scale over all runs; the run shown before stays as a grey line.

        Size: every series is reduced to at most \(4 * ExplorerPage.plotWidth) points (the first, lowest,
        highest and last value in each of \(ExplorerPage.plotWidth) time slices, so every peak stays),
        10 to 11 bytes a point. A grid whose bound, runs x columns x min(rows per run, \(4 * ExplorerPage.plotWidth)),
        exceeds \(ExplorerPage.maximumPoints) points, or that has more than \(ExplorerPage.maximumRuns) runs, is
        refused with exit status 2 and the estimate: use fewer values, fewer columns, a longer
        --interval or a shorter --from/--to window.

        The address fragment #set=NAME:INDEX (several joined by '&') moves that control when the
        page opens, e.g. explore.html#set=doses[0].amount_mg:2.
        Exit status: 0 all runs ok, 1 some failed (the page is still written and says so for
        those runs) or the file could not be written, 2 bad usage, scenario or names.
        """
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "SCENARIO", help: "The scenario file (JSON5).")],
        options: [
            OptionSpecification("--vary", .text("SPEC"), repeatable: true, required: true, help: "NAME=V1,V2,... or NAME=FROM:TO:STEPS[:log] as for sweep, or phenotype=control,opioid_deficit; repeat (or separate by ';') for a grid, one control each."),
            ChartCommandSupport.outputOption(extensions: "html"),
            EventsOption.specification,
            LibraryOption.specification,
            OptionSpecification("--columns", .names("a,b"), help: "Columns to chart, one chart each (default: drug plasma concentration, mu_occupancy_total, tolerance_index, withdrawal_index)."),
            OptionSpecification("--interval", .number("H", .any), help: "Hours between the simulated rows (default: the scenario's output.interval_h)."),
            OptionSpecification("--from", .number("H", .nonNegative), help: "Start of the time window the charts show, in hours (default: 0)."),
            OptionSpecification("--to", .number("H", .nonNegative), help: "End of the time window the charts show, in hours (default: the end of the run)."),
        ] + ScenarioOverrides.solverSpecifications(for: "every run") + [
            OptionSpecification("--threads", .integer("N", 1...StudyCommandSupport.maximumThreads), help: "Worker threads (default: all cores). The page does not depend on it."),
            ChartCommandSupport.quietOption,
        ])

    /// The names that vary the subject's phenotype instead of a number.
    static let phenotypeNames: Set<String> = ["phenotype", "subject.phenotype"]

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let output = try ChartCommandSupport.outputPath(arguments, command: name, extensions: ["html", "htm"])
        let texts = arguments.allValues("--vary")
        guard !texts.isEmpty else {
            throw .usage(command: name, message: "missing --vary NAME=V1,V2,... (what the sliders change)")
        }
        let window = try ChartSelection(arguments, command: name)
        let setup = try StudyCommandSupport.Setup(arguments, command: name)
        let file = setup.file
        let duration = setup.base.scenario.durationHours
        if let from = window.fromHours, from >= duration {
            throw .usage(command: name, message: "--from \(CheckCommand.format(from)) must be before the end of the run (\(CheckCommand.format(duration)) h)")
        }
        let span = (window.fromHours ?? 0)...min(window.toHours ?? duration, duration)
        var variations: [Variation] = []
        var phenotypes: (name: String, values: [Phenotype])? = nil
        for spec in texts.flatMap({ $0.split(separator: ";").map(String.init) }) where !spec.trimmingCharacters(in: .whitespaces).isEmpty {
            if let parsed = try phenotypeVariation(spec) {
                if phenotypes != nil { throw .usage(command: name, message: "invalid --vary '\(spec)': the phenotype is varied twice") }
                phenotypes = parsed
            } else {
                variations.append(try StudyOptions.variation(spec, command: name))
            }
        }
        guard !variations.isEmpty || phenotypes != nil else {
            throw .usage(command: name, message: "missing --vary NAME=V1,V2,... (what the sliders change)")
        }
        let scenario = setup.base.scenario
        let columns = arguments.value("--columns") == nil ? defaultColumns(scenario, variations: variations) : setup.columns
        // One plan per phenotype (its own compiled base); the phenotype is the slowest axis.
        var bases = [setup.base]
        if let phenotypes {
            bases = []
            for phenotype in phenotypes.values {
                var variant = scenario
                variant.subject.phenotype = phenotype
                bases.append(try ScenarioLoading.compile(variant, file: "\(file) (phenotype \(phenotype.rawValue))"))
            }
        }
        var plans: [StudyPlan] = []
        for base in bases {
            plans.append(try StudyCommandSupport.study(name, file, names: setup.parameterNames, knownDrugs: setup.knownDrugs, origin: "--vary") { () throws(StudyError) in
                let grid = try SweepGrid(variations)
                return try StudyPlan.sweep(grid: grid, base: base, metricColumns: columns, thresholds: [],
                                           intervalHours: setup.intervalHours, solver: setup.solver,
                                           maximumRowsPerRun: ScenarioReader.maximumOutputRows)
            })
        }
        let runs = plans.count * plans[0].count
        // Rows inside the window (all rows without --from/--to).
        let rows = min(plans[0].rowsPerRun, Int(((span.upperBound - span.lowerBound) / setup.intervalHours).rounded(.down)) + 2)
        let bound = ExplorerPage.pointBound(runs: runs, columns: columns.count, rowsPerRun: rows)
        if runs > ExplorerPage.maximumRuns || bound > ExplorerPage.maximumPoints {
            let perSeries = min(rows, 4 * ExplorerPage.plotWidth)
            let megabytes = NumberText.trimmed(Double(bound) * 11 / 1e6, 1)
            throw .usage(command: name, message: "the grid is too large for one page: \(runs) runs x \(columns.count) columns x "
                + "up to \(perSeries) points = \(bound == Int.max ? "more than 2^63" : String(bound)) points (about \(megabytes) MB); "
                + "the limits are \(ExplorerPage.maximumPoints) points and \(ExplorerPage.maximumRuns) runs. "
                + "Use fewer values, fewer --columns, a longer --interval or a shorter --from/--to window")
        }

        let progress = CommandProgress.reporter(label: name, total: Double(runs), unit: "runs", quiet: setup.quiet)
        var outcomes: [ExplorerRuns.Outcome] = []
        for plan in plans {
            outcomes += ExplorerRuns.run(plan, buckets: ExplorerPage.plotWidth, spanHours: span, threads: setup.threads) { progress.advance() }
        }
        progress.finish()

        var axes: [ExplorerPage.Axis] = []
        if let phenotypes {
            axes.append(ExplorerPage.Axis(name: phenotypes.name, label: "Phenotype",
                                          valueLabels: phenotypes.values.map(\.rawValue), categorical: true))
        }
        axes += variations.map { v in
            ExplorerPage.Axis(name: v.name, label: axisLabel(v.name, scenario: scenario),
                              valueLabels: v.values.map { valueLabel($0, name: v.name) })
        }
        let pageRuns = outcomes.map { outcome in
            outcome.envelope.map { ExplorerPage.Run(series: $0.series, annotations: outcome.annotations) }
                ?? ExplorerPage.Run(failure: outcome.error ?? "failed", annotations: outcome.annotations)
        }
        let format = CSVNumberFormat.roundTrip.format
        let footnote = "receptor-sim \(ReceptorSimCommandLine.version) explore \(URL(fileURLWithPath: file).lastPathComponent): "
            + "\(runs) runs, output every \(format(setup.intervalHours)) h, \(setup.solver.method.rawValue) "
            + "rtol \(format(setup.solver.relativeTolerance)) atol \(format(setup.solver.absoluteTolerance)); "
            + "each series drawn from at most \(4 * ExplorerPage.plotWidth) points (every peak kept). "
            + "A teaching and research model, not clinical guidance."
        let page = ExplorerPage(title: scenario.name, description: scenario.description, axes: axes, columns: columns,
                                runs: pageRuns, spanHours: span, footnote: footnote)
        try ChartCommandSupport.write(page.render(), to: output, console: console)
        let failed = outcomes.filter { $0.error != nil }.count
        if failed > 0 {
            console.err("receptor-sim \(name): \(failed) of \(runs) runs failed (the page says so when one is selected)")
            return 1
        }
        return 0
    }

    /// `phenotype=control,opioid_deficit` parsed; nil when `spec` varies something else.
    static func phenotypeVariation(_ spec: String) throws(CommandLineError) -> (name: String, values: [Phenotype])? {
        guard let equals = spec.firstIndex(of: "=") else { return nil }
        let key = spec[..<equals].trimmingCharacters(in: .whitespaces)
        guard phenotypeNames.contains(key) else { return nil }
        let valid = Phenotype.allCases.map(\.rawValue)
        var values: [Phenotype] = []
        for item in spec[spec.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false) {
            let text = item.trimmingCharacters(in: .whitespaces)
            guard let phenotype = Phenotype(rawValue: text) else {
                throw .usage(command: name, message: "invalid --vary '\(spec)': " + UnknownName(.phenotype, text, valid: valid).description)
            }
            guard !values.contains(phenotype) else {
                throw .usage(command: name, message: "invalid --vary '\(spec)': phenotype '\(text)' given twice")
            }
            values.append(phenotype)
        }
        return (key, values)
    }

    /// The plasma concentration of the drug the lesson is about, then occupancy, tolerance and
    /// withdrawal: the key observables of the teaching scenarios.
    static func defaultColumns(_ scenario: Scenario, variations: [Variation]) -> [String] {
        let varied = variations.lazy.compactMap { v -> Int? in
            guard v.name.hasPrefix("doses["), let close = v.name.firstIndex(of: "]") else { return nil }
            return Int(v.name[v.name.index(v.name.startIndex, offsetBy: 6)..<close])
        }.first
        let available = Set(ModelBridge.columnNames(for: scenario))
        var columns: [String] = []
        if let dose = varied.flatMap({ $0 < scenario.doses.count ? scenario.doses[$0] : nil }) ?? scenario.doses.first {
            columns.append(dose.drug + "_plasma_nM")
        }
        columns += ["mu_occupancy_total", "tolerance_index", "withdrawal_index"]
        return columns.filter(available.contains)
    }

    /// A label for the room: "Morphine dose (mg)" for `doses[0].amount_mg`, the name otherwise.
    static func axisLabel(_ name: String, scenario: Scenario) -> String {
        guard name.hasPrefix("doses["), let close = name.firstIndex(of: "]"),
              let k = Int(name[name.index(name.startIndex, offsetBy: 6)..<close]), k < scenario.doses.count else {
            return name
        }
        let drug = scenario.doses[k].drug
        let title = drug.prefix(1).uppercased() + drug.dropFirst()
        switch name[name.index(after: close)...] {
        case ".amount_mg": return "\(title) dose"
        case ".every_h": return "\(title) dosing interval"
        case ".count": return "\(title): number of doses"
        case ".start_h": return "\(title): first dose at"
        case ".at_h": return "\(title) given at"
        case ".rate_mg_per_h": return "\(title) infusion rate"
        case ".duration_h": return "\(title) infusion duration"
        default: return name
        }
    }

    /// A value with the unit its name ends in: "30 mg", "6 h", "0.5 mg/h", "12 doses".
    static func valueLabel(_ value: Double, name: String) -> String {
        let number = NumberText.significant(value, 4)
        let units: [(String, String)] = [("_mg_per_h", " mg/h"), ("_l_per_h", " L/h"), ("_per_h", " /h"), ("_mg", " mg"),
                                         ("_h", " h"), ("_nM", " nM"), ("_l", " L"), (".count", " doses")]
        for (suffix, unit) in units where name.hasSuffix(suffix) { return number + unit }
        return number
    }
}
