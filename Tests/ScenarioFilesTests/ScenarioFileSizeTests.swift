import Foundation
import Testing
@testable import ScenarioFiles

/// The size limit applies to what is read, not to what `stat` says of the name: a FIFO, a
/// device or a symbolic link to a large file is read up to the limit and refused there.
@Suite struct ScenarioFileSizeTests {
    private static let limit = ScenarioReader.maximumFileBytes

    private static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-size-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A FIFO fed 16 times the limit by a child process: the reader stops after limit + 1
    /// bytes, so the writer is cut off by SIGPIPE. Reading everything (as `Data(contentsOf:)`
    /// did; `stat` says a FIFO has size 0) lets the writer finish with status 0.
    @Test func fifoFedMoreThanTheLimitIsRefusedWithoutReadingIt() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("scenario.json5").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "exec head -c \(16 * Self.limit) /dev/zero > \"$0\"", fifo]
        try writer.run()
        #expect(throws: ScenarioError.fileTooLarge(file: fifo, bytes: nil, limitBytes: Self.limit)) {
            try ScenarioReader.readBytes(path: fifo)
        }
        // The writer dies of SIGPIPE at its next write; should it still be running (blocked in
        // open because the reader never opened the FIFO), stop it rather than hang the suite.
        let deadline = Date().addingTimeInterval(10)
        while writer.isRunning && Date() < deadline { usleep(10_000) }
        if writer.isRunning { writer.terminate() }
        writer.waitUntilExit()
        #expect(writer.terminationReason == .uncaughtSignal && writer.terminationStatus == SIGPIPE,
                "the writer finished (status \(writer.terminationStatus)): the whole stream was read")
    }

    /// A symbolic link is followed, and the size of its target (here a sparse 64 MiB file) is
    /// what counts.
    @Test func symbolicLinkToALargeFileIsRefusedWithTheTargetSize() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("large.json5")
        #expect(FileManager.default.createFile(atPath: target.path, contents: nil))
        let handle = try FileHandle(forWritingTo: target)
        try handle.truncate(atOffset: UInt64(16 * Self.limit))
        try handle.close()
        let link = directory.appendingPathComponent("link.json5").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target.path)
        #expect(throws: ScenarioError.fileTooLarge(file: link, bytes: 16 * Self.limit, limitBytes: Self.limit)) {
            try ScenarioReader.readBytes(path: link)
        }
    }

    /// An endless device: only limit + 1 bytes are read.
    @Test func endlessDeviceIsRefusedAtTheLimit() {
        #expect(throws: ScenarioError.fileTooLarge(file: "/dev/zero", bytes: nil, limitBytes: Self.limit)) {
            try ScenarioReader.readBytes(path: "/dev/zero")
        }
    }

    @Test func fileOfExactlyTheLimitIsRead() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("full.json5").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x20, count: Self.limit)))
        #expect(try ScenarioReader.readBytes(path: path).count == Self.limit)
    }

    @Test func messageNamesTheLimit() {
        #expect(ScenarioError.fileTooLarge(file: "a.json5", bytes: nil, limitBytes: 4).description
            == "a.json5: error: file is larger than 4 bytes (the limit for scenario files)")
        #expect(ScenarioError.fileTooLarge(file: "a.json5", bytes: 9, limitBytes: 4).description
            == "a.json5: error: file is 9 bytes; scenario files are limited to 4 bytes")
    }

    @Test func directoryIsUnreadable() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: ScenarioError.unreadable(file: directory.path, reason: "is a directory")) {
            try ScenarioReader.readBytes(path: directory.path)
        }
    }
}
