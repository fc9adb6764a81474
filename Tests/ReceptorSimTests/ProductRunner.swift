import Foundation
import Testing

/// Runs a built executable of this package (`receptor-sim`, `receptor-bench`) as a user would,
/// optionally in `directory`; progress stays off unless `environment` asks for it.
func runProduct(
    _ name: String, _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil
) throws -> (status: Int32, stdout: String, stderr: String) {
    let binary = productsDirectory.appendingPathComponent(name)
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build \(name) first (swift build)")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.environment = ProcessInfo.processInfo.environment
        .merging(["RECEPTOR_SIM_PROGRESS_DELAY_S": "3600"]) { _, new in new }
        .merging(environment) { _, new in new }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}
