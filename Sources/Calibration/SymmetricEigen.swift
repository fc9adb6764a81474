import Foundation

/// Eigenvalues and eigenvectors of a small dense symmetric matrix by the cyclic Jacobi method
/// (Golub and Van Loan, Matrix Computations, 4th ed., §8.5): slow for large n, but accurate to
/// full relative precision for the small (p ≤ ~20) Fisher information matrices of a fit, which
/// is what the identifiability test needs.
struct SymmetricEigen {
    /// Eigenvalues, ascending.
    let values: [Double]
    /// Eigenvectors as columns of a row-major n × n matrix, in the order of `values`.
    let vectors: [Double]
    let n: Int

    /// - Parameter matrix: row-major n × n, symmetric (only the upper triangle is read).
    /// - Complexity: O(n³) per sweep, a handful of sweeps.
    init(_ matrix: [Double], n: Int) {
        var a = matrix
        for i in 0..<n { for j in 0..<i { a[i * n + j] = a[j * n + i] } }
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        for _ in 0..<100 {
            var off = 0.0, total = 0.0
            for i in 0..<n { for j in 0..<n { total += a[i * n + j] * a[i * n + j]; if i != j { off += a[i * n + j] * a[i * n + j] } } }
            if off <= 1e-30 * total || off == 0 { break }
            for p in 0..<n {
                for q in (p + 1)..<n where a[p * n + q] != 0 {
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let order = (0..<n).sorted { a[$0 * n + $0] < a[$1 * n + $1] }
        values = order.map { a[$0 * n + $0] }
        var sorted = [Double](repeating: 0, count: n * n)
        for (column, k) in order.enumerated() { for i in 0..<n { sorted[i * n + column] = v[i * n + k] } }
        vectors = sorted
        self.n = n
    }

    /// Component `i` of eigenvector `k`.
    func vector(_ k: Int, _ i: Int) -> Double { vectors[i * n + k] }
}
