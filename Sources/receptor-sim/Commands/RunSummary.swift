import Integrators
import Reports

/// Peak and trough (with their times) of the main observables, gathered while rows stream past.
struct RunSummary {
    /// The observables `--summary` reports when they are among the written columns.
    static let mainObservables = [
        "mu_occupancy_total", "mu_response", "kappa_response", "mu_total_rel", "endorphin_nM", "dynorphin_nM",
        "hedonic_tone", "withdrawal_index", "tolerance_index",
    ]

    struct Extremes {
        var name: String
        var peak = -Double.infinity, peakTimeHours = 0.0
        var trough = Double.infinity, troughTimeHours = 0.0
    }

    private var tracked: [(column: Int, extremes: Extremes)]

    init(columns: [String]) {
        var chosen = Self.mainObservables.compactMap { name in columns.firstIndex(of: name).map { ($0, Extremes(name: name)) } }
        // A run restricted to other columns summarises its first few columns instead.
        if chosen.isEmpty { chosen = columns.prefix(8).enumerated().map { ($0.offset, Extremes(name: $0.element)) } }
        tracked = chosen
    }

    mutating func record(time: Double, values: UnsafeBufferPointer<Double>) {
        for i in tracked.indices {
            let value = values[tracked[i].column]
            if value > tracked[i].extremes.peak { tracked[i].extremes.peak = value; tracked[i].extremes.peakTimeHours = time }
            if value < tracked[i].extremes.trough { tracked[i].extremes.trough = value; tracked[i].extremes.troughTimeHours = time }
        }
    }

    func render(statistics: SolverStatistics, wallSeconds: Double, rows: Int) -> String {
        let format = CSVNumberFormat.significantDigits(4)
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
        var text = pad("observable", 22) + pad("peak", 12) + pad("at h", 10) + pad("trough", 12) + "at h\n"
        for (_, e) in tracked where e.peak.isFinite {
            text += pad(e.name, 22) + pad(format.format(e.peak), 12) + pad(format.format(e.peakTimeHours), 10)
                + pad(format.format(e.trough), 12) + format.format(e.troughTimeHours) + "\n"
        }
        text += "rows: \(rows)\nsolver: \(statistics)\nwall time: \(CSVNumberFormat.significantDigits(3).format(wallSeconds)) s"
        return text
    }
}
