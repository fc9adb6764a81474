/// The approximate equality of the test targets' floating-point assertions:
/// |a − b| <= absolute + relative · |b|, with `b` the reference value. Both tolerances default
/// to 0 (exact equality), so every assertion states the tolerance it means. (ReportsTests keeps
/// its own `isClose`, symmetric in a and b with 1e-12 defaults, for values computed two ways.)
package func isClose(_ a: Double, _ b: Double, relative: Double = 0, absolute: Double = 0) -> Bool {
    abs(a - b) <= absolute + relative * abs(b)
}
