/// Linear or logarithmic value axis.
package enum AxisScale: String, Sendable, Equatable {
    case linear
    case logarithmic
}

/// One chart panel: which columns it draws and how its value axis looks. Panels of one chart
/// are stacked and share the time axis.
package struct PanelSpecification: Sendable, Equatable {
    package var title: String
    /// Columns drawn, in legend order.
    package var columnNames: [String]
    /// The value-axis label, with its unit in parentheses.
    package var axisLabel: String
    package var scale: AxisScale
    /// A fixed value range (occupancy is always 0...1); nil to fit the data.
    package var fixedRange: ClosedRange<Double>?
    /// Extend the fitted range to include zero (concentrations).
    package var includesZero: Bool

    package init(
        title: String, columnNames: [String], axisLabel: String, scale: AxisScale = .linear,
        fixedRange: ClosedRange<Double>? = nil, includesZero: Bool = false
    ) {
        self.title = title
        self.columnNames = columnNames
        self.axisLabel = axisLabel
        self.scale = scale
        self.fixedRange = fixedRange
        self.includesZero = includesZero
    }

    /// A panel for columns that share a unit, titled and ranged for that unit.
    /// The axis names the quantity and its meaning when the columns share one
    /// (`ColumnDescription`: "Tolerance index (0 naive, 1 none left)"), else the unit's label.
    package init(columns: [String], unit: ColumnUnit, logarithmicConcentrations: Bool = false) {
        let logarithmic = unit.isConcentration && logarithmicConcentrations
        self.init(
            title: unit.panelTitle, columnNames: columns, axisLabel: ColumnDescription.sharedAxisLabel(columns) ?? unit.axisLabel,
            scale: logarithmic ? .logarithmic : .linear,
            fixedRange: unit == .fractionBound ? 0...1 : nil,
            includesZero: unit.isConcentration && !logarithmic)
    }

    /// The panels for `plot`: the named presets (all five when nil and no columns are given),
    /// or the `columns` asked for, grouped into one panel per unit in order of first mention.
    /// Presets that match no column are left out.
    ///
    /// - Throws: `ReportsError.unknownColumn` for a requested column not in `available`;
    ///   `ReportsError.noPlottableColumns` when nothing is left to draw.
    package static func panels(
        available: [String], presets: [PanelPreset]? = nil, columns: [String]? = nil,
        logarithmicConcentrations: Bool = false
    ) throws -> [PanelSpecification] {
        var panels: [PanelSpecification] = []
        if let columns {
            var groups: [(unit: ColumnUnit, columns: [String])] = []
            for name in columns {
                guard available.contains(name) else { throw ReportsError.unknownColumn(name: name, available: available) }
                let unit = ColumnUnit(columnName: name)
                if let index = groups.firstIndex(where: { $0.unit == unit }) {
                    if !groups[index].columns.contains(name) { groups[index].columns.append(name) }
                } else {
                    groups.append((unit, [name]))
                }
            }
            panels += groups.map {
                PanelSpecification(columns: $0.columns, unit: $0.unit, logarithmicConcentrations: logarithmicConcentrations)
            }
        }
        if presets != nil || columns == nil {
            for preset in presets ?? PanelPreset.allCases {
                panels += preset.panels(available: available, logarithmicConcentrations: logarithmicConcentrations)
            }
        }
        guard !panels.isEmpty else { throw ReportsError.noPlottableColumns }
        return panels
    }

    /// Panels for `compare`: one per observable, so each scenario is one line in it. Default
    /// observables are the main teaching ones (mu occupancy and density, peptides, responses,
    /// hedonic tone, withdrawal and tolerance) present in any run; a preset or a column list
    /// replaces them.
    ///
    /// - Throws: `ReportsError.unknownColumn`, `ReportsError.noPlottableColumns`.
    package static func comparisonPanels(
        available: [String], presets: [PanelPreset]? = nil, columns: [String]? = nil,
        logarithmicConcentrations: Bool = false
    ) throws -> [PanelSpecification] {
        var chosen: [String] = []
        if let columns {
            for name in columns {
                guard available.contains(name) else { throw ReportsError.unknownColumn(name: name, available: available) }
                if !chosen.contains(name) { chosen.append(name) }
            }
        }
        if let presets {
            for preset in presets {
                for name in preset.columns(available: available) where !chosen.contains(name) { chosen.append(name) }
            }
        }
        if columns == nil && presets == nil {
            chosen = PanelPreset.comparisonDefaults.filter(available.contains)
        }
        guard !chosen.isEmpty else { throw ReportsError.noPlottableColumns }
        return chosen.map { name in
            var panel = PanelSpecification(
                columns: [name], unit: ColumnUnit(columnName: name), logarithmicConcentrations: logarithmicConcentrations)
            panel.title = TimeSeriesColumn.displayLabel(forColumn: name)
            return panel
        }
    }
}

