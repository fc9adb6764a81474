import Foundation
import Testing

/// Headless Chromium (Debian's `chromium` package) for tests that need a real browser.
///
/// Missing locally, those tests are skipped with the reason shown; with `CI=true` they run and
/// fail, so a CI image without the browser cannot pass them silently (`.ci/run` installs it).
enum HeadlessChromium {
    /// The browser's path, or nil when none is installed.
    static let path: String? = {
        let manager = FileManager.default
        var candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates += [String(folder) + "/chromium", String(folder) + "/chromium-browser"]
        }
        return candidates.first { manager.isExecutableFile(atPath: $0) }
    }()

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether browser tests run: the browser is there, or CI demands them (and they fail).
    static var testsEnabled: Bool { path != nil || isCI }

    static let skipReason: Comment = "headless Chromium not installed (apt-get install -y chromium); with CI=true this fails"

    /// Loads `url` (a file URL, fragment included), lets its scripts run, and returns the DOM
    /// serialized as HTML (`--dump-dom`). Uses a fresh profile in `scratch`, so parallel tests
    /// and other browsers do not share one; gives up after `timeoutSeconds`.
    static func dumpDOM(_ url: String, scratch: URL, timeoutSeconds: Double = 120) throws -> String {
        guard let path else { throw BrowserError.missing }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=" + scratch.appendingPathComponent("chromium-profile").path,
            "--virtual-time-budget=5000", "--dump-dom", url,
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds, execute: timer)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        guard process.terminationStatus == 0 else { throw BrowserError.failed(status: process.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }

    enum BrowserError: Error {
        case missing
        case failed(status: Int32)
    }
}
