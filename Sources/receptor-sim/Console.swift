import Foundation
import Reports

/// Where commands print: standard output for results, standard error for messages.
/// Writes go straight to the file descriptors (unbuffered), so text and streamed CSV never
/// interleave out of order. Standard output goes through `StandardOutput`, which checks every
/// write; `ReceptorSimCommandLine.main` turns a failure into exit status 1. Standard error is
/// written as well as it can be: there is nowhere left to report its failure.
struct Console: Sendable {
    func out(_ text: String) { StandardOutput.write(text.hasSuffix("\n") ? text : text + "\n") }
    func err(_ text: String) {
        var text = text.hasSuffix("\n") ? text : text + "\n"
        text.withUTF8 { _ = DescriptorWriter.writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }
}
