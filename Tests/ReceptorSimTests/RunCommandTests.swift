import Foundation
import Testing
import TestSupport

@Suite struct RunCommandTests {
    private let shortScenario = """
        { name: "short", duration_h: 4,
          doses: [{ drug: "morphine", route: "iv_bolus", amount_mg: 5, at_h: 1 }],
          output: { interval_h: 0.5, columns: ["morphine_plasma_nM", "mu_occupancy_total", "withdrawal_index"] } }
        """

    @Test func writesCSVToStandardOutputByteIdenticallyAcrossRuns() throws {
        let path = try writeTemporaryScenario(shortScenario)
        let first = try runReceptorSim(["run", "--quiet", path])
        let second = try runReceptorSim(["run", "--quiet", path, "-o", "-"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stderr.isEmpty)
        let lines = first.stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "time_h,morphine_plasma_nM,mu_occupancy_total,withdrawal_index")
        #expect(lines.count == 11)  // header, 9 rows (0, 0.5, ..., 4), empty after the last CRLF
        #expect(lines[1].hasPrefix("0,0,"))
        #expect(lines[9].hasPrefix("4,"))
        // Plasma morphine jumps at the 1 h bolus and decays.
        let plasma = lines[1...9].map { Double($0.split(separator: ",")[1]) ?? .nan }
        #expect(plasma[1] == 0 && plasma[3] > 0 && plasma[8] < plasma[3])
    }

    @Test func precisionIntervalAndColumnsOptions() throws {
        let path = try writeTemporaryScenario(shortScenario)
        let result = try runReceptorSim(["run", "--quiet", path, "--precision", "3", "--interval", "1", "--columns", "mu_occupancy_total"])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 6)
        #expect(lines[0] == "time_h,mu_occupancy_total")
        for line in lines.dropFirst() {
            let digits = line.split(separator: ",")[1].filter(\.isNumber).drop { $0 == "0" }
            #expect(digits.count <= 3, "\(line)")
        }
    }

    @Test func summaryGoesToStandardError() throws {
        let path = try writeTemporaryScenario(shortScenario)
        let output = try makeTemporaryDirectory().appendingPathComponent("o.csv").path
        let result = try runReceptorSim(["run", "--quiet", path, "-o", output, "--summary"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("observable"))
        #expect(result.stderr.contains("\nmu_occupancy_total "))
        #expect(result.stderr.contains("\nwithdrawal_index "))
        #expect(result.stderr.contains("rows: 9\nsolver: steps "))
        #expect(result.stderr.contains("wall time: "))
        #expect(FileManager.default.fileExists(atPath: output))
    }

    @Test func chartDrawsInTheTerminal() throws {
        let path = try writeTemporaryScenario(shortScenario)
        let output = try makeTemporaryDirectory().appendingPathComponent("o.csv").path
        let toFile = try runReceptorSim(["run", "--quiet", path, "-o", output, "--chart"])
        #expect(toFile.status == 0)
        #expect(toFile.stdout.hasPrefix("mu_occupancy_total ("))
        #expect(toFile.stdout.contains("withdrawal_index ("))
        #expect(toFile.stdout.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        // With the CSV on standard output, the chart goes to standard error.
        let toStdout = try runReceptorSim(["run", "--quiet", path, "--chart"])
        #expect(toStdout.stdout.hasPrefix("time_h,"))
        #expect(toStdout.stderr.hasPrefix("mu_occupancy_total ("))
    }

    @Test func simulationFailureExitsOneAndKeepsTheOldFile() throws {
        let path = try writeTemporaryScenario("""
            { name: "fail", duration_h: 10,
              doses: [{ drug: "morphine", route: "iv_bolus", amount_mg: 10, at_h: 1 }],
              parameters: { "morphine.ke0_per_h": 1e6 },
              solver: { method: "rk4" } }
            """)
        let directory = try makeTemporaryDirectory()
        let output = directory.appendingPathComponent("result.csv").path
        try "good old result\n".write(toFile: output, atomically: false, encoding: .utf8)
        let result = try runReceptorSim(["run", "--quiet", path, "-o", output])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(path): error: simulation failed at t = "))
        #expect(result.stderr.contains("became non-finite"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "good old result\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["result.csv"])
        // Nothing half-written reaches standard output either.
        let toStdout = try runReceptorSim(["run", "--quiet", path])
        #expect(toStdout.status == 1)
        #expect(toStdout.stdout.isEmpty)
    }

    @Test func unwritableOutputIsReported() throws {
        let path = try writeTemporaryScenario(shortScenario)
        let result = try runReceptorSim(["run", "--quiet", path, "-o", "/nonexistent-dir/out.csv"])
        #expect(result.status == 2)
        #expect(result.stderr == "receptor-sim run: error: -o '/nonexistent-dir/out.csv': the folder '/nonexistent-dir' does not exist\n")
    }

    @Test func badScenarioNeverStartsTheRun() throws {
        let path = try writeTemporaryScenario("{ name: 'x', duration_h: 5, doses: [{ drug: 'morphine', route: 'oral', amount_mg: 10, at_h: 6 }] }")
        let output = try makeTemporaryDirectory().appendingPathComponent("o.csv").path
        let result = try runReceptorSim(["run", "--quiet", path, "-o", output])
        #expect(result.status == 2)
        #expect(result.stderr == "\(path):1: error: doses[0].at_h: starts at 6 h, after the end of the run (duration_h 5)\n")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
