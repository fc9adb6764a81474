import Foundation

/// A fresh empty directory for one test, named `prefix-<UUID>` in the system's temporary
/// directory, so every file or node a test points an output at is one it created.
package func makeTemporaryDirectory(prefix: String = "receptor-sim-tests") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
