/// A column named for a lecture: a title, what the quantity means, and the y-axis label with
/// its unit (a tolerance index is "0 naive, 1 no response", not "signal (dimensionless)").
/// Derived from the CSV naming conventions (`Observable.all`): `<drug>_plasma_nM`,
/// `<drug>_brain_nM`, `<peptide>_nM`, `<receptor>_occupancy_<ligand>`, `_occupancy_total`,
/// `_pet_occupancy`, `_surface_rel`, `_internal_rel`, `_total_rel`, `_stimulus`, `_uncoupled`,
/// the circuit responses `<circuit>_response`, the adaptation pools, `dopamine_tone`,
/// `respiratory_drive`, `withdrawal_signs`, `dysphoria`, `hedonic_tone`, `withdrawal_index`,
/// `cows_equivalent`, `tolerance_index` (model 2, Model.md "Observables").
package struct ColumnDescription: Sendable, Equatable {
    package var title: String
    package var meaning: String
    package var axisLabel: String
    /// The least height of a chart's value axis, for quantities with a natural scale: an index
    /// or occupancy that moves by 0.005 should look small, not fill the chart. Nil: fit the data.
    package var minimumSpan: Double? = nil

    package init(column name: String) {
        func drug(_ id: Substring) -> String { id.prefix(1).uppercased() + id.dropFirst().map { $0 == "_" ? " " : $0 } }
        if name == "hedonic_tone" {
            self.init("Hedonic tone", "dopamine tone minus dysphoria", "Hedonic tone (model units)")
            minimumSpan = 0.1
        } else if name == "withdrawal_index" {
            self.init("Withdrawal", "withdrawal signs plus the unopposed reward-circuit adaptation, relative to the adapted state",
                      "Withdrawal index (0 = none)")
            minimumSpan = 0.1
        } else if ["reward_response", "lc_response", "respiration_response", "kappa_response"].contains(name) {
            let circuit = ["reward_response": "Reward circuit", "lc_response": "Locus coeruleus",
                           "respiration_response": "Respiratory depression", "kappa_response": "κ/aversion circuit"][name]!
            self.init(circuit, "circuit response of the operational model with receptor reserve",
                      "Response (0 to 1)")
        } else if ["lc_adaptation", "lc_adaptation_slow", "reward_adaptation"].contains(name) {
            self.init(name == "reward_adaptation" ? "Reward-circuit adaptation" : name == "lc_adaptation"
                          ? "LC adaptation" : "LC adaptation, slow pool",
                      "cAMP counter-adaptation (dependence)", "Adaptation (units of response)")
        } else if name == "tolerance_index" {
            self.init("Tolerance", "loss of the mu response to a fixed morphine probe on the free receptors",
                      "Tolerance index (0 naive, 1 none left)")
            minimumSpan = 0.1
        } else if name == "cows_equivalent" {
            self.init("Withdrawal (COWS)", "withdrawal severity on the Clinical Opiate Withdrawal Scale",
                      "Withdrawal, COWS points (0 to 48)")
            minimumSpan = 5
        } else if name == "withdrawal_signs" {
            self.init("Withdrawal signs", "counter-adaptation no longer opposed by the drug",
                      "Withdrawal signs (0 = none)")
            minimumSpan = 0.1
        } else if name == "dysphoria" {
            self.init("Dysphoria", "kappa and aversive drive", "Dysphoria (0 = none)")
            minimumSpan = 0.1
        } else if name == "dopamine_tone" {
            self.init("Dopamine tone", "mesolimbic dopamine against the drug-free control baseline",
                      "Dopamine tone (1 = drug-free control)")
            minimumSpan = 0.1
        } else if name == "respiratory_drive" {
            self.init("Respiratory drive", "breathing against normal", "Respiratory drive (1 normal, 0 apnoea)")
            minimumSpan = 0.1
        } else if name.hasSuffix("_plasma_nM") {
            let id = name.dropLast("_plasma_nM".count)
            self.init("\(drug(id)) in plasma", "total plasma concentration", "Plasma concentration (nM)")
        } else if name.hasSuffix("_plasma_ng_per_mL") {
            let id = name.dropLast("_plasma_ng_per_mL".count)
            self.init("\(drug(id)) in plasma", "total plasma concentration, as clinicians read it", "Plasma concentration (ng/mL)")
        } else if name.hasSuffix("_brain_nM") {
            let id = name.dropLast("_brain_nM".count)
            self.init("\(drug(id)) in the brain", "free concentration at the effect site, which drives binding",
                      "Brain concentration (nM)")
        } else if let (receptor, rest) = Self.receptorColumn(name) {
            defer { if rest.contains("occupancy") { minimumSpan = 0.1 } }
            let r = Self.receptorName(receptor)
            switch rest {
            case "occupancy_total":
                self.init("\(r) receptors occupied", "fraction of surface \(r) receptors bound by any ligand",
                          "Occupancy (fraction, 0 to 1)")
            case "pet_occupancy":
                self.init("\(r) occupancy as PET sees it", "fall in free binding sites against the drug-free baseline",
                          "PET occupancy (fraction, 0 to 1)")
            case "surface_rel":
                self.init("\(r) receptors on the surface", "surface receptors relative to the healthy baseline",
                          "Receptors (× baseline)")
            case "internal_rel":
                self.init("\(r) receptors internalised", "internalised receptors relative to the healthy total",
                          "Receptors (× baseline)")
            case "total_rel":
                self.init("\(r) receptors in total", "all receptors relative to the healthy baseline",
                          "Receptors (× baseline)")
            case "stimulus":
                self.init("\(r) stimulus", "coupled efficacy-weighted receptors (activation by all bound agonists)",
                          "Stimulus (model units)")
            case "uncoupled":
                self.init("\(r) uncoupled", "fraction of receptors uncoupled from G protein (tolerance)",
                          "Uncoupled (fraction, 0 to 1)")
            default:
                let ligand = rest.dropFirst("occupancy_".count)
                self.init("\(r) receptors held by \(ligand)", "fraction of surface \(r) receptors bound by \(ligand)",
                          "Occupancy (fraction, 0 to 1)")
            }
        } else if ["endorphin_nM", "enkephalin_nM", "dynorphin_nM"].contains(name) {
            let id = name.dropLast("_nM".count)
            self.init(drug(id), "brain extracellular level", "Peptide level (nM)")
        } else if name.hasSuffix("_nM") {
            let id = name.dropLast("_nM".count)
            self.init(drug(id), "brain extracellular level", "Concentration (nM)")
        } else {
            let unit = ColumnUnit(columnName: name)
            self.init(TimeSeriesColumn.displayLabel(forColumn: name), name, unit.axisLabel)
        }
    }

    /// The heading of a one-column panel on a slide: `axisLabel` when it names the quantity
    /// ("Withdrawal index (0 = none)"), else the column's title with the label's unit
    /// ("Endorphin (nM)", "μ-opioid receptors in total (× baseline)"), so a comparison's panel
    /// says which column it draws.
    package func heading(axisLabel: String) -> String {
        let first = title.lowercased().split(separator: " ").first.map(String.init) ?? ""
        if axisLabel.lowercased().contains(first) { return axisLabel }
        guard let open = axisLabel.range(of: " (") else { return title + " (" + axisLabel + ")" }
        return title + axisLabel[open.lowerBound...]
    }

    /// The axis label that every one of `columns` has, or nil when they differ (a panel
    /// mixing responses and indices then falls back to its unit's label).
    package static func sharedAxisLabel(_ columns: [String]) -> String? {
        let labels = Set(columns.map { ColumnDescription(column: $0).axisLabel })
        return labels.count == 1 ? labels.first : nil
    }

    private init(_ title: String, _ meaning: String, _ axisLabel: String) {
        self.title = title
        self.meaning = meaning
        self.axisLabel = axisLabel
    }

    private static func receptorColumn(_ name: String) -> (receptor: String, rest: String)? {
        for receptor in ["mu", "delta", "kappa", "nmda"] where name.hasPrefix(receptor + "_") {
            let rest = String(name.dropFirst(receptor.count + 1))
            let known = ["occupancy_total", "pet_occupancy", "surface_rel", "internal_rel", "total_rel", "stimulus",
                         "uncoupled"]
            if known.contains(rest) || rest.hasPrefix("occupancy_") { return (receptor, rest) }
        }
        return nil
    }

    private static func receptorName(_ receptor: String) -> String {
        switch receptor {
        case "mu": return "μ-opioid"
        case "delta": return "δ-opioid"
        case "kappa": return "κ-opioid"
        default: return "NMDA"
        }
    }
}
