import Dispatch
import Foundation

/// The temporary files of atomic outputs that exist right now, so an interrupted command can
/// remove them before it exits.
///
/// SIGINT, SIGTERM and SIGHUP are taken by Dispatch signal sources (`installSignalHandlers`):
/// the handler runs on an ordinary thread, not in signal context, so it may take the lock,
/// unlink the files and `_exit(128 + signal)`. Creating, renaming and removing a temporary file
/// happen under the same lock, so a signal never finds a file that is half registered, and a
/// file already renamed into place is not removed: the previous output stays as it was, or the
/// new one is complete.
///
/// SIGKILL cannot be caught: a killed command leaves its `.<name>.<pid>.<n>.tmp` behind. The next
/// command writing the same output removes such files when the process that made them no
/// longer exists (`kill(pid, 0)` fails with ESRCH), and never those of a live process.
package enum TemporaryFiles {
    /// The live paths and whether a signal has ended the process.
    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var live: Set<String> = []
        var terminating = false
        var sources: [any DispatchSourceSignal] = []
    }

    private static let state = State()

    /// Signals that end the command, with exit status 128 + the signal number.
    package static let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Makes SIGINT, SIGTERM and SIGHUP remove the live temporary files and exit with
    /// 128 + the signal number (130, 143, 129). Call once, at the start of the executable.
    package static func installSignalHandlers() {
        state.lock.lock()
        defer { state.lock.unlock() }
        guard state.sources.isEmpty else { return }
        for signalNumber in handledSignals {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global(qos: .userInteractive))
            source.setEventHandler { terminate(signal: signalNumber) }
            source.resume()
            state.sources.append(source)
        }
    }

    /// Removes every live temporary file and exits; never returns.
    private static func terminate(signal signalNumber: Int32) -> Never {
        state.lock.lock()
        state.terminating = true
        for path in state.live { unlink(path) }
        _exit(128 + signalNumber)
    }

    /// Creates a new temporary file beside `target`, named `.<name>.<pid>.<n>.tmp`, after
    /// removing stale ones of dead processes.
    /// - Parameter mode: permission bits of the new file (those of the file it replaces).
    /// - Returns: the open descriptor (write only) and the temporary path.
    /// - Throws: `CSVWriterError.cannotCreate`.
    static func create(beside target: String, mode: mode_t) throws(CSVWriterError) -> (descriptor: Int32, path: String) {
        let slash = target.lastIndex(of: "/")
        let prefix = slash.map { String(target[...$0]) } ?? ""
        let name = OutputTarget.fileName(target)
        removeStale(folder: prefix.isEmpty ? "." : prefix, prefix: prefix, name: name)
        let pid = getpid()
        var lastError: Int32 = 0
        state.lock.lock()
        defer { state.lock.unlock() }
        for attempt in 0..<100 {
            let temporary = "\(prefix).\(name).\(pid).\(attempt).tmp"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if fd >= 0 {
                state.live.insert(temporary)
                return (fd, temporary)
            }
            lastError = errno
            if lastError != EEXIST { break }
        }
        throw .cannotCreate(path: target, errno: lastError)
    }

    /// Renames `temporary` onto `target` and forgets it.
    /// - Returns: 0, or the `errno` of the failed rename (the temporary file is then kept for
    ///   `discard`).
    static func commit(_ temporary: String, onto target: String) -> Int32 {
        state.lock.lock()
        defer { state.lock.unlock() }
        guard !state.terminating else { return EINTR }
        guard rename(temporary, target) == 0 else { return errno }
        state.live.remove(temporary)
        return 0
    }

    /// Removes `temporary` and forgets it.
    static func discard(_ temporary: String) {
        state.lock.lock()
        defer { state.lock.unlock() }
        unlink(temporary)
        state.live.remove(temporary)
    }

    /// Removes `.<name>.<pid>.<n>.tmp` files in `folder` whose process no longer exists.
    /// A file of a live process (or of a process this one may not signal) is kept.
    static func removeStale(folder: String, prefix: String, name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let lead = "." + name + "."
        for entry in entries where entry.hasPrefix(lead) && entry.hasSuffix(".tmp") {
            let middle = entry.dropFirst(lead.count).dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
            guard middle.count == 2, middle.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  let pid = Int32(middle[0]), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { unlink(prefix + entry) }
        }
    }
}
