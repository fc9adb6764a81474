/// Records chosen columns of every output row of one run in single precision, for the
/// percentile bands of a population.
struct BandRecorder: Sendable {
    /// Indices into the simulated row.
    let columns: [Int]
    /// Row-major: `values[row * columns.count + k]`.
    var values: [Float] = []
    var times: [Double] = []

    init(columns: [Int], expectedRows: Int) {
        self.columns = columns
        values.reserveCapacity(expectedRows * columns.count)
        times.reserveCapacity(expectedRows)
    }

    mutating func record(time: Double, _ row: UnsafeBufferPointer<Double>) {
        times.append(time)
        for j in columns { values.append(Float(row[j])) }
    }
}
