import Foundation
import Testing
import TestSupport

/// `receptor-bench`'s help, through the binary `swift build` puts beside receptor-sim (the
/// benchmarks themselves run by hand in release builds, never here).
@Suite struct BenchmarkHelpTests {
    private func runBench(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try runProduct("receptor-bench", arguments)
    }

    @Test func helpListsEverySubcommand() throws {
        for flag in ["--help", "-h", "help"] {
            let result = try runBench([flag])
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            for name in ["stiff", "model", "population", "help"] {
                #expect(result.stdout.contains("\n  \(name) "), "\(name) missing from \(flag)")
            }
        }
    }

    @Test(arguments: [
        ("stiff", "usage: receptor-bench stiff [options]\nstiff options:\n"),
        ("model", "usage: receptor-bench model [repeats [rhs-calls]]\n"),
        ("population", "usage: receptor-bench population [options]\npopulation options: "),
    ])
    func subcommandHelpPrintsItsUsage(subcommand: String, usagePrefix: String) throws {
        for flag in ["--help", "-h"] {
            let result = try runBench([subcommand, flag])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty)
            #expect(result.stdout.hasPrefix(usagePrefix), "\(result.stdout)")
        }
    }

    @Test func badUsageStillExitsTwo() throws {
        let unknown = try runBench(["bogus"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("receptor-bench: error: unknown subcommand 'bogus'\nusage: receptor-bench <subcommand>"))
        let model = try runBench(["model", "x"])
        #expect(model.status == 2)
        #expect(model.stderr.hasPrefix("receptor-bench: error: invalid value 'x' for 'repeats': expected an integer >= 1\n"))
    }
}
