import Dispatch
import Foundation
import Testing
@testable import Reports

/// A settable clock and an output collector, both thread-safe.
final class ProgressProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = 0.0
    private var written: [String] = []

    func set(_ value: Double) {
        lock.lock()
        seconds = value
        lock.unlock()
    }

    var now: Double {
        lock.lock()
        defer { lock.unlock() }
        return seconds
    }

    func write(_ text: String) {
        lock.lock()
        written.append(text)
        lock.unlock()
    }

    var output: [String] {
        lock.lock()
        defer { lock.unlock() }
        return written
    }

    func reporter(style: ProgressReporter.Style, total: Double, unit: String, barWidth: Int = 10) -> ProgressReporter {
        ProgressReporter(
            label: "sweep", total: total, unit: unit, style: style, barWidth: barWidth,
            output: { self.write($0) }, clock: { self.now })
    }
}

@Suite struct ProgressReporterTests {
    @Test func logLinesAreThrottledAndStartAfterADelay() {
        let probe = ProgressProbe()
        let progress = probe.reporter(style: .lines, total: 10, unit: "runs")
        for (time, _) in [(0.5, 1), (1.0, 2), (2.0, 3), (3.0, 4)] {
            probe.set(time)
            progress.advance()
        }
        probe.set(4)
        progress.finish()
        progress.finish()
        #expect(probe.output == [
            "sweep: 20% (2/10 runs), 2 runs/s, 4 s left\n",
            "sweep: 40% (4/10 runs), 1.33 runs/s, 5 s left\n",
            "sweep: done, 4 runs in 4 s\n",
        ])
    }

    @Test func barRedrawsInPlaceAndEndsTheLine() {
        let probe = ProgressProbe()
        let progress = probe.reporter(style: .bar, total: 10, unit: "h")
        probe.set(2)
        progress.update(completed: 5)
        probe.set(2.05)
        progress.update(completed: 6)
        probe.set(3)
        progress.update(completed: 4)
        probe.set(4)
        progress.update(completed: 10)
        progress.finish()
        #expect(probe.output == [
            "\rsweep █████░░░░░ 50% (5/10 h), 2.5 h/s, 2 s left\u{1B}[K",
            // Moving backwards is ignored: still 6 h done at 3 s.
            "\rsweep ██████░░░░ 60% (6/10 h), 2 h/s, 2 s left\u{1B}[K",
            "\rsweep ██████████ 100% (10/10 h), 2.5 h/s\u{1B}[K",
            "\rsweep ██████████ 100% (10 h) in 4 s\u{1B}[K\n",
        ])
    }

    @Test func quietAndQuickJobsWriteNothing() {
        let probe = ProgressProbe()
        let quiet = probe.reporter(style: .silent, total: 3, unit: "")
        probe.set(5)
        quiet.advance(by: 3)
        quiet.finish()
        #expect(quiet.completedAmount == 3)
        let quick = probe.reporter(style: .bar, total: 3, unit: "")
        probe.set(5.5)
        quick.advance(by: 3)
        quick.finish()
        #expect(probe.output.isEmpty)
    }

    @Test func countsExactlyUnderConcurrentWorkers() {
        let probe = ProgressProbe()
        let progress = ProgressReporter(
            label: "population", total: 8000, unit: "runs", style: .lines, startDelaySeconds: 0, lineIntervalSeconds: 0,
            output: { probe.write($0) })
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<1000 { progress.advance() }
        }
        progress.finish()
        #expect(progress.completedAmount == 8000)
        let lines = probe.output
        #expect(lines.count == 8001)
        #expect(lines.allSatisfy { $0.hasPrefix("population: ") && $0.hasSuffix("\n") && $0.dropLast().allSatisfy { $0 != "\n" } })
        #expect(lines[7999].hasPrefix("population: 100% (8000/8000 runs), "))
    }

    @Test func durationsReadLikeAClock() {
        #expect(ProgressReporter.durationText(12.4) == "12 s")
        #expect(ProgressReporter.durationText(245) == "4:05")
        #expect(ProgressReporter.durationText(3903) == "1:05:03")
    }
}
