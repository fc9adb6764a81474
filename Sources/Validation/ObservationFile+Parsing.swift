import Pharmacology
import Foundation
import ScenarioFiles

extension ObservationFile {
    /// Reads an observations file, reporting every problem at once.
    ///
    /// - Parameters:
    ///   - text: the file's contents (LF or CRLF line ends).
    ///   - file: the path, for messages.
    ///   - columns: the CSV columns the paired scenario writes; every `observable` must be one.
    ///   - drugIDs: the library's drug ids, which `drug` must name (nil: not checked).
    ///   - durationHours: the scenario's run length; times past it are errors (nil: not checked).
    /// - Throws: `ValidationError.invalidStudy` with one issue per problem, in line order.
    package static func parse(
        _ text: String, file: String, columns: [String], drugIDs: Set<String>?, durationHours: Double?
    ) throws(ValidationError) -> ObservationFile {
        var issues: [ValidationIssue] = []
        func fail(_ line: Int, _ message: String) { issues.append(ValidationIssue(file: file, line: line, message: message)) }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text  // a UTF-8 byte-order mark
        // `\r\n` is one Character in Swift, so split on newline characters, not on "\n".
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var header: [String: [String]] = [:]
        var headerLine: [String: Int] = [:]
        var tableLine: Int?
        var observations: [Observation] = []
        var coverLines: [(line: Int, text: String)] = []
        let allKeys = requiredKeys + optionalKeys

        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if tableLine == nil {
                if line.hasPrefix("#") {
                    let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
                    guard let colon = body.firstIndex(of: ":") else {
                        fail(number, "expected a header line '# key: value' before the table, found '\(line)'")
                        continue
                    }
                    let key = body[..<colon].trimmingCharacters(in: .whitespaces)
                    let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    guard allKeys.contains(key) else {
                        fail(number, UnknownName("header key", key, valid: allKeys, fallback: UnknownName.listing("keys", allKeys)).description)
                        continue
                    }
                    if value.isEmpty { fail(number, "header key '\(key)' has no value") ; continue }
                    if header[key] != nil, !repeatableKeys.contains(key) {
                        fail(number, "header key '\(key)' given twice (first on line \(headerLine[key]!))")
                        continue
                    }
                    header[key, default: []].append(value)
                    if headerLine[key] == nil { headerLine[key] = number }
                    if key == "known_gap_covers" { coverLines.append((number, value)) }
                    continue
                }
                tableLine = number
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                if fields.joined(separator: ",") != columnHeader {
                    fail(number, "the table must start with the header line '\(columnHeader)', found '\(line)'")
                    break  // rows under a wrong header cannot be read column by column
                }
                continue
            }
            if line.hasPrefix("#") { continue }
            if let observation = parseRow(line, number: number, columns: columns, durationHours: durationHours, fail: fail) {
                observations.append(observation)
            }
        }

        let endOfHeader = tableLine ?? Swift.max(1, lines.count)
        for key in requiredKeys where header[key] == nil {
            fail(endOfHeader, "missing header key '\(key)' (required: \(requiredKeys.joined(separator: ", ")))")
        }
        if tableLine == nil {
            fail(endOfHeader, "no table: expected the header line '\(columnHeader)' after the '# key: value' lines")
        } else if observations.isEmpty && issues.allSatisfy({ $0.line < tableLine! }) {
            fail(tableLine!, "the table has no rows")
        }
        let evidenceText = header["evidence"]?.first ?? ""
        let evidence = EvidenceKind(rawValue: evidenceText)
        if header["evidence"] != nil, evidence == nil {
            let names = EvidenceKind.allCases.map(\.rawValue)
            fail(headerLine["evidence"]!, UnknownName("evidence", evidenceText, valid: names, fallback: UnknownName.listing("one of", names)).description)
        }
        var heldBack = false
        if let text = header["held_back"]?.first {
            switch text {
            case "true": heldBack = true
            case "false": heldBack = false
            default: fail(headerLine["held_back"]!, "held_back must be 'true' or 'false', found '\(text)'")
            }
        }
        let drugs = (header["drug"]?.first ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if header["drug"] != nil {
            if drugs.contains(where: \.isEmpty) {
                fail(headerLine["drug"]!, "drug must be library ids separated by commas, found '\(header["drug"]!.first!)'")
            } else if let drugIDs {
                for drug in drugs where !drugIDs.contains(drug) {
                    fail(headerLine["drug"]!, UnknownName("drug", drug, valid: Array(drugIDs)).description)
                }
            }
        }
        // Rows with problems are not read, so a covers line naming one of them is not judged.
        let rowsRead = tableLine.map { table in !issues.contains { $0.line > table } } ?? false
        let covers = checkedCovers(coverLines, hasKnownGap: header["known_gap"] != nil,
                                   labels: rowsRead ? observations.map(\.label) : nil, fail: fail)
        if !issues.isEmpty {
            throw .invalidStudy(issues.sorted { $0.line < $1.line })
        }
        func joined(_ key: String) -> String { header[key]!.joined(separator: " ") }
        return ObservationFile(
            title: joined("title"), citation: joined("citation"), obtained: joined("obtained"),
            population: joined("population"), drugs: drugs, evidence: evidence!, acceptance: joined("acceptance"),
            knownGap: header["known_gap"].map { $0.joined(separator: " ") }, knownGapCovers: covers, heldBack: heldBack,
            notes: header["note"] ?? [], observations: observations)
    }

