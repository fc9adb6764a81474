// Dextromethorphan → dextrorphan through CYP2D6: both block the NMDA channel (as ketamine does,
// feeding model 2's NMDA share). Their sigma-1 and serotonin-transporter actions are not
// modelled (the model has no sigma receptor or serotonin), nor dextrorphan's conjugation other
// than as its clearance. Unlike codeine, the parent's own clearance is mostly CYP2D6, so the
// phenotype changes the parent too (`ReceptorSystem.cyp2d6ClearanceScale`, Model.md).

extension DrugLibrary {
    static let dextromethorphan = Drug(
        id: "dextromethorphan", name: "dextromethorphan",
        molarMassGramsPerMole: .assumption(271.4, "C18H25NO base, computed from formula; doses are read as base (30 mg of the hydrobromide is 22 mg base)"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(0.11, "[R] oral bioavailability 11 % (Wikipedia infobox, from the product literature); a normal metabolizer's, the rest lost to first-pass metabolism"),
                            absorptionRatePerHour: Sourced(0.65, "[C] peak plasma levels usually within 2.5 h (RELIS/DRUGLINE 9364 [R]): ka 0.65 /h gives Tmax 2.5 h with k10 0.231 /h")),
        ],
        centralVolumeLiters: Sourced(2200, "[C] a poor metabolizer's Cmax up to 8 µg/L after 20 mg (RELIS/DRUGLINE 9364 [R]) with F 0.91 (no CYP2D6 first pass): 7.3 ng/mL; an apparent volume of a lipophilic amine, not an IV figure (none in stored sources)"),
        clearanceLitersPerHour: Sourced(508, "[C] ln 2 × 2200 L / 3 h: t½ 2–4 h in extensive metabolizers (Wikipedia [R]; 1–2 h in RELIS/DRUGLINE 9364 [R]); an apparent clearance (above hepatic blood flow, as the volume is apparent)"),
        effectSiteRatePerHour: .assumption(1, "as a moderately lipophilic morphinan"),
        fractionUnbound: .assumption(0.4, "plasma protein binding about 60–70 % [M] (recalled)"),
        brainPartition: .assumption(1, "lipophilic, crosses the blood-brain barrier freely; not measured in humans"),
        bindings: [
            // Mu/kappa/delta affinities are micromolar or weaker (dextrorotatory morphinan): omitted.
            antagonist(.nmda, ki: .assumption(2000, "[M] PCP-site (MK-801) binding Ki about 0.5–7 µM, a few times weaker than dextrorphan (recalled; Church 1985 [M])"), inverse: true),
        ],
        metabolites: [
            MetaboliteFormation(
                metabolite: "dextrorphan",
                formationFraction: Sourced(0.9, "[C] O-demethylation's share of the systemic clearance, set so a poor metabolizer's t½ is 3 h / (1 − 0.9) = 30 h: 29.5 h in poor metabolizers (Capon et al. 1996 Clin Pharmacol Ther [R]), about 24 h (Wikipedia [R]), up to about 40 h (RELIS/DRUGLINE 9364 [R])"),
                firstPassFraction: .assumption(0.9, "CYP2D6 O-demethylation as the main first-pass route too (elimination depends primarily on CYP2D6, Capon 1996 [R]); the rest N-demethylation (CYP3A4)"),
                cyp2d6: CYP2D6Dependence(
                    poor: .assumption(0, "no functional CYP2D6; dextromethorphan is the major plasma component in poor metabolizers (Capon 1996 [R])"),
                    intermediate: .assumption(0.5, "one functional allele (CPIC)"),
                    ultrarapid: .assumption(1.1, "more O-demethylation with gene duplication; capped so factor × formation fraction stays at most 1 (0.99): codeine's 1.45 (Kirchheiner 2007 [R]) would exceed the whole clearance"))),
        ])

    /// Dextrorphan: the O-demethylated metabolite, a stronger NMDA channel blocker than its
    /// parent. Its clearance is mostly glucuronidation (free dextrorphan about 1/100 of the
    /// conjugated, Capon 1996), modelled as elimination.
    static let dextrorphan = Drug(
        id: "dextrorphan", name: "dextrorphan",
        molarMassGramsPerMole: .assumption(257.4, "C17H23NO, computed from formula"),
        routes: [],
        centralVolumeLiters: .assumption(5000, "no IV data for the metabolite; with the clearance gives free dextrorphan peaks of a few ng/mL after 30 mg in normal metabolizers, about 1/100 of the conjugated (Capon 1996 [R])"),
        clearanceLitersPerHour: Sourced(990, "[C] ln 2 × 5000 L / 3.5 h: t½ assumed 3.5 h, as its parent's in extensive metabolizers (5.3 h in mice, Omics table [R-low])"),
        effectSiteRatePerHour: .assumption(0.7, "more polar than dextromethorphan, slower brain entry"),
        fractionUnbound: .assumption(0.6, "not in stored sources"),
        brainPartition: .assumption(0.5, "more polar than its parent (a phenol); not measured in humans"),
        bindings: [
            antagonist(.nmda, ki: .assumption(500, "[M] PCP-site binding Ki about 0.1–0.9 µM, several times stronger than dextromethorphan (recalled); as racemic ketamine's 500 nM"), inverse: true),
        ])
}
