// Ketamine (+ norketamine), a kappa agonist (nalfurafine) and oxytocin (mu modulator).

extension DrugLibrary {
    static let ketamine = Drug(
        id: "ketamine", name: "ketamine (racemic)",
        molarMassGramsPerMole: Sourced(237.7, "verified-parameters.md §15.10 (C13H16ClNO)"),
        routes: [
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
            RouteParameters(route: .intramuscular, bioavailability: Sourced(0.93, "[R] IM 93 % (§3; verified-parameters.md §10)"),
                            absorptionRatePerHour: Sourced(26, "verified-parameters.md §15.10 (IM Tmax 5–15 min [R])")),
            RouteParameters(route: .oral, bioavailability: Sourced(0.17, "[R] oral 17–20 % (Fanta 2015; verified-parameters.md §15.10)"),
                            absorptionRatePerHour: Sourced(6.3, "verified-parameters.md §15.10 (oral Tmax 30 min [R])")),
            RouteParameters(route: .sublingual, bioavailability: Sourced(0.29, "verified-parameters.md §15.10 (SL ≈30 % [R])"),
                            absorptionRatePerHour: Sourced(3.5, "verified-parameters.md §15.10")),
            RouteParameters(route: .intranasal, bioavailability: Sourced(0.15, "verified-parameters.md §15.10 (newer device 11–17 % [R])"),
                            absorptionRatePerHour: Sourced(12.6, "verified-parameters.md §15.10")),
        ],
        centralVolumeLiters: Sourced(119.4, "[C] two-compartment from CL 79 L/h, Vss 252 L (verified-parameters.md §15.10), distribution t½ 12.5 min (10–15 min, droracle.ai summary [R-low]) and terminal t½ 2.5 h (≈2–3 h, §3 [R])"),
        clearanceLitersPerHour: Sourced(79, "verified-parameters.md §15.10: CL (t½ ≈2–3 h [R])"),
        peripheral: PeripheralCompartment(
            volumeLiters: Sourced(132.6, "[C] Vss 252 L − V1 (see central volume)"),
            intercompartmentalClearanceLitersPerHour: Sourced(184.9, "[C] from the distribution and terminal half-lives (see central volume)")),
        effectSiteRatePerHour: Sourced(13.9, "verified-parameters.md §15.10: t½ke0 3 min (assumption)"),
        fractionUnbound: Sourced(0.7, "verified-parameters.md §15.10 [M]"),
        bindings: [
            // Opioid Ki 28–270 µM (verified-parameters.md §10 [R]) give ≤ 5 % occupancy: omitted as recommended (verified-parameters.md §15.10).
            antagonist(.nmda, ki: Sourced(500, "verified-parameters.md §15.10 [M]: NMDA channel block ≈0.5 µM (PCP site)"), inverse: true),
        ],
        metabolites: [
            MetaboliteFormation(
                metabolite: "norketamine",
                formationFraction: Sourced(0.6, "verified-parameters.md §15.10: molar systemic formation (CYP2B6/3A4)"),
                firstPassFraction: Sourced(0.6, "verified-parameters.md §15.10: molar presystemic formation for oral/SL/IN (Fanta 2015 NK/K AUC 16.5 [R])")),
        ])

    static let norketamine = Drug(
        id: "norketamine", name: "norketamine",
        molarMassGramsPerMole: Sourced(223.7, "verified-parameters.md §15.10"),
        routes: [],
        centralVolumeLiters: Sourced(122, "verified-parameters.md §15.10: 1-cmt V"),
        clearanceLitersPerHour: Sourced(16.9, "verified-parameters.md §15.10: 1-cmt CL"),
        effectSiteRatePerHour: Sourced(13.9, "verified-parameters.md §15.10 (assumption)"),
        fractionUnbound: Sourced(0.7, "verified-parameters.md §15.10 [M]"),
        bindings: [
            antagonist(.nmda, ki: Sourced(2000, "[C] potency 0.2–0.33 × ketamine (verified-parameters.md §15.10) × ketamine 500 nM"), inverse: true),
        ])

