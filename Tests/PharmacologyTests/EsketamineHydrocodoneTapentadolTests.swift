import BuiltInLibrary
import Foundation
import Testing
@testable import Pharmacology
import TestSupport

/// Esketamine, hydrocodone and tapentadol (issue 16, "drugs researchers ask for"): each against
/// its label figures (recalled, [M] in the library: the bands are the labels' means and ranges).
/// Every figure named here was used to set a parameter, so these check that the library and the
/// engine reproduce them, not independent evidence; the analytic checks (area × CL = F × dose,
/// a CYP2D6 factor) are exact properties of the model.
@Suite
struct EsketamineHydrocodoneTapentadolTests {
    let library = DrugLibrary.builtIn

    /// Esketamine 56 mg intranasal (Spravato label §12.3): Tmax 20-40 min; terminal t½ 7-12 h
    /// (fitted over 24-72 h); bioavailability 48 %: the area under plasma × CL is 0.48 × 56 mg
    /// (analytic, 1e-3).
    @Test func intranasalEsketamineMatchesItsLabel() throws {
        let column = "esketamine_plasma_ng_per_mL"
        let rec = try simulate(Scenario(name: "esketamine", durationHours: 240, doses: [
            dose("esketamine", .intranasal, .single(atHours: 0, amountMilligrams: 56)),
        ]), columns: [column, "nmda_occupancy_esketamine"], intervalHours: 0.05)
        let peak = rec.maximum(column, from: 0, to: 6)
        #expect(peak.time >= 20.0 / 60 && peak.time <= 40.0 / 60, "Tmax \(peak.time) h")
        let halfLife = fittedHalfLife(rec, column, from: 24, to: 72)
        #expect(halfLife >= 7 && halfLife <= 12, "terminal t½ \(halfLife) h")
        let esketamine = try #require(library.drug("esketamine"))
        let absorbed = area(rec, column) * esketamine.clearanceLitersPerHour.value / 1000
        #expect(isClose(absorbed, 0.48 * 56, relative: 1e-3), "absorbed \(absorbed) mg")
        // It blocks NMDA (the channel share that feeds model 2, as ketamine's does).
        #expect(rec.maximum("nmda_occupancy_esketamine", from: 0, to: 6).value > 0.05)
    }

    /// Hydrocodone 10 mg oral (hydrocodone/acetaminophen label §12.3): Cmax 23.6 ± 5.2 ng/mL,
    /// Tmax 1.3 ± 0.3 h, t½ 3.8 ± 0.3 h (accepted: mean ± SD). The hydromorphone it forms scales
    /// with the CYP2D6 factor: a poor metabolizer's hydromorphone area is 0.1/(1 − 0.05 × 0.9) of
    /// a normal one's (the library factor, over the parent's lower clearance; 1e-3).
    @Test func oralHydrocodoneMatchesItsLabelAndFormsHydromorphoneThroughCYP2D6() throws {
        let columns = ["hydrocodone_plasma_ng_per_mL", "hydromorphone_plasma_nM"]
        func run(_ phenotype: CYP2D6Phenotype) throws -> ObservableRecorder {
            try simulate(Scenario(name: "hydrocodone", durationHours: 72, subject: Subject(cyp2d6: phenotype), doses: [
                dose("hydrocodone", .oral, .single(atHours: 0, amountMilligrams: 10)),
            ]), columns: columns, intervalHours: 0.05)
        }
        let normal = try run(.normal), poor = try run(.poor)
        let peak = normal.maximum(columns[0], from: 0, to: 12)
        #expect(peak.value >= 23.6 - 5.2 && peak.value <= 23.6 + 5.2, "Cmax \(peak.value) ng/mL")
        #expect(peak.time >= 1.0 && peak.time <= 1.6, "Tmax \(peak.time) h")
        let halfLife = fittedHalfLife(normal, columns[0], from: 6, to: 24)
        #expect(halfLife >= 3.5 && halfLife <= 4.1, "t½ \(halfLife) h")
        // The CYP2D6 share of the parent's clearance (fm 0.05) follows the phenotype: the
        // parent's k10 is 1 − 0.05 × 0.9 of a normal metabolizer's, so its area is 1/0.955 of
        // it, and the hydromorphone formed is 0.1/0.955 of a normal one's (analytic, 1e-3).
        #expect(isClose(area(poor, columns[1]) / area(normal, columns[1]), 0.1 / (1 - 0.05 * 0.9), relative: 1e-3))
        #expect(isClose(area(poor, columns[0]) / area(normal, columns[0]), 1 / (1 - 0.05 * 0.9), relative: 1e-3), "the parent keeps its CYP2D6 share")
    }

    /// Tapentadol 100 mg oral (Nucynta label §12.3): Tmax 1.25 h (1.0-1.5 accepted), t½ about
    /// 4 h (3.5-5 accepted), bioavailability 32 %: the area under plasma × CL is 32 mg (1e-3).
    @Test func oralTapentadolMatchesItsLabel() throws {
        let column = "tapentadol_plasma_ng_per_mL"
        let rec = try simulate(Scenario(name: "tapentadol", durationHours: 96, doses: [
            dose("tapentadol", .oral, .single(atHours: 0, amountMilligrams: 100)),
        ]), columns: [column], intervalHours: 0.05)
        let peak = rec.maximum(column, from: 0, to: 12)
        #expect(peak.time >= 1.0 && peak.time <= 1.5, "Tmax \(peak.time) h")
        let halfLife = fittedHalfLife(rec, column, from: 6, to: 24)
        #expect(halfLife >= 3.5 && halfLife <= 5, "t½ \(halfLife) h")
        let tapentadol = try #require(library.drug("tapentadol"))
        let absorbed = area(rec, column) * tapentadol.clearanceLitersPerHour.value / 1000
        #expect(isClose(absorbed, 32, relative: 1e-3), "absorbed \(absorbed) mg")
    }
}
