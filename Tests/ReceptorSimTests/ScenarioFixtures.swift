import Foundation
import TestSupport

/// The repository root (three levels above this file) and its shipped scenarios.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let shippedScenarios: [URL] = {
    let folder = repositoryRoot.appendingPathComponent("Scenarios")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
}()

/// Writes `text` to a new file in a fresh temporary directory and returns its path.
func writeTemporaryScenario(_ text: String, name: String = "scenario.json") throws -> String {
    let directory = try makeTemporaryDirectory()
    let path = directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    return path
}
