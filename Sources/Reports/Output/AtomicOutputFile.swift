#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way every writer of the project (CSV, study summaries and bands, SVG, HTML, SBML)
/// puts bytes into an output, so the rules below hold for all of them.
///
/// What happens depends on what the path names (`OutputTarget`), decided when the output is
/// opened:
/// - A regular file or a new path: bytes go to a temporary file `.<name>.<pid>.<n>.tmp` beside
///   it, which `finish()` syncs (fsync), closes (checking the deferred error) and renames over
///   the target. The output appears complete or not at all; a failed run never replaces a good
///   file. The new file keeps the permission bits (and, as root, the owner) of the file it
///   replaces.
/// - A symbolic link: the file at the end of its chain is replaced as above, and the link stays
///   a link. A dangling link is refused (`OutputPathError`).
/// - A character or block device, a FIFO or a socket: written straight through. Renaming over
///   the node would replace it: as root, writing to the null device used to turn the device into a regular
///   file. Nothing is created or truncated; every write and the close are checked.
/// - `-` (or nil), `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`: written to that open descriptor
///   (standard output through `StandardOutput`, others through a duplicate).
///
/// A temporary file is registered with `TemporaryFiles`, so SIGINT, SIGTERM and SIGHUP remove it
/// before the process exits; `abandon()` or an unfinished deinit removes it too.
package final class AtomicOutputFile {
    /// How bytes reach the output.
    private enum Sink {
        /// Standard output, through the shared checked writer.
        case standardOutput
        /// A descriptor this object opened or duplicated and closes.
        case stream(descriptor: Int32)
        /// A temporary file, renamed onto `target` by `finish()`.
        case temporary(descriptor: Int32, path: String, target: String)
    }

    /// The path as given, or nil for standard output.
    package let path: String?
    private var sink: Sink
    private var closed = false

    /// Opens the output `path` names (nil or `-`: standard output); see the type's rules.
    /// Opening a FIFO waits for a reader, as the shell's `>` does.
    /// - Throws: `CSVWriterError.badPath` when the path cannot be an output (a directory, a
    ///   missing folder, a dangling link, ...), `.cannotCreate` when it cannot be opened.
    package init(path: String?) throws(CSVWriterError) {
        let target: OutputTarget
        do throws(OutputPathError) { target = try OutputTarget.resolve(path) } catch { throw .badPath(error) }
        self.path = target.isStandardOutput ? nil : target.path
        switch target.kind {
        case .descriptor(STDOUT_FILENO):
            sink = .standardOutput
        case .descriptor(let number):
            let fd = fcntl(number, F_DUPFD_CLOEXEC, 0)
            guard fd >= 0 else { throw .cannotCreate(path: target.path, errno: errno) }
            sink = .stream(descriptor: fd)
        case .stream(let node):
            sink = .stream(descriptor: try Self.openStream(node, displayPath: target.path))
        case .file(let resolved):
            var info = stat()
            let exists = stat(resolved, &info) == 0
            let (fd, temporary) = try TemporaryFiles.create(beside: resolved, mode: 0o644)
            if exists {
                // Keep the replaced file's permissions and, where allowed, its owner.
                // (Owner first: changing it clears set-id bits that the mode then restores.)
                if geteuid() == 0 { _ = fchown(fd, info.st_uid, info.st_gid) }
                _ = fchmod(fd, info.st_mode & 0o7777)
            }
            sink = .temporary(descriptor: fd, path: temporary, target: resolved)
        }
    }

    deinit {
        if !closed { abandon() }
    }

    /// The path as error messages name it.
    package var displayPath: String { path ?? StandardOutput.displayName }

    /// Writes all of `bytes`, retrying short writes and interrupts.
    /// - Throws: `CSVWriterError.writeFailed` (the output is then abandoned).
    package func write(_ bytes: UnsafeRawBufferPointer) throws(CSVWriterError) {
        guard !closed else { throw .alreadyClosed }
        let code: Int32
        switch sink {
        case .standardOutput:
            do throws(CSVWriterError) { try StandardOutput.write(bytes) } catch {
                closed = true
                throw error
            }
            return
        case .stream(let fd), .temporary(let fd, _, _):
            code = DescriptorWriter.writeAll(fd, bytes)
        }
        if code != 0 {
            abandon()
            throw .writeFailed(path: displayPath, errno: code)
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

    /// Completes the output: a temporary file is synced, closed and renamed into place; a
    /// stream is closed (its close checked); standard output needs nothing.
    /// - Throws: `CSVWriterError.writeFailed` or `.cannotRename`; a file target is then untouched.
    package func finish() throws(CSVWriterError) {
        guard !closed else { throw .alreadyClosed }
        switch sink {
        case .standardOutput:
            closed = true
        case .stream(let fd):
            closed = true
            if close(fd) != 0 { throw .writeFailed(path: displayPath, errno: errno) }
        case .temporary(let fd, let temporary, let target):
            if fsync(fd) != 0 {
                let code = errno
                abandon()
                throw .writeFailed(path: displayPath, errno: code)
            }
            let closeStatus = close(fd)
            let closeError = errno
            sink = .temporary(descriptor: -1, path: temporary, target: target)
            if closeStatus != 0 {
                abandon()
                throw .writeFailed(path: displayPath, errno: closeError)
            }
            let code = TemporaryFiles.commit(temporary, onto: target)
            if code != 0 {
                abandon()
                throw .cannotRename(from: temporary, to: target, errno: code)
            }
            closed = true
        }
    }

    /// Gives up: removes the temporary file (the target is left as it was) or closes the stream.
    package func abandon() {
        guard !closed else { return }
        closed = true
        switch sink {
        case .standardOutput:
            break
        case .stream(let fd):
            close(fd)
        case .temporary(let fd, let temporary, _):
            if fd >= 0 { close(fd) }
            TemporaryFiles.discard(temporary)
        }
    }

    /// Writes `text` to `path` (or standard output for "-") in one piece, by the rules above.
    package static func write(_ text: String, to path: String) throws(CSVWriterError) {
        let file = try AtomicOutputFile(path: path)
        try file.write(Array(text.utf8))
        try file.finish()
    }

    /// Opens an existing device or FIFO for writing without creating or truncating it, or
    /// connects to a Unix stream socket.
    private static func openStream(_ node: String, displayPath: String) throws(CSVWriterError) -> Int32 {
        var info = stat()
        if stat(node, &info) == 0, UInt32(info.st_mode) & UInt32(S_IFMT) == UInt32(S_IFSOCK) {
            return try connectSocket(node, displayPath: displayPath)
        }
        while true {
            let fd = open(node, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            if fd >= 0 { return fd }
            if errno != EINTR { throw .cannotCreate(path: displayPath, errno: errno) }
        }
    }

    /// A Unix-domain stream connection to the socket at `node`.
    private static func connectSocket(_ node: String, displayPath: String) throws(CSVWriterError) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(node.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw .cannotCreate(path: displayPath, errno: ENAMETOOLONG)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        #if canImport(Glibc)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw .cannotCreate(path: displayPath, errno: errno) }
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard status == 0 else {
            let code = errno
            close(fd)
            throw .cannotCreate(path: displayPath, errno: code)
        }
        return fd
    }
}
