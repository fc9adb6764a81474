#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an output path names, decided before anything is written, because the right way to
/// write depends on it:
///
/// - a regular file or a new path is written to a temporary file beside it and renamed over
///   it, so readers see the old file or the new one, never half of one;
/// - a device, FIFO or socket is written straight through (renaming over `/dev/null` as root
///   would replace the device with a regular file);
/// - `-`, `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` write to the open descriptor;
/// - a symbolic link (or a chain of them) is followed, and what it points to is written by the
///   rules above: the link stays a link. A dangling link is refused: it is more often a stale
///   link than a wish to create its target, and writing through it would create a file in a
///   place the command line does not name.
package struct OutputTarget: Sendable, Equatable {
    /// How the output is written.
    package enum Kind: Sendable, Equatable {
        /// An open descriptor, written directly (1 for `-`).
        case descriptor(Int32)
        /// An existing device, FIFO or socket, opened for writing as it is (never created,
        /// truncated or replaced).
        case stream(path: String)
        /// A regular file or a new path (the link's resolved target for a symbolic link),
        /// replaced atomically.
        case file(path: String)
    }

    /// The path as given (`-` for standard output).
    package let path: String
    package let kind: Kind
    /// The node written, when it exists already; nil for a new file.
    package let identity: FileIdentity?
    /// For a new file: its absolute path with the folder's links resolved, so two new outputs
    /// can be compared; nil otherwise.
    let newFilePath: String?

    /// Whether the output is standard output itself (`-` or no path).
    package var isStandardOutput: Bool { kind == .descriptor(STDOUT_FILENO) }

    /// Classifies `path` (nil or `-`: standard output).
    /// - Parameter probing: also create and remove the temporary file a write needs (the check
    ///   before a run; the write itself creates it anyway and need not probe again).
    /// - Throws: `OutputPathError` for an empty name, a directory, a missing or unwritable
    ///   folder, a dangling link or link loop, a descriptor not open for writing.
    /// - Complexity: a few system calls, plus one per link in a chain.
    package static func resolve(_ path: String?, probing: Bool = false) throws(OutputPathError) -> OutputTarget {
        guard let path, path != "-" else {
            return OutputTarget(path: "-", kind: .descriptor(STDOUT_FILENO),
                                identity: FileIdentity(descriptor: STDOUT_FILENO), newFilePath: nil)
        }
        func fail(_ problem: OutputPathError.Problem) -> OutputPathError { OutputPathError(path: path, problem: problem) }
        guard !path.isEmpty else { throw fail(.emptyName) }
        if let descriptor = descriptorNumber(path) {
            let flags = fcntl(descriptor, F_GETFL)
            guard flags >= 0 else { throw fail(.descriptorNotOpen(descriptor)) }
            guard flags & O_ACCMODE != O_RDONLY else { throw fail(.descriptorReadOnly(descriptor)) }
            return OutputTarget(path: path, kind: .descriptor(descriptor),
                                identity: FileIdentity(descriptor: descriptor), newFilePath: nil)
        }
        guard !path.hasSuffix("/") else { throw fail(.directory) }
        var info = stat()
        if lstat(path, &info) != 0 {
            let code = errno
            switch code {
            case ENOENT:
                let folder = try checkedFolder(of: path, replacing: false, probing: probing, fail)
                return OutputTarget(path: path, kind: .file(path: path), identity: nil,
                                    newFilePath: folder + "/" + fileName(path))
            case ENOTDIR: throw fail(.notAFolder(folderName(path)))
            case ELOOP: throw fail(.linkLoop)
            default: throw fail(.inaccessible(errno: code))
            }
        }
        var written = path
        if UInt32(info.st_mode) & UInt32(S_IFMT) == UInt32(S_IFLNK) {
            guard let resolved = realpath(path, nil) else {
                let code = errno
                if code == ELOOP { throw fail(.linkLoop) }
                if code == ENOENT { throw fail(.danglingLink(to: finalLinkTarget(path))) }
                throw fail(.inaccessible(errno: code))
            }
            written = String(cString: resolved)
            free(resolved)
            guard stat(written, &info) == 0 else { throw fail(.inaccessible(errno: errno)) }
        }
        switch UInt32(info.st_mode) & UInt32(S_IFMT) {
        case UInt32(S_IFDIR):
            throw fail(.directory)
        case UInt32(S_IFREG):
            _ = try checkedFolder(of: written, replacing: true, probing: probing, fail)
            return OutputTarget(path: path, kind: .file(path: written), identity: FileIdentity(info), newFilePath: nil)
        default:
            // Character and block devices, FIFOs, sockets.
            return OutputTarget(path: path, kind: .stream(path: written), identity: FileIdentity(info), newFilePath: nil)
        }
    }

    /// Whether `self` and `other` would write the same node (a file both replace, a FIFO, the
    /// same stream). Character devices are not counted: two outputs to `/dev/null` or a
    /// terminal do not destroy each other.
    package func isSameDestination(as other: OutputTarget) -> Bool {
        if let identity, let otherIdentity = other.identity {
            return identity == otherIdentity && !identity.isCharacterDevice
        }
        if let newFilePath, let otherPath = other.newFilePath { return newFilePath == otherPath }
        return false
    }

    /// Whether writing `self` would overwrite the existing file at `inputPath` (links followed;
    /// character devices excepted, as above).
    package func overwrites(input inputPath: String) -> Bool {
        guard let identity, let input = FileIdentity(path: inputPath) else { return false }
        return identity == input && !identity.isCharacterDevice
    }

    // MARK: Path pieces

    /// The descriptor named by `/dev/stdout`, `/dev/stderr`, `/dev/stdin`, `/dev/fd/N` or
    /// `/proc/self/fd/N`. These are written through the open descriptor (as `dup` would),
    /// never by following the link Linux shows for them.
    static func descriptorNumber(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdin": return 0
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default: break
        }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            let digits = path.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count < 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int32(digits)
        }
        return nil
    }

    /// The folder part of `path` (`.` when there is none, `/` for a file at the root).
    static func folderName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func fileName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The folder that will hold the temporary file, checked to exist and take new files (with
    /// `probing`, one is created and removed); returned with its links resolved.
    /// - Parameter replacing: whether `path` is an existing file (named so in the refusal).
    private static func checkedFolder(
        of path: String, replacing: Bool, probing: Bool, _ fail: (OutputPathError.Problem) -> OutputPathError
    ) throws(OutputPathError) -> String {
        let folder = folderName(path)
        var info = stat()
        guard stat(folder, &info) == 0 else {
            let code = errno
            if code == ENOENT { throw fail(.missingFolder(folder)) }
            if code == ENOTDIR { throw fail(.notAFolder(folder)) }
            throw fail(.inaccessible(errno: code))
        }
        guard UInt32(info.st_mode) & UInt32(S_IFMT) == UInt32(S_IFDIR) else { throw fail(.notAFolder(folder)) }
        guard access(folder, W_OK | X_OK) == 0 else { throw fail(.folderNotWritable(folder, errno: errno)) }
        // Permission bits do not tell everything (root in /proc, /sys): create the temporary
        // file the write will need and remove it, so the refusal comes before the run.
        if probing { do throws(CSVWriterError) {
            let probe = try TemporaryFiles.create(beside: path, mode: 0o600)
            close(probe.descriptor)
            TemporaryFiles.discard(probe.path)
        } catch {
            let code: Int32
            if case .cannotCreate(_, let number) = error { code = number } else { code = EIO }
            throw fail(replacing ? .cannotReplace(folder, errno: code) : .folderNotWritable(folder, errno: code))
        } }
        guard let resolved = realpath(folder, nil) else { return folder }
        defer { free(resolved) }
        let text = String(cString: resolved)
        return text == "/" ? "" : text
    }

    /// The last link text in the chain starting at `path`, for the dangling-link message.
    private static func finalLinkTarget(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { return current }
            let text = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let folder = folderName(current)
            current = text.hasPrefix("/") || folder == "." ? text : folder + "/" + text
        }
        return current
    }
}
