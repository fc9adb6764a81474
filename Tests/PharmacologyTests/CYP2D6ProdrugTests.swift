import Foundation
import Testing
@testable import Pharmacology
import TestSupport

/// Codeine → morphine and tramadol → O-desmethyltramadol through CYP2D6, with the subject's
/// metabolizer phenotype scaling the formation (issue 16).
@Suite
struct CYP2D6ProdrugTests {
    func run(_ drug: String, _ milligrams: Double, _ phenotype: CYP2D6Phenotype, hours: Double,
             columns: [String]) throws -> ObservableRecorder {
        try simulate(Scenario(name: "\(drug) \(phenotype)", durationHours: hours,
                              subject: Subject(cyp2d6: phenotype), doses: [
            dose(drug, .oral, .single(atHours: 0, amountMilligrams: milligrams)),
        ]), columns: columns, intervalHours: 0.05)
    }

    /// Codeine 30 mg: morphine AUC 11 (5-17) µg·h/L in normal and 16 (10-24) in ultrarapid
    /// metabolizers (Kirchheiner et al. 2007 Pharmacogenomics J 7:257; accepted the published
    /// ranges; the normal median set the formation fraction). The morphine AUC is linear in the
    /// formation, so its ultrarapid/normal ratio is the phenotype factor 1.45 over the parent's
    /// faster clearance, 1.45/(1 + 0.037 × 0.45) = 1.426 (to 1e-3, analytic)
    /// and poor metabolizers make under a fifth of the normal morphine (far lower AUC, P < 0.0001,
    /// Yue et al. 1991). Codeine itself depends on the phenotype only through the small CYP2D6
    /// share of its clearance (equal clearance in extensive and poor metabolizers within the SD,
    /// Yue 1991) and falls with t½ 2.58 ± 0.57 h.
    @Test func codeineMorphineByPhenotype() throws {
        let columns = ["codeine_plasma_nM", "morphine_plasma_nM"]
        var auc: [CYP2D6Phenotype: Double] = [:]
        var codeine: [CYP2D6Phenotype: Double] = [:]
        for phenotype in CYP2D6Phenotype.allCases {
            let rec = try run("codeine", 30, phenotype, hours: 48, columns: columns)
            auc[phenotype] = area(rec, "morphine_plasma_nM") * 285.34 / 1000
            codeine[phenotype] = area(rec, "codeine_plasma_nM")
            if phenotype == .normal {
                let t = rec.times, c = rec.series("codeine_plasma_nM")
                let late = zip(t, c).filter { $0.0 >= 6 && $0.0 <= 12 }
                let halfLife = Foundation.log(2.0) * (late.last!.0 - late.first!.0) / Foundation.log(late.first!.1 / late.last!.1)
                #expect(halfLife >= 2.01 && halfLife <= 3.15, "codeine t½ \(halfLife) h")
            }
        }
        let normal = try #require(auc[.normal]), rapid = try #require(auc[.ultrarapid])
        let poor = try #require(auc[.poor]), intermediate = try #require(auc[.intermediate])
        #expect(normal >= 5 && normal <= 17, "normal morphine AUC \(normal) µg·h/L")
        #expect(rapid >= 10 && rapid <= 24, "ultrarapid morphine AUC \(rapid) µg·h/L")
        // Formation factor 1.45 over the parent's faster clearance (k10 × (1 + 0.037 × 0.45)).
        #expect(isClose(rapid / normal, 1.45 / (1 + 0.037 * 0.45), relative: 1e-3), "UM/NM \(rapid / normal)")
        #expect(poor < 0.2 * normal && poor < intermediate && intermediate < normal)
        // The CYP2D6 pathway's share of codeine's clearance (fm 0.037) follows the phenotype:
        // k10 = k_other + factor·k_2D6, so the poor/ultrarapid codeine AUC ratio is
        // (1 + 0.037 × 0.45) / (1 − 0.037 × 0.95) = 1.054 (analytic; 1e-4 for the trapezoid
        // areas), within Yue 1991's "equal clearance in extensive and poor metabolizers"
        // (2.02 ± 0.73 L/h/kg: a 5 % difference is far inside one SD).
        let expected = (1 + 0.037 * 0.45) / (1 - 0.037 * 0.95)
        #expect(isClose(try #require(codeine[.poor]) / (try #require(codeine[.ultrarapid])), expected, relative: 1e-4), "codeine AUC PM/UM")
        #expect(expected < 1 + 0.73 / 2.02)
    }

