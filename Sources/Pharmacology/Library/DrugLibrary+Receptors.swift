// Receptor, peptide and physiology values of the built-in library.
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
    static func opioidReceptor(_ kind: ReceptorKind, transducer: Double, adaptationGain: Double,
                               chaperone: Double, chaperoneReason: String? = nil) -> ReceptorParameters {
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
            antagonistEndocytosisFactor: .assumption(
                chaperone, chaperoneReason ?? "antagonist as pharmacological chaperone (Unterwald & Howells, §5.4); tuned so chronic "
                    + "naltrexone gives ≈+60–90 % MOR, +20–40 % DOR and little KOR change in 7–8 d (Lesscher 2003; Yoburn lab, §5.4)"),
            constitutiveActivity: .assumption(0.01, "small constitutive activity (naloxone is inverse at constitutively active MOR, §4)"),
            transducerHalfMaxStimulus: .assumption(
                transducer, "receptor reserve: half-maximal response at a small fraction of receptors activated "
                    + "(LC ME response, Williams & North 1984, §4)"),
            synthesisFeedbackGain: .assumption(
                0.5, "slow transcriptional homeostasis; modest because naltrexone up-regulation occurs without mRNA change (§5.4)"),
            synthesisFeedbackHalfLifeHours: .assumption(72, "transcriptional control over days"),
            adaptationGain: .assumption(
                adaptationGain, "cAMP superactivation cancels most of a sustained response (Avidor-Reiss 1995, §5.5)"),
            adaptationHalfLifeHours: Sourced(
                30, "[R] tolerance-compartment t½ 26 ± 6 h (Ekblom, Hammarlund-Udenaes & Paalzow 1993 JPET 266:244; §7.1); upper half of the range"))
    }

    static let builtInReceptors: [ReceptorParameters] = [
        opioidReceptor(.mu, transducer: 0.3, adaptationGain: 0.8, chaperone: 0.75),
        opioidReceptor(.delta, transducer: 0.3, adaptationGain: 0.8, chaperone: 0.85),
        opioidReceptor(.kappa, transducer: 0.5, adaptationGain: 0.5, chaperone: 1.75, chaperoneReason:
            "no chaperone effect at KOR; > 1 offsets the dynorphin-driven KOR internalization that blockade removes "
                + "(at 1.0 chronic naltrexone gave KOR +56 % in 4 weeks); tuned so 50 mg/day naltrexone changes total KOR "
                + "by ≈ +10 % (κ up only in cortex, Lesscher 2003 Eur J Neurosci 17:1006 [R]; §5.4); consistent with the "
                + "decrease of κ binding after buprenorphine in rats (Synapse 1999;34:83 [R])"),
        ReceptorParameters(
            kind: .nmda,
            turnoverHalfLifeHours: .assumption(48, "as opioid receptors; no NMDA turnover modelled in detail"),
            internalFraction: .assumption(0.1, "as opioid receptors"),
            recyclingHalfLifeHours: .assumption(0.75, "as opioid receptors"),
            desensitizationRatePerHour: .assumption(0, "channel block does not desensitize"),
            resensitizationHalfLifeHours: .assumption(0.12, "unused (no desensitization)"),
            arrestinInternalizationRatePerHour: .assumption(0, "no arrestin pathway for NMDA blockers"),
            antagonistEndocytosisFactor: .assumption(1, "no chaperone effect of channel blockers"),
            constitutiveActivity: .assumption(1, "free NMDA receptors conduct (glutamate tone); blockers silence them"),
            transducerHalfMaxStimulus: .assumption(1, "response proportional-ish to unblocked fraction"),
            synthesisFeedbackGain: .assumption(0, "no homeostatic NMDA synthesis modelled"),
            synthesisFeedbackHalfLifeHours: .assumption(72, "unused"),
            adaptationGain: .assumption(0, "no NMDA counter-adaptation modelled"),
            adaptationHalfLifeHours: .assumption(24, "unused")),
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

    static let builtInPeptides: [Peptide] = [
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
            ]),
    ]

    static let builtInPhysiology = Physiology(
        endorphinSuppressionGain: .assumption(
            0.7, "chronic agonist suppresses POMC/beta-endorphin production ≈20–40 % (Fang 1998 [R] direction; §6 magnitude [M])"),
        endorphinSuppressionHalfLifeHours: .assumption(48, "POMC mRNA changes over days (7-day pellets, Fang 1998)"),
        dynorphinInductionGain: .assumption(
            0.8, "prodynorphin mRNA +30–100 % with chronic drug or stress (§6 [M])"),
        dynorphinInductionHalfLifeHours: .assumption(72, "induction over days (Koob; §6)"),
        dynorphinDriveFromMu: .assumption(1, "chronic reward-drug exposure induces dynorphin (Spangler 1993; Koob; §6)"),
        dynorphinDriveFromStress: .assumption(0.3, "chronic stress raises dynorphin (Przewłocki 1987 Brain Res 413:213 [R])"),
        hedonicDeltaWeight: .assumption(0.5, "delta signalling potentiates mu output (MODEL.md §1)"),
        hedonicKappaWeight: .assumption(0.5, "kappa output opposes mu (MODEL.md §1)"),
        deficitReleaseFactor: .assumption(
            0.5, "opioid-deficit phenotype: low baseline endogenous release (Bandelow 2010; Prossin 2010), magnitude assumed"),
        deficitReceptorSynthesisFactor: .assumption(
            1.15, "opioid-deficit phenotype: compensatory receptor up-regulation (Prossin 2010 higher MOR availability [M]), magnitude assumed"),
        probeConcentrationNanomolar: .assumption(1.2, "probe = free brain concentration equal to the reference agonist's Ki"),
        probeKiNanomolar: Sourced(1.2, "[R] morphine MOR Ki (Chen 1991 Life Sci 48:2165): morphine is the reference agonist"),
        probeEfficacy: Sourced(0.93, "[C] morphine GTPγS 71 % vs DAMGO 76 % (Mol Pain 2011 7:9 Table 4)"))
}