extension ColumnUnit {
    /// Panel title for a panel of this unit built from a column list.
    var panelTitle: String {
        switch self {
        case .hours: return "Time"
        case .nanomolar: return "Concentrations"
        case .nanogramsPerMilliliter: return "Concentrations in ng/mL"
        case .cowsPoints: return "Withdrawal (COWS)"
        case .fractionBound: return "Receptor occupancy"
        case .relativeToBaseline: return "Receptor density"
        case .dimensionless: return "Signalling"
        }
    }
}

/// The named panel sets of `plot --panels`.
package enum PanelPreset: String, Sendable, CaseIterable {
    /// Drug concentrations in plasma and brain (`*_plasma_nM`, `*_brain_nM`), and in `plot` any
    /// `*_plasma_ng_per_mL` columns in a panel of their own (`panels(available:)`).
    case concentrations
    /// Mu occupancy by each ligand, and total occupancy of the other receptors.
    case occupancy
    /// Surface, internalized and total receptor density (`*_surface_rel`, ...).
    case receptors
    /// Endorphin, enkephalin and dynorphin.
    case peptides
    /// Circuit responses, dopamine, dysphoria, breathing, hedonic tone, withdrawal and tolerance.
    case signalling

    /// Columns for `compare` when none are requested.
    static let comparisonDefaults = [
        "mu_occupancy_total", "mu_total_rel", "endorphin_nM", "dynorphin_nM", "dopamine_tone", "dysphoria",
        "withdrawal_signs", "cows_equivalent", "respiratory_drive", "tolerance_index",
    ]

    static let peptideColumns = ["endorphin_nM", "enkephalin_nM", "dynorphin_nM"]

    /// Parses a comma-separated list (`"concentrations,signalling"`).
    /// - Throws: `ReportsError.unknownPanelPreset`.
    package static func parseList(_ text: String) throws -> [PanelPreset] {
        try text.split(separator: ",").map { part in
            let name = part.trimmingSpaces()
            guard let preset = PanelPreset(rawValue: name) else {
                throw ReportsError.unknownPanelPreset(name: name, available: allCases.map(\.rawValue))
            }
            return preset
        }
    }

    /// The available columns this preset draws, in table order.
    package func columns(available: [String]) -> [String] {
        available.filter { name in
            switch self {
            case .concentrations:
                return name.hasSuffix("_plasma_nM") || name.hasSuffix("_brain_nM")
            case .occupancy:
                return name.hasPrefix("mu_occupancy_") || name.hasSuffix("_occupancy_total")
            case .receptors:
                return name.hasSuffix("_surface_rel") || name.hasSuffix("_internal_rel") || name.hasSuffix("_total_rel")
            case .peptides:
                return Self.peptideColumns.contains(name)
            case .signalling:
                return name.hasSuffix("_response")
                    || ["dopamine_tone", "dysphoria", "respiratory_drive", "hedonic_tone", "withdrawal_signs",
                        "withdrawal_index", "tolerance_index"].contains(name)
            }
        }
    }

    /// The preset's panels (none when no column matches): one, and for `concentrations` a second
    /// for `*_plasma_ng_per_mL` columns (only in a run that asked for them), which share no
    /// axis with nM; without it the default plot left them out.
    package func panels(available: [String], logarithmicConcentrations: Bool = false) -> [PanelSpecification] {
        var panels: [PanelSpecification] = []
        if let panel = panel(available: available, logarithmicConcentrations: logarithmicConcentrations) { panels.append(panel) }
        let plasmaMass = self == .concentrations ? available.filter { $0.hasSuffix("_plasma_ng_per_mL") } : []
        if !plasmaMass.isEmpty {
            panels.append(PanelSpecification(columns: plasmaMass, unit: .nanogramsPerMilliliter,
                                             logarithmicConcentrations: logarithmicConcentrations))
        }
        return panels
    }

    /// The preset's main panel, or nil when no column matches.
    private func panel(available: [String], logarithmicConcentrations: Bool) -> PanelSpecification? {
        let columns = columns(available: available)
        guard !columns.isEmpty else { return nil }
        switch self {
        case .concentrations:
            var panel = PanelSpecification(columns: columns, unit: .nanomolar, logarithmicConcentrations: logarithmicConcentrations)
            panel.title = "Drug concentrations"
            return panel
        case .occupancy:
            return PanelSpecification(columns: columns, unit: .fractionBound)
        case .receptors:
            return PanelSpecification(columns: columns, unit: .relativeToBaseline)
        case .peptides:
            return PanelSpecification(
                title: "Endogenous peptides", columnNames: columns, axisLabel: "Peptide level (nM)", includesZero: true)
        case .signalling:
            return PanelSpecification(
                title: "Signalling, withdrawal and tolerance", columnNames: columns,
                axisLabel: ColumnDescription.sharedAxisLabel(columns) ?? "Response, tone or index (model units)")
        }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
