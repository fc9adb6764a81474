// receptor-bench: ReceptorSim's benchmarks, run by hand in release builds
// (`swift run -c release receptor-bench <subcommand>`), never from `swift test`.
//
// Subcommands print CSV on stdout and notes on stderr; a usage error exits with status 2.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    let command = try BenchmarkCommand(arguments: arguments)
    switch command {
    case .help(let text):
        print(text)
    case .stiff(let options):
        try StiffBenchmark(options: options).run()
    case .model(let benchmark):
        try benchmark.run()
    case .population(let populationArguments):
        PopulationBenchmark.main(populationArguments)
    case .sensitivity(let benchmark):
        try benchmark.run()
    case .steps(let stepsArguments):
        try StepDiagnostic.run(arguments: stepsArguments)
    }
} catch let error as BenchmarkUsageError {
    printToStandardError("receptor-bench: error: \(error)")
    printToStandardError(error.usage)
    exit(2)
} catch {
    printToStandardError("receptor-bench: error: \(error)")
    exit(1)
}
