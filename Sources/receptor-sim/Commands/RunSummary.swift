import Integrators
import Pharmacology
import Reports

/// Peak and trough (with their times) of the main observables for `run --summary`, found on the
/// solution itself (`ReceptorModel.simulate(…, extremaOf:)`), so they do not depend on
/// `--interval`.
struct RunSummary {
    /// The observables `--summary` reports when they are among the written columns.
    static let mainObservables = [
        "mu_occupancy_total", "mu_total_rel", "endorphin_nM", "dynorphin_nM", "dopamine_tone", "dysphoria",
        "respiratory_drive", "withdrawal_signs", "withdrawal_index", "cows_equivalent", "tolerance_index",
    ]

    /// The columns summarised: the main observables among `columns`, else (a run restricted to
    /// other columns) its first eight columns.
    static func columns(of columns: [String]) -> [String] {
        let chosen = mainObservables.filter(columns.contains)
        return chosen.isEmpty ? Array(columns.prefix(8)) : chosen
    }

    static func render(_ extremes: [ObservableExtremes], statistics: SolverStatistics, wallSeconds: Double, rows: Int) -> String {
        let format = CSVNumberFormat.significantDigits(4)
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
        var text = pad("observable", 22) + pad("peak", 12) + pad("at h", 10) + pad("trough", 12) + "at h\n"
        for e in extremes where e.peak.isFinite {
            text += pad(e.column, 22) + pad(format.format(e.peak), 12) + pad(format.format(e.peakTimeHours), 10)
                + pad(format.format(e.trough), 12) + format.format(e.troughTimeHours) + "\n"
        }
        text += "rows: \(rows)\nsolver: \(statistics)\nwall time: \(CSVNumberFormat.significantDigits(3).format(wallSeconds)) s"
        return text
    }
}
