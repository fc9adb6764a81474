import Foundation
import Testing
@testable import Pharmacology
import TestSupport

/// Dextromethorphan → dextrorphan through CYP2D6 (issue 16): the parent's own clearance and
/// first pass are mostly CYP2D6, so the phenotype changes the parent's exposure many-fold.
/// The half-lives and peaks named here set the library's parameters ([C] in
/// the built-in library file `drugs.json5`), so these check that the engine's CYP2D6 scaling of
/// clearance and bioavailability reproduces them; the exposure ratio is an exact property of
/// the model checked against the published range.
@Suite
struct DextromethorphanTests {
    func area(_ rec: ObservableRecorder, _ column: String) -> Double {
        let t = rec.times, c = rec.series(column)
        var sum = 0.0
        for i in 1..<t.count { sum += (c[i] + c[i - 1]) / 2 * (t[i] - t[i - 1]) }
        return sum
    }

    func fittedHalfLife(_ rec: ObservableRecorder, _ column: String, from: Double, to: Double) -> Double {
        let points = zip(rec.times, rec.series(column)).filter { $0.0 >= from - 1e-9 && $0.0 <= to + 1e-9 && $0.1 > 0 }
        let n = Double(points.count)
        let mt = points.reduce(0) { $0 + $1.0 } / n, my = points.reduce(0) { $0 + Foundation.log($1.1) } / n
        var sxy = 0.0, sxx = 0.0
        for (t, y) in points { sxy += (t - mt) * (Foundation.log(y) - my); sxx += (t - mt) * (t - mt) }
        return -Foundation.log(2.0) / (sxy / sxx)
    }

    func run(_ phenotype: CYP2D6Phenotype, milligrams: Double) throws -> ObservableRecorder {
        try simulate(Scenario(name: "dextromethorphan \(phenotype)", durationHours: 480,
                              subject: Subject(cyp2d6: phenotype), doses: [
            dose("dextromethorphan", .oral, .single(atHours: 0, amountMilligrams: milligrams)),
        ]), columns: ["dextromethorphan_plasma_ng_per_mL", "dextrorphan_plasma_ng_per_mL"], intervalHours: 0.1)
    }

    /// Dextromethorphan 20 mg oral (RELIS/DRUGLINE 9364, summarising the clinical PK): peaks
    /// "< 1 µg/L to 8 µg/L" between extensive and poor metabolizers (accepted: normal < 1, poor
    /// 4-8 ng/mL), t½ 1-2 h (RELIS) or 2-4 h (Wikipedia) in extensive metabolizers (accepted
    /// 1-4 h) and 29.5 h (Capon et al. 1996, n = 4), 24 h (Wikipedia), about 40 h (RELIS) in
    /// poor ones (accepted 24-40 h). Exposure: the poor/normal AUC ratio is
    /// (F_PM/F_NM)/(1 − fm) = ((0.11 + 0.89 × 0.9)/0.11)/(1 − 0.9) = 82.8 (analytic, 1e-3), inside
    /// the 20-150-fold range reported between poor and extensive metabolizers ([M], recalled);
    /// poor metabolizers form no dextrorphan (factor 0: area exactly 0).
    @Test func poorMetabolizersKeepTheParentManyFold() throws {
        let parent = "dextromethorphan_plasma_ng_per_mL", metabolite = "dextrorphan_plasma_ng_per_mL"
        let normal = try run(.normal, milligrams: 20), poor = try run(.poor, milligrams: 20)
        let normalPeak = normal.maximum(parent, from: 0, to: 24).value
        let poorPeak = poor.maximum(parent, from: 0, to: 48).value
        #expect(normalPeak > 0.1 && normalPeak < 1, "normal Cmax \(normalPeak) ng/mL")
        #expect(poorPeak >= 4 && poorPeak <= 8, "poor Cmax \(poorPeak) ng/mL")
        let normalHalfLife = fittedHalfLife(normal, parent, from: 12, to: 30)
        let poorHalfLife = fittedHalfLife(poor, parent, from: 48, to: 240)
        #expect(normalHalfLife >= 1 && normalHalfLife <= 4, "normal t½ \(normalHalfLife) h")
        #expect(poorHalfLife >= 24 && poorHalfLife <= 40, "poor t½ \(poorHalfLife) h")
        let ratio = area(poor, parent) / area(normal, parent)
        let expected = ((0.11 + 0.89 * 0.9) / 0.11) / (1 - 0.9)
        #expect(isClose(ratio, expected, relative: 1e-3), "AUC PM/NM \(ratio)")
        #expect(ratio >= 20 && ratio <= 150)
        #expect(area(poor, metabolite) == 0)
        #expect(area(normal, metabolite) > 0)
    }

    /// The phenotypes order the parent's exposure: poor > intermediate > normal > ultrarapid
    /// (k10 and first pass both scale with the factor; 30 mg).
    @Test func exposureFollowsThePhenotype() throws {
        let parent = "dextromethorphan_plasma_ng_per_mL"
        let areas = try [CYP2D6Phenotype.poor, .intermediate, .normal, .ultrarapid].map { area(try run($0, milligrams: 30), parent) }
        #expect(areas[0] > areas[1] && areas[1] > areas[2] && areas[2] > areas[3], "\(areas)")
    }
}
