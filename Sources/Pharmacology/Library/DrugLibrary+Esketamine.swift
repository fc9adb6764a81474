// Esketamine (S-ketamine): the intranasal NMDA channel blocker for depression (Spravato).
// Section numbers refer to /work/shared/reference/pharmacology.md.

extension DrugLibrary {
    /// Esketamine: the more potent enantiomer of ketamine at the NMDA channel. Its
    /// N-demethylated metabolite is pooled with `norketamine` (the racemate's parameters).
    static let esketamine = Drug(
        id: "esketamine", name: "esketamine (S-ketamine)",
        molarMassGramsPerMole: .assumption(237.7, "C13H16ClNO, as ketamine; doses are read as base"),
        routes: [
            RouteParameters(route: .intranasal, bioavailability: Sourced(0.48, "[M] mean absolute bioavailability about 48 % after the nasal spray (Spravato label §12.3, recalled)"),
                            absorptionRatePerHour: Sourced(4, "[C] Tmax 20–40 min after the last spray (Spravato label §12.3 [M]): ka 4 /h gives a peak at about 30 min with this disposition")),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
        ],
        centralVolumeLiters: .assumption(200, "central volume not in stored sources; with the peripheral volume gives Vss 709 L (label)"),
        clearanceLitersPerHour: Sourced(89, "[M] mean clearance about 89 L/h after IV esketamine (Spravato label §12.3, recalled)"),
        peripheral: PeripheralCompartment(
            volumeLiters: Sourced(509, "[C] Vss 709 L (Spravato label §12.3 [M]) − central 200 L"),
            intercompartmentalClearanceLitersPerHour: Sourced(80, "[C] gives a terminal t½ of 9.2 h: label 7–12 h [M]")),
        effectSiteRatePerHour: .assumption(13.9, "as ketamine: t½ke0 3 min"),
        fractionUnbound: Sourced(0.57, "[M] plasma protein binding 43–45 % (Spravato label §12.3, recalled)"),
        bindings: [
            // Opioid affinities are micromolar (as ketamine's): omitted.
            antagonist(.nmda, ki: Sourced(300, "[M] S-ketamine about 3–4 times R-ketamine at the PCP site; the racemate's 500 nM (verified-parameters.md §15.10) × 0.6"), inverse: true),
        ],
        metabolites: [
            MetaboliteFormation(
                metabolite: "norketamine",
                formationFraction: .assumption(0.6, "as ketamine's molar systemic formation (verified-parameters.md §15.10); noresketamine pooled with norketamine"),
                firstPassFraction: .assumption(0.6, "as ketamine's presystemic formation (swallowed share of a nasal dose)")),
        ])
}
