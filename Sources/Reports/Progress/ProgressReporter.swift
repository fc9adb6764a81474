import Dispatch
import Foundation

/// Progress of a long job on stderr: a bar with rate and time left when stderr is a terminal,
/// a plain line every few seconds when it is a file or pipe (CI logs), nothing when quiet.
/// Nothing at all is written for jobs that finish within `startDelaySeconds`, so quick runs
/// stay clean.
///
/// Thread-safe: sweep and population workers call `advance(by:)` concurrently; a lock guards
/// the counter and the (throttled) writes, so the count is exact and lines never interleave.
/// The lock is held only to add and, at most every `barIntervalSeconds`, to format a line.
package final class ProgressReporter: @unchecked Sendable {
    /// How progress is shown.
    package enum Style: String, Sendable, Equatable {
        /// A bar redrawn in place (carriage return), for a terminal.
        case bar
        /// A full line every `lineIntervalSeconds`, for logs.
        case lines
        /// No output (`--quiet`).
        case silent
    }

    /// `.silent` when quiet, `.bar` when stderr is a terminal, else `.lines`.
    package static func automaticStyle(quiet: Bool) -> Style {
        if quiet { return .silent }
        return isatty(FileHandle.standardError.fileDescriptor) != 0 ? .bar : .lines
    }

    /// Writes to the process's stderr. A failure is ignored (there is nowhere left to report
    /// it): `FileHandle.write` would trap instead, so `2>/dev/full` crashed a run mid-way.
    package static let standardError: @Sendable (String) -> Void = { text in
        var text = text
        text.withUTF8 { _ = DescriptorWriter.writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }

    /// Seconds from an arbitrary origin, monotonic.
    package static let monotonicSeconds: @Sendable () -> Double = {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    package let label: String
    package let total: Double
    /// Unit of `total` for the text (`"runs"`, `"h"` of simulated time).
    package let unit: String
    package let style: Style
    package let startDelaySeconds: Double
    package let lineIntervalSeconds: Double
    package let barIntervalSeconds: Double
    package let barWidth: Int

    private let output: @Sendable (String) -> Void
    private let clock: @Sendable () -> Double
    private let lock = NSLock()
    // Guarded by `lock`.
    private var completed = 0.0
    private var startSeconds: Double
    private var lastWriteSeconds = -Double.infinity
    private var hasWritten = false
    private var isFinished = false

    /// - Parameters:
    ///   - label: what is being done (`"sweep"`, `"morphine-abrupt-stop"`).
    ///   - total: the amount of work (runs, or simulated hours), positive.
    ///   - output: where text goes; stderr by default (tests pass a collector).
    ///   - clock: monotonic seconds; injectable for tests.
    package init(
        label: String, total: Double, unit: String = "", style: Style,
        startDelaySeconds: Double = 1, lineIntervalSeconds: Double = 2, barIntervalSeconds: Double = 0.1,
        barWidth: Int = 28,
        output: @escaping @Sendable (String) -> Void = ProgressReporter.standardError,
        clock: @escaping @Sendable () -> Double = ProgressReporter.monotonicSeconds
    ) {
        self.label = label
        self.total = max(total, .leastNormalMagnitude)
        self.unit = unit
        self.style = style
        self.startDelaySeconds = startDelaySeconds
        self.lineIntervalSeconds = lineIntervalSeconds
        self.barIntervalSeconds = barIntervalSeconds
        self.barWidth = max(5, barWidth)
        self.output = output
        self.clock = clock
        self.startSeconds = clock()
    }

    /// Work done so far.
    package var completedAmount: Double {
        lock.lock()
        defer { lock.unlock() }
        return completed
    }

    /// Adds finished work (one run by default). Safe from any thread.
    package func advance(by amount: Double = 1) {
        guard style != .silent else {
            lock.lock()
            completed += amount
            lock.unlock()
            return
        }
        lock.lock()
        defer { lock.unlock() }
        completed += amount
        writeIfDue(now: clock())
    }

    /// Sets the work done (for one long run: simulated hours reached); never moves backwards.
    package func update(completed amount: Double) {
        lock.lock()
        defer { lock.unlock() }
        completed = max(completed, amount)
        if style != .silent { writeIfDue(now: clock()) }
    }

    /// Ends the display: a bar is completed and its line ended; a log gets a closing line. Only
    /// when something was shown before. Later calls do nothing.
    package func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard !isFinished else { return }
        isFinished = true
        guard hasWritten, style != .silent else { return }
        let now = clock()
        switch style {
        case .bar:
            output("\r" + barText(now: now, final: true) + "\u{1B}[K\n")
        case .lines:
            output(label + ": done, " + amountText(completed) + " in " + Self.durationText(now - startSeconds) + "\n")
        case .silent:
            break
        }
    }

    /// Must be called with the lock held.
    private func writeIfDue(now: Double) {
        guard !isFinished, now - startSeconds >= startDelaySeconds else { return }
        let interval = style == .bar ? barIntervalSeconds : lineIntervalSeconds
        guard now - lastWriteSeconds >= interval else { return }
        lastWriteSeconds = now
        hasWritten = true
        switch style {
        case .bar:
            output("\r" + barText(now: now, final: false) + "\u{1B}[K")
        case .lines:
            output(label + ": " + statusText(now: now) + "\n")
        case .silent:
            break
        }
    }

    private func barText(now: Double, final: Bool) -> String {
        let fraction = min(1, max(0, completed / total))
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        return label + " " + bar + " " + (final ? finalText(now: now) : statusText(now: now))
    }

    /// `42% (420/1000 runs), 35.2 runs/s, 16 s left`.
    private func statusText(now: Double) -> String {
        let elapsed = max(now - startSeconds, 1e-9)
        let rate = completed / elapsed
        let fraction = min(1, max(0, completed / total))
        var text = NumberText.fixed(fraction * 100, 0) + "% (" + NumberText.significant(completed, 6) + "/"
            + amountText(total) + "), " + NumberText.significant(rate, 3) + (unit.isEmpty ? "" : " " + unit) + "/s"
        if rate > 0, completed < total {
            text += ", " + Self.durationText((total - completed) / rate) + " left"
        }
        return text
    }

    /// `100% (1000 runs) in 28 s`, or the share reached when stopped early.
    private func finalText(now: Double) -> String {
        let fraction = min(1, max(0, completed / total))
        let amount = completed >= total ? amountText(completed) : NumberText.significant(completed, 6) + "/" + amountText(total)
        return NumberText.fixed(fraction * 100, 0) + "% (" + amount + ") in " + Self.durationText(now - startSeconds)
    }

    private func amountText(_ amount: Double) -> String {
        NumberText.significant(amount, 6) + (unit.isEmpty ? "" : " " + unit)
    }

    /// `"12 s"`, `"4:05"`, `"1:05:03"`.
    static func durationText(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
    }
}
