// Receptor, peptide and physiology values of the built-in library (its drugs are the data file
// Sources/BuiltInLibrary/Resources/drugs.json5).
// Sources: /work/shared/reference/pharmacology.md (sections cited as §n) and
// /work/research/verified-parameters.md; tags [R] read, [C] computed, [M] unverified recall.

extension Sourced {
    /// A value that is a modelling choice, with the reason.
    static func assumption(_ value: Double, _ reason: String) -> Sourced {
        Sourced(value, "model assumption: " + reason)
    }
    /// The default association rate for ligands without measured kinetics.
    static let defaultKon = Sourced(
        40, "model assumption: kon 40 /nM/h (≈ FDA fentanyl value 44) where no kinetic data exist; "
            + "koff = kon·Ki (verified-parameters.md §0)")
}

extension DrugLibrary {
    static func opioidReceptor(_ kind: ReceptorKind, chaperone: Sourced, degradedFraction: Sourced) -> ReceptorParameters {
        ReceptorParameters(
            kind: kind,
            turnoverHalfLifeHours: Sourced(
                48, "[C] MOR Bmax recovery to control 8 days after irreversible clocinnamox (Burke et al., JPET; "
                    + "pharmacology.md §5.3) → turnover t½ ≈ 1.5–3 d; 2 d chosen"),
            internalFraction: .assumption(0.1, "≈10 % of receptors in endosomes at rest"),
            recyclingHalfLifeHours: Sourced(
                0.75, "[R] recycling back over ≈60 min after DAMGO (Sf9 hMOR, Life Sci 2003;73:115); 30–60 min (§5.1)"),
            desensitizationRatePerHour: Sourced(
                4, "[C] 30–50 % decline of ME current in 5–10 min saturating agonist (Harris & Williams 1991 [M]; §5.1)"),
            resensitizationHalfLifeHours: Sourced(
                0.12, "[R] recovery from desensitization complete within 25 min (Dang & Williams 2004 J Neurosci 24:7699)"),
            arrestinInternalizationRatePerHour: Sourced(
                1.0, "[C] ≈40 % of surface MOR internalized after 30 min of 1 µM DAMGO (Life Sci 2003;73:115)"),
            chaperoneEndocytosisFactor: chaperone,
            agonistDegradedFraction: degradedFraction,
            constitutiveActivity: .assumption(0.01, "small constitutive activity (naloxone is inverse at constitutively active MOR, §4)"))
    }

    /// Part of the shipped library (`DrugLibrary.builtIn`, module BuiltInLibrary, whose drugs are data).
    package static let builtInReceptors: [ReceptorParameters] = [
        opioidReceptor(
            .mu,
            chaperone: .assumption(0.4, "antagonist-bound MOR leaves the surface less by constitutive endocytosis "
                + "(pharmacological chaperone, Unterwald & Howells, pharmacology.md §5.4; up-regulation without mRNA change, §9 item 16); "
                + "set so 7 days of naltrexone 50 mg/day give mu +30 to +90 % (Model2Design.md §5)"),
            degradedFraction: .assumption(0.05, "share of agonist-internalized MOR degraded per endosomal cycle. Native MOR recycles: "
                + "after DAMGO, internalized MOR was back at the surface by 6 h without protein synthesis and a second exposure "
                + "internalized as much as the first (46.9 vs 43.3 %; Minnis et al. 2003 Neuroscience 119:33 [R]), so a loss of more than "
                + "a few per cent per cycle is not seen; 0.05 keeps fentanyl and methadone below morphine (B2) while buprenorphine's "
                + "displacement of the tonic peptide route no longer raises mu by 28 % (B32; buprenorphine lowers mu binding in rat brain, "
                + "Belcheva et al., PMC2516495 [R]: −25 to −77 % in adult rats); 0.15 before (issue 15, Model2Design.md §5)")),
        opioidReceptor(
            .delta,
            chaperone: .assumption(0.6, "weaker chaperone effect at DOR (naltrexone occupies ≈21 % of DOR, Weerts 2008); Model2Design.md §5"),
            degradedFraction: .assumption(0.15, "share of agonist-internalized DOR degraded per cycle (placeholder, Model2Design.md §5)")),
        opioidReceptor(
            .kappa,
            chaperone: .assumption(1, "no chaperone effect at KOR: chronic antagonists leave KOR about unchanged outside cortex "
                + "(Lesscher 2003 Eur J Neurosci 17:1006 [R]); replaces model 1's tuned factor 1.75"),
            degradedFraction: .assumption(0, "agonist-internalized KOR recycles (placeholder, Model2Design.md §5)")),
        ReceptorParameters(
            kind: .nmda,
            turnoverHalfLifeHours: .assumption(48, "as opioid receptors; no NMDA turnover modelled in detail"),
            internalFraction: .assumption(0.1, "as opioid receptors"),
            recyclingHalfLifeHours: .assumption(0.75, "as opioid receptors"),
            desensitizationRatePerHour: .assumption(0, "channel block does not desensitize"),
            resensitizationHalfLifeHours: .assumption(0.12, "unused (no desensitization)"),
            arrestinInternalizationRatePerHour: .assumption(0, "no arrestin pathway for NMDA blockers"),
            chaperoneEndocytosisFactor: .assumption(1, "no chaperone effect of channel blockers"),
            agonistDegradedFraction: .assumption(0, "unused (no agonist internalization)"),
            constitutiveActivity: .assumption(1, "free NMDA receptors conduct (glutamate tone); blockers silence them")),
    ]

