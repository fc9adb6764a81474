import Foundation

/// Standard output for every command: results, help, lists and CSV on `-` all go through
/// `write`, which checks each `write(2)`. The first failure (a full disk, `> /dev/full`, a
/// closed descriptor) is kept, later writes are dropped, and the command line turns the failure
/// into exit status 1 with a message, instead of exiting 0 with a truncated output.
package enum StandardOutput {
    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var failure: Int32?
        var reported = false
    }

    private static let state = State()

    /// What error messages call it.
    package static let displayName = "standard output"

    /// Writes all of `bytes`.
    /// - Throws: `CSVWriterError.writeFailed` on the first failure and on every write after it;
    ///   the failure then counts as reported (the caller's error names it).
    package static func write(_ bytes: UnsafeRawBufferPointer) throws(CSVWriterError) {
        state.lock.lock()
        defer { state.lock.unlock() }
        if state.failure == nil {
            let code = DescriptorWriter.writeAll(STDOUT_FILENO, bytes)
            if code != 0 { state.failure = code }
        }
        if let code = state.failure {
            state.reported = true
            throw .writeFailed(path: displayName, errno: code)
        }
    }

    /// Writes `text`; a failure is kept for `unreportedFailure` (for messages and results
    /// printed by commands that do not handle the error themselves).
    package static func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            state.lock.lock()
            defer { state.lock.unlock() }
            guard state.failure == nil else { return }
            let code = DescriptorWriter.writeAll(STDOUT_FILENO, UnsafeRawBufferPointer(utf8))
            if code != 0 { state.failure = code }
        }
    }

    /// The failure of a write to standard output that no error has reported yet, if any.
    package static var unreportedFailure: CSVWriterError? {
        state.lock.lock()
        defer { state.lock.unlock() }
        guard let code = state.failure, !state.reported else { return nil }
        return .writeFailed(path: displayName, errno: code)
    }
}
