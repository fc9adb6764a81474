// Opioid antagonists: naloxone, naltrexone (+ 6-beta-naltrexol), nalmefene, aticaprant.

extension DrugLibrary {
    static let naloxone = Drug(
        id: "naloxone", name: "naloxone",
        molarMassGramsPerMole: Sourced(327.3, "[R] pharmacology.md §0"),
        routes: [
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
            RouteParameters(route: .intranasal, bioavailability: Sourced(0.256, "[R] NARCAN 4 mg, study SCR-011 (FDA code; §1.2)"),
                            absorptionRatePerHour: Sourced(9.6, "[C] kin 0.002657 /s (FDA code, transit step ignored)")),
            RouteParameters(route: .intramuscular, bioavailability: Sourced(0.626, "[R] generic 2 mg/2 mL (FDA code; §1.2)"),
                            absorptionRatePerHour: Sourced(18.6, "[C] kin 0.00516 /s (FDA code, transit step ignored)")),
            RouteParameters(route: .sublingual, bioavailability: Sourced(0.03, "[M] poorly absorbed sublingually (Chiang & Hawks 2003 Drug Alcohol Depend 70:S39 [R]); about 3–10 % [M] (buprenorphine/naloxone label §12.3, not re-read), the low end taken: the label finds no clinically significant effect by the SL route [R]"),
                            absorptionRatePerHour: .assumption(1, "SL naloxone peaks within about an hour, its levels falling much faster than buprenorphine's (Chiang & Hawks 2003 [R])")),
        ],
        centralVolumeLiters: Sourced(34.44, "[R] V1 (FDA naloxone IV model; §1.2)"),
        clearanceLitersPerHour: Sourced(230.4, "[R] CL 3.84 L/min (FDA IV model)"),
        peripheral: PeripheralCompartment(
            volumeLiters: Sourced(152.3, "[C] V2 70.15 + V3 82.12 L lumped (FDA IV model)"),
            intercompartmentalClearanceLitersPerHour: Sourced(120, "[C] chosen so the 2-compartment lumping keeps the terminal t½ 82 min of the FDA 3-compartment model (Q2 3.93, Q3 0.92 L/min [R])")),
        effectSiteRatePerHour: Sourced(6.39, "[R] biophase k2 0.001774 /s, t½ 6.5 min (FDA code; Yassen 2007)"),
        fractionUnbound: Sourced(0.54, "[R] verified-parameters.md §6/§15.6 (reproduces human PET dose–blockade with Kd 0.586 nM)"),
        bindings: [
            antagonist(.mu, ki: Sourced(0.586, "[C] kinetic Kd 586 pM (FDA model; §1.1)"),
                       kon: Sourced(243, "[C] koff 3.959e-2 /s = 142.5 /h over Kd 0.586 nM (FDA code; verified-parameters.md §0)")),
            antagonist(.delta, ki: Sourced(10.6, "verified-parameters.md §15.6 (recommended set; Synapse 1999;34:83 gives 25 [R])"),
                       kon: Sourced(243, "verified-parameters.md §15.6: naloxone kon applied to all receptors (assumption)")),
            antagonist(.kappa, ki: Sourced(4.8, "verified-parameters.md §15.6 (recommended set; Synapse 1999;34:83 gives 11.4 [R])"),
                       kon: Sourced(243, "verified-parameters.md §15.6: naloxone kon applied to all receptors (assumption)")),
        ])

