// Hydrocodone: an oral mu agonist, O-demethylated by CYP2D6 to hydromorphone (as codeine is to
// morphine). Its disposition is the apparent oral one (CL/F, V/F), as for codeine.

extension DrugLibrary {
    static let hydrocodone = Drug(
        id: "hydrocodone", name: "hydrocodone",
        molarMassGramsPerMole: .assumption(299.4, "C18H21NO3 base, computed from formula; doses are read as base"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(1, "apparent disposition (CL/F, V/F from the label's oral figures), F = 1 by convention"),
                            absorptionRatePerHour: Sourced(2, "[C] Tmax 1.3 ± 0.3 h after 10 mg hydrocodone (hydrocodone/acetaminophen label §12.3 [M], recalled)")),
        ],
        centralVolumeLiters: Sourced(333, "[C] V/F from Cmax 23.6 ± 5.2 ng/mL, Tmax 1.3 h and t½ 3.8 ± 0.3 h after 10 mg (hydrocodone/acetaminophen label §12.3 [M], recalled)"),
        clearanceLitersPerHour: Sourced(60.7, "[C] CL/F = ln 2 × 333 L / 3.8 h (same label figures)"),
        effectSiteRatePerHour: .assumption(1, "as a moderately lipophilic morphinan"),
        fractionUnbound: .assumption(0.7, "plasma protein binding 19–45 % [M]"),
        brainPartition: Sourced(0.148, "[C] same fu·Kp/Ki × plasma AUC as morphine (Kp 0.030, Ki 1.2 nM, fu 0.62, oral F 0.24, CL 95 L/h) at the oral equianalgesic ratio hydrocodone 30 mg : morphine 30 mg [M] (standard conversion tables); the hydromorphone formed is not counted"),
        bindings: [
            agonist(.mu, ki: Sourced(41.58, "[M] rhMOR 41.58 nM (Volpe et al. 2011 Regul Toxicol Pharmacol 59:385, recalled)"),
                    efficacy: .assumption(0.85, "full agonist in vivo, as oxycodone"), bias: lowBias),
        ],
        metabolites: [
            MetaboliteFormation(
                metabolite: "hydromorphone",
                formationFraction: Sourced(0.05, "[M] O-demethylation to hydromorphone about 5 % of a dose in extensive metabolizers (Otton et al. 1993 Clin Pharmacol Ther 54:463, recalled)"),
                firstPassFraction: .assumption(0, "apparent oral disposition: all hydromorphone formation is in the systemic fraction"),
                cyp2d6: CYP2D6Dependence(
                    poor: .assumption(0.1, "hydromorphone formation far lower in poor metabolizers (Otton 1993 [M]); a trace kept"),
                    intermediate: .assumption(0.5, "one functional allele (CPIC)"),
                    ultrarapid: .assumption(1.45, "as codeine's morphine in gene-duplication carriers (Kirchheiner 2007 [R])")))
        ])
}