    /// The `known_gap_covers` labels, spaces normalised (a line copied from `validate`'s aligned
    /// listing matches). Each must come with a `known_gap`, name a comparison of the study
    /// (`labels`; nil: rows unread, not judged) and be given once.
    private static func checkedCovers(
        _ lines: [(line: Int, text: String)], hasKnownGap: Bool, labels: [String]?, fail: (Int, String) -> Void
    ) -> [String] {
        var firstLine: [String: Int] = [:]
        var covers: [String] = []
        for (line, text) in lines {
            let label = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !hasKnownGap {
                fail(line, "known_gap_covers '\(text)' without a known_gap: add a '# known_gap:' line saying why the model misses it")
            } else if let labels, !labels.contains(label) {
                fail(line, "known_gap_covers: " + UnknownName(
                    "comparison", text, valid: labels, place: " in this study",
                    fallback: UnknownName.listing("its comparisons", labels)).description)
            } else if let first = firstLine[label] {
                fail(line, "known_gap_covers '\(text)' given twice (first on line \(first))")
            } else {
                firstLine[label] = line
                covers.append(label)
            }
        }
        return covers
    }

    /// One table row; nil (with the problems reported through `fail`) when it is invalid.
    private static func parseRow(
        _ line: String, number lineNumber: Int, columns: [String], durationHours: Double?, fail: (Int, String) -> Void
    ) -> Observation? {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count == 9 else {
            fail(lineNumber, "expected 9 fields (\(columnHeader)), found \(fields.count)")
            return nil
        }
        var valid = true
        func report(_ message: String) { fail(lineNumber, message); valid = false }
        let observable = fields[0]
        if !columns.contains(observable) {
            report("observable: " + UnknownName("column", observable, valid: columns, place: " for this scenario").description)
        }
        let statistic = ObservationStatistic(rawValue: fields[1])
        if statistic == nil {
            let names = ObservationStatistic.allCases.map(\.rawValue)
            report("statistic: " + UnknownName("statistic", fields[1], valid: names, fallback: UnknownName.listing("one of", names)).description)
        }
        func number(_ index: Int, _ name: String, required: Bool) -> Double? {
            let text = fields[index]
            if text.isEmpty {
                if required { report("\(name): a number is required") }
                return nil
            }
            guard let value = Double(text), value.isFinite, text.allSatisfy({ "0123456789.eE+-".contains($0) }) else {
                report("\(name): not a finite number: '\(text)'")
                return nil
            }
            return value
        }
        let time = number(2, "time_h", required: true)
        let end = number(3, "end_h", required: false)
        let value = number(4, "value", required: true)
        let sd = number(5, "sd", required: false)
        let lower = number(7, "lower", required: true)
        let upper = number(8, "upper", required: true)
        var subjects: Int?
        if !fields[6].isEmpty {
            if let n = Int(fields[6]), n >= 1 { subjects = n } else { report("n: must be a whole number >= 1, found '\(fields[6])'") }
        }
        if let time, time < 0 { report("time_h: must be >= 0, found \(fields[2])") }
        if let time, let durationHours, time > durationHours {
            report("time_h: \(fields[2]) h is after the end of the scenario's run (\(ValidationNumber.text(durationHours, digits: 6)) h)")
        }
        if let statistic {
            if statistic.isWindow {
                if fields[3].isEmpty { report("end_h: statistic '\(statistic.rawValue)' needs the end of its window") }
                if let end, let time, end <= time { report("end_h: must be after time_h (\(fields[2])), found \(fields[3])") }
                if let end, let durationHours, end > durationHours {
                    report("end_h: \(fields[3]) h is after the end of the scenario's run (\(ValidationNumber.text(durationHours, digits: 6)) h)")
                }
            } else if !fields[3].isEmpty {
                report("end_h: must be empty for statistic 'at', found '\(fields[3])'")
            }
        }
        if let sd, sd < 0 { report("sd: must be >= 0, found \(fields[5])") }
        if let lower, let upper, lower > upper { report("lower \(fields[7]) is above upper \(fields[8])") }
        guard valid, let statistic, let time, let value, let lower, let upper else { return nil }
        return Observation(
            line: lineNumber, observable: observable, statistic: statistic, timeHours: time, endHours: end, value: value,
            standardDeviation: sd, subjects: subjects, lower: lower, upper: upper)
    }
}
