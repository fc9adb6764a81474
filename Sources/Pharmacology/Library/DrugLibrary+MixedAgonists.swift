// Mixed kappa agonist / mu partial agonist analgesics: nalbuphine and butorphanol.

extension DrugLibrary {
    static let nalbuphine = Drug(
        id: "nalbuphine", name: "nalbuphine",
        molarMassGramsPerMole: .assumption(357.4, "C21H27NO4 base, computed from formula"),
        routes: [
            RouteParameters(route: .intramuscular, bioavailability: Sourced(0.81, "[R] 81 % (10 mg) and 83 % (20 mg) IM; 76–79 % subcutaneous (Lo et al. 1987 Eur J Clin Pharmacol 33:297)"),
                            absorptionRatePerHour: Sourced(5.3, "[C] IM/SC Cmax at 30–40 min (Lo 1987 [R])")),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
        ],
        centralVolumeLiters: Sourced(290, "[R] Vss 290 L after 10 mg IV (Lo 1987), one compartment"),
        clearanceLitersPerHour: Sourced(96, "[R] systemic clearance 1.6 L/min after 10 mg IV (Lo 1987); gives t½ 2.1 h against 2.2–2.6 h [R]"),
        effectSiteRatePerHour: Sourced(4, "[C] onset 2–3 min IV, < 10 min IM/SC (Swiss product information [R]); t½ke0 ≈10 min"),
        fractionUnbound: .assumption(0.75, "no strong plasma protein binding (Swiss product information [R]); 25 % assumed"),
        brainPartition: .assumption(0.1, "not measured; lipophilic morphinan, taken as 0.1"),
        bindings: [
            agonist(.kappa, ki: Sourced(2.2, "[M] kappa Ki ≈2 nM (recalled)"),
                    efficacy: .assumption(0.5, "kappa partial agonist (analgesia, sedation)"), bias: .assumption(0.3, "partial agonist")),
            agonist(.mu, ki: Sourced(0.9, "[M] mu Ki ≈1 nM (recalled)"),
                    efficacy: .assumption(0.08, "mu partial agonist/antagonist below buprenorphine's 0.12: precipitates withdrawal in mu-dependent subjects and has a respiratory ceiling [M]"),
                    bias: Sourced(0, "[M] no MOR internalization by low-efficacy partial agonists (as buprenorphine, Virk 2009 [R])")),
            antagonist(.delta, ki: Sourced(60, "[M] weak at delta (recalled)")),
        ])

    static let butorphanol = Drug(
        id: "butorphanol", name: "butorphanol",
        molarMassGramsPerMole: .assumption(327.5, "C21H29NO2 base, computed from formula"),
        routes: [
            RouteParameters(route: .intranasal, bioavailability: Sourced(0.69, "[R] absolute bioavailability 69 % (44–113) in young subjects (Stadol NS label table)"),
                            absorptionRatePerHour: Sourced(6, "[C] nasal Tmax 0.62 h (0.50–2.00) in young subjects (Stadol NS label [R])")),
            RouteParameters(route: .intramuscular, bioavailability: .assumption(1, "IM absorption rapid and complete [M]"),
                            absorptionRatePerHour: Sourced(5, "[C] IM peak plasma at 20–40 min (label summary [R])")),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
        ],
        centralVolumeLiters: Sourced(665, "[C] CL × t½ / ln 2 = 98 L/h × 4.7 h / ln 2 (young subjects, Stadol NS label [R]); within the label's volume range 305–901 L (mean 487) [R]"),
        clearanceLitersPerHour: Sourced(98, "[R] clearance 98 L/h (70–154) in young subjects (Stadol NS label)"),
        effectSiteRatePerHour: Sourced(2, "[C] IN analgesia onset 15–30 min, peak 1–2 h (label [R])"),
        fractionUnbound: Sourced(0.2, "[R] serum protein binding ≈80 % (label)"),
        brainPartition: .assumption(0.1, "as nalbuphine; lipophilic morphinan"),
        bindings: [
            agonist(.kappa, ki: Sourced(0.1, "[C] in-vitro affinity ratio mu:delta:kappa 1:4:25 (Commiskey et al. 2005 J Pharmacol Sci 98:109 [R]) read as kappa 25 × mu affinity, × mu 2.5 nM"),
                    efficacy: .assumption(0.6, "kappa agonist; diuresis unmasked by naltrexone at 6–12 mg IM (Walsh et al. 2008, PMC2766188 [R])"), bias: .assumption(0.5, "partial agonist")),
            agonist(.mu, ki: Sourced(2.5, "[M] mu Ki ≈2.5 nM (recalled)"),
                    efficacy: .assumption(0.35, "mu partial agonist with typical mu effects in humans (miosis, respiratory depression; Walsh 2008 [R]); above buprenorphine's 0.12"),
                    bias: .assumption(0.1, "partial agonist, low internalization")),
            agonist(.delta, ki: Sourced(0.6, "[C] affinity ratio 1:4 mu:delta (Commiskey 2005 [R]) × mu 2.5 nM"),
                    efficacy: .assumption(0.3, "weak partial"), bias: .assumption(0.1, "partial agonist")),
        ])
}
