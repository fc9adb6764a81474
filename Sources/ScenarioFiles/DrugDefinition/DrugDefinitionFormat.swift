import Pharmacology

/// The keys of a drug defined as data (a scenario's `drugs: [...]`, a `--library` file), in
/// the order `receptor-sim drugs --export` writes them.
///
/// Every numeric key is the last part of the parameter's dotted name in `ParameterCatalog`
/// (`routes.oral.bioavailability` of drug `x` is the parameter `x.oral.bioavailability`), so a
/// definition, an override and `receptor-sim parameters` use one vocabulary, and the definition
/// is checked against the catalogue's ranges rather than ranges of its own. Each number is
/// either a bare number or `{ value: 1.2, source: "paper, table" }`, and a number calibrated
/// with `receptor-sim fit` also carries its record, `fit: { studies, se_ln, date }`, so the
/// parameter reference can list it as fitted.
enum DrugDefinitionFormat {
    static let drugKeys = [
        "id", "name", "molar_mass_g_per_mol", "routes", "central_volume_l", "clearance_l_per_h", "half_life_h",
        "peripheral_volume_l", "intercompartmental_clearance_l_per_h",
        "deep_peripheral_volume_l", "deep_intercompartmental_clearance_l_per_h",
        "ke0_per_h", "fraction_unbound", "brain_partition", "bindings", "modulations", "metabolites",
    ]
    static let routeKeys = ["bioavailability", "absorption_rate_per_h", "lag_h", "slow_depot_fraction", "slow_absorption_rate_per_h", "slow_lag_h", "slow_release_duration_h", "slow_bolus_fraction", "slow_bolus_duration_h"]
    static let bindingKeys = ["class", "ki_nM", "kon_per_nM_per_h", "efficacy", "arrestin_bias", "irreversible"]
    static let modulationKeys = ["modulator_kd_nM", "affinity_factor", "efficacy_factor"]
    static let metaboliteKeys = ["formation_fraction", "first_pass_fraction", "cyp2d6"]
    /// The phenotypes of a metabolite's `cyp2d6: { poor, intermediate, ultrarapid }`: factors
    /// on a normal metabolizer's formation (the normal metabolizer's own factor is 1 and is not
    /// written); their range is the catalogue's `ParameterRange.cyp2d6Factor`. The formation a
    /// factor scales must also stay a share of the parent's clearance (factor x fraction at most
    /// 1), checked with the fractions.
    static let cyp2d6Keys = ["poor", "intermediate", "ultrarapid"]
    static let sourcedKeys = ["value", "source", "fit"]
    /// The calibration record of a fitted number: `fit: { studies: ["id", ...], se_ln: 0.12,
    /// date: "2026-12-07" }`, as `receptor-sim fit` reports it (`FitRecord`).
    static let fitRecordKeys = ["studies", "se_ln", "date"]
    /// The keys a scenario may give for a drug of its `--library` file (an amendment): the
    /// non-numeric properties. Numbers of a library drug are changed with `parameters`.
    static let amendmentKeys = ["id", "name", "bindings"]
    static let amendmentBindingKeys = ["class", "irreversible"]
    /// The wrapper of a library file: `{ drugs: [...] }`.
    static let libraryFileKeys = ["description", "drugs"]

    /// The source recorded for a number given without one.
    static let unsourced = "no source given in the drug definition"

    /// Longest drug id; ids become parts of column and parameter names.
    static let maximumIDLength = 64

    /// Names a drug id must not take: the receptors, the peptides (parameter names begin with
    /// them) and `model` (the physiology prefix).
    static func reservedIDs(peptides: [String]) -> Set<String> {
        Set(ReceptorKind.allCases.map(\.rawValue) + peptides + ["model"])
    }

    /// Why `id` cannot name a drug, or nil: lower-case letters, digits and underscores,
    /// starting with a letter (ids are parts of CSV column and parameter names).
    static func idProblem(_ id: String) -> String? {
        let scalars = Array(id.unicodeScalars)
        guard let first = scalars.first, ("a"..."z").contains(first) else {
            return "a drug id must start with a lower-case letter (ids become parts of column and parameter names), found '\(id)'"
        }
        if scalars.count > maximumIDLength {
            return "a drug id must have at most \(maximumIDLength) characters, found \(scalars.count)"
        }
        for scalar in scalars where !(("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_") {
            return "a drug id may contain only lower-case letters, digits and '_' (ids become parts of column and parameter names), found '\(id)'"
        }
        return nil
    }

    /// True for a calendar date written yyyy-mm-dd (month 1-12, day 1-31).
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
