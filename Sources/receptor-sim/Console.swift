import Foundation
import Reports

/// Where commands print: standard output for results, standard error for messages.
/// Writes go straight to the file descriptors (unbuffered), so text and streamed CSV never
/// interleave out of order. Standard output goes through `StandardOutput`, which checks every
/// write; `ReceptorSimCommandLine.main` turns a failure into exit status 1. Standard error is
/// written as well as it can be: there is nowhere left to report its failure.
struct Console: Sendable {
    func out(_ text: String) { StandardOutput.write(text.hasSuffix("\n") ? text : text + "\n") }
    func err(_ text: String) { write(2, text) }

    private func write(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        if bytes.last != 0x0A { bytes.append(0x0A) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }
}
