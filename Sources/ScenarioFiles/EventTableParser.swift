import Pharmacology

/// Turns the text of an event table into dose entries, collecting every problem.
///
/// Only the table's own grammar is checked here (the header, cell counts, numbers, and the
/// NONMEM conventions of EVID, SS, ID, ADDL/II and RATE/DUR/AMT); what a dose may be is left to
/// the scenario decoder, which reads the entries built here.
struct EventTableParser {
    let file: String
    /// Problems of the header (the table cannot be read) and of rows, each with its row's ID.
    private(set) var problems: [EventTable.RowProblem] = []
    /// The `ID` of the row being read (nil for the header, a row without one, or a row whose
    /// cells do not match the header), given to its problems.
    private var subject: String?

    init(file: String) { self.file = file }

    private func location(_ column: String?, line: Int, index: Int = 0) -> FieldLocation {
        FieldLocation(file: file, path: column.map { "column '\($0)'" } ?? "", position: SourcePosition(line: line, column: index + 1))
    }

    private static func cells(_ line: Substring) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { cell in
            let trimmed = cell.trimmingWhitespace()
            return trimmed == "." ? "" : trimmed
        }
    }

    private mutating func report(_ problem: ScenarioError) {
        problems.append(EventTable.RowProblem(subject: subject, error: problem))
    }

    /// The table, its row problems in `rowProblems`; nil (with problems) when the header is
    /// unusable or missing.
    mutating func parse(_ text: String) -> EventTable? {
        var table = EventTable(file: file, rows: [], ignoredObservationRows: 0)
        var seenSubjects = Set<String>()  // the IDs in table.subjects, for an O(1) first-seen test
        var header: [String]?
        // Per subject, the line of its SS=1 row (one regimen per subject starts at steady state).
        var steadyStateLine: [String: Int] = [:]
        // LF, CRLF (one Character) and CR alone end a line, as in scenario files.
        for (offset, content) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = offset + 1
            let trimmed = content.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let columns = header else {
                header = readHeader(Self.cells(content), line: line)
                if header == nil { return nil }
                continue
            }
            subject = nil
            let cells = Self.cells(content)
            guard cells.count == columns.count else {
                report(.eventTable(location(nil, line: line),
                                   message: "row has \(cells.count) cells, the header has \(columns.count)"))
                continue
            }
            var row: [String: (text: String, index: Int)] = [:]
            for (index, (name, cell)) in zip(columns, cells).enumerated() where !cell.isEmpty { row[name] = (cell, index) }
            subject = row["ID"]?.text
            if let id = row["ID"], seenSubjects.insert(id.text).inserted { table.subjects.append(id.text) }
            if let evid = row["EVID"] {
                guard let value = number(evid, column: "EVID", line: line) else { continue }
                if value == 0 { table.ignoredObservationRows += 1; continue }
                if value != 1 {
                    report(.eventTable(location("EVID", line: line, index: evid.index), message:
                        "EVID \(evid.text) is not supported (1 = dose; 0 = observation, skipped)"))
                    continue
                }
            }
            if var entry = doseRow(row, line: line) {
                entry.subject = row["ID"]?.text
                if entry.steadyState != nil {
                    let subject = entry.subject ?? ""
                    if let first = steadyStateLine[subject] {
                        report(.eventTable(location("SS", line: line, index: row["SS"]?.index ?? 0), message:
                            "a second SS=1 row\(entry.subject.map { " for ID \($0)" } ?? "") (the first is on line \(first)); one regimen per subject can start at steady state"))
                        continue
                    }
                    steadyStateLine[subject] = line
                }
                table.rows.append(entry)
            }
        }
        if header == nil {
            report(.eventTable(location(nil, line: 0), message: "the event table is empty (expected a header: TIME,AMT,DRUG,ROUTE,...)"))
            return nil
        }
        table.rowProblems = problems
        return table
    }

    /// The upper-cased column names, or nil (with problems) when the header is unusable.
    private mutating func readHeader(_ cells: [String], line: Int) -> [String]? {
        let names = cells.map { $0.uppercased() }
        var ok = true
        var seen: Set<String> = []
        for (index, name) in names.enumerated() {
            let here = location(nil, line: line, index: index)
            if name == "CMT" {
                report(.eventTable(here, message:
                    "column 'CMT' is not supported: name the drug and route in DRUG and ROUTE columns (the model has no compartment numbers)"))
                ok = false
            } else if !EventTable.knownColumns.contains(name) {
                report(.unknownName(here, category: .column, name: cells[index],
                                    suggestions: NameSuggestion.suggestions(for: name, in: EventTable.knownColumns),
                                    valid: EventTable.knownColumns))
                ok = false
            } else if !seen.insert(name).inserted {
                report(.eventTable(here, message: "column '\(name)' appears twice"))
                ok = false
            }
        }
        for required in EventTable.requiredColumns where !names.contains(required) {
            report(.eventTable(location(nil, line: line), message: "missing column '\(required)'"))
            ok = false
        }
        return ok ? names : nil
    }

    private mutating func number(_ cell: (text: String, index: Int), column: String, line: Int) -> Double? {
        if let value = Double(cell.text), value.isFinite { return value }
        report(.invalidNumber(location(column, line: line, index: cell.index), literal: cell.text, requirement: .finite))
        return nil
    }

    /// The dose entry of one row (EVID 1), or nil with its problems.
    private mutating func doseRow(_ row: [String: (text: String, index: Int)], line: Int) -> EventTableRow? {
        var failed = false
        var values: [String: Double] = [:]
        for name in ["TIME", "AMT", "RATE", "DUR", "ADDL", "II", "SS"] {
            guard let cell = row[name] else { continue }
            if let value = number(cell, column: name, line: line) { values[name] = value } else { failed = true }
        }
        if failed { return nil }
        func fail(_ column: String, _ message: String) -> EventTableRow? {
            report(.eventTable(location(column, line: line, index: row[column]?.index ?? 0), message: message))
            return nil
        }
        let steadyState = values["SS"] == 1
        if let ss = values["SS"], ss != 0, ss != 1 {
            return fail("SS", "SS=\(row["SS"]!.text) is not supported (1: the subject starts at the regimen's steady state; 0 or empty: no steady state)")
        }
        guard let drug = row["DRUG"] else { return fail("DRUG", "no drug given (a dose row needs the library id of its drug)") }
        guard let route = row["ROUTE"] else { return fail("ROUTE", "no route given (a dose row needs a route name)") }
        guard row["TIME"] != nil else { return fail("TIME", "no time given (a dose row needs TIME in h)") }

        let here = SourcePosition(line: line, column: 1)
        var members: [JSONMember] = []
        var columns: [String: String] = [:]
        func add(_ key: String, _ kind: JSONValue.Kind, from column: String) {
            let position = SourcePosition(line: line, column: (row[column]?.index ?? 0) + 1)
            members.append(JSONMember(key: key, keyPosition: position, value: JSONValue(kind, at: position)))
            columns[key] = column
        }
        func given(_ column: String) -> JSONValue.Kind { .number(values[column]!, literal: row[column]!.text) }
        func derived(_ value: Double) -> JSONValue.Kind { .number(value, literal: ScenarioError.format(value)) }
        add("drug", .string(drug.text), from: "DRUG")
        add("route", .string(route.text), from: "ROUTE")

        // NONMEM: RATE 0 is a bolus.
        let rate = values["RATE"].flatMap { $0 == 0 ? nil : $0 }
        let amount = values["AMT"]
        let duration = values["DUR"]
        let additional = values["ADDL"] ?? 0
        if steadyState {
            if rate != nil || duration != nil {
                return fail("SS", "SS=1 on an infusion is not supported: a steady-state start needs doses every II h (bolus or depot routes)")
            }
            guard let interval = values["II"] else {
                return fail("SS", "SS=1 needs II, the interval of the regimen the subject is at steady state on (h)")
            }
            guard interval > 0 else {
                return fail("II", "II must be > 0 h with SS=1, found \(row["II"]!.text)")
            }
        }
        if rate != nil || duration != nil {
            if additional != 0 {
                return fail("ADDL", "ADDL on an infusion is not supported yet: give one row per infusion")
            }
            add("start_h", given("TIME"), from: "TIME")
            switch (amount, rate, duration) {
            case (let amount?, let rate?, let duration?):
                let product = rate * duration
                if abs(amount - product) > 1e-9 * max(abs(amount), abs(product)) {
                    return fail("AMT", "AMT \(row["AMT"]!.text) mg is not RATE x DUR = \(row["RATE"]!.text) mg/h x \(row["DUR"]!.text) h = \(ScenarioError.format(product)) mg; give two of AMT, RATE and DUR, or three that agree")
                }
                add("rate_mg_per_h", given("RATE"), from: "RATE")
                add("duration_h", given("DUR"), from: "DUR")
            case (nil, _?, _?):
                add("rate_mg_per_h", given("RATE"), from: "RATE")
                add("duration_h", given("DUR"), from: "DUR")
            case (let amount?, nil, let duration?):
                // A duration that is not > 0 goes to the decoder as given, which names it.
                add("rate_mg_per_h", duration > 0 ? derived(amount / duration) : given("AMT"), from: duration > 0 ? "AMT/DUR" : "AMT")
                add("duration_h", given("DUR"), from: "DUR")
            case (let amount?, let rate?, nil):
                add("rate_mg_per_h", given("RATE"), from: "RATE")
                add("duration_h", rate > 0 ? derived(amount / rate) : given("AMT"), from: rate > 0 ? "AMT/RATE" : "AMT")
            default:
                return fail("AMT", "no amount given: an infusion needs two of AMT, RATE and DUR (found only \(rate != nil ? "RATE" : "DUR"))")
            }
        } else {
            guard amount != nil else {
                return fail("AMT", "no amount given (a dose row needs AMT in mg; an infusion RATE and DUR)")
            }
            if additional != 0, !(additional > 0 && additional == additional.rounded()) {
                report(.invalidNumber(location("ADDL", line: line, index: row["ADDL"]!.index),
                                      literal: row["ADDL"]!.text, requirement: additional < 0 ? .nonNegative : .wholeNumber))
                return nil
            }
            if steadyState, let time = values["TIME"], time >= 0, let interval = values["II"] {
                // NONMEM: the subject has had AMT every II h up to the row's TIME. The doses at
                // or after t = 0 (TIME - k II, from the first one on, and the ADDL after TIME)
                // are this entry; the ones before t = 0 are the pre-run (SteadyStateStart).
                var before = (time / interval).rounded(.down)
                var first = time - before * interval
                if first >= interval * (1 - 1e-12) { before += 1; first = 0 }
                if first <= interval * 1e-12 { first = 0 }
                let count = before + 1 + additional
                add("start_h", derived(first), from: "TIME")
                add("every_h", given("II"), from: "II")
                add("count", .number(count, literal: "\(ScenarioError.format(count)) doses (TIME / II, the row's and ADDL)"), from: "ADDL")
                add("amount_mg", given("AMT"), from: "AMT")
                var entry = EventTableRow(line: line, entry: JSONValue(.object(members), at: here), columns: columns)
                entry.steadyState = (interval, first == 0 ? interval : interval - first)
                return entry
            }
            if additional == 0 {
                add("at_h", given("TIME"), from: "TIME")
            } else {
                guard row["II"] != nil else {
                    return fail("II", "ADDL \(row["ADDL"]!.text) needs II, the interval between doses (h)")
                }
                add("start_h", given("TIME"), from: "TIME")
                add("every_h", given("II"), from: "II")
                add("count", .number(additional + 1, literal: "\(ScenarioError.format(additional + 1)) doses (ADDL + 1)"), from: "ADDL")
            }
            add("amount_mg", given("AMT"), from: "AMT")
        }
        return EventTableRow(line: line, entry: JSONValue(.object(members), at: here), columns: columns)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
