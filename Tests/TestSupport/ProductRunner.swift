import Foundation
import Testing

/// The folder holding the built products (the test bundle's parent).
package let productsDirectory: URL = {
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
}()

/// Runs a built executable of this package (`receptor-sim`, `receptor-bench`) as a user would,
/// optionally in `directory`, and collects its exit status and output.
///
/// Progress lines appear on stderr once a run takes longer than the delay (1 s by default),
/// which a loaded machine can reach even on short scenarios: tests that compare stderr exactly
/// get no progress unless `environment` asks for it (RunProgressTests sets the delay to 0).
package func runProduct(
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
