import Pharmacology

/// A NONMEM-style dosing record (`--events FILE.csv`), the form researchers coming from
/// NONMEM, mrgsolve and rxode2 keep their regimens in, read into scenario dose entries.
///
/// Columns (case-insensitive, in any order): `TIME` (h), `AMT` (mg), `DRUG` and `ROUTE` (the
/// library's ids and route names), `RATE` (mg/h), `DUR` (h), `ADDL`, `II` (h), `SS`, `EVID`,
/// `ID`. An empty cell or `.` is "not given"; blank lines and lines starting with `#` are
/// skipped. The table only translates: every row becomes the `doses` entry a scenario file
/// would hold and is validated by the scenario decoder (`EventTable+Doses.swift`), so names,
/// ranges, the run's end and the cost limits are checked exactly once, in one place.
///
/// `SS=1` (with `II`): the subject has had `AMT` every `II` h since long before the run, up to
/// the row's `TIME` (and `ADDL` doses after it); the run starts at that regimen's periodic
/// steady state (`SteadyStateStart`, at most one such row per subject). `ID`: each subject's
/// rows are its own regimen; `population` gives member k the regimen of the k-th ID
/// (`subject(_:)`), a single run takes a table of one subject.
///
/// What is not supported yet is refused with the line, never ignored: `CMT` (name the drug and
/// route instead), SS other than 0 and 1, `SS=1` on an infusion, EVID other than 0 and 1, and
/// `ADDL` on an infusion.
public struct EventTable: Sendable, Equatable {
    /// The columns a table may have, in the order the documentation lists them.
    public static let knownColumns = ["ID", "TIME", "AMT", "DRUG", "ROUTE", "RATE", "DUR", "ADDL", "II", "SS", "EVID"]
    /// The columns every table must have.
    static let requiredColumns = ["TIME", "DRUG", "ROUTE"]

    /// The file name as the user gave it, used in messages.
    public var file: String
    /// The dose rows (EVID 1 or no EVID), in file order.
    var rows: [EventTableRow]
    /// Rows with EVID 0 (observation records), which carry no dose and are skipped.
    public var ignoredObservationRows: Int

    /// The `ID`s of the table in order of first appearance (empty without an ID column).
    public var subjects: [String] = []

    /// A problem of one row, with the row's `ID` (nil when the row has none or its cells do
    /// not match the header), so each subject's table keeps its own.
    struct RowProblem: Sendable, Equatable {
        var subject: String?
        var error: ScenarioError
    }
    /// The problems of rows that could not be read (they hold no dose); the scenario decoder
    /// reports them with the problems of the doses, so one report names every row.
    var rowProblems: [RowProblem] = []

    /// The number of dose rows.
    public var doseRowCount: Int { rows.count }

    /// The table of one subject: its dose rows only (observation rows are not kept per subject),
    /// with the problems of its rows and of rows whose ID is unknown (never silently dropped).
    public func subject(_ id: String) -> EventTable {
        EventTable(file: file, rows: rows.filter { $0.subject == id }, ignoredObservationRows: 0, subjects: [id],
                   rowProblems: rowProblems.filter { $0.subject == id || $0.subject == nil })
    }

    /// Reads and parses the table at `path` (at most `ScenarioLimits.maximumFileBytes`). Rows
    /// with problems are left out of `rows`; their problems are reported by the scenario
    /// decoder, so read a table through it, not `rows` alone.
    /// - Throws: `ScenarioError`: unreadable, too large, or no readable header.
    public static func load(path: String) throws(ScenarioError) -> EventTable {
        try parse(ScenarioReader.readBytes(path: path), file: path)
    }

    /// Parses table text held in memory. A row's problems do not stop the others: they are
    /// kept in `rowProblems` and reported by the scenario decoder with the doses' own.
    /// - Complexity: O(n) in the size of the text.
    /// - Throws: `ScenarioError` when the table cannot be read at all (encoding, header).
    public static func parse(_ bytes: [UInt8], file: String) throws(ScenarioError) -> EventTable {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidUTF8(file: file, position: SourcePosition(line: 1, column: 1))
        }
        var parser = EventTableParser(file: file)
        if let table = parser.parse(text) { return table }
        let problems = parser.problems.map(\.error)
        if problems.count == 1, let only = problems.first { throw only }
        throw .multiple(problems)
    }

    /// Text convenience for tests.
    public static func parse(_ text: String, file: String) throws(ScenarioError) -> EventTable {
        try parse(Array(text.utf8), file: file)
    }
}