    static func agonist(_ receptor: ReceptorKind, ki: Sourced, efficacy: Sourced, bias: Sourced,
                        kon: Sourced = .defaultKon) -> ReceptorBinding {
        ReceptorBinding(receptor: receptor, kiNanomolar: ki, konPerNanomolarHour: kon,
                        efficacyClass: .agonist, efficacy: efficacy, arrestinBias: bias)
    }

    static func antagonist(_ receptor: ReceptorKind, ki: Sourced, inverse: Bool = false,
                           kon: Sourced = .defaultKon, irreversible: Bool = false) -> ReceptorBinding {
        ReceptorBinding(receptor: receptor, kiNanomolar: ki, konPerNanomolarHour: kon,
                        efficacyClass: inverse ? .inverseAgonist : .neutralAntagonist,
                        irreversible: irreversible)
    }

    static let peptideBias = Sourced(
        1, "[R] Met-enkephalin/DAMGO desensitize and internalize MOR (Virk & Williams 2008; §5.1)")

    /// Part of the shipped library (`DrugLibrary.builtIn`, module BuiltInLibrary, whose drugs are data).
    package static let builtInPeptides: [Peptide] = [
        Peptide(
            id: "endorphin", name: "beta-endorphin",
            baselineNanomolar: .assumption(0.1, "brain extracellular level giving ≈5–8 % resting MOR occupancy (endogenous tone)"),
            halfLifeHours: Sourced(1.55, "[R] CSF t½ 93 min after ICV beta-endorphin (Foley et al. 1979 PNAS 76:5377)"),
            bindings: [
                agonist(.mu, ki: Sourced(1.5, "[M] MOR Ki ≈1–3 nM (pharmacology.md §4)"),
                        efficacy: Sourced(1, "[R] GTPγS 89 % of max at rMOR-1 (Mol Pain 2011 7:9 Table 4): full agonist"),
                        bias: peptideBias),
                agonist(.delta, ki: Sourced(1.5, "[M] DOR Ki ≈1–3 nM (§4)"),
                        efficacy: .assumption(1, "full agonist at DOR"), bias: peptideBias),
                agonist(.kappa, ki: Sourced(75, "[M] KOR Ki ≈50–100 nM; low affinity [R] UniProt (§4)"),
                        efficacy: .assumption(1, "full agonist"), bias: peptideBias),
            ],
            stimulusGains: [
                .exercise: .assumption(1.5, "plasma beta-endorphin rises several-fold with intense exercise"),
                .socialContact: .assumption(0.6, "social contact releases endorphin (MODEL.md §1)"),
                .pain: .assumption(1.0, "pain-evoked endorphin release (stress-induced analgesia)"),
                .stress: .assumption(0.5, "co-release with ACTH under stress (§6)"),
            ]),
        Peptide(
            id: "enkephalin", name: "Met-enkephalin",
            baselineNanomolar: .assumption(0.3, "gives ≈20 % resting DOR occupancy"),
            halfLifeHours: Sourced(0.03, "[M] in-vivo degradation 'extremely rapid', seconds–2 min (Shibanoki 1992 [R] qualitative; §6)"),
            bindings: [
                agonist(.mu, ki: Sourced(5, "[M] MOR Ki ≈1–10 nM (§4)"),
                        efficacy: .assumption(1, "full agonist"), bias: peptideBias),
                agonist(.delta, ki: Sourced(1, "[M] DOR Ki ≈1 nM (§4)"),
                        efficacy: .assumption(1, "full agonist"), bias: peptideBias),
            ],
            stimulusGains: [
                .pain: .assumption(0.5, "enkephalin release in pain pathways"),
                .stress: .assumption(0.3, "adrenal/central enkephalin release under stress (§6)"),
                .exercise: .assumption(0.3, "modest release with exercise"),
            ]),
        Peptide(
            id: "dynorphin", name: "dynorphin A",
            baselineNanomolar: .assumption(0.05, "gives ≈15 % resting KOR occupancy"),
            halfLifeHours: Sourced(0.1, "[M] dyn A(1-13/1-17) relatively peptidase-resistant vs dyn(1-8) (Corbett 1982 [R]); plasma t½ ≈1 min [M]; 6 min chosen for tissue"),
            bindings: [
                agonist(.kappa, ki: Sourced(0.3, "[M] KOR Ki ≈0.1–0.5 nM; specific κ ligand (Chavkin 1982 Science 215:413 [R])"),
                        efficacy: .assumption(1, "full agonist"),
                        bias: .assumption(1, "high-efficacy peptide, internalizes KOR")),
                agonist(.mu, ki: Sourced(10, "[M] MOR Ki ≈1–30 nM (§4)"),
                        efficacy: Sourced(1, "[R] high efficacy at rMOR-1 GTPγS (§4)"), bias: peptideBias),
                agonist(.delta, ki: Sourced(15, "[M] DOR Ki ≈5–30 nM (§4)"),
                        efficacy: .assumption(1, "full agonist"), bias: peptideBias),
                antagonist(.nmda, ki: .assumption(500, "dynorphin blocks NMDA receptors at sub-µM–µM (MODEL.md §1)"),
                           inverse: true),
            ],
            stimulusGains: [
                .stress: Sourced(2.0, "model assumption: stress releases dynorphin (Bruchas 2010 Brain Res 1314:44 [R], magnitude assumed)"),
                .pain: .assumption(0.3, "spinal dynorphin rises with pain/stress (Przewłocki 1987 [R] qualitative)"),
                .socialRejection: .assumption(1, "dynorphin mediates social-defeat stress (seed 004)"),
            ]),
    ]

