/// The kind of evidence a study gives (header key `evidence`); the report groups by it.
package enum EvidenceKind: String, Sendable, CaseIterable, Comparable {
    case petOccupancy = "pet_occupancy"
    case plasmaPK = "plasma_pk"
    case spontaneousWithdrawal = "spontaneous_withdrawal"
    case precipitatedWithdrawal = "precipitated_withdrawal"
    case respiratory
    case tolerance
    case receptorRegulation = "receptor_regulation"
    case endogenous
    case other

    /// A heading for the report.
    package var title: String {
        switch self {
        case .petOccupancy: return "PET receptor occupancy"
        case .plasmaPK: return "Plasma pharmacokinetics"
        case .spontaneousWithdrawal: return "Spontaneous withdrawal"
        case .precipitatedWithdrawal: return "Precipitated withdrawal"
        case .respiratory: return "Respiratory depression"
        case .tolerance: return "Tolerance"
        case .receptorRegulation: return "Receptor regulation"
        case .endogenous: return "Endogenous opioids"
        case .other: return "Other evidence"
        }
    }

    /// Declaration order, so the report lists kinds as the format does.
    package static func < (a: EvidenceKind, b: EvidenceKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
