extension ReceptorSystem {
    /// The factor on a drug's normal-metabolizer k10 for `phenotype`: 1 + Σ fm·(factor − 1) over
    /// its CYP2D6-formed metabolites, i.e. k10 = k_other + factor·k_2D6. Each metabolite's
    /// formation fraction is the CYP2D6 pathway's share of the parent's clearance, so a poor
    /// metabolizer (factor near 0) loses that share and keeps the parent longer, an ultrarapid
    /// one clears it faster. Never below 0 (formation fractions sum to at most 1 and factors
    /// are non-negative, so it cannot be; the floor guards a hand-written definition).
    static func cyp2d6ClearanceScale(_ drug: Drug, _ phenotype: CYP2D6Phenotype) -> Double {
        var scale = 1.0
        for m in drug.metabolites {
            guard let dependence = m.cyp2d6 else { continue }
            scale += m.formationFraction.value * (dependence.factor(phenotype) - 1)
        }
        return max(0, scale)
    }

    /// The bioavailability of a route of `drug` for `phenotype`: the first-pass share that a
    /// normal metabolizer's CYP2D6 turns into a metabolite (firstPassFraction × (1 − F)) is
    /// scaled by the factor, and what it no longer extracts is absorbed:
    /// F' = F − (1 − F)·Σ fp·(factor − 1), kept within [0, 1]. Mass is conserved: absorbed F',
    /// metabolite factor·fp·(1 − F), lost (1 − F)(1 − Σ fp). Drugs whose CYP2D6 metabolites have
    /// no first-pass fraction (codeine, hydrocodone: apparent oral disposition) are unchanged.
    static func cyp2d6Bioavailability(_ drug: Drug, _ bioavailability: Double, _ phenotype: CYP2D6Phenotype) -> Double {
        var f = bioavailability
        for m in drug.metabolites {
            guard let dependence = m.cyp2d6 else { continue }
            f -= (1 - bioavailability) * m.firstPassFraction.value * (dependence.factor(phenotype) - 1)
        }
        return min(1, max(0, f))
    }
}
