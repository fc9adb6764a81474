import Foundation
import Testing

/// Runs the built receptor-sim binary, as a user would.
func runReceptorSim(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let binary = productsDirectory.appendingPathComponent("receptor-sim")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// The folder holding the built products (the test bundle's parent).
let productsDirectory: URL = {
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
}()

@Suite struct CommandLineTests {
    @Test func versionPrintsAndSucceeds() throws {
        let result = try runReceptorSim(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("receptor-sim "))
    }

    @Test func unknownUsageExitsTwo() throws {
        let result = try runReceptorSim(["no-such-command"])
        #expect(result.status == 2)
    }
}
