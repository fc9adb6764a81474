// Peripherally restricted opioids: loperamide (mu agonist kept out of the brain by
// P-glycoprotein) and methylnaltrexone (quaternary mu antagonist).

extension DrugLibrary {
    /// Loperamide. Its true oral bioavailability is ≈0.3 % (label [R]); the model uses the
    /// apparent disposition (V/F, CL/F with F = 1), which gives the same plasma levels.
    static let loperamide = Drug(
        id: "loperamide", name: "loperamide (peripheral mu agonist)",
        molarMassGramsPerMole: .assumption(477.0, "C29H33ClN2O2 base, computed from formula"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(1, "apparent disposition (V/F, CL/F), F = 1 by convention; true systemic bioavailability ≈0.3 % (Imodium product information [R])"),
                            absorptionRatePerHour: Sourced(0.43, "[C] capsule Tmax 5.2 ± 0.3 h with t½ 10.8 h (Killinger et al. 1979 J Clin Pharmacol 19:211 [R])")),
        ],
        centralVolumeLiters: Sourced(4090, "[C] apparent V/F: peak 0.7 ng/mL after 4 mg oral [R-low] (pharmamedix monograph) with ka 0.43 /h and t½ 10.8 h"),
        clearanceLitersPerHour: Sourced(262, "[C] ln 2 × V/F / 10.8 h: elimination t½ 10.8 ± 0.6 h after 8 mg (Killinger 1979 [R]; label 9.1–14.4 h)"),
        effectSiteRatePerHour: .assumption(1, "lipophilic; brain entry limited by efflux, not by equilibration rate"),
        fractionUnbound: Sourced(0.05, "[R] plasma protein binding ≈95 %, mainly albumin (Imodium product information)"),
        brainPartition: Sourced(0.074, "[C] 1/13.5: brain [3H]loperamide 13.5-fold higher in P-gp (mdr1a) knockout mice 4 h after dosing (Schinkel et al. 1996, cited in pharmacologicalsciences.us [R-low]), with Kp,uu 1 without P-gp (assumption); with quinidine P-gp inhibition 16 mg depresses breathing (Sadeque et al. 2000 Clin Pharmacol Ther 68:231 [R])"),
        bindings: [
            agonist(.mu, ki: Sourced(3, "[M] ≈3 nM at MOR (DeHaven-Hudkins et al. 1999 JPET, recalled)"),
                    efficacy: .assumption(0.9, "full agonist in the gut (antidiarrhoeal) [R, label: binds gut-wall opiate receptors]"),
                    bias: .assumption(0.5, "internalizes MOR [M]")),
            agonist(.delta, ki: Sourced(48, "[M] (DeHaven-Hudkins 1999, recalled)"), efficacy: .assumption(0.9, "as at mu"), bias: .assumption(0.5, "as at mu")),
        ])

    /// Methylnaltrexone. Doses are of the bromide salt as labelled (molar mass of the salt);
    /// published plasma levels are of the methylnaltrexone cation (356.4 g/mol).
    static let methylnaltrexone = Drug(
        id: "methylnaltrexone", name: "methylnaltrexone (peripheral mu antagonist)",
        molarMassGramsPerMole: .assumption(436.3, "bromide salt C21H26NO4·Br, computed from formula: doses are labelled as the salt (Relistor 12 mg)"),
        routes: [
            RouteParameters(route: .intramuscular, bioavailability: Sourced(0.82, "[R] absolute bioavailability of 0.30 mg/kg subcutaneous vs IV 82 % (Relistor Swiss product information); subcutaneous given through the im route"),
                            absorptionRatePerHour: Sourced(3, "[C] subcutaneous Tmax ≈0.5 h (product information [R])")),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
        ],
        centralVolumeLiters: .assumption(35, "Vss 1.1 L/kg = 77 L [R] split 35 + 42 L so that the peak after 0.15 mg/kg SC is near 117 ng/mL"),
        clearanceLitersPerHour: Sourced(39.1, "[C] F · dose / AUC = 0.82 × 8.58 mg cation (0.15 mg/kg bromide, 70 kg) / 180 ng·h/mL (product information [R])"),
        peripheral: PeripheralCompartment(
            volumeLiters: .assumption(42, "Vss 77 L − V1 (Vss 1.1 L/kg [R])"),
            intercompartmentalClearanceLitersPerHour: .assumption(4, "gives the terminal t½ ≈8 h (label ≈8 h; 8–13 h Swiss product information [R])")),
        effectSiteRatePerHour: .assumption(1, "peripheral antagonist; brain entry negligible anyway"),
        fractionUnbound: Sourced(0.86, "[R] 11.0–16.4 % bound to plasma proteins (product information)"),
        brainPartition: .assumption(0.001, "permanently charged quaternary amine, peripherally restricted: does not reverse central opioid analgesia (Rotshteyn et al. 2011 Expert Opin Drug Metab Toxicol 7:227 [R]); 10-fold below 6β-naltrexol's 0.01"),
        bindings: [
            antagonist(.mu, ki: Sourced(10, "[M] mu-selective (Rotshteyn 2011 [R]); Ki ≈10 nM recalled")),
            antagonist(.kappa, ki: Sourced(30, "[M] ≈3-fold weaker at kappa (recalled)")),
        ])
}
