// Ketamine (+ norketamine), a kappa agonist (nalfurafine) and oxytocin (mu modulator).

extension DrugLibrary {
    static let ketamine = Drug(
        id: "ketamine", name: "ketamine (racemic)",
        molarMassGramsPerMole: .assumption(237.7, "C13H16ClNO, computed from formula"),
        routes: [
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
            RouteParameters(route: .intramuscular, bioavailability: Sourced(0.93, "[R] IM 93 % (§3)"),
                            absorptionRatePerHour: Sourced(6, "[C] IM Tmax 5–15 min [R] (§3)")),
            RouteParameters(route: .oral, bioavailability: Sourced(0.18, "[R] oral 17–20 % (Fanta 2015; §3)"),
                            absorptionRatePerHour: Sourced(3, "[C] oral Tmax 30 min [R]")),
            RouteParameters(route: .intranasal, bioavailability: Sourced(0.45, "[R] IN ≈45 % (§3)"),
                            absorptionRatePerHour: .assumption(4, "nasal Tmax ≈20 min")),
        ],
        centralVolumeLiters: Sourced(343, "[C] t½ 2.5 h [R] × CL / ln2"),
        clearanceLitersPerHour: Sourced(95, "[R] S-ketamine 95 L/h/70 kg (Fanta 2015; §3)"),
        effectSiteRatePerHour: .assumption(3, "fast CNS equilibration (IV onset ≈1 min)"),
        fractionUnbound: .assumption(0.53, "≈47 % protein bound [M]"),
        bindings: [
            antagonist(.nmda, ki: .assumption(500, "NMDA channel block, sub-µM (PCP site)"), inverse: true),
            agonist(.mu, ki: Sourced(20000, "[M] ≈10–40 µM (Hirota 1999)"), efficacy: .assumption(0.2, "weak"),
                    bias: .assumption(0, "weak agonist")),
            agonist(.kappa, ki: Sourced(25000, "[M] ≈20–30 µM (Hirota 1999)"), efficacy: .assumption(0.2, "weak"),
                    bias: .assumption(0, "weak agonist")),
        ],
        metabolites: [
            MetaboliteFormation(
                metabolite: "norketamine",
                formationFraction: .assumption(0.8, "CYP2B6/3A4 N-demethylation is the main pathway (§3)"),
                firstPassFraction: Sourced(0.8, "model assumption: norketamine AUC ≈16.5× S-ketamine after oral [R] (Fanta 2015) implies extensive first-pass formation")),
        ])

    static let norketamine = Drug(
        id: "norketamine", name: "norketamine",
        molarMassGramsPerMole: .assumption(223.7, "C12H14ClNO, computed from formula"),
        routes: [],
        centralVolumeLiters: .assumption(300, "as parent"),
        clearanceLitersPerHour: Sourced(32, "[C] ln2·300 L/6.5 h; t½ ≈5–8 h [M] (§3)"),
        effectSiteRatePerHour: .assumption(1, "as parent, slower"),
        fractionUnbound: .assumption(0.5, "as parent"),
        bindings: [
            antagonist(.nmda, ki: Sourced(2000, "[R] 1/3–1/5 of ketamine potency (§3) × ketamine 500 nM"), inverse: true),
        ])

    static let nalfurafine = Drug(
        id: "nalfurafine", name: "nalfurafine (kappa agonist)",
        molarMassGramsPerMole: .assumption(476.6, "C28H32N2O5, computed from formula"),
        routes: [
            RouteParameters(route: .oral, bioavailability: .assumption(0.5, "no human F reported in the store"),
                            absorptionRatePerHour: .assumption(1.5, "Tmax ≈1–2 h")),
        ],
        centralVolumeLiters: .assumption(300, "no IV data"),
        clearanceLitersPerHour: Sourced(14.9, "[C] ln2·300 L/14 h; t½ 14 h acute [R-low] (Kumagai 2012)"),
        effectSiteRatePerHour: .assumption(1, "no data"),
        fractionUnbound: .assumption(0.3, "no data"),
        bindings: [
            agonist(.kappa, ki: Sourced(0.15, "[M] ≈0.08–0.3 nM (§4)"),
                    efficacy: Sourced(1, "[R] highly potent full kappa agonist (Handb Exp Pharmacol 2022;271:137)"),
                    bias: .assumption(0.5, "reported G-protein preference")),
            agonist(.mu, ki: Sourced(1.5, "[M] ≈0.5–3 nM (§4)"), efficacy: .assumption(0.2, "weak partial at mu"),
                    bias: .assumption(0.1, "weak")),
            agonist(.delta, ki: Sourced(150, "[M] ≈50–300 nM (§4)"), efficacy: .assumption(0.5, "partial"),
                    bias: .assumption(0.1, "weak")),
        ])

    static let oxytocin = Drug(
        id: "oxytocin", name: "oxytocin (mu positive allosteric modulator)",
        molarMassGramsPerMole: .assumption(1007.2, "C43H66N12O12S2, computed from formula"),
        routes: [
            RouteParameters(route: .intranasal, bioavailability: .assumption(0.02, "very low systemic/CNS delivery of nasal peptide"),
                            absorptionRatePerHour: .assumption(4, "nasal peptide absorption within ≈15 min")),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
        ],
        centralVolumeLiters: .assumption(15, "extracellular volume of a peptide"),
        clearanceLitersPerHour: .assumption(150, "plasma t½ ≈4 min (peptidase clearance)"),
        effectSiteRatePerHour: .assumption(2, "CSF entry limited"),
        fractionUnbound: .assumption(1, "peptide, negligible binding"),
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
        ],
        physiology: builtInPhysiology)
}
