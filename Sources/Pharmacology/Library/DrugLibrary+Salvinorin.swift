// Salvinorin A: the kappa agonist of Salvia divinorum, smoked or vaporized for effects that peak
// within 2 minutes and are gone by about 20 (Johnson et al. 2011). The library has no inhaled
// route: an inhaled dose is written as an IV bolus of the amount that reaches the blood (the
// share absorbed from vapour is not reported). The disposition is built from primate data: a
// fast distribution phase with the baboon brain's clearance t½ of 8 min (Hooker et al. 2008
// PET) and a small slow phase with the rhesus elimination t½ of 57 min (Schmidt et al. 2005);
// its volumes are assumptions.

extension DrugLibrary {
    /// Salvinorin A: potent, selective, high-efficacy kappa agonist with an ultrashort action.
    static let salvinorinA = Drug(
        id: "salvinorin_a", name: "salvinorin A (kappa agonist)",
        molarMassGramsPerMole: .assumption(432.5, "C23H28O8, computed from formula"),
        routes: [
            .intravenous(.ivBolus),
        ],
        centralVolumeLiters: .assumption(35, "0.5 L/kg; no volume reported for humans or primates in the stored sources"),
        clearanceLitersPerHour: Sourced(141.6, "[C] k10 4.04 /h × V1 35 L: with the peripheral compartment gives the two primate half-lives, 8 min (brain clearance after [11C]salvinorin A in baboons, Hooker et al. 2008 NeuroImage 41:1044 [R]) and 57 min (elimination t½ 56.6 ± 24.8 min after 0.032 mg/kg IV in rhesus, Schmidt et al. 2005 Synapse 58(3) [R]); ester hydrolysis in blood may explain a clearance above liver blood flow"),
        peripheral: PeripheralCompartment(
            volumeLiters: .assumption(35, "equal to the central volume, so the two half-lives of 8 and 57 min can be met (with a 10-fold larger one they cannot)"),
            intercompartmentalClearanceLitersPerHour: Sourced(33.1, "[C] k12 = k21 = 0.944 /h: with k10 4.04 /h the disposition rates are ln 2 / 8 min and ln 2 / 57 min (Hooker 2008; Schmidt 2005 [R]); the slow phase carries about 5 % of an IV dose")),
        effectSiteRatePerHour: Sourced(400, "[C] brain peak 40 s after IV [11C]salvinorin A in baboons (Hooker et al. 2008 [R]): with the 8-min distribution phase ke0 400 /h (t½ 6 s) puts the effect-site peak at 40 s"),
        fractionUnbound: .assumption(0.5, "not reported"),
        brainPartition: Sourced(1, "[R] extremely rapid brain uptake, 3.3 % of the dose in the baboon brain at 40 s (Hooker et al. 2008): passive entry"),
        bindings: [
            // No mu, delta or other activity (Roth 2002: none at 50 receptors, transporters and channels).
            agonist(.kappa, ki: Sourced(1.9, "[M] Ki about 1.9 nM at cloned KOR (Roth et al. 2002 PNAS 99:11934 and later assays, as cited in issue 16; the stored abstract gives no number)"),
                    efficacy: Sourced(1, "[R] selective high-efficacy KOR agonist (Butelman & Kreek 2015 Front Pharmacol 6:190; Roth et al. 2002)"),
                    bias: .assumption(1, "as U-50,488: recruits arrestin and internalizes KOR (recalled, not verified in stored sources)")),
        ])
}
