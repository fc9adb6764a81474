// Carfentanil: the ultra-potent fentanyl analogue of the illicit supply. No clinical PK exists:
// the disposition is the FDA overdose model's (fentanyl's rate constants scaled to match the
// terminal t½ of about 45 min reported from PET tracer doses), the binding its in-vitro kinetics.
// Section numbers refer to /work/shared/reference/pharmacology.md.

extension DrugLibrary {
    static let carfentanil = Drug(
        id: "carfentanil", name: "carfentanil",
        molarMassGramsPerMole: Sourced(394.5, "[R] FDA model code (§1.2)"),
        routes: [
            .intravenous(.ivBolus),
            RouteParameters(route: .intranasal, bioavailability: .assumption(0.7, "as fentanyl's intranasal (§3 [M]); no human data"),
                            absorptionRatePerHour: .assumption(5, "as fentanyl's intranasal")),
        ],
        centralVolumeLiters: Sourced(11.96, "[C] FDA carfentanil model (fentanyl's constants with k21 × 10; §1.2 [R]): V1 10.5 L + shallow 1.46 L (k12 0.0032, k21 0.023 /s) lumped into central"),
        clearanceLitersPerHour: Sourced(7.56, "[C] k10 0.0002 /s (fentanyl's / 10) × V1 10.5 L (FDA carfentanil model, §1.2 [R])"),
        peripheral: PeripheralCompartment(
            volumeLiters: Sourced(1.64, "[C] k13 0.00036, k31 0.0023 /s × V1 10.5 L (FDA model: fentanyl's k13 / 10, k31 × 10; §1.2)"),
            intercompartmentalClearanceLitersPerHour: Sourced(13.6, "[C] k13 × V1 (FDA model)")),
        effectSiteRatePerHour: Sourced(600, "[R] biophase k1 10/60 /s, 'arbitrarily large' for lack of clinical data (FDA model code, §1.2)"),
        fractionUnbound: .assumption(0.16, "as fentanyl (no data), so the two are compared on the same footing"),
        bindings: [
            agonist(.mu, ki: Sourced(0.0229, "[C] kinetic Kd (Koff/Kon)^(1/n) = 22.9 pM (FDA model, Mann et al. 2022 CPT 112:1020; §1.1)"),
                    efficacy: .assumption(1, "full agonist, as fentanyl"),
                    bias: .assumption(1, "as fentanyl"),
                    kon: Sourced(38.8, "[C] koff 2.467e-4 /s = 0.888 /h (dissociation t½ 47 min) over Kd 0.0229 nM (FDA code; §1.1)")),
            agonist(.delta, ki: Sourced(3.3, "[M] delta Ki about 3 nM (rat brain, recalled)"), efficacy: .assumption(1, "full"), bias: .assumption(1, "as at mu")),
            agonist(.kappa, ki: Sourced(43, "[M] kappa Ki about 40 nM (recalled)"), efficacy: .assumption(1, "full"), bias: .assumption(1, "as at mu")),
        ])
}
