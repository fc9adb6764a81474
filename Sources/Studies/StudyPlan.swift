import BuiltInLibrary
import Pharmacology

/// What every member of a study runs and what its summary row holds: the member's varied values,
/// the simulated columns, the metrics and thresholds, and (populations) the band columns.
package struct StudyPlan: Sendable {
    /// `sweep` or `population`: the first word of the study line.
    package enum Kind: String, Sendable { case sweep, population }

    package let kind: Kind
    package let parameters: StudyParameters
    /// Number of members (grid points or subjects).
    package let count: Int
    /// Columns with per-column metrics.
    package let metricColumns: [String]
    package let thresholds: [Threshold]
    /// Columns whose 5th/50th/95th percentiles over members are wanted (populations).
    package let bandColumns: [String]
    package let intervalHours: Double
    /// The method and tolerances every member is solved with: the scenario's own or what the
    /// command line set (`--method`, `--rtol`, `--atol`), passed to each member's simulation,
    /// so other settings reuse the compiled base instead of compiling it anew.
    package let solver: SolverSpecification
    /// Output rows per run (the uniform grid 0, Δ, 2Δ, ... up to the duration, the end included
    /// within 1e-9 Δ as the engine's output grid does). At most the caller's `maximumRowsPerRun`.
    package let rowsPerRun: Int
    /// The values of the varied quantities of member `index`.
    let valuesOf: @Sendable (Int) -> [Double]
    /// Every simulated column: metric columns, then threshold and band columns not among them.
    let simulatedColumns: [String]
    let thresholdIndices: [(column: Int, level: Double, above: Bool)]
    let bandIndices: [Int]

    /// A sweep over `grid`.
    /// - Throws: `StudyError` for unknown names, bad dose values, unknown columns.
    package static func sweep(grid: SweepGrid, base: CompiledModel, library: DrugLibrary = .builtIn,
                             metricColumns: [String], thresholds: [Threshold], intervalHours: Double,
                             solver: SolverSpecification? = nil,
                             maximumRowsPerRun: Double = .infinity) throws(StudyError) -> StudyPlan {
        let parameters = try StudyParameters(names: grid.variations.map(\.name), base: base, library: library)
        for v in grid.variations { try parameters.validate(v.name, v.values) }
        return try StudyPlan(kind: .sweep, parameters: parameters, count: grid.count, metricColumns: metricColumns,
                             thresholds: thresholds, bandColumns: [], intervalHours: intervalHours, solver: solver,
                             maximumRowsPerRun: maximumRowsPerRun, valuesOf: { grid.values(at: $0) })
    }

    /// A virtual population.
    /// - Throws: `StudyError` for unknown columns.
    package static func population(design: PopulationDesign, metricColumns: [String], thresholds: [Threshold],
                                  bandColumns: [String], intervalHours: Double, solver: SolverSpecification? = nil,
                                  maximumRowsPerRun: Double = .infinity) throws(StudyError) -> StudyPlan {
        try StudyPlan(kind: .population, parameters: design.parameters, count: design.size, metricColumns: metricColumns,
                      thresholds: thresholds, bandColumns: bandColumns, intervalHours: intervalHours, solver: solver,
                      maximumRowsPerRun: maximumRowsPerRun, valuesOf: { design.values(member: $0) })
    }

    init(kind: Kind, parameters: StudyParameters, count: Int, metricColumns: [String], thresholds: [Threshold],
         bandColumns: [String], intervalHours: Double, solver: SolverSpecification? = nil,
         maximumRowsPerRun: Double = .infinity,
         valuesOf: @escaping @Sendable (Int) -> [Double]) throws(StudyError) {
        let intervalProblems = ScenarioCheck.interval(intervalHours)
        guard intervalProblems.isEmpty else { throw .invalidValues(intervalProblems) }
        let solver = solver ?? parameters.base.scenario.solver
        // Checked here, before any member runs, so a bad grid fails at once (each member's
        // simulate repeats this cheap check on the settings it is given).
        let solverProblems = ScenarioCheck.tolerances(solver)
        guard solverProblems.isEmpty else { throw .invalidValues(solverProblems) }
        let durationHours = parameters.base.scenario.durationHours
        // The same test as the run command's `--interval` check (duration / interval <= cap).
        guard durationHours / intervalHours <= maximumRowsPerRun,
              let rows = Self.rowCount(durationHours: durationHours, intervalHours: intervalHours) else {
            let limit = maximumRowsPerRun >= 0 && maximumRowsPerRun < 0x1p62 ? "\(Int(maximumRowsPerRun))" : "2^62"
            throw .invalidValues([ScenarioProblem(path: "output.interval_h", .tooCostly(
                "\(ScenarioProblem.format(intervalHours)) h asks for more than \(limit) rows over \(ScenarioProblem.format(durationHours)) h"))])
        }
        let valid: [String]
        do {
            valid = try ReceptorModel.columnNames(for: parameters.base.scenario, library: parameters.library)
                + ReceptorModel.optionalColumnNames(for: parameters.base.scenario, library: parameters.library)
        }
        catch { throw .model("\(error)") }
        var seenColumns: Set<String> = []
        for column in metricColumns where !seenColumns.insert(column).inserted { throw .duplicateName(column) }
        var seenBands: Set<String> = []
        for column in bandColumns where !seenBands.insert(column).inserted { throw .duplicateName(column) }
        var simulated: [String] = []
        for column in metricColumns + thresholds.map(\.column) + bandColumns where !simulated.contains(column) {
            guard column != "time_h", valid.contains(column) else { throw .unknownColumn(column, valid: valid.filter { $0 != "time_h" }) }
            simulated.append(column)
        }
        self.kind = kind
        self.parameters = parameters
        self.count = count
        self.metricColumns = metricColumns
        self.thresholds = thresholds
        self.bandColumns = bandColumns
        self.intervalHours = intervalHours
        self.solver = solver
        rowsPerRun = rows
        self.valuesOf = valuesOf
        simulatedColumns = simulated
        thresholdIndices = thresholds.map { t in (simulated.firstIndex(of: t.column) ?? 0, t.value, t.above) }
        bandIndices = bandColumns.map { simulated.firstIndex(of: $0) ?? 0 }
    }

    /// Rows of the engine's uniform grid 0, Δ, 2Δ, ... up to `durationHours`: k Δ is a row while
    /// k Δ <= duration + 1e-9 Δ (`OutputCursor`), so 0.3 h at 0.1 h is 4 rows although
    /// 0.3 / 0.1 = 2.999.... nil when the count is not a representable `Int`.
    static func rowCount(durationHours: Double, intervalHours: Double) -> Int? {
        let quotient = (durationHours / intervalHours).rounded(.down)
        // Below 2^62 so that the +1 adjustments and Int conversion cannot overflow.
        guard quotient.isFinite, quotient >= 0, quotient < 0x1p62 else { return nil }
        let tolerance = durationHours + 1e-9 * intervalHours
        var last = Int(quotient)
        while Double(last + 1) * intervalHours <= tolerance { last += 1 }
        while last > 0, Double(last) * intervalHours > tolerance { last -= 1 }
        return last + 1
    }

    /// The summary header: index, status, error, the varied names, then the metric names.
    package func header(format: (Double) -> String) -> [String] {
        var names = [kind == .sweep ? "point" : "member"]
        if parameters.memberIDs != nil { names.append("subject_id") }
        names += ["status", "error"] + parameters.names
        for column in metricColumns { names += RunMetrics.perColumn.map { column + "_" + $0 } }
        return names + thresholds.map { $0.metricName(format: format) }
    }

    /// Runs member `index`: its values, and its metrics or the error that stopped it.
    func run(_ index: Int, recordBands: Bool, parameters: StudyParameters? = nil) -> MemberOutcome {
        let parameters = parameters ?? self.parameters
        let values = valuesOf(index)
        let metricCount = metricColumns.count
        var sink = RunMetrics(columnCount: simulatedColumns.count, thresholds: thresholdIndices,
                              recorder: recordBands && !bandIndices.isEmpty ? BandRecorder(columns: bandIndices, expectedRows: rowsPerRun) : nil)
        do {
            let model = try parameters.model(values: values, member: index)
            try sink.simulate(model, solver: solver, columns: simulatedColumns, intervalHours: intervalHours, extremaCount: metricCount)
        } catch {
            return MemberOutcome(index: index, values: values, metrics: nil, error: "\(error)", bands: nil, bandTimes: nil)
        }
        // Only the metric columns' metrics (the first metricCount columns) plus every threshold.
        let all = sink.values
        let perColumn = RunMetrics.perColumn.count
        let metrics = Array(all[0..<(metricCount * perColumn)]) + Array(all[(simulatedColumns.count * perColumn)...])
        return MemberOutcome(index: index, values: values, metrics: metrics, error: nil, bands: sink.recorder?.values, bandTimes: sink.recorder?.times)
    }
}

/// The result of one member.
struct MemberOutcome: Sendable {
    let index: Int
    let values: [Double]
    /// nil when the member failed.
    let metrics: [Double]?
    let error: String?
    let bands: [Float]?
    let bandTimes: [Double]?
}
