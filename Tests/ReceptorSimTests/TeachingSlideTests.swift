import Foundation
import Testing
import TestSupport

/// The lesson plans' slide commands (`Scenarios/teaching/README.md`, the **Slides** blocks):
/// every lesson has some, and each runs through the built binary and writes one 16:9 slide.
@Suite struct TeachingSlideTests {
    static let readme = repositoryRoot.appendingPathComponent("Scenarios/teaching/README.md")

    /// A `receptor-sim ... --slide` command of the lesson plans, with the lesson it belongs to.
    struct SlideCommand: CustomTestStringConvertible, Sendable {
        var lesson: String
        var arguments: [String]
        var testDescription: String { arguments.prefix(4).joined(separator: " ") }
    }

    /// The commands of the `sh` blocks that contain `--slide`, continuation lines joined, each
    /// under the `## N.` heading it follows.
    static func slideCommands() throws -> [SlideCommand] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        var commands: [SlideCommand] = []
        var lesson = ""
        var inBlock = false
        var pending = ""
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !inBlock, line.hasPrefix("## ") { lesson = String(line.dropFirst(3)) }
            if trimmed.hasPrefix("```") {
                inBlock = !inBlock && trimmed == "```sh"
                pending = ""
                continue
            }
            guard inBlock else { continue }
            pending += (pending.isEmpty ? "" : " ") + trimmed
            if pending.hasSuffix("\\") { pending.removeLast(); continue }
            if pending.contains("--slide") { commands.append(SlideCommand(lesson: lesson, arguments: shellWords(pending))) }
            pending = ""
        }
        return commands
    }

    /// Splits a command line as a POSIX shell would for these commands: spaces separate words,
    /// single and double quotes group them (no escapes or expansions are used in the plans).
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = [], word = "", quote: Character? = nil, inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    @Test func everyLessonHasSlides() throws {
        let commands = try Self.slideCommands()
        let lessons = Set(commands.map(\.lesson))
        #expect(lessons.count == 3, "lessons with slides: \(lessons.sorted())")
        for prefix in ["1. ", "2. ", "3. "] {
            #expect(lessons.contains { $0.hasPrefix(prefix) }, "lesson \(prefix)has no slide command")
        }
        for command in commands {
            #expect(command.arguments.first == "receptor-sim")
            #expect(["plot", "compare", "report"].contains(command.arguments.dropFirst().first ?? ""))
            #expect(command.arguments.contains("--title"), "a slide needs a title: \(command.testDescription)")
            // Model 2 removes the per-receptor response and adaptation columns.
            #expect(!command.arguments.contains { $0.contains("_response") || $0.contains("_adaptation") })
        }
        #expect(commands.count >= 10)
    }

    @Test(arguments: try slideCommands())
    func slideCommandWritesOneSlide(_ command: SlideCommand) throws {
        let directory = try makeTemporaryDirectory()
        var arguments = Array(command.arguments.dropFirst())
        let index = try #require(arguments.firstIndex(of: "-o"))
        let output = directory.appendingPathComponent(URL(fileURLWithPath: arguments[index + 1]).lastPathComponent).path
        arguments[index + 1] = output
        let result = try runProduct("receptor-sim", arguments, directory: repositoryRoot)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty && result.stdout.isEmpty)
        let document = MarkupDocument.parse(try String(contentsOfFile: output, encoding: .utf8))
        #expect(document.parseError == nil)
        let root = try #require(document.elements.first { $0.name == "svg" }?.attributes)
        #expect(root["viewBox"] == "0 0 1920 1080")
        let sizes = document.elements.compactMap { $0.attributes["font-size"] }.compactMap(Double.init)
        #expect(sizes.allSatisfy { $0 >= 28 }, "font sizes \(sizes.filter { $0 < 28 })")
        let highlighted = document.elements.filter { $0.name == "path" && $0.attributes["class"] == "highlighted" }
        #expect((1...6).contains(highlighted.count))
        let title = try #require(command.arguments.firstIndex(of: "--title").map { command.arguments[$0 + 1] })
        #expect(document.text("text").first == title)
    }
}
