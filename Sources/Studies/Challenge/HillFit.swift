import Foundation

/// A Hill (sigmoid Emax) curve E(D) = Emax · Dⁿ / (ED50ⁿ + Dⁿ) fitted to a dose-response curve.
package struct HillFit: Sendable, Equatable {
    /// The fitted maximal effect, in the response's unit (signed: negative for a fall).
    package var maximumEffect: Double
    /// The dose giving half the maximal effect, mg.
    package var ed50Milligrams: Double
    /// The Hill coefficient n (steepness).
    package var hillCoefficient: Double
    /// Residual sum of squares of the fit.
    package var residualSumOfSquares: Double
    /// Coefficient of determination R² = 1 − RSS / total sum of squares about the mean.
    package var rSquared: Double

    /// The fitted effect at `dose` mg.
    package func effect(atDose dose: Double) -> Double {
        guard dose > 0 else { return 0 }
        return maximumEffect / (1 + exp(-hillCoefficient * (log(dose) - log(ed50Milligrams))))
    }
}

/// Why a curve's ED50 could not be determined.
package enum ED50Problem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer than three doses with a non-zero response, or no response at all.
    case tooFewResponses
    /// The half-maximal effect lies above the largest dose: the maximum is not reached.
    case aboveTestedDoses(largestMilligrams: Double)
    /// The half-maximal effect lies below the smallest dose: the smallest dose already gives it.
    case belowTestedDoses(smallestMilligrams: Double)
    /// The curve is not sigmoid enough for a Hill fit (R² below `HillEstimator.minimumRSquared`).
    case poorFit(rSquared: Double)

    package var description: String {
        switch self {
        case .tooFewResponses:
            return "fewer than three doses changed the observable"
        case .aboveTestedDoses(let largest):
            return "half-maximal effect above the largest dose (\(HillEstimator.format(largest)) mg): the maximum is not reached"
        case .belowTestedDoses(let smallest):
            return "half-maximal effect below the smallest dose (\(HillEstimator.format(smallest)) mg)"
        case .poorFit(let r2):
            return "a Hill curve does not fit the responses (R² = \(HillEstimator.format(r2)))"
        }
    }
}

