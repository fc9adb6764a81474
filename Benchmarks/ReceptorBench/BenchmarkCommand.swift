/// The subcommand chosen on the command line, with its parsed options.
///
/// Every benchmark is a case here with its own options and usage text, so `main.swift` stays a
/// dispatcher and `--help` (top level or after a subcommand) lists what there is.
enum BenchmarkCommand: Equatable {
    /// Print `text` (the overview, or one subcommand's usage) and exit 0.
    case help(String)
    case stiff(StiffBenchmarkOptions)
    /// The issue-3 morphine abrupt-stop timing (`ModelBenchmark`).
    case model(ModelBenchmark)
    /// Virtual-population throughput (`PopulationBenchmark`, which parses its own options).
    case population([String])
    /// Forward-sensitivity cost against one solve (`SensitivityBenchmark`).
    case sensitivity(SensitivityBenchmark)
    /// Which states set the Rodas5P step size (`StepDiagnostic`, which parses its own options).
    case steps([String])

    /// Each subcommand with its one-line summary and its usage, in the order `--help` lists them.
    static let subcommands: [(name: String, summary: [String], usage: String)] = [
        ("stiff", ["IVP Test Set problems (ROBER, HIRES, VDPOL, POLLU) for each suitable method",
                   "at rtol 1e-4, 1e-6, 1e-8, 1e-10 with atol = 1e-3 * rtol; CSV on stdout"],
         "usage: receptor-bench stiff [options]\n" + StiffBenchmarkOptions.usage),
        ("model", ["the issue-3 scenario (oral morphine every 6 h for 28 days, then 7 days): ns per",
                   "right-hand side and Jacobian, median compile and simulate times"],
         ModelBenchmark.usage),
        ("population", ["virtual-population throughput of the morphine-abrupt-stop scenario",
                        "(members per second on 1 and 2 threads); CSV on stdout"],
         "usage: receptor-bench population [options]\n" + PopulationBenchmark.usage),
        ("sensitivity", ["BDF forward sensitivities vs one plain solve on ROBER and POLLU",
                         "(medians of alternated runs, cost ratio per parameter); CSV on stdout"],
         SensitivityBenchmark.usage),
        ("steps", ["which states set Rodas5P's step size on the morphine-abrupt-stop run; steps",
                   "per dose interval and every column's error against rtol 1e-10"],
         StepDiagnostic.usage),
    ]

    static let usage: String = {
        var text = "usage: receptor-bench <subcommand> [options]\n\nsubcommands:\n"
        for subcommand in subcommands {
            text += "  " + subcommand.name + String(repeating: " ", count: max(1, 12 - subcommand.name.count))
                + subcommand.summary.joined(separator: "\n" + String(repeating: " ", count: 14)) + "\n"
        }
        text += "  help        this text; 'receptor-bench SUBCOMMAND --help' shows one subcommand's options\n\n"
        text += "Run in release: swift run -c release receptor-bench stiff [options]\n"
        text += subcommands.map(\.usage).joined(separator: "\n")
        return text
    }()

    init(arguments: [String]) throws(BenchmarkUsageError) {
        guard let subcommand = arguments.first else { throw .missingSubcommand }
        let rest = Array(arguments.dropFirst())
        if ["help", "--help", "-h"].contains(subcommand) {
            self = .help(Self.usage)
            return
        }
        guard let known = Self.subcommands.first(where: { $0.name == subcommand }) else {
            throw .unknownSubcommand(subcommand)
        }
        if rest.contains("--help") || rest.contains("-h") {
            self = .help(known.usage)
            return
        }
        switch subcommand {
        case "stiff": self = .stiff(try StiffBenchmarkOptions(arguments: rest))
        case "model": self = .model(try ModelBenchmark.parse(rest))
        case "sensitivity": self = .sensitivity(try SensitivityBenchmark.parse(rest))
        case "steps": self = .steps(rest)
        default: self = .population(rest)
        }
    }
}
