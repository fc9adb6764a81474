import ScenarioFiles

/// `--events FILE.csv`: a NONMEM-style event table whose dose rows are appended to the
/// scenario's `doses` (`EventTable`), the same for every command that reads a scenario and
/// takes it (run, check, and the studies through `StudyCommandSupport.Setup`).
enum EventsOption {
    static let specification = OptionSpecification(
        "--events", .path("FILE.csv"),
        help: "Append the doses of a NONMEM-style event table (TIME, AMT, DRUG, ROUTE, RATE, DUR, ADDL, II, SS, EVID, ID; see README) to the scenario's doses.")

    /// The table `--events` names (nil without the option), with a note on standard error for
    /// the observation rows (EVID 0) it skipped.
    /// - Throws: `.scenario` (exit 2) when the table cannot be read (encoding, header). The rows'
    ///   problems travel in the table to the scenario decoder, reported with the doses' own.
    /// - Parameter command: the command, named in the error for a table of several subjects
    ///   (`ID`s), which only `population` takes (`severalSubjects`).
    static func table(_ arguments: ParsedArguments, console: Console?, command: String,
                      severalSubjects: Bool = false) throws(CommandLineError) -> EventTable? {
        guard let path = arguments.value("--events") else { return nil }
        let table: EventTable
        do throws(ScenarioError) {
            table = try EventTable.load(path: path)
        } catch {
            throw .scenario(error)
        }
        if table.subjects.count > 1, !severalSubjects {
            let shown = table.subjects.prefix(5).joined(separator: ", ") + (table.subjects.count > 5 ? ", ..." : "")
            throw .usage(command: command, message: "\(path) has \(table.subjects.count) subjects (ID \(shown)); '\(command)' simulates one: "
                + "give one subject's rows, or run 'population --events' (member k gets the regimen of the k-th ID)")
        }
        if table.ignoredObservationRows > 0 {
            let rows = table.ignoredObservationRows == 1 ? "1 observation row" : "\(table.ignoredObservationRows) observation rows"
            console?.err(TerminalText.escaped("\(path): note: \(rows) (EVID 0) skipped; only dose rows (EVID 1) are read"))
        }
        return table
    }
}
