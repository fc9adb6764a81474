// Methocinnamox (MCAM): a pseudo-irreversible mu antagonist. Its mu blockade outlasts the drug
// by days because bound receptors are removed only by turnover and replaced only by synthesis.

extension DrugLibrary {
    /// MCAM is a preclinical compound (no human data): the disposition is a stated assumption
    /// around the short plasma half-life reported after subcutaneous dosing in animals.
    static let methocinnamox = Drug(
        id: "methocinnamox", name: "methocinnamox (MCAM, irreversible mu antagonist, tool compound)",
        molarMassGramsPerMole: .assumption(484.6, "C30H32N2O4, computed from formula"),
        routes: [
            .intravenous(.ivBolus),
            RouteParameters(route: .intramuscular, bioavailability: .assumption(1, "parenteral; animal doses are subcutaneous, given through the im route"),
                            absorptionRatePerHour: .assumption(4, "no data; Tmax ≈0.5 h")),
        ],
        centralVolumeLiters: .assumption(210, "no human PK: 3 L/kg for a lipophilic morphinan"),
        clearanceLitersPerHour: Sourced(125, "[C] ln 2 × 210 L / 70 min: plasma t½ ≈70 min after subcutaneous dosing in animals (methocinnamox review entry, grokipedia [R-low])"),
        effectSiteRatePerHour: .assumption(2, "lipophilic morphinan, as naltrexone-like antagonists"),
        fractionUnbound: .assumption(0.5, "not found"),
        bindings: [
            antagonist(.mu, ki: Sourced(0.6, "[M] sub-nM MOR affinity (Broadbear et al. 2000, recalled); binding is pseudo-irreversible: reversal requires new receptor synthesis (Jordan et al. 2022 Pharmacy 10:48 [R])"),
                       irreversible: true),
            antagonist(.delta, ki: Sourced(2.2, "[M] competitive, reversible at DOR (Broadbear 2000, recalled; reversible at delta and kappa, Jordan 2022 [R])")),
            antagonist(.kappa, ki: Sourced(4.9, "[M] competitive, reversible at KOR (recalled)")),
        ])
}
