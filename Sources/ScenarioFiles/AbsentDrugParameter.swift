/// A parameter name whose drug is known but not in the scenario: such an override would change
/// nothing, so a scenario's `parameters` and a `--vary` refuse it, named for what it is.
package enum AbsentDrugParameter {
    /// The drug `name` belongs to (`fentanyl` of `fentanyl.clearance_l_per_h`) when
    /// `isKnownDrug` says it exists and none of its parameters is among `validNames`; nil for any
    /// other name, and when `validNames` is empty (the scenario's drugs could not be resolved).
    package static func drug(of name: String, validNames: [String], isKnownDrug: (String) -> Bool) -> String? {
        guard let dot = name.firstIndex(of: "."), !validNames.isEmpty else { return nil }
        let drug = String(name[..<dot])
        guard isKnownDrug(drug), !validNames.contains(where: { $0.hasPrefix(drug + ".") }) else { return nil }
        return drug
    }
}
