import Reports

/// The 5th, 50th and 95th percentiles over members of chosen columns at every output time.
///
/// Exact order statistics, not a streaming estimate: every successful member's band columns are
/// kept in single precision (4 bytes per member, column and output row) until the study ends,
/// then each time point is sorted. Memory is members × rows × columns × 4 bytes, capped at
/// `maximumValues` (512 MiB); above it the study refuses to start and asks for a coarser
/// `--interval`, fewer band columns or fewer members. Percentiles interpolate linearly between
/// order statistics (Hyndman and Fan type 7, the default of R and NumPy). Failed members are
/// left out, and so is a non-finite value (or a missing row) of a member at that time; a time
/// with no finite value at all gets NaN. Bands need all members in one process, so they are not available per shard.
package struct PercentileBands: Sendable {
    package static let percentiles = [0.05, 0.50, 0.95]
    package static let suffixes = ["p05", "p50", "p95"]
    /// Largest number of stored band values (4 bytes each).
    package static let maximumValues = 128 << 20

    package let columns: [String]
    package let times: [Double]
    /// Row-major: per time, per column, the three percentiles.
    package let values: [Double]
    /// Members the bands are computed from.
    package let memberCount: Int

    /// Column names of the bands CSV after `time_h`.
    package var csvColumns: [String] { columns.flatMap { c in Self.suffixes.map { c + "_" + $0 } } }

    init(columns: [String], outcomes: [MemberOutcome]) {
        self.columns = columns
        let ok = outcomes.filter { $0.bands != nil }
        memberCount = ok.count
        let times = ok.first?.bandTimes ?? []
        self.times = times
        let width = columns.count
        var values: [Double] = []
        values.reserveCapacity(times.count * width * 3)
        var sample: [Float] = []
        sample.reserveCapacity(ok.count)
        for row in 0..<times.count {
            for k in 0..<width {
                // Only finite values: a member shorter than the grid has no sample here, and a
                // NaN would break the strict weak ordering `sort` needs (wrong percentiles).
                sample.removeAll(keepingCapacity: true)
                for outcome in ok {
                    let b = outcome.bands ?? []
                    if row * width + k < b.count, b[row * width + k].isFinite { sample.append(b[row * width + k]) }
                }
                sample.sort()
                for p in Self.percentiles { values.append(Self.quantile(sorted: sample, p)) }
            }
        }
        self.values = values
    }

    /// Type-7 quantile of sorted finite values; NaN when there are none.
    static func quantile(sorted x: [Float], _ p: Double) -> Double {
        guard !x.isEmpty else { return .nan }
        let h = Double(x.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, x.count - 1)
        return Double(x[lo]) + (h - Double(lo)) * (Double(x[hi]) - Double(x[lo]))
    }

    /// Writes the bands CSV (`time_h`, then `<column>_p05,_p50,_p95` per column) atomically.
    /// - Throws: `CSVWriterError`.
    package func write(to destination: CSVDestination, format: CSVNumberFormat = .roundTrip) throws(CSVWriterError) {
        let writer = try CSVWriter(destination: destination, columns: csvColumns, numberFormat: format)
        let width = columns.count * 3
        for (row, time) in times.enumerated() {
            try writer.writeRow(time: time, values: Array(values[(row * width)..<((row + 1) * width)]))
        }
        try writer.finish()
    }
}
