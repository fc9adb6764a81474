import Testing
@testable import receptor_sim

@Suite struct ArgumentParserTests {
    private let specification = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "SCENARIO", help: "")],
        options: [
            OptionSpecification("--output", short: "-o", .path("FILE"), help: ""),
            OptionSpecification("--interval", .number("H", .positive), help: ""),
            OptionSpecification("--summary", help: ""),
            OptionSpecification("--vary", .text("SPEC"), repeatable: true, help: ""),
            OptionSpecification("--rtol", .number("R", .any), help: ""),
            OptionSpecification("--from", .number("H", .nonNegative), help: ""),
            OptionSpecification("--precision", .integer("N", 1...17), help: ""),
            OptionSpecification("--seed", .seed("S"), help: ""),
            OptionSpecification("--columns", .names("a,b,c"), repeatable: true, help: ""),
            OptionSpecification("--doses", .numbers("D,D,..."), help: ""),
            OptionSpecification("--method", .choice(kind: "solver method", label: "methods", ["rodas5p", "bdf", "rk4"]), help: ""),
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
        #expect(try parse(["x", "--rtol", "-1"]).value("--rtol") == "-1")
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

    /// Each kind reads its text once, in the parser; commands take the typed value.
    @Test func typedValues() throws {
        let parsed = try parse(["a.json", "--interval", "0.25", "--rtol", "1e-8", "--from", "0", "--precision=6",
                                "--seed", "18446744073709551615", "--columns", "a, b", "--columns=c", "--doses", "1,2.5",
                                "--method", "bdf"])
        #expect(parsed.number("--interval") == 0.25)
        #expect(parsed.number("--rtol") == 1e-8)
        #expect(parsed.number("--from") == 0)
        #expect(parsed.integer("--precision") == 6)
        #expect(parsed.seed("--seed") == UInt64.max)
        #expect(parsed.names("--columns") == ["a", "b", "c"])
        #expect(parsed.numbers("--doses")?.map(\.value) == [1, 2.5])
        #expect(parsed.numbers("--doses")?.map(\.literal) == ["1", "2.5"])
        #expect(parsed.value("--method") == "bdf")
        // `.any` is Double's reading: the range is the one check's (`solver.rtol` names it).
        #expect(try parse(["a.json", "--rtol", "nan"]).number("--rtol")?.isNaN == true)
        // Absent options are nil, whatever their kind.
        let bare = try parse(["a.json"])
        #expect(bare.number("--interval") == nil && bare.integer("--precision") == nil && bare.names("--columns") == nil)
    }

    /// One message for every option whose text does not fit its kind.
    @Test(arguments: [
        (["--rtol", "abc"], "--rtol: expected a number, found 'abc'"),
        (["--interval", "0"], "--interval: expected a finite number > 0, found '0'"),
        (["--interval", "inf"], "--interval: expected a finite number > 0, found 'inf'"),
        (["--from", "-1"], "--from: expected a finite number >= 0, found '-1'"),
        (["--precision", "0"], "--precision: expected a whole number from 1 to 17, found '0'"),
        (["--precision", "2.5"], "--precision: expected a whole number from 1 to 17, found '2.5'"),
        (["--seed", "-1"], "--seed: expected a whole number from 0 to 18446744073709551615, found '-1'"),
        (["--columns", "a,,b"], "--columns: expected a comma-separated list of names, found 'a,,b'"),
        (["--doses", "1,x"], "--doses: expected a comma-separated list of finite numbers, found '1,x'"),
        (["--method", "BDF2"], "--method: unknown solver method 'BDF2'; did you mean 'bdf'? (methods: rodas5p, bdf, rk4)"),
    ])
    func badValuesGetTheUniformMessage(arguments: [String], message: String) {
        #expect(usageMessage(["a.json"] + arguments) == "receptor-sim run: error: \(message)\nSee 'receptor-sim run --help'.")
    }

    /// The usage line shows each kind's placeholder; a choice lists its names.
    @Test func usageShowsTheKindsPlaceholders() {
        #expect(specification.usageLine == "SCENARIO [-o FILE] [--interval H] [--summary] [--vary SPEC]... [--rtol R] [--from H] "
            + "[--precision N] [--seed S] [--columns a,b,c]... [--doses D,D,...] [--method {rodas5p,bdf,rk4}]")
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
            [--method {rodas5p,rosenbrock23,bdf,tsit5,rk4}] [--rtol R] [--atol A] [--threads N] [--shard I/N] [--quiet] [--events FILE.csv] [--library FILE] [--strict]

            """))
    }
}
