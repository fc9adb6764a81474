#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads at most a given number of bytes from a path, whatever the path names.
///
/// The limit is applied to what is actually read, after following symbolic links: the size
/// `stat` reports is only a shortcut for regular files. A FIFO, a character device
/// (`/dev/zero`) or a file that grows while it is read reports a size of 0 or less than it
/// delivers, so checking the size first and then reading everything (as `Data(contentsOf:)`
/// does) could exhaust memory. The reader asks for at most `limit + 1` bytes and stops there.
enum BoundedFileReader {
    /// What reading a path gave.
    enum Outcome: Equatable {
        case bytes([UInt8])
        /// More than the limit: the size when the file is regular (from `fstat`), else nil.
        case tooLarge(bytes: Int?)
        /// Could not be opened or read; the reason as the user should see it.
        case unreadable(reason: String)
    }

    /// The contents of `path` if they are at most `limit` bytes.
    /// - Complexity: O(min(size, limit)) time and memory.
    static func contents(of path: String, limit: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable(reason: reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .unreadable(reason: reason(errno)) }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR { return .unreadable(reason: "is a directory") }
        let isRegular = type == S_IFREG
        if isRegular, Int(status.st_size) > limit { return .tooLarge(bytes: Int(status.st_size)) }

        let capacity = limit + 1
        var buffer = [UInt8](repeating: 0, count: isRegular ? min(capacity, Int(status.st_size) + 1) : min(capacity, 64 << 10))
        var count = 0
        while count < capacity {
            if count == buffer.count { buffer.append(contentsOf: repeatElement(0, count: min(buffer.count, capacity - count))) }
            let got = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress! + count, raw.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .unreadable(reason: reason(errno))
            }
            if got == 0 { break }
            count += got
        }
        if count > limit { return .tooLarge(bytes: nil) }
        buffer.removeSubrange(count...)
        return .bytes(buffer)
    }

    /// A short reason for `errno`, with the wording the messages have always used for a
    /// missing file.
    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory"
        default: return String(cString: strerror(code))
        }
    }
}
