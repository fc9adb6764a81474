import BuiltInLibrary
import Foundation
import Pharmacology
import Testing
@testable import Studies
@testable import receptor_sim
import TestSupport

@Suite struct PopulationSamplingTests {
    /// Sampled values only (no simulation): the mean and CV over 200,000 members match the
    /// log-normal with median = library value and the requested CV.
    @Test func meanAndCoefficientOfVariationMatchTheLogNormal() throws {
        let base = try ReceptorModel.compile(bolusScenario(hours: 1))
        let design = try PopulationDesign(size: 200_000, seed: 42, variabilities: [
            Variability(name: "morphine.clearance_l_per_h", coefficientOfVariation: 0.3),
            Variability(name: "morphine.central_volume_l", coefficientOfVariation: 0.8),
        ], base: base)
        let n = 200_000
        var sum = [0.0, 0.0], sumSquares = [0.0, 0.0], logSum = [0.0, 0.0]
        for m in 0..<n {
            let v = design.values(member: m)
            for k in 0..<2 {
                sum[k] += v[k]
                sumSquares[k] += v[k] * v[k]
                logSum[k] += Foundation.log(v[k])
            }
        }
        let medians = [95.0, 276.0]
        for (k, cv) in [0.3, 0.8].enumerated() {
            let sigma2 = Foundation.log(1 + cv * cv)
            let mean = sum[k] / Double(n)
            let sd = (sumSquares[k] / Double(n) - mean * mean).squareRoot()
            // Standard errors: of the mean ≈ CV/√n (0.07% and 0.18%), of the CV a few times that.
            #expect(isClose(mean, medians[k] * Foundation.exp(sigma2 / 2), relative: 0.01))
            #expect(isClose(sd / mean, cv, relative: 0.03))
            #expect(isClose(Foundation.exp(logSum[k] / Double(n)), medians[k], relative: 0.01))
        }
    }

    @Test func drawsDependOnlyOnSeedAndMember() throws {
        let base = try ReceptorModel.compile(bolusScenario(hours: 1))
        let v = [Variability(name: "morphine.clearance_l_per_h", coefficientOfVariation: 0.3)]
        let a = try PopulationDesign(size: 10, seed: 1, variabilities: v, base: base)
        let b = try PopulationDesign(size: 1000, seed: 1, variabilities: v, base: base)
        let c = try PopulationDesign(size: 10, seed: 2, variabilities: v, base: base)
        #expect(a.values(member: 7) == b.values(member: 7))
        #expect(a.values(member: 7) != a.values(member: 8))
        #expect(a.values(member: 7) != c.values(member: 7))
    }

    @Test func parsesVariabilityAndDefaults() throws {
        let v = try StudyOptions.variability("morphine.clearance_l_per_h=30%", command: "population")
        #expect(v == Variability(name: "morphine.clearance_l_per_h", coefficientOfVariation: 0.3))
        #expect(isClose(v.sigma, Foundation.log(1.09).squareRoot(), relative: 1e-15))
        #expect(throws: CommandLineError.usage(command: "population", message: "invalid --variability 'x=-5%': CV must be a percentage from 0 to 1000")) {
            try StudyOptions.variability("x=-5%", command: "population")
        }
        let base = try ReceptorModel.compile(bolusScenario(hours: 1))
        let names = Variability.defaults(for: base).map(\.name)
        #expect(names.contains("morphine.clearance_l_per_h"))
        #expect(names.contains("morphine.central_volume_l"))
        #expect(names.contains("mu.turnover_half_life_h"))
        #expect(names.contains("endorphin.baseline_nM"))
        let catalog = Set(base.parameterNames)
        #expect(names.allSatisfy { catalog.contains($0) })
    }

    @Test func rejectsUnknownNames() throws {
        let base = try ReceptorModel.compile(bolusScenario(hours: 1))
        #expect(throws: StudyError.unknownParameter("morphine.clearence_l_per_h")) {
            try PopulationDesign(size: 1, seed: 1, variabilities: [Variability(name: "morphine.clearence_l_per_h", coefficientOfVariation: 0.1)], base: base)
        }
        #expect(throws: StudyError.self) {
            try StudyParameters(names: ["doses[1].amount_mg"], base: base)
        }
        #expect(throws: StudyError.self) {
            try StudyParameters(names: ["doses[0].every_h"], base: base)
        }
    }
}
