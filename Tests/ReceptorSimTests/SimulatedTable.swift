import Foundation
import Testing
import TestSupport

/// A CSV written by `receptor-sim run`, read back for assertions.
struct SimulatedTable {
    let columns: [String]
    let times: [Double]
    /// Row-major values without `time_h`.
    let values: [[Double]]

    init(csv text: String) throws {
        var lines = text.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        let header = lines.first?.split(separator: ",").map(String.init) ?? []
        try #require(header.first == "time_h")
        columns = Array(header.dropFirst())
        var times: [Double] = []
        var values: [[Double]] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",").compactMap { Double($0) }
            try #require(fields.count == header.count, "bad row: \(line)")
            times.append(fields[0])
            values.append(Array(fields.dropFirst()))
        }
        self.times = times
        self.values = values
    }

    func series(_ name: String) -> [(time: Double, value: Double)] {
        guard let j = columns.firstIndex(of: name) else { return [] }
        return zip(times, values).map { ($0, $1[j]) }
    }

    /// The value at the output time nearest `time`.
    func value(_ name: String, at time: Double) -> Double {
        series(name).min { abs($0.time - time) < abs($1.time - time) }?.value ?? .nan
    }

    /// The largest value within `from...to`, with its time.
    func peak(_ name: String, from: Double = -.infinity, to: Double = .infinity) -> (time: Double, value: Double) {
        series(name).filter { (from...to).contains($0.time) }.max { $0.value < $1.value } ?? (.nan, .nan)
    }

    func trough(_ name: String, from: Double = -.infinity, to: Double = .infinity) -> (time: Double, value: Double) {
        series(name).filter { (from...to).contains($0.time) }.min { $0.value < $1.value } ?? (.nan, .nan)
    }

    func mean(_ name: String, from: Double, to: Double) -> Double {
        let window = series(name).filter { (from...to).contains($0.time) }
        return window.map(\.value).reduce(0, +) / Double(max(1, window.count))
    }
}

/// Runs a shipped scenario through the binary into a temporary CSV and reads it back.
func simulateShipped(_ name: String, _ extraArguments: [String] = []) throws -> SimulatedTable {
    let scenario = repositoryRoot.appendingPathComponent("Scenarios/\(name).json").path
    let output = try makeTemporaryDirectory().appendingPathComponent("\(name).csv").path
    let result = try runReceptorSim(["run", scenario, "-o", output] + extraArguments)
    try #require(result.status == 0, "\(name): \(result.stderr)")
    return try SimulatedTable(csv: String(contentsOfFile: output, encoding: .utf8))
}

/// The morphine reference run several comparisons need, simulated once per test process.
let morphineAbruptStop: Result<SimulatedTable, any Error> = Result {
    try simulateShipped("morphine-abrupt-stop", ["--interval", "0.25", "--columns",
        "withdrawal_index,cows_equivalent,reward_response,mu_total_rel,endorphin_nM,dynorphin_nM,tolerance_index"])
}
