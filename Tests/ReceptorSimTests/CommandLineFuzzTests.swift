import Foundation
import Testing
import TestSupport

/// Runs the binary and reports how it ended, so a crash (signal) is told apart from an exit.
private func runForTermination(_ arguments: [String]) throws -> (reason: Process.TerminationReason, status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("receptor-sim")
    process.arguments = arguments
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationReason, process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A sample of seeded damage to the shipped scenarios through `receptor-sim check`: no crash, and
/// every rejection is exit status 2 with `file:line: error:` messages naming the damaged field.
@Suite struct CommandLineFuzzTests {
    static let sampleSize = 80

    @Test(.timeLimit(.minutes(2))) func damagedScenariosExitTwoWithFieldNames() throws {
        try #require(!shippedScenarios.isEmpty)
        var random = SplitMix64(seed: 7)
        let directory = try makeTemporaryDirectory()
        var rejected = 0
        for n in 0..<Self.sampleSize {
            let source = try Array(Data(contentsOf: shippedScenarios[n % shippedScenarios.count]))
            var bytes = source
            var expectedInMessage: String?
            var mustReject = true
            switch n % 5 {
            case 0:  // truncate
                bytes = Array(source[0..<Int.random(in: 0..<source.count, using: &random)])
                mustReject = false  // cutting only a trailing newline is harmless
            case 1:  // invalid UTF-8
                bytes.insert(contentsOf: [[0xFF], [0xC0, 0xAF], [0xED, 0xB0, 0x80]].randomElement(using: &random)!,
                             at: Int.random(in: 0...bytes.count, using: &random))
                expectedInMessage = "invalid UTF-8"
            case 2, 3:  // a bad value for one numeric key
                var lines = String(decoding: source, as: UTF8.self).components(separatedBy: "\n")
                let candidates = lines.indices.filter { lines[$0].range(of: #"[a-z_]+: -?[0-9.]+"#, options: .regularExpression) != nil && !lines[$0].hasPrefix("//") }
                guard let i = candidates.randomElement(using: &random),
                      let range = lines[i].range(of: #"[a-z_]+: -?[0-9.]+"#, options: .regularExpression) else { continue }
                let key = String(lines[i][range].split(separator: ":")[0])
                let bad = n % 5 == 2 ? ["-1e400", "NaN", "-Infinity", "\"12\"", "null", "-3"].randomElement(using: &random)! : "[" + String(repeating: "[", count: 100)
                lines[i].replaceSubrange(range, with: "\(key): \(bad)")
                bytes = Array(lines.joined(separator: "\n").utf8)
                expectedInMessage = bad.hasPrefix("[") ? "nest deeper" : key
            default:  // an unknown key next to a real one
                var text = String(decoding: source, as: UTF8.self)
                if let range = text.range(of: "duration_h:") {
                    text.replaceSubrange(range, with: "durration_h:")
                }
                bytes = Array(text.utf8)
                expectedInMessage = "unknown key 'durration_h'; did you mean 'duration_h'?"
            }
            let path = directory.appendingPathComponent("fuzz-\(n).json").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let result = try runForTermination(["check", path])
            #expect(result.reason == .exit, "crashed on \(path)")
            #expect(result.status == 0 || result.status == 2, "status \(result.status) on \(path)")
            if result.status == 2 {
                rejected += 1
                for line in result.stderr.split(separator: "\n") {
                    #expect(line.hasPrefix("\(path):") && line.contains(": error: "), "\(line)")
                }
                if let expectedInMessage { #expect(result.stderr.contains(expectedInMessage), "\(result.stderr)") }
            } else if mustReject {
                Issue.record("accepted damaged \(path)")
            }
        }
        #expect(rejected >= Self.sampleSize * 3 / 4)
    }
}
