import Foundation
import TestSupport

/// Nodes for output-path tests, each made in a fresh temporary directory the test owns, so no
/// writer under test is ever pointed at a real device or at a file outside it.
struct OutputNodes {
    let directory: URL

    init() throws {
        directory = try makeTemporaryDirectory(prefix: "output-nodes")
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// The directory's entries, sorted (temporary files included).
    func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() }

    func write(_ text: String, _ name: String) throws -> String {
        try text.write(toFile: path(name), atomically: false, encoding: .utf8)
        return path(name)
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    /// `lstat` of a node: its type bits, inode and permission bits.
    func info(_ name: String) -> stat? {
        var info = stat()
        return lstat(path(name), &info) == 0 ? info : nil
    }

    func type(_ name: String) -> mode_t? { info(name).map { $0.st_mode & S_IFMT } }

    /// A null-like character device (major 1, minor 3) in the directory, or nil where the
    /// process may not make one (not root, or a container without CAP_MKNOD).
    func makeNullDevice(_ name: String) -> String? {
        mknod(path(name), S_IFCHR | 0o666, OutputNodes.nullDevice) == 0 ? path(name) : nil
    }

    /// Linux's device number of /dev/null (1, 3).
    static let nullDevice = dev_t((1 << 8) | 3)

    /// Whether this process can make device nodes (tested once in a scratch directory).
    static let canMakeDevices: Bool = {
        guard let nodes = try? OutputNodes() else { return false }
        defer { try? FileManager.default.removeItem(at: nodes.directory) }
        return nodes.makeNullDevice("probe") != nil
    }()
}

/// Accepts one connection on a listening socket and reads it to the end, on a background thread.
final class SocketReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var bytes: [UInt8] = []

    init(listener: Int32) {
        Thread.detachNewThread { [self] in
            let connection = accept(listener, nil, nil)
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while connection >= 0 {
                let count = read(connection, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                bytes.append(contentsOf: buffer[..<count])
            }
            if connection >= 0 { close(connection) }
            done.signal()
        }
    }

    /// Waits for the writer to close the connection (at most 30 s) and returns what was read.
    func finish() -> String {
        _ = done.wait(timeout: .now() + 30)
        return String(decoding: bytes, as: UTF8.self)
    }
}
