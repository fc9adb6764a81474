/// The subcommand chosen on the command line, with its parsed options.
///
/// New benchmarks (e.g. `model`: one compiled receptor scenario) become new cases here with
/// their own options, so `main.swift` stays a dispatcher.
enum BenchmarkCommand: Equatable {
    case help
    case stiff(StiffBenchmarkOptions)
    /// Virtual-population throughput (`PopulationBenchmark`, which parses its own options).
    case population([String])
    /// Forward-sensitivity cost against one solve (`SensitivityBenchmark`).
    case sensitivity(SensitivityBenchmark)

    static let usage = """
        usage: receptor-bench <subcommand> [options]

        subcommands:
          stiff       IVP Test Set problems (ROBER, HIRES, VDPOL, POLLU) for each suitable method
                      at rtol 1e-4, 1e-6, 1e-8, 1e-10 with atol = 1e-3 * rtol; CSV on stdout
          population  virtual-population throughput of the morphine-abrupt-stop scenario
                      (members per second on 1 and 2 threads); CSV on stdout
          sensitivity BDF forward sensitivities vs one plain solve on ROBER and POLLU
                      (medians of alternated runs, cost ratio per parameter); CSV on stdout
          help        this text

        Run in release: swift run -c release receptor-bench stiff [options]
        \(StiffBenchmarkOptions.usage)
        \(PopulationBenchmark.usage)
        \(SensitivityBenchmark.usage)
        """

    init(arguments: [String]) throws(BenchmarkUsageError) {
        guard let subcommand = arguments.first else { throw .missingSubcommand }
        let rest = Array(arguments.dropFirst())
        switch subcommand {
        case "stiff":
            self = .stiff(try StiffBenchmarkOptions(arguments: rest))
        case "population":
            self = .population(rest)
        case "sensitivity":
            self = .sensitivity(try SensitivityBenchmark.parse(rest))
        case "help", "--help", "-h":
            self = .help
        default:
            throw .unknownSubcommand(subcommand)
        }
    }
}
