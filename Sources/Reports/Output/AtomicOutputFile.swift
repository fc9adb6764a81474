#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file that appears complete or not at all: bytes go to a temporary file beside the
/// target, which `finish()` flushes to disk (fsync), closes (checking the deferred error) and
/// renames into place; `abandon()` or an unfinished deinit removes it. Standard output is
/// written through directly. The one mechanism every writer of the project uses (CSV, study
/// summaries, SVG, HTML, SBML), so a failed run never leaves a half-written file.
package final class AtomicOutputFile {
    /// The target path, or nil for standard output.
    package let path: String?
    private let temporaryPath: String?
    private var descriptor: Int32
    private var closed = false

    /// Opens standard output when `path` is nil or "-", else a new temporary file beside `path`.
    /// - Throws: `CSVWriterError.cannotCreate`.
    package init(path: String?) throws(CSVWriterError) {
        guard let path, path != "-" else {
            self.path = nil
            temporaryPath = nil
            descriptor = STDOUT_FILENO
            return
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let pid = getpid()
        var lastError: Int32 = 0
        for attempt in 0..<100 {
            let temporary = "\(directory).\(name).\(pid).\(attempt).tmp"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 {
                self.path = path
                temporaryPath = temporary
                descriptor = fd
                return
            }
            lastError = errno
            if lastError != EEXIST { break }
        }
        throw .cannotCreate(path: path, errno: lastError)
    }

    deinit {
        if !closed { abandon() }
    }

    /// The path as error messages name it.
    package var displayPath: String { path ?? "<stdout>" }

    /// Writes all of `bytes`, retrying short writes and interrupts.
    /// - Throws: `CSVWriterError.writeFailed` (the file is then abandoned).
    package func write(_ bytes: UnsafeRawBufferPointer) throws(CSVWriterError) {
        guard !closed else { throw .alreadyClosed }
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc_write(descriptor, base + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            if written <= 0 {
                let code = written < 0 ? errno : EIO
                abandon()
                throw .writeFailed(path: displayPath, errno: code)
            }
            offset += written
        }
    }

    /// Writes all of `bytes`.
    package func write(_ bytes: [UInt8]) throws(CSVWriterError) {
        var result: Result<Void, CSVWriterError> = .success(())
        bytes.withUnsafeBytes { raw in
            do throws(CSVWriterError) { try write(raw) } catch { result = .failure(error) }
        }
        try result.get()
    }

    /// Moves a file into place (fsync, checked close, rename); nothing to do for standard output.
    /// - Throws: `CSVWriterError.writeFailed` or `.cannotRename`; the target is then untouched.
    package func finish() throws(CSVWriterError) {
        guard !closed else { throw .alreadyClosed }
        guard let path, let temporaryPath else {
            closed = true
            return
        }
        if fsync(descriptor) != 0 {
            let code = errno
            abandon()
            throw .writeFailed(path: path, errno: code)
        }
        let closeStatus = close(descriptor)
        let closeError = errno
        descriptor = -1
        if closeStatus != 0 {
            abandon()
            throw .writeFailed(path: path, errno: closeError)
        }
        if rename(temporaryPath, path) != 0 {
            let code = errno
            abandon()
            throw .cannotRename(from: temporaryPath, to: path, errno: code)
        }
        closed = true
    }

    /// Gives up: removes the temporary file; the target is left as it was.
    package func abandon() {
        guard !closed else { return }
        closed = true
        if let temporaryPath {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            unlink(temporaryPath)
        }
    }

    /// Writes `text` to `path` (or standard output for "-") in one piece, atomically.
    package static func write(_ text: String, to path: String) throws(CSVWriterError) {
        let file = try AtomicOutputFile(path: path)
        try file.write(Array(text.utf8))
        try file.finish()
    }
}

/// `write(2)`, named apart from the methods above.
@inline(__always)
private func Glibc_write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
