// Kappa-opioid tool agonist: U-50,488, the prototype selective kappa agonist of rodent work.
// It has no human pharmacokinetics: its disposition is a stated rodent-like assumption, so its
// kappa actions in model 2 (dysphoria, the fall of dopamine tone) can be probed and blocked.

extension DrugLibrary {
    /// U-50,488 (trans-(±)-U-50,488): full, arrestin-recruiting kappa agonist (tool compound).
    static let u50488 = Drug(
        id: "u50488", name: "U-50,488 (kappa agonist, tool compound)",
        molarMassGramsPerMole: .assumption(369.3, "C19H26Cl2N2O base, computed from formula; doses are read as base"),
        routes: [
            .intravenous(.ivBolus),
            RouteParameters(route: .subcutaneous, bioavailability: .assumption(1, "parenteral; no human data (tool compound)"),
                            absorptionRatePerHour: .assumption(6, "as SNC80 intramuscular (effects within 10–15 min in primates); rodent s.c. doses act within minutes")),
        ],
        centralVolumeLiters: .assumption(210, "tool compound, no human PK: 3 L/kg for a lipophilic amine, as SNC80"),
        clearanceLitersPerHour: .assumption(146, "tool compound, no human PK: ln 2 × 210 L / 1 h, a rodent-like t½ of about 1 h (effects of systemic doses in rats last 1–2 h, recalled)"),
        effectSiteRatePerHour: .assumption(4, "rapid central onset after systemic doses in rodents"),
        fractionUnbound: .assumption(0.5, "not found"),
        brainPartition: .assumption(1, "centrally active after systemic doses in rodents; passive entry"),
        bindings: [
            // Delta affinity is micromolar (> 10 µM, recalled): omitted.
            agonist(.kappa, ki: .assumption(0.7, "[M] kappa Ki about 0.2–1.2 nM in rodent and guinea-pig brain and cloned KOR (recalled)"),
                    efficacy: .assumption(1, "[M] full agonist: the reference kappa agonist of GTPγS and cAMP assays (recalled)"),
                    bias: .assumption(1, "[M] the balanced reference agonist: robust arrestin recruitment and KOR internalization, against which biased agonists are scored (recalled)")),
            agonist(.mu, ki: .assumption(370, "[M] mu Ki several hundred nM, about 500-fold kappa-selective (recalled)"),
                    efficacy: .assumption(0.5, "weak, irrelevant at kappa-selective levels"), bias: lowBias),
        ])
}
