/// The unit of a CSV column, inferred from the naming conventions of the CSV output (issue 4):
/// `_nM` is a concentration, `_ng_per_mL` a plasma level as clinicians read it, `_occupancy_` a
/// fraction of receptors bound, `_rel` an amount relative to the healthy baseline,
/// `cows_equivalent` COWS points, and other signals and indices are dimensionless.
package enum ColumnUnit: String, Sendable, Equatable, CaseIterable {
    case hours
    case nanomolar
    case nanogramsPerMilliliter
    case cowsPoints
    case fractionBound
    case relativeToBaseline
    case dimensionless

    /// Infers the unit from a column name.
    package init(columnName name: String) {
        if name == "time_h" {
            self = .hours
        } else if name.hasSuffix("_nM") {
            self = .nanomolar
        } else if name.hasSuffix("_ng_per_mL") {
            self = .nanogramsPerMilliliter
        } else if name == "cows_equivalent" {
            self = .cowsPoints
        } else if name.contains("_occupancy_") || name.hasSuffix("_pet_occupancy") {
            self = .fractionBound
        } else if name.hasSuffix("_rel") {
            self = .relativeToBaseline
        } else {
            self = .dimensionless
        }
    }

    /// A drug concentration, in either unit (a logarithmic axis applies to both).
    package var isConcentration: Bool { self == .nanomolar || self == .nanogramsPerMilliliter }

    /// Short unit text for axis labels and tables.
    package var symbol: String {
        switch self {
        case .hours: return "h"
        case .nanomolar: return "nM"
        case .nanogramsPerMilliliter: return "ng/mL"
        case .cowsPoints: return "COWS points"
        case .fractionBound: return "fraction bound"
        case .relativeToBaseline: return "rel. to baseline"
        case .dimensionless: return "dimensionless"
        }
    }

    /// A y-axis label naming the quantity and its unit.
    package var axisLabel: String {
        switch self {
        case .hours: return "Time (h)"
        case .nanomolar: return "Concentration (nM)"
        case .nanogramsPerMilliliter: return "Concentration (ng/mL)"
        case .cowsPoints: return "Withdrawal, COWS points (0 to 48)"
        case .fractionBound: return "Occupancy (fraction bound)"
        case .relativeToBaseline: return "Density (rel. to baseline)"
        case .dimensionless: return "Model units (dimensionless)"
        }
    }
}

extension TimeSeriesColumn {
    /// A readable series label: the unit suffix dropped and underscores made spaces
    /// (`morphine_brain_nM` → `morphine brain`, `mu_occupancy_total` → `mu occupancy total`).
    package static func displayLabel(forColumn name: String) -> String {
        var base = Substring(name)
        if base.hasSuffix("_nM") {
            base = base.dropLast(3)
        } else if base.hasSuffix("_ng_per_mL") {
            base = base.dropLast(10)
        } else if base.hasSuffix("_rel") {
            base = base.dropLast(4)
        }
        return String(base.map { $0 == "_" ? " " : $0 })
    }
}
