#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file system node's identity (device and inode), what makes two paths "the same file"
/// whatever links, `..` or `/dev/fd/N` lead to it.
package struct FileIdentity: Sendable, Hashable {
    package let device: UInt64
    package let inode: UInt64
    /// The node's type bits (`S_IFMT` part of `st_mode`).
    package let type: UInt32

    init(_ info: stat) {
        device = UInt64(truncatingIfNeeded: info.st_dev)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
        type = UInt32(info.st_mode) & UInt32(S_IFMT)
    }

    /// The node `path` leads to (links followed), or nil when it does not exist.
    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The node open as `descriptor`, or nil when it is not open.
    package init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }

    /// Character devices (`/dev/null`, a terminal) may take several outputs of one command.
    package var isCharacterDevice: Bool { type == UInt32(S_IFCHR) }
}
