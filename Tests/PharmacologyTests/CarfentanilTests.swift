import BuiltInLibrary
import Foundation
import Testing
@testable import Pharmacology
import TestSupport

/// Carfentanil (issue 16): no clinical PK exists, so the library takes the FDA overdose model's
/// disposition and in-vitro binding kinetics (Mann et al. 2022; pharmacology.md §1.1-1.2). The
/// tests check the library against that model's own figures.
@Suite
struct CarfentanilTests {
    let library = DrugLibrary.builtIn

    /// The terminal half-life of the coded constants is about 76 min ([C] from the FDA code; its
    /// README says about 45 min, Minkowski 2012): accepted 60-90 min.
    @Test func terminalHalfLifeIsTheFDAModels() throws {
        let carfentanil = try #require(library.drug("carfentanil"))
        let minutes = carfentanil.terminalHalfLifeHours * 60
        #expect(minutes > 60 && minutes < 90, "terminal t½ \(minutes) min")
    }

    /// The FDA model's overdose doses are equipotent by construction: carfentanil 0.012 mg IV
    /// stands for fentanyl 1.625 mg IV ("equi-cardiac-arrest scaling", pharmacology.md §1.3
    /// [R]), both fatal without naloxone. Accepted: both drive respiratory_drive below 0.15. Their
    /// peak mu occupancies differ (carfentanil about 0.58, fentanyl about 0.83 in a 2-min spike
    /// of its huge dose): a known gap, recorded with the equality the FDA scaling implies.
    @Test func overdoseDosesOfTheFDAModelAreBothNearApnoeic() throws {
        func run(_ drug: String, _ milligrams: Double) throws -> ObservableRecorder {
            try simulate(Scenario(name: drug, durationHours: 4, doses: [
                dose(drug, .ivBolus, .single(atHours: 0, amountMilligrams: milligrams)),
            ]), columns: ["mu_occupancy_\(drug)", "respiratory_drive"], intervalHours: 0.01)
        }
        let carfentanil = try run("carfentanil", 0.012), fentanyl = try run("fentanyl", 1.625)
        let cResp = carfentanil.minimum("respiratory_drive", from: 0, to: 4), fResp = fentanyl.minimum("respiratory_drive", from: 0, to: 4)
        #expect(cResp < 0.15 && fResp < 0.15, "respiratory_drive nadirs: carfentanil \(cResp), fentanyl \(fResp)")
        let c = carfentanil.maximum("mu_occupancy_carfentanil", from: 0, to: 4).value
        let f = fentanyl.maximum("mu_occupancy_fentanyl", from: 0, to: 4).value
        withKnownIssue("peak mu occupancy carfentanil \(c) vs fentanyl \(f) at the FDA model's equipotent doses") {
            #expect(abs(c - f) < 0.05)
        }
    }
}
