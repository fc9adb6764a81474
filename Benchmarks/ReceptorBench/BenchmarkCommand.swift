/// The subcommand chosen on the command line, with its parsed options.
///
/// New benchmarks (`model`: one compiled receptor scenario; `population`: a virtual population
/// sweep) become new cases here with their own options type, so `main.swift` stays a dispatcher.
enum BenchmarkCommand: Equatable {
    case help
    case stiff(StiffBenchmarkOptions)

    static let usage = """
        usage: receptor-bench <subcommand> [options]

        subcommands:
          stiff    IVP Test Set problems (ROBER, HIRES, VDPOL, POLLU) for each suitable method
                   at rtol 1e-4, 1e-6, 1e-8, 1e-10 with atol = 1e-3 * rtol; CSV on stdout
          help     this text

        Run in release: swift run -c release receptor-bench stiff [options]
        \(StiffBenchmarkOptions.usage)
        """

    init(arguments: [String]) throws(BenchmarkUsageError) {
        guard let subcommand = arguments.first else { throw .missingSubcommand }
        let rest = Array(arguments.dropFirst())
        switch subcommand {
        case "stiff":
            self = .stiff(try StiffBenchmarkOptions(arguments: rest))
        case "help", "--help", "-h":
            self = .help
        default:
            throw .unknownSubcommand(subcommand)
        }
    }
}
