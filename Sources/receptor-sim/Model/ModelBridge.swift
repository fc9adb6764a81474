import BuiltInLibrary
import Integrators
import Pharmacology
import Reports
import ScenarioFiles

/// One drug as `receptor-sim drugs` lists it.
struct DrugSummary: Sendable, Equatable {
    var id: String
    var name: String
    var routes: [Route]
    /// Central elimination half-life ln 2 · V1 / CL (what `<drug>.half_life_h` sets).
    var eliminationHalfLifeHours: Double
    /// Terminal half-life of the model's own disposition (slowest eigenvalue).
    var terminalHalfLifeHours: Double
}

/// One library value as `receptor-sim drugs NAME` shows it.
struct ParameterRow: Sendable, Equatable {
    var name: String
    var value: Double
    var unit: String
    var source: String
}

/// One settable parameter as `receptor-sim parameters` lists it.
struct ParameterReferenceRow: Sendable, Equatable {
    var name: String
    var value: Double
    var unit: String
    /// The valid values in short form ("> 0", "0 to 1") and why.
    var range: String
    var source: String
}

/// The only place the command line touches the Pharmacology model: the vocabulary for
/// validation, the library listing, and the simulation itself.
enum ModelBridge {
    static var library: DrugLibrary { .builtIn }

    /// The library, for `drugs` (metabolites included: they have no routes of their own).
    static func drugs(of library: DrugLibrary = library) -> [DrugSummary] {
        library.drugs.map {
            DrugSummary(id: $0.id, name: $0.name, routes: $0.supportedRoutes, eliminationHalfLifeHours: $0.eliminationHalfLifeHours,
                        terminalHalfLifeHours: $0.terminalHalfLifeHours)
        }
    }

    /// A drug's overridable parameters with units and sources; nil if the drug is unknown.
    static func parameters(ofDrug id: String, in library: DrugLibrary = library) -> [ParameterRow]? {
        guard let drug = library.drug(id) else { return nil }
        let prefix = id + "."
        var rows = ParameterCatalog.entries(of: library, drugIDs: [id])
            .filter { $0.name.hasPrefix(prefix) }
            .map { entry -> ParameterRow in
                let value = entry.value(in: library)
                return ParameterRow(name: entry.name, value: value.value, unit: entry.unit, source: value.source)
            }
        rows.append(ParameterRow(name: prefix + "half_life_h", value: drug.eliminationHalfLifeHours, unit: "h",
                                 source: "derived: central elimination half-life ln 2 x central_volume_l / clearance_l_per_h; "
                                    + "setting it sets clearance_l_per_h (not together with it); equals the terminal half-life only for a one-compartment drug"))
        return rows
    }

    /// Every settable parameter of `library` (catalogue order, each drug's derived
    /// `half_life_h` after its own rows), for `receptor-sim parameters`.
    /// - Complexity: O(number of library values).
    static func parameterReference(of library: DrugLibrary = library) -> [ParameterReferenceRow] {
        var rows: [ParameterReferenceRow] = []
        var lastDrugRow: [String: Int] = [:]
        let drugIDs = Set(library.drugs.map(\.id))
        for entry in ParameterCatalog.entries(of: library) {
            let value = entry.value(in: library)
            rows.append(ParameterReferenceRow(name: entry.name, value: value.value, unit: entry.unit,
                                              range: shortRange(entry.range), source: value.source))
            let head = String(entry.name.prefix { $0 != "." })
            if drugIDs.contains(head) { lastDrugRow[head] = rows.count - 1 }
        }
        // The derived half-lives, after each drug's last row (from the end, so indices hold).
        for drug in library.drugs.reversed() {
            guard let index = lastDrugRow[drug.id] else { continue }
            rows.insert(ParameterReferenceRow(
                name: drug.id + ".half_life_h", value: drug.eliminationHalfLifeHours, unit: "h", range: shortRange(.halfLife),
                source: "derived: central elimination half-life ln 2 x central_volume_l / clearance_l_per_h; setting it sets clearance_l_per_h"),
                at: index + 1)
        }
        return rows
    }

    /// "> 0", ">= 0", "0 to 1", "> 0 to 1": the bounds of a range without its reason.
    static func shortRange(_ range: ParameterRange) -> String {
        func number(_ value: Double) -> String { CSVNumberFormat.significantDigits(6).format(value) }
        if range.upperBound.isFinite {
            let low = range.includesLowerBound ? number(range.lowerBound) : "> \(number(range.lowerBound))"
            let high = range.includesUpperBound ? number(range.upperBound) : "< \(number(range.upperBound))"
            return "\(low) to \(high)"
        }
        return (range.includesLowerBound ? ">= " : "> ") + number(range.lowerBound)
    }

