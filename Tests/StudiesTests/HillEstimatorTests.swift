import Foundation
import Testing
@testable import Studies
import TestSupport

/// The ED50 estimator on exact Hill data: known Emax, ED50 and n must come back.
@Suite struct HillEstimatorTests {
    static func hill(_ dose: Double, emax: Double, ed50: Double, n: Double) -> Double {
        emax * pow(dose, n) / (pow(ed50, n) + pow(dose, n))
    }

    @Test(arguments: [(0.45, 7.2, 1.0), (1.0, 18.0, 2.5), (0.3, 2.0, 0.6), (-0.2, 30.0, 1.4)])
    func recoversExactHillCurves(emax: Double, ed50: Double, n: Double) throws {
        let doses = [1.0, 3, 10, 30, 100]
        let responses = doses.map { Self.hill($0, emax: emax, ed50: ed50, n: n) }
        let fit = try #require(HillEstimator.fit(dosesMilligrams: doses, responses: responses))
        #expect(isClose(fit.ed50Milligrams, ed50, relative: 1e-6), "\(fit)")
        #expect(isClose(fit.hillCoefficient, n, relative: 1e-6), "\(fit)")
        #expect(isClose(fit.maximumEffect, emax, relative: 1e-6), "\(fit)")
        #expect(fit.rSquared > 0.999_999)
        #expect(HillEstimator.ed50(of: fit, dosesMilligrams: doses) == .success(fit.ed50Milligrams))
    }

    @Test func reportsWhenTheHalfMaximumIsNotBracketed() throws {
        let doses = [1.0, 3, 10, 30, 100]
        // ED50 1000 mg: the curve is still rising at the largest dose.
        let rising = try #require(HillEstimator.fit(
            dosesMilligrams: doses, responses: doses.map { Self.hill($0, emax: 1, ed50: 1000, n: 1) }))
        #expect(HillEstimator.ed50(of: rising, dosesMilligrams: doses) == .failure(.aboveTestedDoses(largestMilligrams: 100)))
        // ED50 0.05 mg: every dose already near the top.
        let saturated = try #require(HillEstimator.fit(
            dosesMilligrams: doses, responses: doses.map { Self.hill($0, emax: 1, ed50: 0.05, n: 1) }))
        #expect(HillEstimator.ed50(of: saturated, dosesMilligrams: doses) == .failure(.belowTestedDoses(smallestMilligrams: 1)))
        // No response at all, and too few doses.
        #expect(HillEstimator.fit(dosesMilligrams: doses, responses: [0, 0, 0, 0, 0]) == nil)
        #expect(HillEstimator.fit(dosesMilligrams: [1, 10], responses: [0.1, 0.5]) == nil)
        #expect(HillEstimator.ed50(of: nil, dosesMilligrams: doses) == .failure(.tooFewResponses))
    }

    @Test func rejectsResponsesNoHillCurveDescribes() throws {
        let doses = [1.0, 3, 10, 30, 100]
        let fit = try #require(HillEstimator.fit(dosesMilligrams: doses, responses: [0.1, 0.9, 0.1, 0.9, 0.1]))
        guard case .failure(.poorFit(let r2)) = HillEstimator.ed50(of: fit, dosesMilligrams: doses) else {
            Issue.record("expected a poor fit, got \(HillEstimator.ed50(of: fit, dosesMilligrams: doses))")
            return
        }
        #expect(r2 < HillEstimator.minimumRSquared)
    }

    @Test func peakChangeKeepsTheSignOfTheLargestDifference() {
        let peak = ToleranceChallenge.peakChange(probed: [1, 0.8, 0.5, 0.9], control: [1, 1, 1, 1])
        #expect(peak.change == -0.5 && peak.index == 2)
    }
}
