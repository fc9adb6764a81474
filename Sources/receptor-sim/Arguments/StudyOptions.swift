import Foundation
import Pharmacology
import Studies

/// The study options' texts into Studies values: `--vary`, `--threshold`, `--variability`,
/// `--shard`. Parsing an option belongs to the command line, so a message about the text names
/// the option and Studies' own errors name fields (`doses[0].amount_mg`), not flags.
enum StudyOptions {
    /// `NAME=V1,V2,...` (an explicit list) or `NAME=FROM:TO:STEPS` (STEPS evenly spaced values
    /// including both ends) or `NAME=FROM:TO:STEPS:log` (geometrically spaced, FROM and TO > 0).
    /// STEPS = 1 gives FROM alone.
    /// - Throws: `.usage` ("invalid --vary 'TEXT': reason").
    static func variation(_ text: String, command: String) throws(CommandLineError) -> Variation {
        func bad(_ reason: String) -> CommandLineError { invalid("--vary", text, reason, command: command) }
        guard let equals = text.firstIndex(of: "=") else { throw bad("expected NAME=V1,V2,... or NAME=FROM:TO:STEPS[:log]") }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        let spec = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw bad("missing NAME before '='") }
        guard !spec.isEmpty else { throw bad("missing values after '='") }
        if spec.contains(":") {
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 3 || (parts.count == 4 && parts[3] == "log") else {
                throw bad("a range is FROM:TO:STEPS or FROM:TO:STEPS:log")
            }
            guard let from = Double(parts[0]), from.isFinite, let to = Double(parts[1]), to.isFinite else {
                throw bad("FROM and TO must be finite numbers")
            }
            guard let steps = Int(parts[2]), steps >= 1 else { throw bad("STEPS must be a whole number >= 1") }
            // Checked before the values are made: the grid limit would come too late for memory.
            guard steps <= SweepGrid.maximumPoints else {
                throw bad("STEPS must be at most \(SweepGrid.maximumPoints) (the largest sweep grid)")
            }
            let logarithmic = parts.count == 4
            if logarithmic, !(from > 0 && to > 0) { throw bad("a log range needs FROM and TO > 0") }
            return Variation(name: name, values: Variation.range(from: from, to: to, steps: steps, logarithmic: logarithmic))
        }
        var values: [Double] = []
        for item in spec.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            guard let value = Double(trimmed), value.isFinite else { throw bad("'\(trimmed)' is not a finite number") }
            values.append(value)
        }
        return Variation(name: name, values: values)
    }

    /// `column>value` (time above) or `column<value` (time below).
    /// - Throws: `.usage` ("invalid --threshold 'TEXT': reason").
    static func threshold(_ text: String, command: String) throws(CommandLineError) -> Threshold {
        func bad(_ reason: String) -> CommandLineError { invalid("--threshold", text, reason, command: command) }
        let above = text.firstIndex(of: ">")
        let below = text.firstIndex(of: "<")
        guard let split = above ?? below, (above == nil) != (below == nil) else { throw bad("expected COLUMN>VALUE or COLUMN<VALUE") }
        let column = text[..<split].trimmingCharacters(in: .whitespaces)
        let number = text[text.index(after: split)...].trimmingCharacters(in: .whitespaces)
        guard !column.isEmpty else { throw bad("missing COLUMN") }
        guard let value = Double(number), value.isFinite else { throw bad("'\(number)' is not a finite number") }
        return Threshold(column: column, above: above != nil, value: value)
    }

    /// `NAME=CV%` (`morphine.clearance_l_per_h=30%`; the `%` may be left out; 0 to 1000).
    /// - Throws: `.usage` ("invalid --variability 'TEXT': reason").
    static func variability(_ text: String, command: String) throws(CommandLineError) -> Variability {
        func bad(_ reason: String) -> CommandLineError { invalid("--variability", text, reason, command: command) }
        guard let equals = text.firstIndex(of: "=") else { throw bad("expected NAME=CV% (e.g. morphine.clearance_l_per_h=30%)") }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        var number = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        if number.hasSuffix("%") { number.removeLast() }
        guard !name.isEmpty else { throw bad("missing NAME before '='") }
        guard let percent = Double(number), percent.isFinite, percent >= 0, percent <= 1000 else {
            throw bad("CV must be a percentage from 0 to 1000")
        }
        return Variability(name: name, coefficientOfVariation: percent / 100)
    }

    /// `I/N`, I 0-based (`Shard.parse`, the reading a shard file's study line gets too).
    /// - Throws: `.usage` ("invalid --shard 'TEXT': reason").
    static func shard(_ text: String, command: String) throws(CommandLineError) -> Shard {
        guard let shard = Shard.parse(text) else { throw invalid("--shard", text, Shard.requirement, command: command) }
        return shard
    }

    private static func invalid(_ option: String, _ text: String, _ reason: String, command: String) -> CommandLineError {
        .usage(command: command, message: "invalid \(option) '\(text)': \(reason)")
    }
}
