/// One dose row of an event table, as the dose entry a scenario file would hold for it.
///
/// The entry goes through the scenario decoder (`ScenarioDecoder.decodeDose`) like any entry of
/// `doses`, so a table can never pass a check a scenario file would fail; `columns` names the
/// table column each key of the entry came from, for the decoder's messages.
struct EventTableRow: Sendable, Equatable {
    /// The 1-based line of the row in the table file.
    var line: Int
    /// A `doses` entry: `drug`, `route` and one schedule form (`at_h`, `start_h`/`every_h`/
    /// `count`, or `rate_mg_per_h`/`start_h`/`duration_h`).
    var entry: JSONValue
    /// Dose key to table column (`amount_mg` → `AMT`, `count` → `ADDL`).
    var columns: [String: String]
    /// The row's `ID` as written (nil without an ID column or cell).
    var subject: String? = nil
    /// For an `SS=1` row: the regimen's interval and the time from its last dose before the run
    /// to t = 0 (`SteadyStateStart`); the entry holds the regimen's doses from t = 0 on.
    var steadyState: (intervalHours: Double, hoursSinceLastDose: Double)? = nil

    static func == (a: EventTableRow, b: EventTableRow) -> Bool {
        a.line == b.line && a.entry == b.entry && a.columns == b.columns && a.subject == b.subject
            && a.steadyState?.intervalHours == b.steadyState?.intervalHours
            && a.steadyState?.hoursSinceLastDose == b.steadyState?.hoursSinceLastDose
    }
}
