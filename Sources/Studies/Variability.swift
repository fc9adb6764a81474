import Pharmacology
import Foundation

/// Log-normal inter-individual variability of one named quantity: the member value is
/// `median · exp(σ·z)` with z standard normal, the median the library (or scenario) value and
/// σ = sqrt(ln(1 + CV²)), so the arithmetic coefficient of variation is exactly CV.
package struct Variability: Sendable, Equatable {
    package var name: String
    /// Coefficient of variation as a fraction (0.3 for 30%).
    package var coefficientOfVariation: Double

    package init(name: String, coefficientOfVariation: Double) {
        self.name = name
        self.coefficientOfVariation = coefficientOfVariation
    }

    /// σ of ln(value).
    package var sigma: Double { Foundation.log(1 + coefficientOfVariation * coefficientOfVariation).squareRoot() }

    /// The documented defaults when a population names no variability: for each dosed drug its
    /// clearance (CV 30%) and central volume (25%); for each receptor type its turnover half-life
    /// (receptor synthesis/degradation, 20%); for each endogenous peptide its baseline
    /// concentration (endogenous production, 25%). Receptor density is normalised to 1 in the
    /// model's healthy steady state, so it varies through turnover, not as its own parameter.
    ///
    /// The CVs are model assumptions in the range population-PK studies report for opioid
    /// clearance and volume (typically 20-50%); receptor and peptide CVs are assumptions.
    package static func defaults(for model: CompiledModel) -> [Variability] {
        let names = Set(model.parameterNames)
        var seen: Set<String> = []
        var out: [Variability] = []
        func add(_ name: String, _ cv: Double) {
            if names.contains(name), seen.insert(name).inserted { out.append(Variability(name: name, coefficientOfVariation: cv)) }
        }
        for dose in model.scenario.doses {
            add(dose.drug + ".clearance_l_per_h", 0.30)
            add(dose.drug + ".central_volume_l", 0.25)
        }
        for receptor in ["mu", "delta", "kappa", "nmda"] { add(receptor + ".turnover_half_life_h", 0.20) }
        for peptide in ["endorphin", "enkephalin", "dynorphin"] { add(peptide + ".baseline_nM", 0.25) }
        return out
    }
}
