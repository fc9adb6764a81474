// Partial agonists: buprenorphine and kratom alkaloids.

extension DrugLibrary {
    static let buprenorphine = Drug(
        id: "buprenorphine", name: "buprenorphine",
        molarMassGramsPerMole: Sourced(467.6, "[R] pharmacology.md §0"),
        routes: [
            RouteParameters(route: .sublingual, bioavailability: Sourced(0.29, "[R] 29 ± 10 % (Mendelson et al. 1997 J Clin Pharmacol 37:31)"),
                            absorptionRatePerHour: .assumption(0.7, "SL Tmax 40 min–3.5 h (Elkader & Sproule 2005 [R]); ka 0.7 /h gives Tmax ≈1.8 h"),
                            slowDepot: SlowDepot(
                                fraction: .assumption(0.5, "share of the absorbed SL dose released slowly from the oral mucosa (depot proposed by Kuhlman et al. 1996 J Anal Toxicol 20:369 [R]); the share is not reported, taken as half"),
                                absorptionRatePerHour: Sourced(0.0248, "[C] ln 2 / 28 h: the SL terminal phase is release-limited from the mucosal depot (Kuhlman 1996 [R]); SL/transdermal terminal t½ 20–36 h (Mayo Clinic Labs drug book [R], §2.5), midpoint 28 h"))),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
            RouteParameters(route: .transdermal, bioavailability: Sourced(1, "[R] definition: the labelled rate (5–20 µg/h) is the rate delivered (Butrans label §11: release proportional to the active surface area)"),
                            absorptionRatePerHour: Sourced(0.693, "[C] fast skin depot, release ln 2 / 1 h: with the slow depot fitted to the three Butrans label figures (§12.3 [R]: steady state by day 3 of the first patch; after removal about 50 % fall within 10–24 h, then an apparent terminal t½ of about 26 h); the two depots' shares and rates are not reported separately"),
                            slowDepot: SlowDepot(
                                fraction: Sourced(0.3, "[C] share of the delivered buprenorphine held in a slow skin depot, fitted with its rate to the Butrans label (§12.3 [R]): gives 92 % of the plateau by day 3, a 50 % fall 11.5 h after removal and an apparent t½ of 25 h over 24–48 h after removal (one depot of t½ 11.6 h gave about 13 h)"),
                                absorptionRatePerHour: Sourced(0.0193, "[C] slow skin depot release ln 2 / 36 h: carries the label's apparent terminal t½ of about 26 h after removal (Butrans label §12.3 [R]) together with the systemic disposition"))),
            RouteParameters(route: .subcutaneousExtendedReleaseWeekly, bioavailability: .assumption(1, "the depot releases its whole dose (Brixadi weekly; not reported in stored sources)"),
                            absorptionRatePerHour: Sourced(0.0072, "[M] ln 2 / 4 days: release-limited apparent terminal t½ 3–5 days of the weekly depot (Brixadi label §12.3, recalled; CAM2038 weekly, Walsh et al. 2017 JAMA Psychiatry 74:894)")),
            RouteParameters(route: .subcutaneousExtendedReleaseMonthly, bioavailability: .assumption(1, "the ATRIGEL depot releases its whole dose (not reported in stored sources)"),
                            absorptionRatePerHour: Sourced(0.04, "[C] initial release with Tmax about 24 h after injection (Sublocade label §12.3 [R]: mean Tmax 24 h)"),
                            slowDepot: SlowDepot(
                                fraction: .assumption(0.95, "share released slowly; the initial release (5 %) is not reported: chosen so the early peak stays near the month's 2–6 ng/mL"),
                                absorptionRatePerHour: Sourced(0.000578, "[C] ln 2 / 50 days: release-limited apparent terminal t½ 43–60 days (Sublocade label §12.3 [R]), midpoint"))),
        ],
        centralVolumeLiters: .assumption(250, "3-cmt PK of Yassen 2006 lumped to 2-cmt (its parameter table is not in the store); with V2 300 L gives Vss ≈ 8 L/kg and, with the two-depot SL route, steady-state peaks 0.70/5.6/11 ng/mL at 2/16/32 mg vs 0.5–1/5–6/13–14 (Greenwald 2003 [R])"),
        clearanceLitersPerHour: Sourced(60, "[M] CL ≈0.9–1.3 L/min (§2.5)"),
        peripheral: PeripheralCompartment(
            volumeLiters: .assumption(300, "see central volume; Vss 2.5–5 L/kg [M] (§2.5) is lower"),
            intercompartmentalClearanceLitersPerHour: .assumption(120, "gives an IV terminal t½ of 7.4 h, just above 1.2–7.2 h [R] (Mayo Clinic Labs, §2.5); with these volumes and CL it cannot fall below ln 2 · Vss/CL = 6.4 h")),
        effectSiteRatePerHour: Sourced(0.24, "[R] biophase equilibration t½ 173 min (Yassen et al. 2007 Clin Pharmacokinet 46:965)"),
        fractionUnbound: Sourced(0.04, "[R] 96 % protein bound (§2.5)"),
        bindings: [
            agonist(.mu, ki: Sourced(0.088, "[R] antagonist-Ki 0.088 nM (Synapse 1999;34:83); reproduces Greenwald 2003 PET occupancy vs dose (rhMOR 0.2157 [M] gives too little)"),
                    efficacy: Sourced(0.37, "[C] respiratory ceiling 50 % (Dahan 2005 [R]): respiration coupling 3.5 × ε × (occupancy ≈ 0.9 × surface 0.86) ≈ 1 gives half-maximal depression (Model2Design.md §8); weak partial agonist in LC neurons (Virk et al. 2009 [R]) once receptor reserve is lost"),
                    bias: Sourced(0, "[R] no MOR internalization; blocks ME-induced internalization (Virk et al. 2009 J Neurosci 29:7341)"),
                    kon: Sourced(11.7, "[C] koff 0.0172 /min = 1.03 /h (Yassen 2007 [R], dissociation t½ 40 min) over Ki 0.088 nM")),
            antagonist(.delta, ki: Sourced(1.15, "[R] antagonist-Ki (Synapse 1999;34:83)")),
            antagonist(.kappa, ki: Sourced(0.072, "[R] antagonist-Ki (Synapse 1999;34:83)")),
        ],
        metabolites: [
            MetaboliteFormation(
                metabolite: "norbuprenorphine",
                formationFraction: .assumption(0.3, "CYP3A4 N-dealkylation (pharmacology.md §2.5 [R]) as a share of clearance; the share is not in stored sources"),
                firstPassFraction: .assumption(0.3, "the swallowed part of a sublingual dose is N-dealkylated on first pass as systemically; with the systemic share gives a norbuprenorphine peak below 1 ng/mL after 4 mg SL (Kuhlman et al. 1996 J Anal Toxicol 20:369 [R])")),
        ])

