// receptor-bench: run by hand in release builds (`swift run -c release receptor-bench <subcommand>`).
let benchArguments = Array(CommandLine.arguments.dropFirst())
if benchArguments.first == "model" {
    let repeats = benchArguments.count > 1 ? Int(benchArguments[1]) ?? 21 : 21
    let calls = benchArguments.count > 2 ? Int(benchArguments[2]) ?? 200_000 : 200_000
    do { try ModelBenchmark(repeats: repeats, calls: calls).run() } catch { print("receptor-bench: error: \(error)") }
} else {
    print("receptor-bench: benchmarks are being built (subcommand: model [repeats [rhs-calls]])")
}