    /// The names scenarios may use, from the built-in library.
    static var vocabulary: ScenarioVocabulary {
        let library = self.library
        var ranges: [String: ParameterRange] = [:]
        for entry in ParameterCatalog.entries(of: library) { ranges[entry.name] = entry.range }
        let allRanges = ranges
        var vocabulary = ScenarioVocabulary(
            // Metabolites are listed with no routes, so dosing one says so instead of "unknown drug".
            drugRoutes: Dictionary(library.drugs.map { ($0.id, $0.supportedRoutes) }, uniquingKeysWith: { first, _ in first }),
            parameterNames: { scenario in
                (try? ReceptorModel.parameterNames(for: scenario, library: library)) ?? []
            },
            columnNames: { scenario in columnNames(for: scenario, library: library) },
            solverMethods: IntegrationMethod.allCases.map(\.rawValue),
            parameterRange: { name in allRanges[name] ?? ParameterCatalog.range(of: name, in: library) })
        vocabulary.reservedDrugIDs.formUnion(library.peptides.map(\.id))
        vocabulary.plausibleDoses = PlausibleDoseTable.builtIn
        vocabulary.amendableDrugs = library.drugs
        vocabulary.optionalColumnNames = { scenario in (try? ReceptorModel.optionalColumnNames(for: scenario, library: library)) ?? [] }
        return vocabulary
    }

    /// Every data column of a scenario (without `time_h`, which the CSV writer puts first).
    static func columnNames(for scenario: Scenario, library: DrugLibrary = .builtIn) -> [String] {
        ((try? ReceptorModel.columnNames(for: scenario, library: library)) ?? []).filter { $0 != "time_h" }
    }

    /// Compiles and simulates `scenario`, streaming rows of `columns` into `sink` at the
    /// scenario's output interval, or at `outputTimes` when given (ascending, within the run),
    /// and finds the peaks and troughs of the `extremaOf` columns (within `window`) on the
    /// solution itself.
    /// - Throws: as `CommandLineError(_:file:)` maps the model's errors: `.invalidSettings` or
    ///   `.model` when the model rejects the scenario (exit 2), `.simulation` for solver and
    ///   steady-state failures (exit 1), `.output` when writing fails.
    static func simulate<Sink: ObservableSink>(
        _ scenario: Scenario, solver: SolverSpecification? = nil, file: String, columns: [String], outputTimes: [Double]? = nil,
        extremaOf: [String] = [], window: ClosedRange<Double>? = nil, into sink: inout Sink
    ) throws(CommandLineError) -> (statistics: SolverStatistics, extremes: [ObservableExtremes]) {
        try simulate(scenario, solver: solver, file: file, columns: columns, outputTimes: outputTimes,
                     extremaOf: extremaOf.map { (column: $0, window: window) }, into: &sink)
    }

    /// `simulate` with the extremes of each (column, window) pair, all in one solve
    /// (`validate`: one pair per observed window extreme). Throws as `simulate`.
    /// - Parameter solver: the run's method and tolerances (`ScenarioLoading.apply`; nil: the
    ///   scenario's own), passed to the simulation: the compiled model does not depend on them.
    static func simulate<Sink: ObservableSink>(
        _ scenario: Scenario, solver: SolverSpecification? = nil, file: String, columns: [String], outputTimes: [Double]? = nil,
        extremaOf: [(column: String, window: ClosedRange<Double>?)], into sink: inout Sink
    ) throws(CommandLineError) -> (statistics: SolverStatistics, extremes: [ObservableExtremes]) {
        let model = try ScenarioLoading.compile(scenario, file: file)
        do {
            return try ReceptorModel.simulate(model, solver: solver, columns: columns, intervalHours: scenario.output.intervalHours,
                                              outputTimes: outputTimes, extremaOf: extremaOf, into: &sink)
        } catch {
            throw CommandLineError(error, file: file)
        }
    }
}

/// Streams model rows into the CSV writer and (with `--chart`) the chart.
struct CSVRowSink: ObservableSink {
    let writer: CSVWriter
    var chart: ChartRows?

    mutating func receive(timeHours: Double, values: UnsafeBufferPointer<Double>) throws {
        try writer.writeRow(time: timeHours, values: values)
        chart?.record(time: timeHours, values: values)
    }
}

/// Keeps only the (at most two) charted columns of each row for `run --chart`, through a
/// `TimeSeriesReducer`, so the chart costs a bounded number of rows however long the run.
struct ChartRows {
    private let indices: [Int]
    private var builder: TimeSeriesReducer

    init(columns: [String]) {
        let chosen = TerminalChart.defaultColumns(available: columns)
        indices = chosen.compactMap { columns.firstIndex(of: $0) }
        builder = TimeSeriesReducer(columnNames: chosen)
    }

    mutating func record(time: Double, values: UnsafeBufferPointer<Double>) {
        builder.append(timeHours: time, indices.map { values[$0] })
    }

    /// The chart text, or why there is none.
    func render() -> String {
        do {
            return try TerminalChart().render(table: builder.build(), columns: builder.columnNames)
        } catch {
            return "receptor-sim: no chart: \(error)"
        }
    }
}