    static let naltrexone = Drug(
        id: "naltrexone", name: "naltrexone",
        molarMassGramsPerMole: .assumption(341.4, "C20H23NO4, computed from formula"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(0.05, "[R] oral ≈5 % (label 5–40 %; §3)"),
                            absorptionRatePerHour: Sourced(0.6, "[R] oral absorption exponential 0.012 ± 0.002 /min, half-life about 1 h (Licko 1981 NIDA Res Monogr 28:161), its lower end 0.010 /min: with the 1282 L deep compartment the mean 0.72 /h puts the plasma peak at 0.46 h, before the 1 h of Meyer 1984 and the label (0.5 h with 0.6 /h)")),
            RouteParameters(route: .intramuscularExtendedRelease, bioavailability: Sourced(0.75, "[C] so that naltrexone exposure over 28 days after 380 mg is 3–4× that of oral 50 mg daily (Vivitrol label §12.3 [R]) with oral F 5 %"),
                            absorptionRatePerHour: .assumption(0.5, "initial release: the transient peak about 2 h after injection (Vivitrol label §12.3 [R])"),
                            slowDepot: SlowDepot(
                                fraction: .assumption(0.97, "share in the microspheres' sustained release; the initial 3 % gives the transient early peak (Vivitrol label [R]); the share is not reported"),
                                absorptionRatePerHour: Sourced(0.00385, "[C] ln 2 / 7.5 days: release-limited elimination t½ 5–10 days (Vivitrol label §12.3 [R]), midpoint; concentrations decline slowly from about day 14"))),
            .intravenous(.ivBolus),
        ],
        centralVolumeLiters: Sourced(7.6, "[R] IV three-exponential disposition, distribution volumes 7.6, 60 and 164 L (Licko 1981 NIDA Res Monogr 28:161): central 7.6 L"),
        clearanceLitersPerHour: Sourced(210.6, "[R] total clearance of unconjugated naltrexone 3510 mL/min (Licko 1981)"),
        peripheral: PeripheralCompartment(
            volumeLiters: Sourced(60, "[R] (Licko 1981)"),
            intercompartmentalClearanceLitersPerHour: Sourced(589.3, "[C] reproduces Licko's fastest IV exponential 1.9 /min with the volumes 7.6 and 60 L (Licko 1981); the middle one (0.18 /min) is not reproduced (about 2.5 /h instead of 10.8 /h)")),
        deepPeripheral: PeripheralCompartment(
            volumeLiters: Sourced(1282.4, "[C] steady-state volume 1350 L (naltrexone tablets label, Clinical Pharmacology, Distribution: volume of distribution after IV estimated at 1350 L [R]) less the central 7.6 L and peripheral 60 L (Licko 1981). Licko's own third volume, 164 L, gave an oral curve falling with an apparent t½ of 1.6 h over 4-12 h against about 4 h (Meyer 1984; label), because a 164 L deep compartment holds too little of an oral dose for the 10.9 h terminal phase to carry it (issue 16, row B15)"),
            intercompartmentalClearanceLitersPerHour: Sourced(134.9, "[C] so that the terminal IV exponential is Licko's 0.00106 /min (t½ 10.9 h, Licko 1981) with the deep volume 1282.4 L; with it the oral curve after 50 mg falls with an apparent t½ of about 4 h over 4-12 h (Meyer 1984: about 4 h)")),
        effectSiteRatePerHour: .assumption(1, "lipophilic, rapid brain entry (t½ke0 ≈40 min)"),
        fractionUnbound: Sourced(0.79, "[M] ≈21 % protein bound"),
        bindings: [
            antagonist(.mu, ki: Sourced(0.2, "[M] ≈0.1–0.4 nM (§4); cloned human MOR 0.11 nM (Wentland 2009 Bioorg Med Chem Lett, Table 1) and 0.86–1.1 nM with koff 0.35 /min, t½ 2 min (Cassel 2005 Eur J Pharmacol, Tables 1–2) [R-low: as tabulated in a public curated dataset, papers not re-read]"), inverse: true),
            antagonist(.delta, ki: Sourced(15.8, "[R] dose-blockade ratio ×79 of mu (Trøstheim 2022 app, Rabiner-based; §4)"), inverse: true),
            antagonist(.kappa, ki: Sourced(0.4, "[R] ratio ×2 of mu (Trøstheim 2022; §4)"), inverse: true),
        ],
        metabolites: [
            MetaboliteFormation(
                metabolite: "naltrexol_6beta",
                formationFraction: .assumption(0.8, "6beta-naltrexol is the major metabolite (dihydrodiol dehydrogenase)"),
                firstPassFraction: .assumption(0.8, "extensive first-pass formation (oral F ≈5 %); metabolite AUC ≫ parent (Meyer 1984)")),
        ])

    static let naltrexol = Drug(
        id: "naltrexol_6beta", name: "6-beta-naltrexol",
        molarMassGramsPerMole: .assumption(343.4, "C20H25NO4, computed from formula"),
        routes: [],
        centralVolumeLiters: Sourced(306, "[C] t½ 12.5 h [R] × CL / ln2 (11.1 ± 2.4 h after IV, Yancey-Wrona et al. 2011 Pain Med 12:1727 [R])"),
        clearanceLitersPerHour: Sourced(17, "[R] renal CL 283 mL/min (§3), taken as total"),
        effectSiteRatePerHour: .assumption(0.5, "polar metabolite, slower brain entry"),
        fractionUnbound: .assumption(0.8, "as parent"),
        brainPartition: .assumption(0.01, "peripherally restricted: no effect on morphine analgesia or miosis up to 20 mg IV in humans (Yancey-Wrona et al. 2011 Pain Med 12:1727 [R]); about 10-fold peripheral/central separation in animals [R-low]; Kp,uu 0.01 keeps central mu occupancy below half at 20 mg IV, where 0.1 gave ≈85 % (model review 2026-12 §6)"),
        bindings: [
            antagonist(.mu, ki: Sourced(2.12, "[R-low] Ki 2.12 nM (6β-naltrexol encyclopedia entry, profilbaru.com, citing its ref. 5); neutral antagonist [R] (Sadee)")),
            antagonist(.delta, ki: Sourced(213, "[R-low] Ki 213 nM (same entry)")),
            antagonist(.kappa, ki: Sourced(7.24, "[R-low] Ki 7.24 nM (same entry)")),
        ])

    static let nalmefene = Drug(
        id: "nalmefene", name: "nalmefene",
        molarMassGramsPerMole: .assumption(339.4, "C21H25NO3, computed from formula"),
        routes: [
            RouteParameters(route: .intranasal, bioavailability: .assumption(0.5, "IN 3 mg Cmax ≈3× IM 1.5 mg (Crystal 2024 [R]); F not stated"),
                            absorptionRatePerHour: Sourced(8, "[C] IN Tmax 0.25 h (Crystal 2024)")),
            RouteParameters(route: .intramuscular, bioavailability: .assumption(1, "parenteral"),
                            absorptionRatePerHour: Sourced(6, "[C] IM Tmax 0.33 h (Crystal 2024)")),
            RouteParameters(route: .oral, bioavailability: Sourced(0.4, "[M] ≈40 % (§3)"),
                            absorptionRatePerHour: .assumption(1.5, "oral Tmax ≈1.5 h")),
            .intravenous(.ivBolus),
        ],
        centralVolumeLiters: .assumption(600, "Vd ≈8.6 L/kg [M]"),
        clearanceLitersPerHour: Sourced(39, "[C] ln2·600 L/10.8 h; t½ 10.6–11.4 h [R] (Crystal 2024)"),
        effectSiteRatePerHour: .assumption(2, "rapid onset"),
        fractionUnbound: .assumption(0.66, "≈34 % protein bound [M]"),
        bindings: [
            antagonist(.mu, ki: Sourced(0.2, "[M] ≈0.1–0.3 nM; ≈5× naloxone affinity [R] (Green 2024)")),
            antagonist(.delta, ki: Sourced(10, "[M] ≈5–20 nM (§4)")),
            agonist(.kappa, ki: Sourced(0.3, "[M] ≈0.1–0.5 nM (§4)"),
                    efficacy: .assumption(0.3, "kappa partial agonist activity [R] (Green 2024)"),
                    bias: .assumption(0.3, "partial agonist")),
        ])

    static let aticaprant = Drug(
        id: "aticaprant", name: "aticaprant (LY2456302)",
        molarMassGramsPerMole: Sourced(418.5, "verified-parameters.md §15.11 (C26H27FN2O2)"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(1, "verified-parameters.md §15.11: apparent disposition (CL/F, V/F), F = 1 by convention"),
                            absorptionRatePerHour: Sourced(3.5, "verified-parameters.md §15.11 (rapid absorption [R], Lowe 2014)")),
        ],
        centralVolumeLiters: Sourced(1330, "verified-parameters.md §15.11: apparent V/F, 1-cmt"),
        clearanceLitersPerHour: Sourced(26, "verified-parameters.md §15.11: apparent CL/F; t½ 35 h [R] (Lowe 2014 J Clin Pharmacol)"),
        effectSiteRatePerHour: Sourced(2.8, "verified-parameters.md §15.11 (assumption)"),
        fractionUnbound: Sourced(0.41, "[C] verified-parameters.md §11/§16: reconciles PET IC50 (Naganawa 2016) with Ki 0.81 nM"),
        bindings: [
            antagonist(.kappa, ki: Sourced(0.81, "[R] Rorick-Kehn et al. 2014 IJNP 18:pyu036")),
            antagonist(.mu, ki: Sourced(24.0, "[R] Rorick-Kehn 2014")),
            antagonist(.delta, ki: Sourced(155, "[R] Rorick-Kehn 2014")),
        ])
}
