// Partial agonists: buprenorphine and kratom alkaloids.

extension DrugLibrary {
    static let buprenorphine = Drug(
        id: "buprenorphine", name: "buprenorphine",
        molarMassGramsPerMole: Sourced(467.6, "[R] pharmacology.md §0"),
        routes: [
            RouteParameters(route: .sublingual, bioavailability: Sourced(0.29, "[R] 29 ± 10 % (Mendelson et al. 1997 J Clin Pharmacol 37:31)"),
                            absorptionRatePerHour: .assumption(0.7, "SL Tmax 40 min–3.5 h (Elkader & Sproule 2005 [R]); ka 0.7 /h gives Tmax ≈1.8 h")),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
        ],
        centralVolumeLiters: .assumption(250, "3-cmt PK of Yassen 2006 lumped to 2-cmt; with V2 300 L gives Vss ≈ 8 L/kg and steady-state SL peaks 1.0/8.0/16 ng/mL at 2/16/32 mg vs 0.5–1/5–6/13–14 (Greenwald 2003 [R])"),
        clearanceLitersPerHour: Sourced(60, "[M] CL ≈0.9–1.3 L/min (§2.5)"),
        peripheral: PeripheralCompartment(
            volumeLiters: .assumption(300, "see central volume; Vss 2.5–5 L/kg [M] (§2.5) is lower"),
            intercompartmentalClearanceLitersPerHour: .assumption(120, "gives IV terminal t½ ≈5 h within 1.2–7.2 h [R] (Elkader 2005)")),
        effectSiteRatePerHour: Sourced(0.24, "[R] biophase equilibration t½ 173 min (Yassen et al. 2007 Clin Pharmacokinet 46:965)"),
        fractionUnbound: Sourced(0.04, "[R] 96 % protein bound (§2.5)"),
        bindings: [
            agonist(.mu, ki: Sourced(0.088, "[R] antagonist-Ki 0.088 nM (Synapse 1999;34:83); reproduces Greenwald 2003 PET occupancy vs dose (rhMOR 0.2157 [M] gives too little)"),
                    efficacy: .assumption(0.12, "weak partial agonist in LC neurons (Virk et al. 2009 [R]; GTPγS Emax ≈20–50 % of DAMGO [M]); 0.12 lets 16 mg on top of a full agonist precipitate mild withdrawal (Sporer 2004 [R]) and caps the transduced response (ceiling, Dahan 2005 [R])"),
                    bias: Sourced(0, "[R] no MOR internalization; blocks ME-induced internalization (Virk et al. 2009 J Neurosci 29:7341)"),
                    kon: Sourced(11.7, "[C] koff 0.0172 /min = 1.03 /h (Yassen 2007 [R], dissociation t½ 40 min) over Ki 0.088 nM")),
            antagonist(.delta, ki: Sourced(1.15, "[R] antagonist-Ki (Synapse 1999;34:83)")),
            antagonist(.kappa, ki: Sourced(0.072, "[R] antagonist-Ki (Synapse 1999;34:83)")),
        ])

    static let mitragynine = Drug(
        id: "mitragynine", name: "mitragynine (kratom)",
        molarMassGramsPerMole: .assumption(398.5, "C23H30N2O4, computed from formula"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(0.2, "[M] ≈20 % (rodent; §3)"),
                            absorptionRatePerHour: Sourced(2.5, "[C] Tmax 0.83–1 h (Trakulsrichai 2015; Huestis 2024 [R])")),
        ],
        centralVolumeLiters: Sourced(2540, "[C] Vz/F 12,700 L (Tanna 2022 [R]) × assumed F 0.2"),
        clearanceLitersPerHour: Sourced(46.6, "[C] CL/F 233 L/h (Tanna 2022 [R]) × assumed F 0.2"),
        effectSiteRatePerHour: .assumption(1, "onset 10–20 min, peak 2–4 h [R-low] (§8)"),
        fractionUnbound: .assumption(0.05, "highly protein bound lipophilic alkaloid"),
        bindings: [
            agonist(.mu, ki: Sourced(709, "[R, ambiguous assignment] Obeng et al. 2021 JPET 376:410 (709 vs 77.9 nM; assigned to mitragynine)"),
                    efficacy: Sourced(0.3, "[M] partial agonist Emax ≈30–35 % (Kruegel 2016)"),
                    bias: Sourced(0, "[R] G-protein biased, no beta-arrestin-2 recruitment (Obeng 2021; §4)")),
            antagonist(.kappa, ki: .assumption(1500, "weaker competitive KOR antagonist [R] (§4); value assumed")),
            antagonist(.delta, ki: .assumption(3000, "weaker competitive DOR antagonist [R] (§4); value assumed")),
        ],
        metabolites: [
            MetaboliteFormation(
                metabolite: "hydroxymitragynine_7",
                formationFraction: .assumption(0.1, "CYP3A4 conversion (Kamble 2023 [R]); fraction set so 7-OH Cmax ≈ tens of nM after grams of leaf (16 nM, §3)"),
                firstPassFraction: .assumption(0.1, "as systemic formation")),
        ])

    static let hydroxymitragynine = Drug(
        id: "hydroxymitragynine_7", name: "7-hydroxymitragynine",
        molarMassGramsPerMole: .assumption(414.5, "C23H30N2O5, computed from formula"),
        routes: [],
        centralVolumeLiters: .assumption(200, "no IV data"),
        clearanceLitersPerHour: Sourced(24.5, "[C] ln2·200 L/5.67 h; t½ 5.67 h [R] (Tanna 2022; §3)"),
        effectSiteRatePerHour: .assumption(1, "as parent"),
        fractionUnbound: .assumption(0.1, "lipophilic alkaloid"),
        bindings: [
            agonist(.mu, ki: Sourced(77.9, "[R, ambiguous assignment] Obeng 2021 (assigned to 7-OH, the higher-affinity compound)"),
                    efficacy: Sourced(0.413, "[R] partial agonist Emax 41.3 % (Obeng 2021)"),
                    bias: Sourced(0, "[R] G-protein biased (§4)")),
        ])
}
