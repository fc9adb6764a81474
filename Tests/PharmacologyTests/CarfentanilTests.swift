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
    /// [R]), both fatal without naloxone. Accepted: both drive respiratory_drive below 0.15.
    ///
    /// Their peak mu occupancies differ, and no sourced parameter is wrong: the FDA model binds
    /// with dRL/dt = kon·Ce^n·(1 − RL) − koff·RL alone, where both doses saturate the receptor
    /// (equilibrium RL above 0.98 at the peak total plasma concentration, Kd 22.9 and 351 pM).
    /// Here an agonist-bound receptor also desensitizes at 4 /h (mu.desensitization_rate_per_h,
    /// bias 1 for both), and a desensitized receptor is counted as free of drug (it returns to
    /// the free pool on resensitization), so `mu_occupancy_<drug>` is the share in the active
    /// bound state. For fentanyl (koff 15.6 /h) that drain is small; for carfentanil (koff
    /// 0.89 /h) it is 4.5 times its dissociation, so its peak occupancy is about 0.55 against
    /// fentanyl's 0.81. With desensitization switched off, as in the FDA model, the two are
    /// within 0.1 (0.90 and 0.97): that is asserted, and the equality with desensitization on
    /// stays a known gap of the occupancy definition, not of the carfentanil parameters.
    @Test func overdoseDosesOfTheFDAModelAreBothNearApnoeic() throws {
        func run(_ drug: String, _ milligrams: Double, desensitization: Double? = nil) throws -> ObservableRecorder {
            try simulate(Scenario(name: drug, durationHours: 4, doses: [
                dose(drug, .ivBolus, .single(atHours: 0, amountMilligrams: milligrams)),
            ], parameterOverrides: desensitization.map { ["mu.desensitization_rate_per_h": $0] } ?? [:]),
            columns: ["mu_occupancy_\(drug)", "respiratory_drive"], intervalHours: 0.01)
        }
        let carfentanil = try run("carfentanil", 0.012), fentanyl = try run("fentanyl", 1.625)
        let cResp = carfentanil.minimum("respiratory_drive", from: 0, to: 4), fResp = fentanyl.minimum("respiratory_drive", from: 0, to: 4)
        #expect(cResp < 0.15 && fResp < 0.15, "respiratory_drive nadirs: carfentanil \(cResp), fentanyl \(fResp)")
        let c = carfentanil.maximum("mu_occupancy_carfentanil", from: 0, to: 4).value
        let f = fentanyl.maximum("mu_occupancy_fentanyl", from: 0, to: 4).value
        let cBare = try run("carfentanil", 0.012, desensitization: 0).maximum("mu_occupancy_carfentanil", from: 0, to: 4).value
        let fBare = try run("fentanyl", 1.625, desensitization: 0).maximum("mu_occupancy_fentanyl", from: 0, to: 4).value
        #expect(abs(cBare - fBare) < 0.1 && cBare > 0.85, "without desensitization: carfentanil \(cBare), fentanyl \(fBare)")
        withKnownIssue("peak mu occupancy carfentanil \(c) vs fentanyl \(f) at the FDA model's equipotent doses: desensitized receptors (4 /h) are counted as free, and carfentanil's koff is 0.89 /h") {
            #expect(abs(c - f) < 0.05)
        }
    }
}
