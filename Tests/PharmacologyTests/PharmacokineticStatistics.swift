import Foundation
import Pharmacology

/// Pharmacokinetic statistics the library tests compare with published figures, written once.

/// Log-linear least-squares half-life of `column` over [from, to] (the validation statistic).
func fittedHalfLife(_ rec: ObservableRecorder, _ column: String, from: Double, to: Double) -> Double {
    fittedHalfLife(rec.times, rec.series(column), from: from, to: to)
}

/// Log-linear least-squares half-life of the positive `values` over [from, to].
func fittedHalfLife(_ times: [Double], _ values: [Double], from: Double, to: Double) -> Double {
    let points = zip(times, values).filter { $0.0 >= from - 1e-9 && $0.0 <= to + 1e-9 && $0.1 > 0 }
    let n = Double(points.count)
    let mt = points.reduce(0) { $0 + $1.0 } / n, my = points.reduce(0) { $0 + Foundation.log($1.1) } / n
    var sxy = 0.0, sxx = 0.0
    for (t, y) in points { sxy += (t - mt) * (Foundation.log(y) - my); sxx += (t - mt) * (t - mt) }
    return -Foundation.log(2.0) / (sxy / sxx)
}

/// Trapezoid area under `column` over [0, the last row] (unit × h).
func area(_ rec: ObservableRecorder, _ column: String) -> Double {
    let t = rec.times, c = rec.series(column)
    var sum = 0.0
    for i in 1..<t.count { sum += (c[i] + c[i - 1]) / 2 * (t[i] - t[i - 1]) }
    return sum
}
