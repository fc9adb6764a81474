// Heroin (diacetylmorphine) and 6-monoacetylmorphine: a metabolite chain heroin → 6-MAM →
// morphine (the library's morphine entry), so the model carries a metabolite of a metabolite.

extension DrugLibrary {
    /// Heroin is a prodrug cleared by blood and tissue esterases in minutes (Inturrisi 1984);
    /// its effect is carried by 6-MAM, then morphine. One compartment: the published IV half-life
    /// (3 min) and blood clearance fix the volume.
    static let heroin = Drug(
        id: "heroin", name: "heroin (diacetylmorphine)",
        molarMassGramsPerMole: .assumption(369.4, "C21H23NO5 base, computed from formula; doses are read as base"),
        routes: [
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
            RouteParameters(route: .intranasal, bioavailability: Sourced(0.5, "[C] intranasal potency about half of intramuscular (Cone et al. 1993 J Anal Toxicol 17:327 [R]) with IM taken as complete"),
                            absorptionRatePerHour: Sourced(30, "[C] peak blood heroin within 5 min of an intranasal or intramuscular dose (Cone 1993 [R])")),
            RouteParameters(route: .intramuscular, bioavailability: .assumption(1, "parenteral; Fattinger's apparent IM bioavailability > 100 % (CPT 2004 abstract [R]) reflects sustained IM heroin, capped at 1"),
                            absorptionRatePerHour: Sourced(30, "[C] peak blood heroin within 5 min after IM (Cone 1993 [R])")),
        ],
        centralVolumeLiters: Sourced(9.33, "[C] CL × t½ / ln 2 = 129.4 L/h × 3.0 min / ln 2 (Inturrisi et al. 1984 NEJM 310:1213 [R])"),
        clearanceLitersPerHour: Sourced(129.4, "[C] blood clearance 30.8 ± 2.1 mL/kg/min × 70 kg (Inturrisi 1984 [R])"),
        effectSiteRatePerHour: .assumption(20, "lipophilic, enters the brain within a minute (rush 1–2 min after IV [R-low]); t½ke0 2 min"),
        fractionUnbound: .assumption(0.6, "as morphine (0.62); heroin binding not found in stored sources"),
        brainPartition: .assumption(0.3, "lipophilic prodrug crossing the blood-brain barrier far faster than morphine [R-low]; 10 × morphine's calibrated 0.030"),
        bindings: [
            agonist(.mu, ki: Sourced(30, "[M] heroin itself binds MOR weakly; its action is through 6-MAM and morphine (Inturrisi 1984 [R]: heroin is a prodrug)"),
                    efficacy: .assumption(0.9, "as morphine"), bias: lowBias),
        ],
        metabolites: [
            MetaboliteFormation(
                metabolite: "monoacetylmorphine_6",
                formationFraction: .assumption(1, "parenteral heroin is converted to 6-MAM (Inturrisi 1984 [R]; 1.6 % renal, Garrett & Gurkan 1980 dogs [R]); the direct heroin → morphine path seen in dogs is lumped into 6-MAM"),
                firstPassFraction: .assumption(0, "the unabsorbed part of an intranasal dose is lost (swallowed heroin reaches the blood only as morphine, slowly and partly, Inturrisi 1984 [R]; not modelled), so IN gives half the 6-MAM of IM as its half potency (Cone 1993 [R])"))
        ])

    /// 6-monoacetylmorphine: the active metabolite behind heroin's early effect, deacetylated to
    /// morphine. Terminal half-life from the human population model of Rook et al. 2006.
    static let monoacetylmorphine = Drug(
        id: "monoacetylmorphine_6", name: "6-monoacetylmorphine (6-MAM)",
        molarMassGramsPerMole: .assumption(327.4, "C19H21NO4, computed from formula"),
        routes: [],
        centralVolumeLiters: .assumption(70, "1 L/kg; overall volume 90–170 L in dogs (Garrett & Gurkan 1980 J Pharm Sci 69:1116 [R])"),
        clearanceLitersPerHour: Sourced(133.6, "[C] ln 2 × 70 L / 21.8 min: terminal t½ of 6-MAM 21.8 min (Rook et al. 2006 Clin Pharmacokinet 45:401 [R]); dog CL 2200 mL/min = 132 L/h (Garrett 1980 [R])"),
        effectSiteRatePerHour: .assumption(10, "CNS-penetrant, mediates the early effect (pharmacology.md §3 [R]); t½ke0 4 min"),
        fractionUnbound: .assumption(0.6, "as morphine"),
        brainPartition: .assumption(0.3, "more lipophilic than morphine, CNS-penetrant (§3 [R]); 10 × morphine's calibrated 0.030"),
        bindings: [
            agonist(.mu, ki: Sourced(1.2, "[M] about morphine's affinity (rat brain 1.2 nM, Chen 1991 [R] for morphine); in-vivo potency through brain_partition"),
                    efficacy: .assumption(0.95, "at least morphine's efficacy (GTPγS efficacy above morphine [M], Selley et al. 2001)"), bias: lowBias),
            agonist(.delta, ki: Sourced(250, "[M] as morphine"), efficacy: .assumption(0.9, "as morphine"), bias: lowBias),
        ],
        metabolites: [
            MetaboliteFormation(
                metabolite: "morphine",
                formationFraction: Sourced(0.57, "[R, dogs] 6-MAM is metabolized to morphine and glucuronides in a 4:3 ratio (Garrett & Gurkan 1980): 4/7"),
                firstPassFraction: .assumption(0, "6-MAM is never dosed")),
        ])
}
