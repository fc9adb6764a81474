import Foundation
import Reports
import Testing
import TestSupport

/// How `AtomicOutputFile` writes each kind of target (OutputTarget's rules), every node made in
/// the test's own temporary directory.
@Suite struct AtomicOutputFileTests {
    @Test func regularFileIsReplacedAtomicallyKeepingItsMode() throws {
        let nodes = try OutputNodes()
        let target = try nodes.write("previous\n", "out.csv")
        chmod(target, 0o600)
        let oldInode = try #require(nodes.info("out.csv")).st_ino
        let file = try AtomicOutputFile(path: target)
        try file.write(Array("new\n".utf8))
        // Until finish(), readers see the old file; the bytes are in a temporary beside it.
        #expect(try nodes.read("out.csv") == "previous\n")
        #expect(try nodes.entries() == [".out.csv.\(getpid()).0.tmp", "out.csv"])
        try file.finish()
        #expect(try nodes.read("out.csv") == "new\n")
        #expect(try nodes.entries() == ["out.csv"])
        let info = try #require(nodes.info("out.csv"))
        #expect(info.st_ino != oldInode)
        #expect(info.st_mode & 0o7777 == 0o600)
        #expect(info.st_mode & S_IFMT == S_IFREG)
    }

    @Test func newPathIsCreated() throws {
        let nodes = try OutputNodes()
        try AtomicOutputFile.write("a,b\n", to: nodes.path("new.csv"))
        #expect(try nodes.read("new.csv") == "a,b\n")
        #expect(try nodes.entries() == ["new.csv"])
    }

