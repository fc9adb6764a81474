import Foundation

/// One example of README.md: a fenced block whose first line is `$ swift run ... receptor-sim
/// ARGS` (continued by trailing backslashes), followed by the output it shows.
///
/// Shown output is a pattern: a line that is only `...` (indentation allowed) stands for any
/// number of lines, `...` inside a line for any text (a wall time); trailing spaces and the CSV's
/// CR are ignored. Everything else must be printed exactly.
struct ReadmeExample: CustomStringConvertible {
    /// The command as written, on one line (continuations joined).
    let commandLine: String
    /// The arguments after `receptor-sim`.
    let arguments: [String]
    /// The shown output, one pattern line each.
    let shownOutput: [String]
    /// Where the shown output lies in the README's lines (for regeneration).
    let outputLines: Range<Int>

    var description: String { commandLine }

    /// Every example of the README text, in order.
    static func all(in readme: String) -> [ReadmeExample] {
        let lines = readme.components(separatedBy: "\n")
        var examples: [ReadmeExample] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index].hasPrefix("```"), index + 1 < lines.count, lines[index + 1].hasPrefix("$ swift run ") else { continue }
            var command = ""
            var next = index + 1
            while next < lines.count {
                let line = lines[next]
                next += 1
                if line.hasSuffix("\\") {
                    command += line.dropLast() + " "
                } else {
                    command += line
                    break
                }
            }
            var end = next
            while end < lines.count, !lines[end].hasPrefix("```") { end += 1 }
            let words = shellWords(String(command.dropFirst(2)))
            guard let program = words.firstIndex(of: "receptor-sim") else { continue }
            examples.append(ReadmeExample(
                commandLine: command.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "),
                arguments: Array(words[(program + 1)...]), shownOutput: Array(lines[next..<end]), outputLines: next..<end))
            index = end
        }
        return examples
    }

    /// Words of a shell command line: split at blanks, with '...' and "..." quoting.
    static func shellWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// The arguments with every output file (`-o FILE`, `--output FILE`, `--bands FILE`, but
    /// not `-`) moved into `directory`, so running an example never writes into the repository.
    func arguments(writingInto directory: URL) -> [String] {
        var result = arguments
        for i in result.indices.dropLast() where ["-o", "--output", "--bands"].contains(result[i]) && result[i + 1] != "-" {
            result[i + 1] = directory.appendingPathComponent(URL(fileURLWithPath: result[i + 1]).lastPathComponent).path
        }
        return result
    }
}

/// Matching shown output (with `...`) against printed output, and regenerating the shown output
/// from a new one while keeping its elisions.
enum OutputPattern {
    /// Printed text as lines: CRLF as LF, trailing spaces and the final empty line dropped.
    static func lines(_ text: String) -> [String] {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n").map(trimmingTrailingSpaces)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line.removeLast() }
        return String(line)
    }

    static func isElision(_ line: String) -> Bool { line.trimmingCharacters(in: .whitespaces) == "..." }

    /// One pattern line against one printed line (`...` inside the pattern matches any text).
    static func lineMatches(_ pattern: String, _ line: String) -> Bool {
        let pattern = trimmingTrailingSpaces(pattern)
        guard pattern.contains("...") else { return pattern == line }
        let parts = pattern.components(separatedBy: "...")
        guard line.hasPrefix(parts[0]), line.count >= parts[0].count + parts[parts.count - 1].count,
              line.hasSuffix(parts[parts.count - 1]) else { return false }
        var rest = line.dropFirst(parts[0].count).dropLast(parts[parts.count - 1].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }

    /// Whether the printed lines match the pattern lines.
    /// - Complexity: O(p n) for p pattern lines and n printed lines.
    static func matches(_ pattern: [String], _ printed: [String]) -> Bool {
        // reachable[j]: the pattern so far can end just before printed line j.
        var reachable = [Bool](repeating: false, count: printed.count + 1)
        reachable[0] = true
        for line in pattern {
            var next = [Bool](repeating: false, count: printed.count + 1)
            if isElision(line) {
                var any = false
                for j in 0...printed.count {
                    any = any || reachable[j]
                    next[j] = any
                }
            } else {
                for j in 0..<printed.count where reachable[j] && lineMatches(line, printed[j]) { next[j + 1] = true }
            }
            reachable = next
        }
        return reachable[printed.count]
    }

    /// New shown output for `printed`: the pattern itself when it still matches; otherwise the
    /// printed lines with the pattern's elisions kept. Runs of shown lines between elisions are
    /// placed at the start (the first run), at the end (the last run) or where most of their
    /// lines still match (the others), and take the printed lines there. A pattern line that
    /// still matches its printed line is kept (it may hold a `...` for varying text).
    static func regenerate(_ pattern: [String], printed: [String]) -> [String] {
        if matches(pattern, printed) { return pattern }
        var runs: [[String]] = [[]]
        var elisions: [String] = []
        for line in pattern {
            if isElision(line) {
                elisions.append(line)
                runs.append([])
            } else {
                runs[runs.count - 1].append(line)
            }
        }
        func keep(_ run: [String], at start: Int) -> [String] {
            zip(run, printed[start..<(start + run.count)]).map { lineMatches($0, $1) ? $0 : $1 }
        }
        func score(_ run: [String], at start: Int) -> Int {
            zip(run, printed[start..<(start + run.count)]).filter { lineMatches($0, $1) }.count
        }
        guard !elisions.isEmpty else {
            return runs[0].count == printed.count ? keep(runs[0], at: 0) : printed
        }
        guard runs.map(\.count).reduce(0, +) <= printed.count else { return printed }
        var result: [String] = []
        var position = 0
        for (k, run) in runs.enumerated() {
            let remaining = runs[(k + 1)...].map(\.count).reduce(0, +)
            let start: Int
            if k == 0 {
                start = 0
            } else if k == runs.count - 1 {
                start = printed.count - run.count
            } else {
                let last = printed.count - remaining - run.count
                start = (position...max(position, last)).max { a, b in
                    score(run, at: a) < score(run, at: b) || (score(run, at: a) == score(run, at: b) && a > b)
                } ?? position
            }
            result += keep(run, at: start)
            position = start + run.count
            if k < elisions.count { result.append(elisions[k]) }
        }
        return result
    }
}
