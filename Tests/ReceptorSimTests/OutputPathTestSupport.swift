import Foundation
import Testing
import TestSupport

/// Output-path fixtures: a fresh directory per test holding the scenarios and every node an
/// output is pointed at, so `-o` never names anything the test did not create.
struct OutputPathFixture {
    let directory: URL

    /// A day of oral morphine, a few hundred rows: quick in a debug build.
    static let short = """
        { name: "short", duration_h: 24, doses: [ { drug: "morphine", route: "oral", amount_mg: 10, every_h: 8, count: 3, start_h: 0 } ],
          output: { interval_h: 0.5, columns: ["mu_occupancy_total", "withdrawal_index"] } }
        """
    /// Ten years of doses every 6 h: runs far longer than any test waits for it.
    static let endless = """
        { name: "endless", duration_h: 87600, doses: [ { drug: "morphine", route: "oral", amount_mg: 30, start_h: 0, every_h: 6, count: 14000 } ],
          output: { interval_h: 0.25 } }
        """
    /// Compiles, but the solver fails at once: a command that got as far as running exits 1.
    static let failing = """
        { name: "fail", duration_h: 10, doses: [{ drug: "morphine", route: "iv_bolus", amount_mg: 10, at_h: 1 }],
          parameters: { "morphine.ke0_per_h": 1e6 }, solver: { method: "rk4" } }
        """

    init() throws { directory = try makeTemporaryDirectory() }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @discardableResult
    func write(_ text: String, _ name: String) throws -> String {
        try text.write(toFile: path(name), atomically: false, encoding: .utf8)
        return path(name)
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    func link(_ name: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(name), withDestinationPath: destination)
    }

    func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() }

    /// The node's type bits (`lstat`), nil when it does not exist.
    func type(_ name: String) -> mode_t? {
        var info = stat()
        return lstat(path(name), &info) == 0 ? info.st_mode & S_IFMT : nil
    }
}

/// Starts the built binary with standard output sent to `stdout` (default: discarded) and
/// standard error to `stderr` (default: collected in the returned file), returning at once.
func launchReceptorSim(
    _ arguments: [String], stdout: FileHandle = .nullDevice, stderr: FileHandle? = nil, progressDelaySeconds: Int = 3600
) throws -> (Process, stderr: URL) {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("receptor-sim")
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment
        .merging(["RECEPTOR_SIM_PROGRESS_DELAY_S": String(progressDelaySeconds)]) { _, new in new }
    let errors = try makeTemporaryDirectory().appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    process.standardOutput = stdout
    process.standardError = try stderr ?? FileHandle(forWritingTo: errors)
    try process.run()
    return (process, errors)
}

/// Waits for `process` to end, at most `seconds`; kills it (SIGKILL) after that.
/// - Returns: false when it had to be killed.
func waitForExit(_ process: Process, seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning {
        if Date() > deadline {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return false
        }
        usleep(20_000)
    }
    process.waitUntilExit()
    return true
}