    /// Norbuprenorphine: buprenorphine's active N-dealkylated metabolite. A P-glycoprotein
    /// substrate with little brain entry, so its plasma levels (similar to or above the
    /// parent's in maintenance) add little to buprenorphine's central effect.
    static let norbuprenorphine = Drug(
        id: "norbuprenorphine", name: "norbuprenorphine",
        molarMassGramsPerMole: .assumption(413.6, "C25H35NO4, computed from formula"),
        routes: [],
        centralVolumeLiters: .assumption(1500, "no human IV data; a large volume as the parent's (Vss about 8 L/kg here)"),
        clearanceLitersPerHour: .assumption(20, "no human IV data; with the volume gives t½ 52 h, longer than the parent's, as observed after SL and IV doses (Kuhlman et al. 1996 [R])"),
        effectSiteRatePerHour: .assumption(0.24, "as buprenorphine"),
        fractionUnbound: .assumption(0.1, "highly bound, as buprenorphine (96 %) [M]"),
        brainPartition: .assumption(0.01, "P-glycoprotein substrate with little brain entry (Brown et al. 2012 [M]); its share of respiratory depression (pharmacology.md §2 [R], Cowan 2007) is not modelled: 1 % taken"),
        bindings: [
            agonist(.mu, ki: Sourced(1, "[M] sub- to low-nanomolar mu affinity (Huang et al. 2001 J Pharmacol Exp Ther 297:688, recalled)"),
                    efficacy: .assumption(0.7, "more efficacious than the parent at mu (Huang 2001 [M])"), bias: lowBias),
            agonist(.delta, ki: Sourced(1, "[M] potent delta agonist (Huang 2001, recalled)"), efficacy: .assumption(0.7, "as at mu"), bias: lowBias),
            antagonist(.kappa, ki: .assumption(10, "weaker than the parent at kappa")),
        ])

    static let mitragynine = Drug(
        id: "mitragynine", name: "mitragynine (kratom)",
        molarMassGramsPerMole: .assumption(398.5, "C23H30N2O4, computed from formula"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(0.2, "[M] ≈20 % (rodent; §3)"),
                            absorptionRatePerHour: Sourced(2.5, "[C] median Tmax 1.0–1.3 h after single doses (Huestis et al. 2024 Molecules 29:984 [R])")),
        ],
        centralVolumeLiters: Sourced(239, "[C] V1/F ≈ dose / Cmax = 39 mg / 81.9 nM = 1195 L (Tanna 2022, DMD 2023 review Table 3 [R]; two-compartment model with central elimination) × assumed F 0.2"),
        clearanceLitersPerHour: Sourced(46.6, "[C] CL/F 233 L/h (Tanna 2022 [R]) × assumed F 0.2"),
        peripheral: PeripheralCompartment(
            volumeLiters: Sourced(2301, "[C] Vz/F 12,700 L (Tanna 2022 [R]) × F 0.2 = 2540 L, minus V1"),
            intercompartmentalClearanceLitersPerHour: Sourced(195.5, "[C] gives the terminal t½ 45.3 h (Tanna 2022 [R]) with V1, V2 and CL")),
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
                formationFraction: Sourced(0.13, "[C] CYP3A4 conversion (Kamble 2023 [R]); 7-OH/mitragynine concentration ratio 0.20–0.31 after a single dose (Huestis 2024 [R]), midpoint 0.25 × CL(7-OH)/CL(MG) = 0.25 × 24.5/46.6"),
                firstPassFraction: .assumption(0, "presystemic 7-OH formation not quantified in humans; with F 0.2 any first-pass share comparable to the systemic one makes 7-OH exceed the parent, against ratio 0.20–0.31 (Huestis 2024 [R])")),
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
