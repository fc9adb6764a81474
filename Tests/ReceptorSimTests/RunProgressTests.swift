import Foundation
import Testing
import TestSupport

/// Progress of `run` on standard error: plain lines when stderr is not a terminal (as here,
/// a pipe), only for runs longer than about a second, nothing with `--quiet`.
@Suite struct RunProgressTests {
    /// Four weeks of morphine and a week without: several seconds in a debug build.
    private let scenario = repositoryRoot.appendingPathComponent("Scenarios/morphine-abrupt-stop.json").path

    @Test(arguments: [false, true])
    func progressLinesUnlessQuiet(quiet: Bool) throws {
        let output = try makeTemporaryDirectory().appendingPathComponent("out.csv").path
        let result = try runReceptorSim(
            ["run", scenario, "-o", output, "--interval", "2", "--columns", "withdrawal_index", "--chart"] + (quiet ? ["--quiet"] : []),
            // Progress from the first update, whatever the machine's speed.
            environment: ["RECEPTOR_SIM_PROGRESS_DELAY_S": "0"])
        #expect(result.status == 0, "\(result.stderr)")
        // The chart goes to standard output (the CSV is in a file), never mixed with progress.
        #expect(result.stdout.hasPrefix("withdrawal_index ("))
        let csv = try String(contentsOfFile: output, encoding: .utf8)
        #expect(csv.components(separatedBy: "\r\n").count == 1 + 421 + 1)
        if quiet {
            #expect(result.stderr.isEmpty)
        } else {
            let lines = result.stderr.split(separator: "\n").map(String.init)
            // "FILE: 42% (353/840 h), 120 h/s, 4 s left" lines, then "FILE: done, 840 h in 7 s".
            try #require(!lines.isEmpty, "no progress lines")
            // Labelled by the file name alone, so the bar fits a narrow terminal.
            #expect(lines.allSatisfy { $0.hasPrefix("morphine-abrupt-stop.json: ") })
            #expect(lines.dropLast().allSatisfy { $0.contains("% (") && $0.contains("/840 h), ") && $0.contains(" h/s") })
            #expect(lines.last?.hasPrefix("morphine-abrupt-stop.json: done, 840 h in ") == true, "\(lines)")
            #expect(!result.stderr.contains("\r"))
        }
    }

    @Test func helpListsQuiet() throws {
        let help = try runReceptorSim(["run", "--help"])
        #expect(help.stdout.contains("-q, --quiet"))
        #expect(help.stdout.contains("[--chart] [--quiet]"))
    }
}
