extension LUFactorization {
    /// sum − Σ values[t]·x[columns[t]] over t in start..<end, subtracted one entry at a time in
    /// ascending t (the plain loop's operations, so its bits). The last 16 entries of a row go
    /// through straight-line code entered by the row's length (a switch falling through, as
    /// Duff's device) at constant offsets from the row's end, with no loop control, remainder
    /// prologue or unrolling set-up per row: the fixed-pattern solves' rows are short (L 99
    /// entries in 19 of 42 rows, U 130 in 35 on the 28-day morphine run), so that set-up was
    /// about half of each solve (Benchmarks/RESULTS.md, "Row dot products entered by length").
    @inlinable @inline(__always)
    static func rowDot(
        _ sum: Double, _ values: UnsafePointer<Double>, _ columns: UnsafePointer<Int>,
        _ x: UnsafePointer<Double>, from start: Int, to end: Int
    ) -> Double {
        var sum = sum
        var t = start
        while end &- t > 16 { sum -= values[t] * x[columns[t]]; t &+= 1 }
        let v = values + end, c = columns + end
        switch end &- t {
        case 16: sum -= v[-16] * x[c[-16]]; fallthrough
        case 15: sum -= v[-15] * x[c[-15]]; fallthrough
        case 14: sum -= v[-14] * x[c[-14]]; fallthrough
        case 13: sum -= v[-13] * x[c[-13]]; fallthrough
        case 12: sum -= v[-12] * x[c[-12]]; fallthrough
        case 11: sum -= v[-11] * x[c[-11]]; fallthrough
        case 10: sum -= v[-10] * x[c[-10]]; fallthrough
        case 9: sum -= v[-9] * x[c[-9]]; fallthrough
        case 8: sum -= v[-8] * x[c[-8]]; fallthrough
        case 7: sum -= v[-7] * x[c[-7]]; fallthrough
        case 6: sum -= v[-6] * x[c[-6]]; fallthrough
        case 5: sum -= v[-5] * x[c[-5]]; fallthrough
        case 4: sum -= v[-4] * x[c[-4]]; fallthrough
        case 3: sum -= v[-3] * x[c[-3]]; fallthrough
        case 2: sum -= v[-2] * x[c[-2]]; fallthrough
        case 1: sum -= v[-1] * x[c[-1]]
        default: break
        }
        return sum
    }
}
