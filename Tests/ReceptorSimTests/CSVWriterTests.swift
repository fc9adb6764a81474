import Foundation
import Reports
import Testing
import TestSupport

@Suite struct CSVNumberFormatTests {
    @Test(arguments: [
        (0.25, "0.25"), (1.0, "1"), (-3.5, "-3.5"), (8760.0, "8760"), (-0.0, "0"), (0.0, "0"),
        (1e-5, "0.00001"), (1e-6, "0.000001"), (1e-7, "1e-7"), (1.5e-9, "1.5e-9"),
        (0.1 + 0.2, "0.30000000000000004"), (123456789012345.0, "123456789012345"), (1e15, "1e15"),
        (1.2345678901234568e+17, "1.2345678901234568e17"), (Double.leastNonzeroMagnitude, "5e-324"),
        (Double.infinity, "inf"), (-Double.infinity, "-inf"), (Double.nan, "nan"),
    ])
    func roundTripFormat(value: Double, expected: String) {
        #expect(CSVNumberFormat.roundTrip.format(value) == expected)
    }

    @Test(arguments: [
        (3, 0.000123456, "0.000123"), (3, 123456.0, "123000"), (3, 1.5e-9, "1.5e-9"), (3, 9.999, "10"),
        (1, 0.25, "0.2"), (4, -2.0 / 3.0, "-0.6667"), (6, 1e20, "1e20"), (2, 0.0, "0"),
    ])
    func significantDigits(digits: Int, value: Double, expected: String) {
        #expect(CSVNumberFormat.significantDigits(digits).format(value) == expected)
    }

    /// `.significantDigits` rounds the shortest digits itself up to 15 digits and asks `%e`
    /// otherwise; either way the digits must be those `%e` prints from the exact binary value:
    /// random bit patterns (subnormals included), exact ties (k/8, k/64: `%e` rounds them half
    /// to even), output-grid times and values one ulp either side of a rounding boundary.
    @Test func significantDigitsMatchPrintfRounding() {
        var generator = SplitMix64(seed: 7)
        var values: [Double] = []
        for _ in 0..<3_000 { values.append(Double(bitPattern: generator.next())) }
        for k in 1...50 { values.append(Double.leastNonzeroMagnitude * Double(k * 7919)) }  // subnormal
        for k in 1...400 { values += [Double(k) / 8, Double(k) / 64, Double(k) * 0.25, Double(k) * 0.1, 1e-3 * Double(k) + 0.0005] }
        for digits in 1...6 {
            for _ in 0..<200 {
                let boundary = (Double(generator.next() % 1_000_000) + 0.5) * pow(10, Double(Int(generator.next() % 40) - 20 - digits))
                values += [boundary, boundary.nextUp, boundary.nextDown]
            }
        }
        for value in values where value.isFinite && value != 0 {
            for digits in [1, 2, 3, 6, 8, 12, 15, 16, 17] {
                let ours = CSVNumberFormat.significantDigits(digits).format(value)
                let printf = String(format: "%.\(digits - 1)e", value)
                #expect(canonicalDigits(ours) == canonicalDigits(printf), "\(value) to \(digits) digits: \(ours), %e \(printf)")
            }
        }
    }

    @Test func roundTripIsExactForRandomDoubles() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let text = CSVNumberFormat.roundTrip.format(value)
            #expect(Double(text) == value, "\(value) printed as \(text)")
            #expect(!text.contains("+") && !text.contains(",") && !text.contains(" "))
        }
    }
}

/// A number's sign, significant digits (no leading or trailing zeros) and the decimal exponent
/// of the first digit, read from plain (`-0.00012`, `1200`) or scientific (`1.2e-04`) text.
func canonicalDigits(_ text: String) -> (negative: Bool, digits: String, exponent: Int) {
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = text[..<e]
        exponent = Int(text[text.index(after: e)...])!
    }
    let negative = mantissa.hasPrefix("-")
    if negative { mantissa = mantissa.dropFirst() }
    let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
    let all = mantissa.filter { $0 != "." }
    let leadingZeros = all.prefix { $0 == "0" }.count
    var digits = String(all.dropFirst(leadingZeros))
    while digits.hasSuffix("0") { digits.removeLast() }
    return (negative, digits, exponent + point - 1 - leadingZeros)
}

