// Hydromorphone and oxymorphone: potent semi-synthetic mu agonists (6-keto morphinans).

extension DrugLibrary {
    static let hydromorphone = Drug(
        id: "hydromorphone", name: "hydromorphone",
        molarMassGramsPerMole: .assumption(285.3, "C17H19NO3 base, computed from formula"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(0.32, "[R] mean oral bioavailability ≈32 % (17–62 %), Swiss product information (ch.oddb.org, Hydromorphon)"),
                            absorptionRatePerHour: .assumption(2.5, "rapid GI absorption [R, same label]; ka 2.5 /h gives Tmax ≈0.9 h")),
            RouteParameters(route: .intranasal, bioavailability: Sourced(0.55, "[R] 52.4 % (1 mg) and 57.5 % (2 mg) (Coda et al. 2003 Anesth Analg 97:117)"),
                            absorptionRatePerHour: Sourced(9, "[C] median IN Tmax 20–25 min (Coda 2003 [R])")),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
        ],
        centralVolumeLiters: Sourced(293, "[C] CL × t½ / ln 2 = 108.6 L/h × 1.87 h / ln 2 (Westerling et al. 1996 Pain Res Manag 1:86 [R]); label V 1.2 L/kg [R] is the initial volume"),
        clearanceLitersPerHour: Sourced(108.6, "[R] systemic clearance 1.81 ± 0.25 L/min after 2 mg IV over 20 min (Westerling 1996)"),
        effectSiteRatePerHour: .assumption(1.5, "faster brain equilibration than morphine (more lipophilic); t½ke0 ≈28 min"),
        fractionUnbound: Sourced(0.92, "[R] plasma protein binding ≈8 % (Swiss product information)"),
        brainPartition: Sourced(0.047, "[C] same fu·Kp/Ki × plasma AUC as morphine (Kp 0.030, Ki 1.2 nM, fu 0.62, CL 95 L/h) at the equianalgesic IV ratio 1.5 mg hydromorphone : 10 mg morphine [M] (standard conversion tables)"),
        bindings: [
            agonist(.mu, ki: Sourced(0.365, "[M] rhMOR 0.3654 nM (Volpe et al. 2011 Regul Toxicol Pharmacol 59:385, recalled; pharmacology.md §4 note)"),
                    efficacy: .assumption(0.95, "full agonist, at least morphine's efficacy"), bias: lowBias),
            agonist(.delta, ki: Sourced(100, "[M] mu-preferring, ≈100-fold weaker at delta"), efficacy: .assumption(0.9, "as at mu"), bias: lowBias),
        ])

    static let oxymorphone = Drug(
        id: "oxymorphone", name: "oxymorphone",
        molarMassGramsPerMole: .assumption(301.3, "C17H19NO4 base, computed from formula"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(0.10, "[R] absolute oral bioavailability ≈10 % (Opana ER label §12.3; Medical Letter 1251)"),
                            absorptionRatePerHour: Sourced(4, "[C] immediate-release Tmax 30 min (Medical Letter 1251 [R])")),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
        ],
        centralVolumeLiters: .assumption(150, "≈2 L/kg, low end of label Vss 1.94–4.22 L/kg [M]"),
        clearanceLitersPerHour: Sourced(112, "[C] F · dose / AUC = 0.10 × 10 mg / 8.94 ng·h/mL (single 10 mg ER dose, Adams & Ahdieh 2004 Pharmacotherapy 24:468 [R]; label Table 4)"),
        peripheral: PeripheralCompartment(
            volumeLiters: .assumption(350, "chosen with Q for the oral terminal t½ ≈8 h (IR ≈8 h, eperc Fast Fact 181 [R]; ER 9.4–11.3 h, label Table 4 [R]); Vss 500 L is above the label's 1.94–4.22 L/kg [M]"),
            intercompartmentalClearanceLitersPerHour: .assumption(40, "see peripheral volume")),
        effectSiteRatePerHour: .assumption(1.5, "highly lipophilic (Fast Fact 181 [R]); t½ke0 ≈28 min, as hydromorphone"),
        fractionUnbound: .assumption(0.9, "low plasma protein binding (10–12 % [M])"),
        brainPartition: Sourced(0.088, "[C] parenteral oxymorphone ≈10 × morphine per mg (Fast Fact 181 [R]): same fu·Kp/Ki × plasma AUC as morphine at 1 mg : 10 mg IV (rough)"),
        bindings: [
            agonist(.mu, ki: Sourced(0.406, "[M] rhMOR 0.4055 nM (Volpe 2011, recalled; pharmacology.md §4 note)"),
                    efficacy: .assumption(0.95, "full agonist"), bias: lowBias),
            agonist(.delta, ki: Sourced(50, "[M] some delta agonism, little kappa (Fast Fact 181 [R], values not given)"),
                    efficacy: .assumption(0.9, "as at mu"), bias: lowBias),
        ])
}