    @Test func symlinkChainKeepsItsLinksAndReplacesTheFileAtItsEnd() throws {
        let nodes = try OutputNodes()
        try FileManager.default.createDirectory(atPath: nodes.path("data"), withIntermediateDirectories: false)
        _ = try nodes.write("old\n", "data/result.csv")
        try FileManager.default.createSymbolicLink(atPath: nodes.path("link.csv"), withDestinationPath: "data/result.csv")
        try FileManager.default.createSymbolicLink(atPath: nodes.path("chain.csv"), withDestinationPath: "link.csv")
        let file = try AtomicOutputFile(path: nodes.path("chain.csv"))
        try file.write(Array("new\n".utf8))
        // The temporary file sits beside the resolved target, not beside the link.
        #expect(try FileManager.default.contentsOfDirectory(atPath: nodes.path("data")).sorted()
            == [".result.csv.\(getpid()).0.tmp", "result.csv"])
        try file.finish()
        #expect(nodes.type("chain.csv") == S_IFLNK)
        #expect(nodes.type("link.csv") == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: nodes.path("link.csv")) == "data/result.csv")
        #expect(try nodes.read("data/result.csv") == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: nodes.path("data")) == ["result.csv"])
        #expect(try nodes.entries() == ["chain.csv", "data", "link.csv"])
    }

    @Test func danglingLinkIsRefused() throws {
        let nodes = try OutputNodes()
        try FileManager.default.createSymbolicLink(atPath: nodes.path("link.csv"), withDestinationPath: "missing.csv")
        let expected = OutputPathError(path: nodes.path("link.csv"), problem: .danglingLink(to: nodes.path("missing.csv")))
        #expect(throws: CSVWriterError.badPath(expected)) { _ = try AtomicOutputFile(path: nodes.path("link.csv")) }
        #expect(try nodes.entries() == ["link.csv"])
    }

    @Test func fifoIsWrittenThroughAndStaysAFIFO() throws {
        let nodes = try OutputNodes()
        #expect(mkfifo(nodes.path("pipe"), 0o600) == 0)
        let reader = FIFOReader(path: nodes.path("pipe"))
        // Larger than a pipe buffer, so the writer must wait for the reader.
        let text = String(repeating: "0.123456789,42\r\n", count: 20_000)
        try AtomicOutputFile.write(text, to: nodes.path("pipe"))
        #expect(reader.finish() == text)
        #expect(nodes.type("pipe") == S_IFIFO)
        #expect(try nodes.entries() == ["pipe"])
    }

    @Test func unixSocketIsConnectedTo() throws {
        let nodes = try OutputNodes()
        #if canImport(Glibc)
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        #expect(listener >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let name = Array(nodes.path("socket").utf8)
        try #require(name.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: name) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        #expect(listen(listener, 1) == 0)
        let received = SocketReader(listener: listener)
        try AtomicOutputFile.write("over a socket\n", to: nodes.path("socket"))
        #expect(received.finish() == "over a socket\n")
        close(listener)
        #expect(nodes.type("socket") == S_IFSOCK)
        #expect(try nodes.entries() == ["socket"])
    }

    @Test(.enabled(if: OutputNodes.canMakeDevices, "needs mknod (root with CAP_MKNOD)"))
    func characterDeviceIsWrittenThroughAndStaysADevice() throws {
        let nodes = try OutputNodes()
        let device = try #require(nodes.makeNullDevice("null"))
        try AtomicOutputFile.write("discarded\n", to: device)
        let info = try #require(nodes.info("null"))
        #expect(info.st_mode & S_IFMT == S_IFCHR)
        #expect(info.st_rdev == OutputNodes.nullDevice)
        #expect(try nodes.entries() == ["null"])
    }

    @Test func descriptorPathsWriteToTheOpenDescriptor() throws {
        let nodes = try OutputNodes()
        let fd = open(nodes.path("opened.txt"), O_WRONLY | O_CREAT | O_APPEND, 0o644)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(write(fd, "first\n", 6) == 6)
        try AtomicOutputFile.write("second\n", to: "/dev/fd/\(fd)")
        #expect(try nodes.read("opened.txt") == "first\nsecond\n")
        #expect(try nodes.entries() == ["opened.txt"])
    }

    @Test func pathProblemsAreNamed() throws {
        let nodes = try OutputNodes()
        _ = try nodes.write("x", "file")
        let cases: [(String, OutputPathError.Problem)] = [
            ("", .emptyName),
            (nodes.directory.path, .directory),
            (nodes.path("new") + "/", .directory),
            (nodes.path("missing/out.csv"), .missingFolder(nodes.path("missing"))),
            (nodes.path("file/out.csv"), .notAFolder(nodes.path("file"))),
        ]
        for (path, problem) in cases {
            #expect(throws: OutputPathError(path: path, problem: problem)) { _ = try OutputTarget.resolve(path) }
        }
        #expect(OutputPathError(path: "x/y.csv", problem: .missingFolder("x")).description == "'x/y.csv': the folder 'x' does not exist")
        // Probing a file or a new path creates and removes a temporary file: nothing is left behind.
        _ = try OutputTarget.resolve(nodes.path("file"), probing: true)
        _ = try OutputTarget.resolve(nodes.path("new.csv"), probing: true)
        #expect(try nodes.entries() == ["file"])
    }

    /// /proc/version exists, but no file can be created beside it (as root, every permission
    /// check passes): refused when resolved, not after a run.
    @Test(.enabled(if: geteuid() == 0 && FileManager.default.fileExists(atPath: "/proc/version"), "needs root and /proc"))
    func fileThatCannotBeReplacedIsRefused() throws {
        let error = #expect(throws: OutputPathError.self) { _ = try OutputTarget.resolve("/proc/version", probing: true) }
        #expect(error == OutputPathError(path: "/proc/version", problem: .cannotReplace("/proc", errno: ENOENT)))
        #expect(error?.description == "'/proc/version': exists but cannot be replaced: no file can be created beside it in '/proc' (No such file or directory)")
    }

    @Test func sameDestinationFollowsLinksAndSpellings() throws {
        let nodes = try OutputNodes()
        _ = try nodes.write("x", "a.csv")
        try FileManager.default.createSymbolicLink(atPath: nodes.path("l.csv"), withDestinationPath: "a.csv")
        let a = try OutputTarget.resolve(nodes.path("a.csv"))
        #expect(a.isSameDestination(as: try OutputTarget.resolve(nodes.path("l.csv"))))
        #expect(a.overwrites(input: nodes.path("l.csv")))
        let new = try OutputTarget.resolve(nodes.path("new.csv"))
        #expect(new.isSameDestination(as: try OutputTarget.resolve(nodes.directory.path + "/./new.csv")))
        #expect(!new.isSameDestination(as: a))
        #expect(!new.overwrites(input: nodes.path("new.csv")))
    }

    @Test(.enabled(if: OutputNodes.canMakeDevices, "needs mknod (root with CAP_MKNOD)"))
    func characterDevicesMayTakeSeveralOutputs() throws {
        let nodes = try OutputNodes()
        let device = try #require(nodes.makeNullDevice("null"))
        let target = try OutputTarget.resolve(device)
        #expect(target.kind == .stream(path: device))
        #expect(!target.isSameDestination(as: try OutputTarget.resolve(device)))
    }
}