    /// Part of the shipped library (`DrugLibrary.builtIn`, module BuiltInLibrary, whose drugs are data).
    package static let builtInPhysiology = Physiology(
        endorphinSuppressionGain: .assumption(
            0.7, "chronic agonist suppresses POMC/beta-endorphin production ≈20–40 % (Fang 1998 [R] direction; §6 magnitude [M])"),
        endorphinSuppressionHalfLifeHours: .assumption(48, "POMC mRNA changes over days (7-day pellets, Fang 1998)"),
        dynorphinInductionGain: .assumption(
            0.8, "prodynorphin mRNA +30–100 % with chronic drug or stress (§6 [M])"),
        dynorphinInductionHalfLifeHours: .assumption(72, "induction over days (Koob; §6)"),
        dynorphinDriveFromDopamine: .assumption(1, "chronic dopamine elevation induces dynorphin (seed 004; Koob; §6)"),
        dynorphinDriveFromAdaptation: .assumption(
            3, "cAMP/CREB-driven prodynorphin with the reward-circuit counter-adaptation; gives dynorphin ≈ +35 % after 28 d "
                + "morphine (pharmacology.md §6: +30–100 % [M]); Model2Design.md §6.4"),
        dynorphinDriveFromStress: .assumption(0.3, "chronic stress raises dynorphin (Przewłocki 1987 Brain Res 413:213 [R])"),
        deficitReleaseFactor: .assumption(
            0.5, "opioid-deficit phenotype: low baseline endogenous release (Bandelow 2010; Prossin 2010), magnitude assumed"),
        deficitEvokedReleaseFactor: .assumption(
            0, "opioid-deficit phenotype: no endorphin or enkephalin release by stress or social rejection; sustained sadness "
                + "deactivated the endogenous opioid system in the NAc and hypothalamus of borderline patients against controls "
                + "(Prossin 2010 Am J Psychiatry 167:925 [R]), social rejection released less in major depression (Hsu 2015 Mol "
                + "Psychiatry 20:193 [R]); 0 is the nearest non-negative value to a deactivation, size unsourced (Model2Design.md §6.5)"),
        deficitReceptorSynthesisFactor: .assumption(
            1.15, "opioid-deficit phenotype: higher MOR availability at rest (Prossin 2010 Am J Psychiatry 167:925 [R] direction), magnitude assumed"),
        probeConcentrationNanomolar: .assumption(1.2, "probe = free brain concentration equal to the reference agonist's Ki"),
        probeKiNanomolar: Sourced(1.2, "[R] morphine MOR Ki (Chen 1991 Life Sci 48:2165): morphine is the reference agonist"),
        probeEfficacy: Sourced(0.93, "[C] morphine GTPγS 71 % vs DAMGO 76 % (Mol Pain 2011 7:9 Table 4)"),
        rewardCoupling: .assumption(
            12, "high reserve (LC/VTA mu responses saturate at low occupancy, Williams & North 1984 via model 1); buprenorphine "
                + "agonist-like in a naive subject, morphine 10 mg IV raises dopamine_tone ≈ 20 % (Model2Design.md §8)"),
        lcCoupling: .assumption(
            12, "as reward; buprenorphine is a weak partial agonist in LC (Virk 2009 [R]), which the operational model "
                + "reproduces once U > 0 (Model2Design.md §8)"),
        respirationCoupling: .fitted(
            3.3, FitRecord(studies: ["dahan-2005-fentanyl-2p9ugkg-respiratory-apnea", "dahan-1998-morphine-infusion-ve55"],
                             standardErrorLn: 0.122, date: "2026-12-07"),
            "re-fitted with mu.agonist_degraded_fraction 0.05 and buprenorphine's brain entry ke0 1.39 /h (slope 4 held): "
                + "unbounded the fit gives 3.277 (SE(ln) 0.121; fentanyl 0.082, morphine 0.60, both in band), which leaves "
                + "16 mg SL buprenorphine's lowest ventilation over a week at 0.652, just off Dahan 2005's 50 ± 15 % plateau; "
                + "so the fit ran within [3.3, 4] (3.3 the smallest value that keeps that row, 0.647) and sits on its lower "
                + "bound, 0.2 SE from the unbounded estimate. Before: 3.35 (fitted with f_mu 0.15 within [3.35, 4], 16 mg SL "
                + "0.69 once f_mu became 0.05 and ke0 stayed 0.24 /h), and 3.5 before that, set on fentanyl apnoea alone, which "
                + "made morphine 0.1 mg/kg IV + 0.03 mg/kg/h depress ventilation to 0.54 against VE55 0.70 (Dahan 1998) "
                + "(Model2Design.md §8.1)"),
        deltaRewardCoupling: .assumption(3, "moderate reserve of the delta potentiation (Model2Design.md §3.2)"),
        kappaCoupling: .assumption(4, "moderate reserve of the kappa/aversion circuit (Model2Design.md §3.2)"),
        respirationSlope: .assumption(
            4, "steep ventilatory collapse near apnea (Dahan 2005 dose-response; FDA model's exponent 2.9–4.2 on occupancy, "
                + "pharmacology.md §1.3 [R])"),
        deltaPotentiation: .assumption(0.5, "delta signalling potentiates mu output (seed 000; model 1's hedonic delta weight)"),
        lcACCoupling: .assumption(
            2, "the LC's own AC-path coupling κ_AC (Model2Design.md §4.2): with the pools opposing the AC path, Schuh 1996's "
                + "naloxone 0.3 mg at morphine 15 mg/day ('little effect', COWS ≤ 6.3) bounds it at about 2 (COWS 5.9 at 2, 6.4 "
                + "at 2.5, 8.7 at 6; §12 item 1, grid of consistent variants, 2026-12-08). Formerly 12, the prototype's choice"),
        rewardACCoupling: .assumption(2, "the reward circuit's own AC-path coupling, as the LC's (Model2Design.md §4.2, §12 item 1 grid)"),
        acOpposition: .assumption(
            1, "1: the AC-path inhibition opposes the adaptation in the signs, so steady exposure shows none (issue #15: adequate "
                + "maintenance suppresses withdrawal); 0, the prototype's choice (the circuit output with uncoupling), gave COWS "
                + "7.8 on a steady fentanyl infusion (Model2Design.md §4.2, §12 item 1 grid, 2026-12-08)"),
        toneLossShare: .assumption(
            0.1, "an LC output below control (tolerant endogenous tone, blocked or short of it) adds this share to the signs "
                + "of a dependent subject (naloxone excites LC neurons of morphine-dependent rats, Aghajanian 1978 Nature 276:186 [M], "
                + "and leaves them unchanged in naive ones, Korf, Bunney & Aghajanian 1974 [M]); the size "
                + "has no source: with the AC-path opposition of 2026-12-08 (ac_opposition 1) 0 and 0.3 give the same withdrawal rows "
                + "(Model2Design.md §12 item 1, grid); under the former output opposition 0.2 put methadone's peak at the edge of "
                + "72–96 h (§4.3, §12 item 11)"),
        toneLossHalfAdaptation: .assumption(
            0.02, "a sixth of the LC adaptation after 28 d of morphine (0.12), so the loss counts nearly fully in dependence "
                + "and not at all without adaptation (B8) (Model2Design.md §4.3)"),
        uncouplingOnsetHalfLifeHours: Sourced(
            26, "[R] tolerance-compartment t½ 26 ± 6 h (Ekblom, Hammarlund-Udenaes & Paalzow 1993 JPET 266:244; pharmacology.md §7.1)"),
        uncouplingRecoveryHalfLifeHours: .assumption(
            96, "recovery slower than onset; full recovery after a 12 h infusion took 18.5 d in rats (Ouellet & Pollack 1995 [R])"),
        uncouplingGain: .assumption(
            2.5, "set so 28 d morphine 30 mg q6h gives tolerance_index ≈ 0.35–0.4 and U_mu ≈ 0.55 (Model2Design.md §8)"),
        uncouplingArrestinIndependentShare: .assumption(
            0.5, "morphine (bias 0.1) still produces tolerance; Bohn 2000 (beta-arrestin-2 knock-out) for the arrestin-dependent part"),
        dependenceFastHalfLifeHours: .assumption(
            16, "12-20 h keep B29's precipitation peak within 15 min of naloxone and B4's peak in 24-72 h; 6 h moves B32's peak "
                + "past Fudala's 48-120 h, 20 h B29's peak time (Model2Design.md §12 item 1 grid, 2026-12-08). Formerly 30 h, "
                + "from Ekblom 1993's tolerance t½ 26 ± 6 h [R], which the uncoupling keeps"),
        dependenceFastGain: .assumption(
            0.8, "with the slow gain full compensation (total 1) of the AC-path inhibition the pools oppose, so maintenance "
                + "shows no signs (Model2Design.md §4.2, §12 item 1 grid); formerly 0.3 of a total 0.45"),
        dependenceSlowHalfLifeHours: .assumption(
            168, "weeks-scale protracted abstinence (SAMHSA 2010 Advisory 'weeks, months, sometimes years' [R]; Ouellet & Pollack 18.5 d [R])"),
        dependenceSlowGain: .assumption(
            0.2, "the slow share sets morphine's resolution: 0.2 puts it below 20 % of its peak at about day 7 (B4's day 5-10), "
                + "0.333 at 11-12 d, 0.1 at 4.6 d; a slow component stays at 3 weeks (Model2Design.md §12 item 1 grid); formerly 0.15"),
        smoothingWidth: .assumption(0.002, "numerical smoothing of max(0, x), 0.4 % of the response range"),
        uncouplingSmoothingWidth: .assumption(
            0.002, "numerical smoothing of the uncoupling drive σ(a − a_0), as the other drives'; 0.05 removes the solver's step "
                + "rejections but moves methadone's and buprenorphine's withdrawal peaks out of their bands (Benchmarks/RESULTS.md)"),
        lcExtrinsicSmoothingWidth: .assumption(
            0.02, "numerical smoothing of the LC extrinsic drive ρ(A − O), exact beyond w; σ of width 0.002 there cost the solver "
                + "320 of its 324 step rejections on 28 days of oral morphine; 0.03 and wider shorten morphine's withdrawal tail (B4) "
                + "(Benchmarks/RESULTS.md)"),
        nmdaShare: .assumption(
            0.5, "MK-801 attenuated, did not abolish, tolerance and dependence (Trujillo & Akil 1991 Science 251:85 [R])"),
        lcExtrinsicGain: .assumption(1, "glutamatergic (PGi) excitation of the LC in withdrawal (Model2Design.md §4.3)"),
        lcExtrinsicHalfLifeHours: .assumption(
            12, "moves the spontaneous withdrawal peak to ≈ 24 h (pharmacology.md §9 item 14: 24–72 h)"),
        ketaminePlasticityOnsetRatePerHour: .assumption(1, "NMDA-blockade-triggered plasticity builds within hours (seed 002)"),
        ketaminePlasticityHalfLifeHours: .assumption(
            72, "mood effect lasts about a week after one infusion (Talati & Sharma 2019 [R]: MADRS lower at 1 week)"),
        dopamineFloor: .assumption(0.35, "dopamine release without mu disinhibition (direction: Spanagel, Herz & Shippenberg 1992 [R])"),
        dopamineKappaInhibition: .assumption(
            0.6, "kappa at NAc terminals lowers dopamine (Spanagel 1992 [R]; KOR agonists inhibit VTA dopamine neurons, PMC6740851 [R])"),
        dysphoriaTonic: .assumption(0.2, "tonic aversive input (Model2Design.md §6.2)"),
        dysphoriaKappaWeight: .assumption(0.6, "kappa agonists are dysphoric (Herz 1988 [R])"),
        dysphoriaStressWeight: .assumption(
            0.1, "stress dysphoria is mainly dynorphin/KOR-mediated (Bruchas 2010 [R] via pharmacology.md §6), so its direct term is small"),
        dysphoriaPainWeight: .assumption(0.6, "pain is net aversive despite its endorphin release (review B21)"),
        dysphoriaRejectionWeight: .assumption(0.8, "social rejection, the core aversive stimulus of seed 000"),
        dysphoriaMuRelief: .assumption(0.8, "mu antagonism is aversive: a tonic reward pathway (Herz 1988 [R])"),
        dysphoriaKetamineRelief: .assumption(0.5, "ketamine lowers depressive mood for about a week (Talati & Sharma 2019 [R]); size assumed"),
        cowsHalfIndex: .fitted(
            1.346, FitRecord(studies: ["tompkins-2009-naloxone-0p4mg-im-cows-peak"], standardErrorLn: 0.287, date: "2026-12-08"),
            "estimate 1.346 (95 % 0.77-2.36) from the mean peak COWS 7.6 after naloxone 0.4 mg IM in 46 subjects on morphine "
                + "30 mg SC four times daily (Tompkins 2009 Drug Alcohol Depend 105:154 [R]; 14 d and the challenge 3 h after a dose "
                + "assumed), refitted under the dependence defaults of 2026-12-08 (k2-t16-s0.2, Model2Design.md §4.2, §12 item 1); "
                + "held back: the placebo session (COWS 1.3) and Tompkins 2014's 'resolved by day 7'. No published spontaneous COWS "
                + "time course was found (Model2Design.md section 12 item 9). Before: 0.85 (2026-12-07, estimate 0.847 under the "
                + "former dependence defaults), 0.8166 before the tone-loss term and naloxone's three-compartment disposition, and "
                + "0.4, set on the prototype so abrupt morphine cessation crossed COWS 12 at 12-16 h (EmergencyCareBC summary), "
                + "which the fitted value does not meet (Model2Design.md section 12 item 9)"))
}
