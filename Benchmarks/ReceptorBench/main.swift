if CommandLine.arguments.dropFirst().first == "population" { PopulationBenchmark.main(Array(CommandLine.arguments.dropFirst(2))) }
print("receptor-bench: benchmarks are being built")