    /// Tramadol 100 mg oral (normal metabolizer): Cmax 280-308 µg/L at 1.6-2 h (product
    /// information; accepted ± 10 % and 1.2-2.4 h) and O-desmethyltramadol at about a quarter of
    /// tramadol (same source, which set the formation; AUC ratio accepted 0.2-0.3). In poor
    /// metabolizers O-desmethyltramadol is about 40 % lower (FDA population PK; accepted a
    /// PM/NM AUC ratio of 0.5-0.7).
    @Test func tramadolAndDesmetramadolByPhenotype() throws {
        let columns = ["tramadol_plasma_nM", "desmetramadol_plasma_nM"]
        let normal = try run("tramadol", 100, .normal, hours: 48, columns: columns)
        let top = normal.maximum("tramadol_plasma_nM", from: 0, to: 48)
        let microgramsPerLiter = top.value * 263.4 / 1000
        #expect(microgramsPerLiter >= 252 && microgramsPerLiter <= 339, "Cmax \(microgramsPerLiter) µg/L")
        #expect(top.time >= 1.2 && top.time <= 2.4, "Tmax \(top.time) h")
        let ratio = area(normal, "desmetramadol_plasma_nM") / area(normal, "tramadol_plasma_nM")
        #expect(ratio >= 0.2 && ratio <= 0.3, "M1/tramadol \(ratio)")
        let poor = try run("tramadol", 100, .poor, hours: 48, columns: columns)
        let lower = area(poor, "desmetramadol_plasma_nM") / area(normal, "desmetramadol_plasma_nM")
        #expect(lower >= 0.5 && lower <= 0.7, "PM/NM M1 \(lower)")
    }

    /// The phenotype factors are catalogue parameters (issue 16: `parameters` lists every
    /// settable value): listed with the library's value and source, range-checked, and an
    /// override changes the simulation as the model's formula says. Morphine formed from codeine
    /// is the dose times factor·fm over the scaled codeine clearance 1 + fm(factor − 1), so a poor
    /// metabolizer's factor 0.05 → 0.2 multiplies the morphine AUC by
    /// [0.2/(1 − 0.8 fm)] / [0.05/(1 − 0.95 fm)] with fm 0.037 (analytic, to 1e-3).
    @Test func phenotypeFactorsAreSettableParameters() throws {
        let entries = ParameterCatalog.entries(of: DrugLibrary.builtIn)
        let poorEntry = try #require(entries.first { $0.name == "codeine.morphine.cyp2d6.poor" })
        #expect(poorEntry.value(in: DrugLibrary.builtIn).value == 0.05)
        #expect(poorEntry.value(in: DrugLibrary.builtIn).source.contains("Yue 1991"))
        for name in ["tramadol.desmetramadol.cyp2d6.intermediate", "tramadol.desmetramadol.cyp2d6.ultrarapid",
                     "codeine.morphine.cyp2d6.ultrarapid"] {
            #expect(entries.contains { $0.name == name }, "\(name)")
        }
        #expect(!entries.contains { $0.name.hasPrefix("ketamine.norketamine.cyp2d6") })
        #expect(throws: ModelError.self) { try ParameterCatalog.apply(["codeine.morphine.cyp2d6.ultrarapid": 145], to: DrugLibrary.builtIn) }
        // Factor 5 x tramadol's formation fraction 0.23 is more than all of its clearance.
        #expect(throws: ModelError.self) { try ParameterCatalog.apply(["tramadol.desmetramadol.cyp2d6.ultrarapid": 5], to: DrugLibrary.builtIn) }

        func morphineArea(_ overrides: [String: Double]) throws -> Double {
            let rec = try simulate(Scenario(name: "codeine poor", durationHours: 48, subject: Subject(cyp2d6: .poor),
                                            doses: [dose("codeine", .oral, .single(atHours: 0, amountMilligrams: 30))],
                                            parameterOverrides: overrides),
                                   columns: ["morphine_plasma_nM"], intervalHours: 0.05)
            return area(rec, "morphine_plasma_nM")
        }
        let fm = 0.037
        let expected = (0.2 / (1 - 0.8 * fm)) / (0.05 / (1 - 0.95 * fm))
        let ratio = try morphineArea(["codeine.morphine.cyp2d6.poor": 0.2]) / morphineArea([:])
        #expect(isClose(ratio, expected, relative: 1e-3), "poor factor 0.2 vs 0.05: morphine AUC x\(ratio)")
    }
}