/// Least-squares Hill fits of dose-response curves in log dose, and the ED50 they give.
///
/// The model E = Emax / (1 + exp(−n (ln D − ln ED50))) is fitted to the responses by least
/// squares. Emax enters linearly, so for given (ln ED50, ln n) it is solved in closed form
/// (variable projection, Golub & Pereyra 1973) and Nelder-Mead (1965) searches the remaining two
/// dimensions from several starting slopes, the ED50 starting at the log-interpolated
/// half-maximal dose. The ED50 is reported only when it lies within the tested doses: the
/// data then bracket the half-maximal effect; outside, it would be an extrapolation of the
/// curve's shape.
package enum HillEstimator {
    /// Below this R² the responses are not a dose-response curve a Hill curve describes.
    package static let minimumRSquared = 0.9
    /// Bounds on the Hill coefficient (a steeper curve is a step between two doses).
    static let hillCoefficientRange = 0.1...20.0

    /// Fits a Hill curve to `responses` at `dosesMilligrams` (same length, doses > 0). The
    /// direction follows the largest response by magnitude: a curve of falls fits a negative Emax.
    /// - Returns: the fit, or nil when fewer than three responses differ from zero.
    /// - Complexity: O(doses · iterations), a few thousand function evaluations at most.
    package static func fit(dosesMilligrams doses: [Double], responses: [Double]) -> HillFit? {
        precondition(doses.count == responses.count, "one response per dose")
        guard let largest = responses.max(by: { abs($0) < abs($1) }), largest != 0, largest.isFinite,
              responses.allSatisfy(\.isFinite), doses.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        let sign: Double = largest > 0 ? 1 : -1
        let x = doses.map { log($0) }
        let y = responses.map { sign * $0 }
        guard y.filter({ abs($0) > 1e-12 * abs(largest) }).count >= 3 else { return nil }

        // Emax for given (a = ln ED50, b = ln n), and the residual sum of squares.
        func evaluate(_ p: [Double]) -> (rss: Double, emax: Double) {
            let n = exp(p[1])
            guard hillCoefficientRange.contains(n) else { return (.infinity, 0) }
            var fy = 0.0, ff = 0.0
            for i in x.indices {
                let f = 1 / (1 + exp(-n * (x[i] - p[0])))
                fy += f * y[i]
                ff += f * f
            }
            guard ff > 0 else { return (.infinity, 0) }
            let emax = max(0, fy / ff)
            var rss = 0.0
            for i in x.indices {
                let r = y[i] - emax / (1 + exp(-n * (x[i] - p[0])))
                rss += r * r
            }
            return (rss, emax)
        }

        let start = log(halfMaximalDose(doses: doses, responses: y))
        var best: (point: [Double], rss: Double)?
        for slope in [0.5, 1, 2, 4] {
            let result = nelderMead(start: [start, log(slope)], scale: [0.5, 0.3]) { evaluate($0).rss }
            if best == nil || result.value < best!.rss { best = (result.point, result.value) }
        }
        guard let best, best.rss.isFinite else { return nil }
        let emax = evaluate(best.point).emax
        let mean = y.reduce(0, +) / Double(y.count)
        let total = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return HillFit(
            maximumEffect: sign * emax, ed50Milligrams: exp(best.point[0]), hillCoefficient: exp(best.point[1]),
            residualSumOfSquares: best.rss, rSquared: total > 0 ? 1 - best.rss / total : 0)
    }

    /// The ED50 of a curve, or why it is not determinable (see the type's discussion).
    package static func ed50(of fit: HillFit?, dosesMilligrams doses: [Double]) -> Result<Double, ED50Problem> {
        guard let fit, let smallest = doses.min(), let largest = doses.max() else { return .failure(.tooFewResponses) }
        guard fit.rSquared >= minimumRSquared else { return .failure(.poorFit(rSquared: fit.rSquared)) }
        // A relative slack of 1e-9 keeps an ED50 equal to a tested dose inside.
        if fit.ed50Milligrams > largest * (1 + 1e-9) { return .failure(.aboveTestedDoses(largestMilligrams: largest)) }
        if fit.ed50Milligrams < smallest * (1 - 1e-9) { return .failure(.belowTestedDoses(smallestMilligrams: smallest)) }
        return .success(fit.ed50Milligrams)
    }

    /// The dose at half the largest response, interpolated linearly in log dose between the
    /// doses around it (the doses' geometric mean when the responses never cross it).
    static func halfMaximalDose(doses: [Double], responses: [Double]) -> Double {
        let order = doses.indices.sorted { doses[$0] < doses[$1] }
        let half = 0.5 * (responses.max() ?? 0)
        for (i, j) in zip(order, order.dropFirst()) where (responses[i] - half) * (responses[j] - half) <= 0 && responses[i] != responses[j] {
            let w = (half - responses[i]) / (responses[j] - responses[i])
            return exp(log(doses[i]) + w * (log(doses[j]) - log(doses[i])))
        }
        return exp(doses.reduce(0) { $0 + log($1) } / Double(doses.count))
    }

    /// Nelder-Mead simplex minimization (standard coefficients 1, 2, ½, ½), stopping when the
    /// simplex is smaller than 1e-10 in every coordinate and the values agree to 1e-14 relative.
    static func nelderMead(start: [Double], scale: [Double], maximumIterations: Int = 4000,
                           _ f: ([Double]) -> Double) -> (point: [Double], value: Double) {
        let d = start.count
        var simplex = [start]
        for k in 0..<d {
            var p = start
            p[k] += scale[k]
            simplex.append(p)
        }
        var values = simplex.map(f)
        for _ in 0..<maximumIterations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let spread = (0..<d).map { k in simplex.map { $0[k] }.max()! - simplex.map { $0[k] }.min()! }.max()!
            if spread < 1e-10, abs(values[d] - values[0]) <= 1e-14 * max(abs(values[0]), 1e-300) { break }
            var centroid = Array(repeating: 0.0, count: d)
            for p in simplex.dropLast() { for k in 0..<d { centroid[k] += p[k] / Double(d) } }
            func along(_ t: Double) -> [Double] { (0..<d).map { centroid[$0] + t * (simplex[d][$0] - centroid[$0]) } }
            let reflected = along(-1), fr = f(reflected)
            if fr < values[0] {
                let expanded = along(-2), fe = f(expanded)
                if fe < fr { simplex[d] = expanded; values[d] = fe } else { simplex[d] = reflected; values[d] = fr }
            } else if fr < values[d - 1] {
                simplex[d] = reflected; values[d] = fr
            } else {
                let contracted = fr < values[d] ? along(-0.5) : along(0.5)
                let fc = f(contracted)
                if fc < min(fr, values[d]) {
                    simplex[d] = contracted; values[d] = fc
                } else {
                    for i in 1...d {
                        simplex[i] = (0..<d).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
                        values[i] = f(simplex[i])
                    }
                }
            }
        }
        let i = values.indices.min { values[$0] < values[$1] }!
        return (simplex[i], values[i])
    }

    static func format(_ value: Double) -> String {
        String(format: "%.3g", value)
    }
}
