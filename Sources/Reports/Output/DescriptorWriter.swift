#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one checked `write(2)` loop every output goes through (files, devices, FIFOs, standard
/// output): it retries short writes and EINTR, and reports the first failure instead of
/// dropping bytes. No stdio buffering is involved, so nothing is left to flush at exit.
package enum DescriptorWriter {
    /// Writes all of `bytes` to `descriptor`.
    /// - Returns: 0, or the `errno` of the failed write (EIO for a write of 0 bytes).
    package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard let base = bytes.baseAddress else { return 0 }
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, base + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return written < 0 ? errno : EIO }
            offset += written
        }
        return 0
    }
}
