print("receptor-bench: benchmarks are being built")
