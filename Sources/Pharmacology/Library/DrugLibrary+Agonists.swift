// Mu agonists of the built-in library. Section numbers refer to /work/shared/reference/pharmacology.md;
// "VP" to /work/research/verified-parameters.md.

extension DrugLibrary {
    static let lowBias = Sourced(0.1, "[R] poor MOR internalizer, little LC desensitization (Whistler & von Zastrow 1998; Virk & Williams 2008; §5.1); 0.1 chosen")

    static let morphine = Drug(
        id: "morphine", name: "morphine",
        molarMassGramsPerMole: Sourced(285.34, "[R] verified-parameters.md §1 (PMC2014461 Table 1 note)"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(0.24, "[R] 23.9 % solution (Hoskin et al. 1989 Br J Clin Pharmacol 27:499); verified-parameters.md §1"),
                            absorptionRatePerHour: Sourced(3.4, "[C] from oral Tmax 45 min (Hoskin 1989) with k = 95/276 /h; verified-parameters.md §1")),
            RouteParameters(route: .intramuscular, bioavailability: Sourced(1.0, "[R] s.c. F 1.14 (Stuart-Harris 2000), capped at 1; IM taken = s.c. (verified-parameters.md §1)"),
                            absorptionRatePerHour: Sourced(15.6, "[C] s.c. Tmax 0.25 h (Stuart-Harris 2000 Br J Clin Pharmacol 49:207); verified-parameters.md §1")),
            RouteParameters(route: .subcutaneous, bioavailability: Sourced(1.0, "[R] s.c. F 1.14 ± 0.21 relative to IV (Stuart-Harris et al. 2000 Br J Clin Pharmacol 49:207), capped at 1"),
                            absorptionRatePerHour: Sourced(15.6, "[C] s.c. Tmax 0.25 h (Stuart-Harris 2000); verified-parameters.md §1")),
            RouteParameters(route: .oralExtendedRelease, bioavailability: Sourced(0.24, "[R] MS Contin label §12.3: the amount absorbed is essentially that of immediate-release oral morphine (F 23.9 %, Hoskin 1989); Savarese 1986 Clin Pharmacokinet 11:505 found 86 % of the solution's"),
                            absorptionRatePerHour: Sourced(0.4, "[C] gives Tmax 2.7 h with this disposition: 3× the solution's 0.75 h (Savarese et al. 1986 Clin Pharmacokinet 11:505 [R]: Tmax 3 times longer, absorption half-life twice; Hoskin 1989); MS Contin label: release slower than immediate-release")),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
        ],
        centralVolumeLiters: Sourced(276, "[R] apparent V 276 ± 72 L, one-compartment (Stuart-Harris et al. 2000 Table 1)"),
        clearanceLitersPerHour: Sourced(95, "[R] IV CL 1584 ± 408 mL/min (Stuart-Harris et al. 2000 Table 1)"),
        effectSiteRatePerHour: Sourced(0.25, "[R] t½ke0 2.8 h, pupil (Lötsch et al. 2001 Anesthesiology 95:1329); verified-parameters.md §1"),
        fractionUnbound: Sourced(0.62, "[R] PMC5321811 Table 1 (morphine PBPK, CPT:PSP 2017); verified-parameters.md §1"),
        brainPartition: Sourced(0.030, "[C] effective brain availability calibrated to the human pupil EC50 36.2 nM (Lötsch 2001) with Ki 1.2 nM and transducer τ ≈ 3 (verified-parameters.md §14b): P-gp efflux plus in-vivo vs membrane affinity"),
        bindings: [
            agonist(.mu, ki: Sourced(1.2, "[R] rat brain [3H]DAMGO (Chen et al. 1991 Life Sci 48:2165); in-vivo potency through brain_partition (verified-parameters.md §14b)"),
                    efficacy: Sourced(0.93, "[C] GTPγS 71 % vs DAMGO 76 % of max (Mol Pain 2011 7:9 Table 4)"), bias: lowBias),
            agonist(.delta, ki: Sourced(250, "[M] verified-parameters.md §1 (≥50-fold mu-selective)"),
                    efficacy: .assumption(0.9, "as at mu"), bias: lowBias),
            agonist(.kappa, ki: Sourced(80, "[M] verified-parameters.md §1 (not found in stored sources)"), efficacy: .assumption(0.5, "weak kappa partial agonism"), bias: lowBias),
        ],
        metabolites: [
            MetaboliteFormation(
                metabolite: "m6g",
                formationFraction: Sourced(0.0755, "[R] fm 0.0755 ± 0.0124 (Lötsch et al. 1998 Clin Pharmacol Ther 63:629)"),
                firstPassFraction: Sourced(0.0755, "[C] first-pass M6G = fm·(1−F)·dose reproduces 71 % presystemic M6G (Lötsch 1999); verified-parameters.md §1")),
        ])

    static let m6g = Drug(
        id: "m6g", name: "morphine-6-glucuronide",
        molarMassGramsPerMole: Sourced(461.5, "[R] free acid (verified-parameters.md §1)"),
        routes: [.intravenous(.ivBolus), .intravenous(.ivInfusion)],
        centralVolumeLiters: Sourced(13.2, "[R] Vss 13.2 ± 3.5 L (Acute Pain 2006;8(2), M6G IV in HV); verified-parameters.md §1"),
        clearanceLitersPerHour: Sourced(9.4, "[R] CL 157 ± 8 mL/min (same study)"),
        effectSiteRatePerHour: Sourced(0.108, "[R] t½ke0 6.4 h (Lötsch 2001)"),
        fractionUnbound: Sourced(0.67, "[R] Mashayekhi et al. 2010 DARU 18:107"),
        brainPartition: Sourced(0.0009, "[C] calibrated to the human pupil EC50 740.5 nM (Lötsch 2001) with Ki 0.6 nM and τ ≈ 3 (verified-parameters.md §14b)"),
        bindings: [
            agonist(.mu, ki: Sourced(0.6, "[R] rat brain (Chen 1991)"),
                    efficacy: Sourced(0.78, "[C] GTPγS 59 % of max / DAMGO 76 % (Mol Pain 2011 Table 4)"), bias: lowBias),
        ])

    static let oxycodone = Drug(
        id: "oxycodone", name: "oxycodone",
        molarMassGramsPerMole: Sourced(315.37, "[C] C18H21NO4 (verified-parameters.md §2)"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(0.87, "[R] Leow et al. 1992 Clin Pharmacol Ther 52:487 (label 60–87 %)"),
                            absorptionRatePerHour: Sourced(0.94, "[R] oral solution ka (Ladebo et al. 2020, popPK); verified-parameters.md §2")),
            RouteParameters(route: .oralExtendedRelease, bioavailability: Sourced(0.87, "[M] OxyContin label §12.3: oral bioavailability of the extended-release tablet as of immediate-release oxycodone (60–87 %); Leow 1992 value as for oral"),
                            absorptionRatePerHour: Sourced(1.124, "[R] fast phase: absorption half-life 37 min (Mandema et al. 1996 Br J Clin Pharmacol 42:747, abstract), ln 2 / 0.617 h"),
                            lagHours: Sourced(0.52, "[R] mean absorption lag 0.52 ± 0.33 h after oral oxycodone tablets (Leow et al. 1992 Ther Drug Monit 14:479); Mandema 1996 also fitted a lag to the oral solution. With it the single-dose Tmax is 2.95 h, the OxyContin SmPC's 'about 3 hours' (Reder et al. 1996 Clin Ther 18:95: 3.2 ± 2.2 h at steady state)"),
                            slowDepot: SlowDepot(
                                fraction: Sourced(0.62, "[R] biphasic release: 38 % fast, 62 % slow (Mandema et al. 1996 Br J Clin Pharmacol 42:747; OxyContin label §12.3)"),
                                absorptionRatePerHour: Sourced(0.1118, "[R] slow phase: absorption half-life 6.2 h (Mandema et al. 1996, abstract; as cited by a 2007 review, PMC1936259), ln 2 / 6.2 h"))),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
        ],
        centralVolumeLiters: Sourced(210, "[R] Vss 212 L (Leow 1992 CPT); verified-parameters.md §2 recommendation"),
        clearanceLitersPerHour: Sourced(48, "[R] 48.6 ± 26.5 L/h (Leow 1992 CPT); t½ 3.0 h [C]"),
        effectSiteRatePerHour: Sourced(3.0, "[R] pupil effect delay t½ 14 min (Ladebo 2020); verified-parameters.md §2"),
        fractionUnbound: Sourced(0.55, "[R] 45 % protein bound (FDA label, §3)"),
        brainPartition: Sourced(0.23, "[C] calibrated to the human pupil EC50 99–167 nM (Ladebo 2020) with Ki 25.87 nM and τ ≈ 3 (verified-parameters.md §14b)"),
        bindings: [
            agonist(.mu, ki: Sourced(25.87, "[M] rhMOR (Volpe et al. 2011 Regul Toxicol Pharmacol 59:385, table value recalled; band 1–100 nM [R]); in-vivo potency through brain_partition"),
                    efficacy: .assumption(0.85, "in-vivo efficacy below morphine (Pawar 2007 [R] ranking); verified-parameters.md §2"), bias: lowBias),
        ])

    static let fentanyl = Drug(
        id: "fentanyl", name: "fentanyl",
        molarMassGramsPerMole: Sourced(336.4, "[R] FDA model code (§1.2)"),
        routes: [
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
            RouteParameters(route: .intranasal, bioavailability: Sourced(0.7, "[M] IN ≈70–90 % (§3)"),
                            absorptionRatePerHour: .assumption(5, "nasal Tmax ≈10–15 min")),
            RouteParameters(route: .transdermal, bioavailability: Sourced(0.92, "[R] systemic bioavailability 0.92 ± 0.33 of the delivered fentanyl (Varvel et al. 1989 Anesthesiology 70:928)"),
                            absorptionRatePerHour: Sourced(0.041, "[C] skin depot release ln 2 / 17 h: after removal serum fentanyl falls with t½ 17.0 ± 2.3 h against 6.1 h after IV, the decline limited by release from a cutaneous depot (Varvel 1989 [R]); label 17 h (13–22). Depot at 24 h then 1.3 mg at 100 µg/h vs 1.07 ± 0.43 mg measured (Varvel 1989)"),
                            lagHours: Sourced(2, "[R] serum fentanyl not measurable until 2 h after application (Lehmann & Zech 1992 J Pain Symptom Manage 7:S8)")),
        ],
        centralVolumeLiters: Sourced(25.1, "[C] Algera 2020 3-cmt via FDA code: V1 10.5 L + shallow peripheral 14.6 L (k12 0.0032, k21 0.0023 /s) lumped into central"),
        clearanceLitersPerHour: Sourced(75.6, "[C] k10 0.002 /s × V1 10.5 L = 1.26 L/min (FDA code, Algera 2020; §1.2)"),
        peripheral: PeripheralCompartment(
            volumeLiters: Sourced(164, "[C] deep compartment k13 0.0036, k31 0.00023 /s × V1 10.5 L (FDA code; §1.2)"),
            intercompartmentalClearanceLitersPerHour: Sourced(136, "[C] k13 × V1 = 0.0378 L/s (FDA code)")),
        effectSiteRatePerHour: Sourced(10.8, "[R] biophase k1 0.003 /s (FDA code, t½ 3.85 min; §1.2)"),
        fractionUnbound: Sourced(0.16, "[M] ≈84 % protein bound"),
        bindings: [
            agonist(.mu, ki: Sourced(0.351, "[C] kinetic Kd (Koff/Kon)^(1/n) = 351 pM (FDA model, Mann et al. 2022 CPT 112:1020; §1.1)"),
                    efficacy: .assumption(1, "full agonist (reference high-efficacy opioid)"),
                    bias: Sourced(1, "[R] high internalization/desensitization (§5.1 ranking)"),
                    kon: Sourced(44, "[C] koff 4.331e-3 /s = 15.6 /h over Kd 0.351 nM (FDA code; verified-parameters.md §0)")),
            agonist(.delta, ki: Sourced(150, "[M] ≈150–1000 nM (§4)"), efficacy: .assumption(1, "full"), bias: .assumption(1, "as at mu")),
            agonist(.kappa, ki: Sourced(200, "[M] ≈200–1000 nM (§4)"), efficacy: .assumption(1, "full"), bias: .assumption(1, "as at mu")),
        ])

    static let methadone = Drug(
        id: "methadone", name: "methadone (racemic)",
        molarMassGramsPerMole: .assumption(309.4, "C21H27NO base, computed from formula"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(0.79, "[R] 79 ± 21 % (Nilsson, Clinical pharmacokinetics of methadone; §3)"),
                            absorptionRatePerHour: Sourced(0.6, "[C] Tmax ≈4 h (§3) with k ≈ 0.028 /h")),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
        ],
        centralVolumeLiters: Sourced(280, "[R] ≈4 L/kg × 70 kg (§3)"),
        clearanceLitersPerHour: Sourced(7.8, "[C] ln2·280 L/25 h; chronic t½ 25 (13–47) h [R] (§3)"),
        effectSiteRatePerHour: .assumption(0.5, "effect-site t½ ≈1.4 h; onset ≈30 min [R] (§3)"),
        fractionUnbound: Sourced(0.12, "[R] 85–90 % bound to alpha1-acid glycoprotein (§3)"),
        bindings: [
            agonist(.mu, ki: .assumption(34, "in-vivo agonist-state Ki: in-vitro rhMOR 3.378 nM [M] (Volpe 2011) × 10; with model 2's slow counter-adaptation pool it puts the withdrawal peak after 60 mg/day at ≈ 3.5–4 days (clinically 72–96 h, pharmacology.md §9 item 14); model 1's 120 nM gives +55 h (Model2Design.md §8)"),
                    efficacy: Sourced(1, "[R] full agonist (Synapse 1999;34:83)"),
                    bias: Sourced(0.4, "[R] desensitizes and internalizes MOR (Alvarez 2002 J Neurosci 22:5769); 0.4 chosen so chronic maintenance doses do not abolish surface MOR")),
            agonist(.delta, ki: Sourced(400, "[M] pharmacology.md §4 (≈400 nM)"), efficacy: .assumption(1, "full"), bias: .assumption(0.4, "as at mu")),
            antagonist(.nmda, ki: .assumption(5000, "S-methadone NMDA antagonism (§3), low-µM"), inverse: true),
        ])
}
