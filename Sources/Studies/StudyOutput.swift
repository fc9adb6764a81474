import Reports

/// Where a study's summary goes, written as the rows arrive (in member order), so memory does
/// not grow with the number of members.
///
/// A file is written through `AtomicOutputFile`: a regular file atomically (a temporary file in
/// the same directory, synced and renamed onto the path by `finish()`; a failed or abandoned run
/// leaves no partial file and keeps any previous one), a device or FIFO straight through.
/// `memory()` collects the text (tests, small studies).
package final class StudyOutput: @unchecked Sendable {
    /// The file (or standard output) rows go to; nil for `memory()`.
    private let file: AtomicOutputFile?
    private var buffer: [UInt8] = []
    /// The first write error, reported by `finish()` (writes after it are dropped).
    private var failure: CSVWriterError?
    private var closed = false
    /// Everything written, for `memory()` outputs.
    package private(set) var text = ""

    static let flushThreshold = 64 * 1024

    private init(file: AtomicOutputFile?) {
        self.file = file
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    /// Collects the text in `text`.
    package static func memory() -> StudyOutput { StudyOutput(file: nil) }

    /// Standard output for nil or "-", else an atomically written file at `path`.
    /// - Throws: `CSVWriterError.cannotCreate`.
    package static func file(_ path: String?) throws(CSVWriterError) -> StudyOutput {
        StudyOutput(file: try AtomicOutputFile(path: path))
    }

    deinit {
        if !closed { abandon() }
    }

    /// Appends `text`. A write error is kept and thrown by `finish()`; later writes are dropped.
    /// Not thread-safe: the executor calls it from one thread at a time, in member order.
    package func write(_ text: String) {
        guard !closed, failure == nil else { return }
        guard file != nil else {
            self.text += text
            return
        }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    private func flush() {
        guard let file, failure == nil, !buffer.isEmpty else { return }
        do throws(CSVWriterError) { try file.write(buffer) } catch { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and, for a file, moves it into place.
    /// - Throws: the first write error, or `CSVWriterError.writeFailed` / `.cannotRename`.
    package func finish() throws(CSVWriterError) {
        guard !closed else { throw .alreadyClosed }
        flush()
        if let failure {
            abandon()
            throw failure
        }
        closed = true
        try file?.finish()
    }

    /// Gives up: removes the temporary file; the destination is left as it was.
    package func abandon() {
        guard !closed else { return }
        closed = true
        buffer.removeAll()
        file?.abandon()
    }
}
