/// ∂(rule input)/∂y of the 13 rule inputs at one state as (column, slope) lists in one stack
/// buffer, input k's entries at `start[k]..<start[k + 1]`: filled once per Jacobian
/// (`ReceptorSystem.fillRuleInputColumns`), so the rows reading an input scatter its list
/// instead of recomputing the modulation and pair sums per row.
@usableFromInline
struct RuleInputColumns {
    @usableFromInline let columns: UnsafeMutablePointer<Int>
    @usableFromInline let slopes: UnsafeMutablePointer<Double>
    @usableFromInline let capacity: Int
    @usableFromInline var count = 0
    /// start[k] for k in 0...13 (`SignallingRules.Seed.count` + 1 bounds).
    @usableFromInline var start = SIMD16<Int>(repeating: 0)

    @inlinable
    init(columns: UnsafeMutablePointer<Int>, slopes: UnsafeMutablePointer<Double>, capacity: Int) {
        self.columns = columns
        self.slopes = slopes
        self.capacity = capacity
    }

    @inlinable
    mutating func append(_ column: Int, _ slope: Double) {
        precondition(count < capacity, "rule input columns exceed their bound")
        columns[count] = column
        slopes[count] = slope
        count &+= 1
    }

    /// Ends input k's list.
    @inlinable
    mutating func close(_ k: Int) { start[k &+ 1] = count }
}
