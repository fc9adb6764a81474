import Foundation

/// Standard errors, correlations and identifiability from the Fisher information F = JᵀJ of
/// the weighted residuals at the optimum (J = ∂r/∂ln θ; the weights 1/sigma are inside r, so
/// this is JᵀWJ of the unweighted residuals). The covariance of the log-parameters is F⁻¹,
/// taking each sigma as known (no rescaling by the residual variance): the SEs say what the
/// data's stated uncertainty allows, and are only as right as the sigmas.
///
/// - SE on the log scale: √(F⁻¹)ᵢᵢ. For small values this is the relative SE of the parameter
///   (delta method: SE(θ)/θ ≈ SE(ln θ)); `multiplicativeSE` = exp(SE(ln θ)) is the factor
///   "×/÷" of a one-SE interval, and the 95 % interval is θ ×/÷ exp(1.96 SE).
/// - Identifiability: F is near-singular when its smallest eigenvalue is below
///   `conditionThreshold` times its largest (a direction in log-parameter space the data do not
///   determine, to within a factor 1000 in SE of the best-determined one). The parameters with
///   a component above `componentThreshold` in such an eigenvector are flagged, and so is every
///   pair whose correlation exceeds `correlationThreshold` in magnitude.
package struct FisherInformation: Sendable {
    package static let conditionThreshold = 1e-6
    package static let correlationThreshold = 0.95
    package static let componentThreshold = 0.1

    package let parameterCount: Int
    /// F, row-major p × p.
    package let information: [Double]
    /// Eigenvalues of F, ascending.
    package let eigenvalues: [Double]
    /// √(F⁻¹)ᵢᵢ; infinite when F is singular in a direction involving parameter i.
    package let logStandardErrors: [Double]
    /// Correlation matrix (row-major); NaN where a standard error is infinite.
    package let correlations: [Double]
    /// Indices of the parameters flagged as not identifiable, ascending.
    package let nonIdentifiable: [Int]
    /// λmin / λmax (0 when F is singular or zero).
    package var conditionRatio: Double {
        guard let largest = eigenvalues.last, largest > 0 else { return 0 }
        return max(0, eigenvalues[0]) / largest
    }

    /// - Parameter jacobian: row-major m × p, of the weighted residuals in ln θ.
    package init(jacobian: [Double], residualCount m: Int, parameterCount p: Int) {
        var f = [Double](repeating: 0, count: p * p)
        for i in 0..<m { for j in 0..<p { for k in 0..<p { f[j * p + k] += jacobian[i * p + j] * jacobian[i * p + k] } } }
        let eigen = SymmetricEigen(f, n: p)
        let largest = max(eigen.values.last ?? 0, 0)
        // Directions with λ at rounding level of λmax (or exactly zero) carry no information:
        // their share of the covariance is infinite.
        let singular = (0..<p).map { eigen.values[$0] <= max(1e-14 * largest, 0) }
        var covariance = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            for j in 0..<p {
                var sum = 0.0
                for k in 0..<p {
                    let term = eigen.vector(k, i) * eigen.vector(k, j)
                    if singular[k] {
                        if abs(term) > 1e-12 { sum = term > 0 || i == j ? .infinity : (sum.isInfinite ? sum : -.infinity) }
                    } else if sum.isFinite {
                        sum += term / eigen.values[k]
                    }
                }
                covariance[i * p + j] = sum
            }
        }
        let se = (0..<p).map { covariance[$0 * p + $0].isFinite ? max(0, covariance[$0 * p + $0]).squareRoot() : .infinity }
        var correlations = [Double](repeating: .nan, count: p * p)
        for i in 0..<p {
            for j in 0..<p where se[i].isFinite && se[j].isFinite && se[i] > 0 && se[j] > 0 {
                correlations[i * p + j] = i == j ? 1 : min(1, max(-1, covariance[i * p + j] / (se[i] * se[j])))
            }
        }
        var flagged: Set<Int> = []
        for k in 0..<p where largest == 0 || eigen.values[k] < Self.conditionThreshold * largest {
            for i in 0..<p where abs(eigen.vector(k, i)) > Self.componentThreshold { flagged.insert(i) }
        }
        for i in 0..<p {
            if !se[i].isFinite { flagged.insert(i) }
            for j in 0..<p where i != j && abs(correlations[i * p + j]) > Self.correlationThreshold {
                flagged.insert(i)
            }
        }
        parameterCount = p
        information = f
        eigenvalues = eigen.values
        logStandardErrors = se
        self.correlations = correlations
        nonIdentifiable = flagged.sorted()
    }

    /// exp(SE(ln θ)): the factor of a one-SE interval θ ×/÷ factor.
    package func multiplicativeSE(_ i: Int) -> Double { Foundation.exp(logStandardErrors[i]) }

    package func correlation(_ i: Int, _ j: Int) -> Double { correlations[i * parameterCount + j] }
}
