// Delta-opioid tool compounds: SNC80 (agonist) and naltrindole (antagonist). Neither has human
// pharmacokinetics; their disposition is a stated assumption scaled from primate time courses,
// so "delta potentiates mu" (hedonic tone, MODEL.md) can be probed and blocked.

extension DrugLibrary {
    /// SNC80: systemically active, delta-selective non-peptide agonist (rodent and monkey tool).
    static let snc80 = Drug(
        id: "snc80", name: "SNC80 (delta agonist, tool compound)",
        molarMassGramsPerMole: .assumption(449.6, "C28H39N3O2, computed from formula"),
        routes: [
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
            RouteParameters(route: .intramuscular, bioavailability: .assumption(1, "parenteral; no human data (tool compound)"),
                            absorptionRatePerHour: Sourced(6, "[C] effects maximal within 10–15 min of an IM dose in rhesus monkeys (Negus et al. 1998 JPET 286:362; Brandt et al. 1999 JPET [R])")),
        ],
        centralVolumeLiters: .assumption(210, "tool compound, no human PK: 3 L/kg for a lipophilic amine"),
        clearanceLitersPerHour: Sourced(97, "[C] ln 2 × 210 L / 1.5 h: effects of an IM dose in monkeys diminish over 240 min (Brandt 1999 [R]), taken as t½ 1.5 h (assumption)"),
        effectSiteRatePerHour: .assumption(4, "rapid onset in monkeys (within 10 min, Negus 1998 [R])"),
        fractionUnbound: .assumption(0.3, "not found; lipophilic amine"),
        brainPartition: .assumption(1, "systemically active after i.p. in mice (Bilsky et al. 1995 JPET 273:359 [R]); passive entry"),
        bindings: [
            agonist(.delta, ki: Sourced(1.8, "[M] delta Ki ≈1–2 nM (Calderon/Rice series); selectivity as below [R]"),
                    efficacy: Sourced(1, "[R] higher delta efficacy than BW373U86 (Negus 1998); full agonist in mouse vas deferens (Bilsky 1995)"),
                    bias: .assumption(1, "SNC80 strongly internalizes DOR (high-internalizing delta agonist [M])")),
            agonist(.mu, ki: Sourced(891, "[C] mu/delta Ki ratio 495 in mouse brain (Bilsky et al. 1995 [R]) × delta 1.8 nM"),
                    efficacy: .assumption(0.5, "weak, irrelevant at delta-selective levels"), bias: lowBias),
            agonist(.kappa, ki: Sourced(446, "[C] kappa/delta Ki ratio 248 (Bilsky 1995 [R]) × 1.8 nM"),
                    efficacy: .assumption(0.5, "weak"), bias: lowBias),
        ])

    /// Naltrindole: delta-selective antagonist (tool compound).
    static let naltrindole = Drug(
        id: "naltrindole", name: "naltrindole (delta antagonist, tool compound)",
        molarMassGramsPerMole: .assumption(414.5, "C26H26N2O3, computed from formula"),
        routes: [
            .intravenous(.ivBolus),
            RouteParameters(route: .intramuscular, bioavailability: .assumption(1, "parenteral; no human data (tool compound)"),
                            absorptionRatePerHour: .assumption(6, "as SNC80 (monkey IM doses act within 15 min, Negus 1998 [R])")),
        ],
        centralVolumeLiters: .assumption(210, "tool compound, no human PK: 3 L/kg as naltrexone-like morphinans"),
        clearanceLitersPerHour: .assumption(73, "tool compound, no human PK: t½ 2 h"),
        effectSiteRatePerHour: .assumption(2, "lipophilic morphinan"),
        fractionUnbound: .assumption(0.8, "as naltrexone"),
        bindings: [
            antagonist(.delta, ki: Sourced(0.11, "[R] Ke 0.11 nM, [35S]GTPγS, human recombinant DOR in CHO (Srivastava et al. 2002 J Med Chem 45:537 Table 2)")),
            antagonist(.mu, ki: Sourced(4.26, "[R] Ke 4.26 nM at human MOR (Srivastava 2002 Table 2)")),
            antagonist(.kappa, ki: Sourced(4.95, "[R] Ke 4.95 nM at human KOR (Srivastava 2002 Table 2)")),
        ])
}
