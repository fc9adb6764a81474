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
}