@Suite struct CSVWriterTests {
    @Test func writesHeaderAndRowsWithCRLF() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory.appendingPathComponent("out.csv").path
        let writer = try CSVWriter(destination: .file(path: path), columns: ["mu_occupancy_total", "odd,\"name\""])
        try writer.writeRow(time: 0, values: [0.5, 1e-9])
        try writer.writeRow(time: 0.25, values: [-0.0, 12])
        try writer.writeRow(time: 6658 * 0.05, values: [0.1 + 0.2, 1])
        try writer.finish()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "time_h,mu_occupancy_total,\"odd,\"\"name\"\"\"\r\n0,0.5,1e-9\r\n0.25,0,12\r\n332.9,0.30000000000000004,1\r\n")
        #expect(writer.rowCount == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.csv"])
    }

    @Test func abandonedRunLeavesTheOldFileAndNoTemporary() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory.appendingPathComponent("good.csv").path
        try "previous good result\n".write(toFile: path, atomically: false, encoding: .utf8)
        do {
            let writer = try CSVWriter(destination: .file(path: path), columns: ["a"])
            try writer.writeRow(time: 0, values: [1])
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 2)
            writer.abandon()
        }
        do {
            // A writer dropped without finish() also cleans up.
            let writer = try CSVWriter(destination: .file(path: path), columns: ["a"])
            try writer.writeRow(time: 0, values: [1])
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous good result\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["good.csv"])
    }

    @Test func rowWidthIsChecked() throws {
        let directory = try makeTemporaryDirectory()
        let writer = try CSVWriter(destination: .file(path: directory.appendingPathComponent("x.csv").path), columns: ["a", "b"])
        #expect(throws: CSVWriterError.rowWidthMismatch(expected: 2, found: 1)) { try writer.writeRow(time: 0, values: [1]) }
        writer.abandon()
        #expect(throws: CSVWriterError.alreadyClosed) { try writer.writeRow(time: 0, values: [1, 2]) }
    }

    @Test func missingDirectoryIsAnError() {
        let missing = OutputPathError(path: "/nonexistent-dir-xyz/out.csv", problem: .missingFolder("/nonexistent-dir-xyz"))
        #expect(throws: CSVWriterError.badPath(missing)) {
            _ = try CSVWriter(destination: .file(path: "/nonexistent-dir-xyz/out.csv"), columns: ["a"])
        }
        #expect(CSVWriterError.cannotCreate(path: "/x/out.csv", errno: ENOENT).description
            == "cannot create '/x/out.csv': No such file or directory")
    }

    @Test func largeOutputStreamsAndIsByteIdentical() throws {
        let directory = try makeTemporaryDirectory()
        func write(_ name: String) throws -> Data {
            let path = directory.appendingPathComponent(name).path
            let writer = try CSVWriter(destination: .file(path: path), columns: ["x", "y"], numberFormat: .significantDigits(6))
            for k in 0..<20_000 {
                let t = Double(k) / 60
                try writer.writeRow(time: t, values: [sin(t), exp(-t / 100)])
            }
            try writer.finish()
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let first = try write("a.csv"), second = try write("b.csv")
        #expect(first == second)
        let lines = String(decoding: first, as: UTF8.self).split(separator: "\r\n")
        #expect(lines.count == 20_001)
        #expect(lines[1] == "0,0,1")
        // k = 59: t = 59/60; sin(t) = 0.8323489..., exp(-t/100) = 0.9902148...
        #expect(lines[60] == "0.983333333333,0.832349,0.990215")  // time_h keeps 12 digits
    }
}
