import Foundation

/// Reads everything written to a FIFO on a background thread, as a separate reader would.
package final class FIFOReader: @unchecked Sendable {
    private let path: String
    private let done = DispatchSemaphore(value: 0)
    private var bytes: [UInt8] = []

    /// Starts reading; the open blocks until a writer opens the FIFO.
    package init(path: String) {
        self.path = path
        Thread.detachNewThread { [self] in
            let fd = open(path, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while fd >= 0 {
                let count = read(fd, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                bytes.append(contentsOf: buffer[..<count])
            }
            if fd >= 0 { close(fd) }
            done.signal()
        }
    }

    /// Waits until the writer has closed the FIFO and returns what was read. If no writer ever
    /// opened it, opens and closes it here so the reader ends (with nothing read).
    package func finish() -> String {
        while done.wait(timeout: .now() + 0.05) == .timedOut {
            let fd = open(path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
