import Reports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a study's summary goes, written as the rows arrive (in member order), so memory does
/// not grow with the number of members.
///
/// A file is written atomically: to a temporary file in the same directory, synced and renamed
/// onto the path by `finish()`; a failed or abandoned run leaves no partial file and keeps any
/// previous one. `memory()` collects the text (tests, small studies).
public final class StudyOutput: @unchecked Sendable {
    enum Destination { case memory, standardOutput, file(path: String, temporary: String) }

    private let destination: Destination
    private var descriptor: Int32 = -1
    private var buffer: [UInt8] = []
    private var failure: CSVWriterError?
    private var closed = false
    /// The text written so far (memory outputs only).
    public private(set) var text = ""

    static let flushThreshold = 64 * 1024

    private init(destination: Destination, descriptor: Int32) {
        self.destination = destination
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    /// Collects the text in memory (`text`).
    public static func memory() -> StudyOutput { StudyOutput(destination: .memory, descriptor: -1) }

    /// A file written atomically, or standard output for nil or `-`.
    /// - Throws: `CSVWriterError.cannotCreate` when the temporary file cannot be made.
    public static func file(_ path: String?) throws(CSVWriterError) -> StudyOutput {
        guard let path, path != "-" else { return StudyOutput(destination: .standardOutput, descriptor: STDOUT_FILENO) }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var lastError: Int32 = 0
        for attempt in 0..<100 {
            let temporary = "\(directory).\(name).\(getpid()).\(attempt).tmp"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 { return StudyOutput(destination: .file(path: path, temporary: temporary), descriptor: fd) }
            lastError = errno
            if lastError != EEXIST { break }
        }
        throw .cannotCreate(path: path, errno: lastError)
    }

    deinit {
        if !closed { abandon() }
    }

    private var displayPath: String {
        switch destination {
        case .memory: return "<memory>"
        case .standardOutput: return "<stdout>"
        case .file(let path, _): return path
        }
    }

    /// Appends `text`. A write error is kept and thrown by `finish()`; later writes are dropped.
    /// Not thread-safe: the executor calls it from one thread at a time, in member order.
    public func write(_ text: String) {
        guard !closed, failure == nil else { return }
        if case .memory = destination {
            self.text += text
            return
        }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        let path = displayPath
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = Glibc_write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .writeFailed(path: path, errno: errno)
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and, for a file, moves it into place.
    /// - Throws: the first write error, or `CSVWriterError.writeFailed` / `.cannotRename`.
    public func finish() throws(CSVWriterError) {
        guard !closed else { throw .alreadyClosed }
        flush()
        if let failure {
            abandon()
            throw failure
        }
        if case .file(let path, let temporary) = destination {
            if fsync(descriptor) != 0 {
                let code = errno
                abandon()
                throw .writeFailed(path: path, errno: code)
            }
            close(descriptor)
            descriptor = -1
            if rename(temporary, path) != 0 {
                let code = errno
                unlink(temporary)
                closed = true
                throw .cannotRename(from: temporary, to: path, errno: code)
            }
        }
        closed = true
    }

    /// Gives up: removes the temporary file; the destination is left as it was.
    public func abandon() {
        guard !closed else { return }
        closed = true
        buffer.removeAll()
        if case .file(_, let temporary) = destination {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            unlink(temporary)
        }
    }
}

/// `write(2)`, named apart from `StudyOutput.write`.
@inline(__always)
private func Glibc_write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
