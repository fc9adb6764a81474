import Foundation
import Testing
@testable import ScenarioFiles

/// Parsing must stay linear in the size of the file, also when it is all on one line (a
/// minified scenario): the column of every value used to be recounted from the start of its
/// line, so a 400 KB one-line file took 32 s in release.
@Suite struct JSON5ParserScalingTests {
    /// A one-line document of about `entries` x 60 bytes: an array of small objects.
    private static func oneLineDocument(entries: Int) -> [UInt8] {
        var text = "{ doses: ["
        for i in 0..<entries {
            text += "{ drug: 'morphine', route: 'oral', amount_mg: \(i % 50 + 1), at_h: \(i) },"
        }
        text += "] }"
        return Array(text.utf8)
    }

    /// The least of three timings of parsing `bytes`, in seconds of this thread's CPU time: wall
    /// time on a shared 2-core machine counts other jobs' work too (the test failed under a load
    /// of 13), CPU time only waits for cache effects, and the least is the least disturbed.
    private static func fastestParse(_ bytes: [UInt8]) throws -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = threadCPUSeconds()
            _ = try JSON5Parser.parse(bytes, file: "f.json5")
            best = min(best, threadCPUSeconds() - start)
        }
        return best
    }

    private static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
    }

    /// Sixteen times the size must cost about sixteen times the time: linear gives 16, the old
    /// quadratic column count 256. The bound of 48 leaves a factor 3 for noise either way.
    @Test func oneLineDocumentParsesInLinearTime() throws {
        let small = Self.oneLineDocument(entries: 1_000)
        let large = Self.oneLineDocument(entries: 16_000)
        #expect(!small.contains(0x0A) && large.count > 800_000)
        let tSmall = try Self.fastestParse(small)
        let tLarge = try Self.fastestParse(large)
        #expect(tLarge < 48 * tSmall, "parse of \(large.count) B took \(tLarge) s, of \(small.count) B \(tSmall) s")
        // A generous absolute bound in debug too (linear: about 0.4 s for 1.1 MB).
        #expect(tLarge < 10, "parse of \(large.count) B took \(tLarge) s")
    }

    @Test func positionsOnALongLineAreStillExact() throws {
        let bytes = Self.oneLineDocument(entries: 100)
        let value = try JSON5Parser.parse(bytes, file: "f.json5")
        guard case .object(let top) = value.kind, case .array(let doses) = top[0].value.kind else {
            Issue.record("unexpected shape")
            return
        }
        let prefix = "{ doses: [" + (0..<99).map { "{ drug: 'morphine', route: 'oral', amount_mg: \($0 % 50 + 1), at_h: \($0) }," }.joined()
        #expect(doses[99].position == SourcePosition(line: 1, column: prefix.count + 1))
    }
}
