// Prodrug opioids activated by CYP2D6: codeine → morphine and tramadol → O-desmethyltramadol.
// Formation scales with the subject's CYP2D6 phenotype (`subject.cyp2d6`).

extension DrugLibrary {
    static let codeine = Drug(
        id: "codeine", name: "codeine",
        molarMassGramsPerMole: .assumption(299.4, "C18H21NO3 base, computed from formula; doses are read as base"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(1, "apparent disposition (CL/F, V/F after oral codeine, Yue et al. 1991), F = 1 by convention; true oral bioavailability 40–70 % (Swiss product information [R])"),
                            absorptionRatePerHour: Sourced(2.5, "[C] peak plasma levels 1 h after oral codeine (Swiss product information [R])")),
        ],
        centralVolumeLiters: Sourced(525, "[C] CL/F × t½ / ln 2 = 141 L/h × 2.58 h / ln 2 (Yue et al. 1991 Br J Clin Pharmacol, PMC1368572 [R])"),
        clearanceLitersPerHour: Sourced(141, "[C] total plasma clearance 2.02 ± 0.73 L/h/kg × 70 kg after 50 mg oral codeine phosphate, equal in extensive and poor metabolizers (Yue 1991 [R])"),
        effectSiteRatePerHour: .assumption(1, "as a moderately lipophilic morphinan"),
        fractionUnbound: Sourced(0.7, "[R] ≈30 % bound to plasma proteins (Swiss product information)"),
        brainPartition: .assumption(0.3, "passive entry, not measured; codeine's own mu action is weak at any level"),
        bindings: [
            agonist(.mu, ki: Sourced(734, "[M] rhMOR 734 nM (Volpe 2011, recalled; pharmacology.md §4 note)"),
                    efficacy: .assumption(0.5, "weak partial agonist; analgesia is carried by morphine"), bias: lowBias),
        ],
        metabolites: [
            MetaboliteFormation(
                metabolite: "morphine",
                formationFraction: Sourced(0.037, "[C] normal metabolizers: morphine AUC 11 µg·h/L after 30 mg codeine (Kirchheiner et al. 2007 Pharmacogenomics J 7:257 [R]) × morphine CL 95 L/h = 3.7 % of the dose (molar)"),
                firstPassFraction: .assumption(0, "apparent oral disposition: all morphine formation is in the systemic fraction"),
                cyp2d6: CYP2D6Dependence(
                    poor: .assumption(0.05, "no CYP2D6 activity: morphine AUC far lower in poor metabolizers (P < 0.0001, Yue 1991 [R]); a trace kept"),
                    intermediate: .assumption(0.5, "one functional allele (CPIC)"),
                    ultrarapid: Sourced(1.45, "[C] median morphine AUC 16 vs 11 µg·h/L in gene-duplication carriers (Kirchheiner 2007 [R])")))
        ])

    static let tramadol = Drug(
        id: "tramadol", name: "tramadol (racemic)",
        molarMassGramsPerMole: .assumption(263.4, "C16H25NO2 base, computed from formula"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(0.7, "[R] mean absolute bioavailability ≈70 % after a single dose (product information, MIMS)"),
                            absorptionRatePerHour: Sourced(1.5, "[C] Tmax 1.6–2 h after 100 mg capsules or tablets (product information [R])")),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
        ],
        centralVolumeLiters: Sourced(192, "[R] volume of distribution 2.6 (men) and 2.9 (women) L/kg after 100 mg IV (US label), 2.75 L/kg × 70 kg"),
        clearanceLitersPerHour: Sourced(22.2, "[C] ln 2 × 192 L / 6.0 h: terminal t½ 6.0 ± 1.5 h in young volunteers (product information [R])"),
        effectSiteRatePerHour: .assumption(1, "as a small lipophilic amine"),
        fractionUnbound: Sourced(0.8, "[R] ≈20 % bound to plasma proteins (US label)"),
        brainPartition: .assumption(0.03, "morphine's effective brain availability (in-vitro Ki to in-vivo potency, calibrated for morphine), for lack of a tramadol calibration; keeps the parent's opioid share small, as its analgesia in poor metabolizers is weak (PMC6790288 [R])"),
        bindings: [
            agonist(.mu, ki: Sourced(12486, "[M] rhMOR 12,486 nM (Volpe 2011; the range end is [R], pharmacology.md §4 note)"),
                    efficacy: .assumption(0.5, "weak"), bias: lowBias),
        ],
        metabolites: [
            MetaboliteFormation(
                metabolite: "desmetramadol",
                formationFraction: Sourced(0.23, "[C] O-desmethyltramadol plasma levels ≈25 % of tramadol's (product information [R]) with the CLs of both and F 0.7: (0.7 fm + 0.3 fp)/0.7 × 22.2/29.7 = 0.25"),
                firstPassFraction: Sourced(0.23, "[C] as the systemic fraction (CYP2D6 in liver on first pass)"),
                cyp2d6: CYP2D6Dependence(
                    poor: Sourced(0.6, "[C] O-desmethyltramadol concentrations ≈40 % lower in poor metabolizers (FDA population PK, cited by SNPedia [R-low])"),
                    intermediate: .assumption(0.8, "between poor and normal"),
                    ultrarapid: .assumption(1.5, "more M1 in ultrarapid metabolizers (US label warning [R]); magnitude as codeine's 1.45")))
        ])

    /// O-desmethyltramadol (M1): the opioid metabolite of tramadol; (+)-M1 carries the mu action.
    static let desmetramadol = Drug(
        id: "desmetramadol", name: "O-desmethyltramadol (M1)",
        molarMassGramsPerMole: .assumption(249.3, "C15H23NO2, computed from formula"),
        routes: [],
        centralVolumeLiters: .assumption(300, "no IV data for the metabolite"),
        clearanceLitersPerHour: Sourced(29.7, "[C] ln 2 × 300 L / 7 h: M1 half-life ≈7 h (US label [R])"),
        effectSiteRatePerHour: .assumption(0.7, "more polar than tramadol, slower brain entry"),
        fractionUnbound: .assumption(0.8, "as tramadol"),
        brainPartition: Sourced(0.004, "[C] same fu·Kp/Ki × plasma AUC as morphine (Kp 0.030, Ki 1.2 nM, fu 0.62, oral F 0.24, CL 95 L/h) at the oral analgesic equivalence tramadol 100 mg : morphine 10 mg [M] (standard conversion tables), with M1 at a quarter of tramadol"),
        bindings: [
            agonist(.mu, ki: Sourced(7, "[M] racemic M1 ≈ twice the (+)-M1 Ki of ≈3.4 nM (recalled)"),
                    efficacy: .assumption(0.6, "mu agonist of moderate efficacy ((+)-M1 carries tramadol's opioid analgesia, PMC6790288 [R])"), bias: lowBias),
        ])
}
