// Nitazenes: the 2-benzylbenzimidazole opioids of the illicit supply. Isotonitazene is the one
// with sourced mu binding and in-vivo potency. No human pharmacokinetics exists (only
// post-mortem blood levels and rat PK, whose plasma t½ of 23-63 min is fentanyl-like), so its
// disposition is fentanyl's, a model assumption stated in each source string; its binding is
// the measured affinity with the library's default association rate.

extension DrugLibrary {
    /// Isotonitazene: high-affinity, mu-selective full agonist (illicit; no medical use).
    static let isotonitazene = Drug(
        id: "isotonitazene", name: "isotonitazene (nitazene)",
        molarMassGramsPerMole: .assumption(382.5, "C21H26N4O3 base, computed from formula; doses are read as base"),
        routes: [
            .intravenous(.ivBolus),
            RouteParameters(route: .intranasal, bioavailability: .assumption(0.7, "as fentanyl's intranasal (no human data)"),
                            absorptionRatePerHour: .assumption(5, "as fentanyl's intranasal (no human data)")),
        ],
        centralVolumeLiters: .assumption(25.1, "fentanyl's disposition, no human PK (rat plasma t½ 23-63 min after s.c. doses, Walton et al. 2022 Psychopharmacology, abstract [R], is fentanyl-like)"),
        clearanceLitersPerHour: .assumption(75.6, "fentanyl's clearance (no human PK)"),
        peripheral: PeripheralCompartment(
            volumeLiters: .assumption(164, "fentanyl's deep compartment (no human PK)"),
            intercompartmentalClearanceLitersPerHour: .assumption(136, "as fentanyl (no human PK)")),
        effectSiteRatePerHour: .assumption(10.8, "fentanyl's biophase rate (no human data; lipophilic, rapid onset in rats)"),
        fractionUnbound: .assumption(0.16, "as fentanyl (not reported)"),
        bindings: [
            // Delta and kappa omitted: nitazenes are highly mu-selective (PMC10320493, highlights [R]).
            agonist(.mu, ki: Sourced(0.05, "[R] Ki 0.05 nM at CHO-MOR (0.06 nM in rat cortex) (De Luca et al. 2022 Neuropharmacology, abstract); rat brain [3H]DAMGO binding gave 15.8 nM (Walton et al. 2022), a spread of assays"),
                    efficacy: Sourced(1, "[R] Emax as DAMGO in GTPγS binding (De Luca 2022); a 'superagonist' above DAMGO in BRET assays (PMC10320493), capped at the full agonist's 1"),
                    bias: Sourced(1, "[R] beta-arrestin recruitment above DAMGO (PMC10320493): balanced, as fentanyl")),
        ])
}
