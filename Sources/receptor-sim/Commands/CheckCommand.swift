import Pharmacology
import Reports
import ScenarioFiles

/// `receptor-sim check SCENARIO...`: validate without running.
enum CheckCommand: ReceptorSimCommand {
    static let name = "check"
    static let abstract = "Validate scenario files without running them."
    static let discussion = """
        Reports every problem in every file at once, as 'file:line: error: field: message'.
        With --timeline, prints the fully expanded event timeline (every dose with time, drug,
        route and amount; infusion starts and ends; stimulus windows) and the defaults applied,
        so you see exactly what will be simulated. Each file's line gives what a run will cost:
        administrations and events, output rows and columns, and the approximate CSV size.
        """
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "SCENARIO", help: "Scenario files to check.", repeating: true)],
        options: [OptionSpecification("--timeline", help: "Print the expanded event timeline and the resolved defaults."),
                  EventsOption.specification, LibraryOption.specification, StrictOption.specification]
            + ScenarioLimitOptions.specifications)

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let vocabulary = try LibraryOption.vocabulary(arguments)
        let limits = ScenarioLimitOptions.limits(arguments)
        let events = try EventsOption.table(arguments, console: console, command: name)
        var failed = false
        for file in arguments.positionals {
            do throws(ScenarioError) {
                let loaded = try ScenarioReader.load(path: file, vocabulary: vocabulary, limits: limits, events: events)
                if arguments.flag("--strict"), !loaded.warnings.isEmpty {
                    throw loaded.warnings.count == 1 ? loaded.warnings[0] : ScenarioError.multiple(loaded.warnings)
                }
                for warning in loaded.warnings { console.err(warning.warningDescription) }
                let scenario = loaded.scenario
                // Counted from the schedule, not by expanding it (the timeline below is bounded
                // by the limits once the file is valid).
                let cost = ScenarioCost(scenario, columnCount: scenario.output.columns?.count ?? vocabulary.columnNames(scenario).count)
                // File content is escaped, never echoed raw: a name must not drive the terminal.
                // Patches cost what infusions cost (a start and an end) but are named apart.
                let patches = scenario.doses.reduce(0.0) { total, dose in
                    if case .patch(_, _, let count, _, _) = dose.schedule { total + Double(count) } else { total }
                }
                let patchText = patches > 0 ? "\(ScenarioCost.count(patches)) patches, " : ""
                console.out(TerminalText.escaped("\(file): ok: \(scenario.name) (\(format(scenario.durationHours)) h, \(ScenarioCost.count(cost.doses)) doses, "
                    + "\(ScenarioCost.count(cost.infusions - patches)) infusions, \(patchText)\(scenario.events.count) events; "
                    + "\(ScenarioCost.count(cost.rows)) rows x \(ScenarioCost.count(cost.columns)) columns, about \(ScenarioCost.bytes(cost.estimatedBytes)))"))
                if arguments.flag("--timeline") { console.out(TerminalText.escapedLines(timeline(loaded))) }
            } catch {
                console.err(error.description)
                failed = true
            }
        }
        return failed ? 2 : 0
    }

    /// Whole numbers without a decimal point, others as Swift prints them (`0.25`, `1e-06`),
    /// matching the "defaults applied" lines.
    static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Times in the timeline: at most 8 significant digits, so columns stay aligned.
    static func formatTime(_ value: Double) -> String { CSVNumberFormat.significantDigits(8).format(value) }

    /// The timeline as an aligned table.
    static func timeline(_ loaded: LoadedScenario) -> String {
        let scenario = loaded.scenario
        var text = "  timeline (time in h):\n"
        if let start = scenario.steadyStateStart {
            // SS=1: what happened before t = 0, as a line above the first entry.
            text += "  steady state    \(start.drug) \(start.route.rawValue) \(format(start.amountMilligrams)) mg every "
                + "\(formatTime(start.intervalHours)) h since long before the run (last dose \(formatTime(start.hoursSinceLastDose)) h before t = 0; "
                + "the run starts at its periodic steady state)\n"
        }
        // The library as the scenario overrides it: a route's lag is the model's.
        let library = (try? ParameterCatalog.apply(scenario.parameterOverrides, to: ModelBridge.library)) ?? ModelBridge.library
        for entry in ScenarioTimeline.expand(scenario, library: library) {
            let time = formatTime(entry.timeHours)
            let padded = String(repeating: " ", count: max(0, 10 - time.count)) + time
            let what: String
            switch entry.kind {
            case .dose(let drug, let route, let amount):
                what = "dose            \(drug) \(route.rawValue) \(format(amount)) mg"
                    + (entry.lagHours > 0 ? " (absorbed from \(formatTime(entry.timeHours + entry.lagHours)) h)" : "")
                    + (entry.slowLagHours.map { " (slow share from \(formatTime(entry.timeHours + $0)) h)" } ?? "")
            case .infusionStart(let drug, let rate, .transdermal):
                what = "patch on        \(drug) transdermal \(format(rate * 1000)) µg/h"
            case .infusionEnd(let drug, .transdermal):
                what = "patch off       \(drug) (the skin depot goes on releasing)"
            case .infusionStart(let drug, let rate, let route):
                what = "infusion start  \(drug) \(route.rawValue) \(format(rate)) mg/h"
            case .infusionEnd(let drug, _):
                what = "infusion end    \(drug)"
            case .stimulusStart(let kind, let intensity):
                what = "stimulus start  \(kind.rawValue) intensity \(format(intensity))"
            case .stimulusEnd(let kind):
                what = "stimulus end    \(kind.rawValue)"
            }
            text += "  \(padded)  \(what)\n"
        }
        text += "  end of run at \(format(scenario.durationHours)) h\n"
        text += "  subject: \(scenario.subject.phenotype.rawValue), \(format(scenario.subject.weightKilograms)) kg\n"
        if !scenario.drugs.isEmpty {
            text += "  drugs defined as data:\n"
            for drug in scenario.drugs {
                let routes = drug.supportedRoutes.isEmpty ? "no routes (a metabolite)" : drug.supportedRoutes.map(\.rawValue).joined(separator: ", ")
                text += "    \(drug.id): \(drug.name); \(routes); terminal half-life \(CSVNumberFormat.significantDigits(3).format(drug.terminalHalfLifeHours)) h\n"
            }
        }
        if !scenario.parameterOverrides.isEmpty {
            text += "  parameter overrides:\n"
            for (name, value) in scenario.parameterOverrides.sorted(by: { $0.key < $1.key }) {
                text += "    \(name) = \(format(value))\n"
            }
        }
        text += "  output: every \(format(scenario.output.intervalHours)) h, columns: "
            + (scenario.output.columns?.joined(separator: ", ") ?? "all (\(ModelBridge.vocabulary.columnNames(scenario).count))") + "\n"
        text += "  solver: \(scenario.solver.method.rawValue), rtol \(format(scenario.solver.relativeTolerance)), atol \(format(scenario.solver.absoluteTolerance))\n"
        if loaded.resolvedDefaults.isEmpty {
            text += "  defaults applied: none"
        } else {
            text += "  defaults applied:\n" + loaded.resolvedDefaults.map { "    \($0)" }.joined(separator: "\n")
        }
        return text
    }
}