    static let nalfurafine = Drug(
        id: "nalfurafine", name: "nalfurafine (kappa agonist)",
        molarMassGramsPerMole: Sourced(476.6, "verified-parameters.md §15.11"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(1, "verified-parameters.md §15.11: apparent disposition, F = 1 by convention"),
                            absorptionRatePerHour: Sourced(2.7, "verified-parameters.md §15.11")),
        ],
        centralVolumeLiters: Sourced(500, "verified-parameters.md §15.11 (assumption)"),
        clearanceLitersPerHour: Sourced(25, "verified-parameters.md §15.11: t½ 14 h acute [R-low] (Kumagai 2012)"),
        effectSiteRatePerHour: Sourced(2.8, "verified-parameters.md §15.11 (assumption)"),
        fractionUnbound: Sourced(0.3, "verified-parameters.md §15.11 [M]"),
        bindings: [
            agonist(.kappa, ki: Sourced(0.075, "verified-parameters.md §15.11 [M]"),
                    efficacy: Sourced(1, "[R] highly potent full kappa agonist (Handb Exp Pharmacol 2022;271:137)"),
                    bias: Sourced(0.5, "verified-parameters.md §14 (assumption)")),
            agonist(.mu, ki: Sourced(5, "verified-parameters.md §15.11 [C]"), efficacy: Sourced(0.3, "verified-parameters.md §15.11 [M]"),
                    bias: .assumption(0.1, "weak")),
            antagonist(.delta, ki: Sourced(50, "verified-parameters.md §15.11 [M]; Emax 0")),
        ])

    static let oxytocin = Drug(
        id: "oxytocin", name: "oxytocin (mu positive allosteric modulator)",
        molarMassGramsPerMole: .assumption(1007.2, "C43H66N12O12S2, computed from formula"),
        routes: [
            RouteParameters(route: .intranasal, bioavailability: .assumption(0.02, "very low systemic/CNS delivery of nasal peptide"),
                            absorptionRatePerHour: .assumption(4, "nasal peptide absorption within ≈15 min; plasma peaks 15 min after 24 IU IN (Striepens et al. 2013 Sci Rep 3:3440 [R])")),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
        ],
        centralVolumeLiters: Sourced(4.73, "[C] two-compartment from CL 27 L/h, Vss 15 L, distribution t½ 5.5 min and terminal t½ 1.2 h (Nielsen et al. 2017 J Clin Pharmacol 57:1573, IV 10 IU [R])"),
        clearanceLitersPerHour: Sourced(27, "[R] CL 27 L/h (Nielsen et al. 2017)"),
        peripheral: PeripheralCompartment(
            volumeLiters: Sourced(10.27, "[C] Vss 15 L − V1 (Nielsen et al. 2017)"),
            intercompartmentalClearanceLitersPerHour: Sourced(7.86, "[C] from the distribution and terminal half-lives (Nielsen et al. 2017)")),
        effectSiteRatePerHour: .assumption(2, "CSF entry limited; CSF oxytocin rises significantly only by 75 min after 24 IU IN (Striepens 2013 [R])"),
        fractionUnbound: .assumption(1, "peptide, negligible binding"),
        brainPartition: Sourced(0.001, "[C, rough] ≈0.01 % of a peripheral oxytocin dose crosses the blood-brain barrier (animal data cited by Striepens et al. 2013 [R]) × plasma volume 15 L / brain 1.4 L; the nose-to-brain route is not modelled"),
        bindings: [],
        modulations: [
            AllostericModulation(
                receptor: .mu,
                modulatorKdNanomolar: .assumption(50, "PAM effect at sub-µM oxytocin (Meguro et al. 2018 [M])"),
                affinityFactor: .assumption(2, "oxytocin potentiates mu agonist binding/signalling (MODEL.md §1; Meguro 2018 [M])"),
                efficacyFactor: .assumption(1.3, "oxytocin enhances mu agonist efficacy (Meguro 2018 [M])")),
        ])

    /// The shipped library.
    public static let builtIn = DrugLibrary(
        receptors: builtInReceptors,
        peptides: builtInPeptides,
        drugs: [
            morphine, m6g, oxycodone, fentanyl, methadone, buprenorphine, naloxone, naltrexone, naltrexol,
            nalmefene, mitragynine, hydroxymitragynine, ketamine, norketamine, nalfurafine, aticaprant, oxytocin,
        ] + addedDrugs,
        physiology: builtInPhysiology)
}
