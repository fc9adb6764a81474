/// In-place LU factorization with partial pivoting of a small dense row-major matrix, for the
/// steady-state Newton iteration (not the integrator, which has its own).
struct DenseLU {
    var lu: [Double]
    var pivots: [Int]
    let n: Int

    /// Factors `matrix` (n × n, row-major); nil when it is singular to working precision.
    init?(_ matrix: [Double], n: Int) {
        self.n = n
        lu = matrix
        pivots = Array(0..<n)
        for k in 0..<n {
            var p = k
            var best = abs(lu[k * n + k])
            for i in (k + 1)..<max(k + 1, n) where abs(lu[i * n + k]) > best {
                best = abs(lu[i * n + k]); p = i
            }
            if best == 0 || !best.isFinite { return nil }
            if p != k {
                for j in 0..<n { lu.swapAt(k * n + j, p * n + j) }
                pivots.swapAt(k, p)
            }
            let inv = 1 / lu[k * n + k]
            for i in (k + 1)..<max(k + 1, n) {
                let factor = lu[i * n + k] * inv
                lu[i * n + k] = factor
                if factor != 0 {
                    for j in (k + 1)..<n { lu[i * n + j] -= factor * lu[k * n + j] }
                }
            }
        }
    }

    /// Solves A x = b.
    func solve(_ b: [Double]) -> [Double] {
        var x = pivots.map { b[$0] }
        for i in 0..<n {
            var sum = x[i]
            for j in 0..<i { sum -= lu[i * n + j] * x[j] }
            x[i] = sum
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[i]
            for j in (i + 1)..<n { sum -= lu[i * n + j] * x[j] }
            x[i] = sum / lu[i * n + i]
        }
        return x
    }
}
