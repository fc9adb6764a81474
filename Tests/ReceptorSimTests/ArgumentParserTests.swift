import Testing
@testable import receptor_sim

@Suite struct ArgumentParserTests {
    private let specification = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "SCENARIO", help: "")],
        options: [
            OptionSpecification("--output", short: "-o", value: "FILE", help: ""),
            OptionSpecification("--interval", value: "H", help: ""),
            OptionSpecification("--summary", help: ""),
            OptionSpecification("--vary", value: "SPEC", repeatable: true, help: ""),
        ])

    private func parse(_ arguments: [String]) throws(CommandLineError) -> ParsedArguments {
        try ArgumentParser.parse(arguments, command: "run", specification: specification)
    }

    private func usageMessage(_ arguments: [String]) -> String {
        do {
            _ = try parse(arguments)
            return "parsed"
        } catch {
            return error.description
        }
    }

    @Test func repeatableOptionKeepsEveryValueInOrder() throws {
        let parsed = try parse(["a.json", "--vary", "a=1,2", "--vary=b=3", "--vary", "c=4"])
        #expect(parsed.allValues("--vary") == ["a=1,2", "b=3", "c=4"])
        #expect(parsed.allValues("--interval") == [])
        #expect(try parse(["a.json"]).allValues("--vary") == [])
    }

    @Test func parsesOptionsFlagsAndPositionals() throws {
        let parsed = try parse(["a.json", "-o", "-", "--interval=0.5", "--summary"])
        #expect(parsed.positionals == ["a.json"])
        #expect(parsed.value("--output") == "-")
        #expect(parsed.value("--interval") == "0.5")
        #expect(parsed.flag("--summary"))
        #expect(!parsed.helpRequested)
        let dashed = try parse(["--", "-weird.json"])
        #expect(dashed.positionals == ["-weird.json"])
        #expect(try parse(["x", "--interval", "-1"]).value("--interval") == "-1")
        #expect(try parse(["--help", "--bogus"]).helpRequested)
    }

    @Test func helpfulUsageErrors() {
        #expect(usageMessage(["a.json", "--intervall", "1"]) == "receptor-sim run: error: unknown option '--intervall'; did you mean '--interval'?\nSee 'receptor-sim run --help'.")
        #expect(usageMessage(["a.json", "-o"]) == "receptor-sim run: error: option '--output' needs a value (FILE)\nSee 'receptor-sim run --help'.")
        #expect(usageMessage(["a.json", "--summary=yes"]) == "receptor-sim run: error: option '--summary' takes no value\nSee 'receptor-sim run --help'.")
        #expect(usageMessage(["a.json", "-o", "x", "-o", "y"]) == "receptor-sim run: error: option '--output' given more than once\nSee 'receptor-sim run --help'.")
        #expect(usageMessage([]) == "receptor-sim run: error: missing SCENARIO\nSee 'receptor-sim run --help'.")
        #expect(usageMessage(["a.json", "b.json"]) == "receptor-sim run: error: unexpected argument 'b.json'\nSee 'receptor-sim run --help'.")
    }

    @Test func typedValues() throws {
        #expect(try ArgumentParser.positiveNumber("0.25", option: "--interval", command: "run") == 0.25)
        #expect(throws: CommandLineError.usage(command: "run", message: "option '--interval' needs a finite number > 0, found 'nan'")) {
            try ArgumentParser.positiveNumber("nan", option: "--interval", command: "run")
        }
        #expect(try ArgumentParser.integer("6", option: "--precision", in: 1...17, command: "run") == 6)
        #expect(throws: CommandLineError.usage(command: "run", message: "option '--precision' needs a whole number from 1 to 17, found '0'")) {
            try ArgumentParser.integer("0", option: "--precision", in: 1...17, command: "run")
        }
        #expect(try ArgumentParser.list("a, b,c", option: "--columns", command: "run") == ["a", "b", "c"])
        #expect(throws: CommandLineError.self) { try ArgumentParser.list("a,,b", option: "--columns", command: "run") }
    }

    @Test func everyCommandHasHelpListingItsOptions() {
        for command in CommandRegistry.all {
            let help = command.help
            #expect(help.contains("USAGE: receptor-sim \(command.name) "))
            for option in command.arguments.options { #expect(help.contains(option.name)) }
        }
        #expect(ReceptorSimCommandLine.help.contains("  run "))
    }
}

/// The usage line is made from the option declarations, so it lists every option a command
/// accepts (the hand-written `sweep` line had lost --interval, --method, --rtol, --atol,
/// --quiet and --events).
@Suite struct GeneratedUsageTests {
    @Test func everyDeclaredOptionIsInTheUsageLine() throws {
        for command in CommandRegistry.all where command.name != "export" {
            let help = try runReceptorSim([command.name, "--help"]).stdout
            let usage = try #require(help.split(separator: "\n").first { $0.hasPrefix("USAGE: ") })
            for option in command.arguments.options {
                #expect(usage.contains(option.usage), "\(command.name): \(option.name)")
            }
        }
        let sweep = try runReceptorSim(["sweep", "--help"]).stdout
        #expect(sweep.contains("""
            USAGE: receptor-sim sweep SCENARIO --vary SPEC... [-o FILE] [--columns a,b,c] [--threshold SPECS]... [--interval H] \
            [--method NAME] [--rtol R] [--atol A] [--threads N] [--shard I/N] [--quiet] [--events FILE.csv] [--library FILE] [--strict]

            """))
    }
}
