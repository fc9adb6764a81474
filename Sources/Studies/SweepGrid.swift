/// The full Cartesian grid of several variations, indexed 0..<count.
///
/// Point order is row-major over the variations as given: the first variation changes slowest,
/// the last fastest (like nested loops written in the order of the `--vary` options).
package struct SweepGrid: Sendable, Equatable {
    package let variations: [Variation]
    /// Number of grid points (the product of the value counts).
    package let count: Int

    /// Largest grid accepted (a summary row per point is kept in memory).
    package static let maximumPoints = 10_000_000

    /// - Throws: `StudyError.duplicateName`, `.tooLarge`.
    package init(_ variations: [Variation]) throws(StudyError) {
        var seen: Set<String> = []
        var count = 1
        for v in variations {
            guard seen.insert(v.name).inserted else { throw .duplicateName(v.name) }
            let (product, overflow) = count.multipliedReportingOverflow(by: v.values.count)
            guard !overflow, product <= Self.maximumPoints else {
                throw .tooLarge(what: "the sweep grid", count: overflow ? Int.max : product, limit: Self.maximumPoints)
            }
            count = product
        }
        self.variations = variations
        self.count = count
    }

    /// The value of every variation at grid point `index`, in variation order.
    package func values(at index: Int) -> [Double] {
        precondition(index >= 0 && index < count, "grid index out of range")
        var remainder = index
        var out = Array(repeating: 0.0, count: variations.count)
        for k in stride(from: variations.count - 1, through: 0, by: -1) {
            let n = variations[k].values.count
            out[k] = variations[k].values[remainder % n]
            remainder /= n
        }
        return out
    }
}
