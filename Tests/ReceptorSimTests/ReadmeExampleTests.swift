import Foundation
import Testing
import TestSupport

/// README.md's examples print what they show: every `$ swift run ... receptor-sim ...` block is
/// run with the debug binary (in the repository root, output files moved to a temporary
/// folder) and its standard output then standard error compared with the shown output
/// (`ReadmeExample` says how `...` elides).
///
/// When a change of the program changes a figure on purpose (say, how `--summary` finds peaks),
/// regenerate the blocks and review the diff:
///
///     swift build && RECEPTOR_SIM_UPDATE_README=1 swift test --filter ReadmeExampleTests
///
/// which rewrites the shown outputs in README.md from what the program prints, keeping their
/// `...` elisions, and still fails this run so the change is noticed.
@Suite struct ReadmeExampleTests {
    private static let readme = repositoryRoot.appendingPathComponent("README.md")

    @Test func readmeExamplesPrintWhatTheyShow() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let examples = ReadmeExample.all(in: text)
        // The quick start, check --timeline and run --summary at least.
        #expect(examples.count >= 3, "\(examples)")
        let directory = try makeTemporaryDirectory()
        var lines = text.components(separatedBy: "\n")
        var changed = false
        // Last first, so earlier line numbers stay valid while blocks are replaced.
        for example in examples.reversed() {
            let result = try runProduct("receptor-sim", example.arguments(writingInto: directory), directory: repositoryRoot)
            #expect(result.status == 0, "\(example): \(result.stderr)")
            let printed = OutputPattern.lines(result.stdout) + OutputPattern.lines(result.stderr)
            guard !OutputPattern.matches(example.shownOutput, printed) else { continue }
            Issue.record("""
                README.md:\(example.outputLines.lowerBound): '\(example)' printed
                \(printed.joined(separator: "\n"))
                but README.md shows
                \(example.shownOutput.joined(separator: "\n"))
                """)
            lines.replaceSubrange(example.outputLines, with: OutputPattern.regenerate(example.shownOutput, printed: printed))
            changed = true
        }
        if changed, ProcessInfo.processInfo.environment["RECEPTOR_SIM_UPDATE_README"] == "1" {
            try lines.joined(separator: "\n").write(to: Self.readme, atomically: true, encoding: .utf8)
            Issue.record("README.md rewritten from the program's output: review the diff")
        }
    }

    @Test func patternsElideLinesAndText() {
        let printed = ["a", "b 1.5 s", "c", "d", "e"]
        #expect(OutputPattern.matches(["a", "b ... s", "...", "e"], printed))
        #expect(OutputPattern.matches(["...", "c", "...", "e"], printed))
        #expect(OutputPattern.matches(["a", "b 1.5 s", "c", "d", "e"], printed))
        #expect(!OutputPattern.matches(["a", "b ... s", "c", "e"], printed))
        #expect(!OutputPattern.matches(["a", "b 2 s", "...", "e"], printed))
        #expect(!OutputPattern.matches(["...", "c"], printed))
        #expect(OutputPattern.lines("x,y  \r\n1,2\r\n") == ["x,y", "1,2"])
    }

    @Test func regenerationKeepsElisionsAndVaryingText() {
        let shown = ["head", "peak 0.17 at 360", "  ...", "rows: 7", "steps 10", "  ...", "wall ... s"]
        let printed = ["head", "peak 0.39 at 333", "x", "y", "rows: 7", "steps 12", "z", "wall 0.2 s"]
        #expect(OutputPattern.regenerate(shown, printed: printed)
            == ["head", "peak 0.39 at 333", "  ...", "rows: 7", "steps 12", "  ...", "wall ... s"])
        #expect(OutputPattern.matches(OutputPattern.regenerate(shown, printed: printed), printed))
        #expect(OutputPattern.regenerate(["a ... s", "b"], printed: ["a 1 s", "c"]) == ["a ... s", "c"])
    }

    @Test func shellWordsAndOutputFiles() {
        #expect(ReadmeExample.shellWords(#"run a.json --labels "A b,C" -o 'x y.csv'"#) == ["run", "a.json", "--labels", "A b,C", "-o", "x y.csv"])
        let readme = """
            ```sh
            $ swift run -c release receptor-sim run S.json \\
                --summary -o out/r.csv
            shown
            ```
            """
        let examples = ReadmeExample.all(in: readme)
        #expect(examples.count == 1)
        #expect(examples.first?.arguments == ["run", "S.json", "--summary", "-o", "out/r.csv"])
        #expect(examples.first?.shownOutput == ["shown"])
        #expect(examples.first?.arguments(writingInto: URL(fileURLWithPath: "/tmp/t")) == ["run", "S.json", "--summary", "-o", "/tmp/t/r.csv"])
    }
}
