/// Peak and trough of one observable over a run.
package struct ObservableSummary: Sendable, Equatable {
    package var column: String
    package var startValue: Double
    package var endValue: Double
    package var peakValue: Double
    /// First time the peak is reached.
    package var peakTimeHours: Double
    package var troughValue: Double
    /// First time the trough is reached.
    package var troughTimeHours: Double

    package var unit: ColumnUnit { ColumnUnit(columnName: column) }

    /// Summarizes column `name` of `table`: start and end from its rows, peak and trough (with
    /// times) from `table.exactExtremes` when the table was simulated (found on the solution,
    /// between rows too), else from the rows. nil without the column or finite values.
    /// - Complexity: O(rows).
    package init?(named name: String, in table: TimeSeriesTable) {
        guard let column = table.column(named: name) else { return nil }
        self.init(column: column, timeHours: table.timeHours)
        if let exact = table.exactExtremes[name], exact.peak.isFinite, exact.trough.isFinite {
            (peakValue, peakTimeHours) = (exact.peak, exact.peakTimeHours)
            (troughValue, troughTimeHours) = (exact.trough, exact.troughTimeHours)
        }
    }

    /// Summarizes the finite values of `column` from its rows; nil when there are none.
    /// - Complexity: O(rows).
    package init?(column: TimeSeriesColumn, timeHours: [Double]) {
        var start: Double?, end = 0.0
        var peak = -Double.infinity, trough = Double.infinity, peakTime = 0.0, troughTime = 0.0
        for (time, value) in zip(timeHours, column.values) where value.isFinite {
            if start == nil { start = value }
            end = value
            if value > peak { (peak, peakTime) = (value, time) }
            if value < trough { (trough, troughTime) = (value, time) }
        }
        guard let start else { return nil }
        self.column = column.name
        self.startValue = start
        self.endValue = end
        self.peakValue = peak
        self.peakTimeHours = peakTime
        self.troughValue = trough
        self.troughTimeHours = troughTime
    }

    /// The observables a report summarizes, in this order, when present: drug concentrations
    /// (table order), mu occupancy and density, peptides, responses, and the three indices.
    package static func mainColumns(of table: TimeSeriesTable) -> [String] {
        mainColumns(of: table.columnNames)
    }

    /// The main observables among `names` (as `mainColumns(of:)` for a table of those columns).
    package static func mainColumns(of names: [String]) -> [String] {
        let concentrations = PanelPreset.concentrations.columns(available: names)
        let fixed = [
            "mu_occupancy_total", "mu_surface_rel", "mu_total_rel", "endorphin_nM", "enkephalin_nM", "dynorphin_nM",
            "dopamine_tone", "dysphoria", "respiratory_drive", "withdrawal_signs", "cows_equivalent", "hedonic_tone",
            "withdrawal_index", "tolerance_index",
        ]
        return concentrations + fixed.filter(names.contains)
    }

    /// Summaries of the main observables of a table.
    package static func main(of table: TimeSeriesTable) -> [ObservableSummary] {
        mainColumns(of: table).compactMap { ObservableSummary(named: $0, in: table) }
    }
}

/// The figures a lesson on tolerance and withdrawal points at.
package struct DependenceSummary: Sendable, Equatable {
    /// Highest `withdrawal_index` and when; nil without that column.
    package var withdrawalPeak: Double?
    package var withdrawalPeakTimeHours: Double?
    /// Time from the last dose before the withdrawal peak to the peak.
    package var withdrawalPeakHoursAfterLastDose: Double?
    /// Total time the withdrawal index is at or above half its peak (rows weighted by their
    /// spacing); nil when the peak is not positive.
    package var withdrawalHoursAboveHalfPeak: Double?
    /// Trapezoidal integral of the positive part of the withdrawal index (index · h): one
    /// number for how much withdrawal a regimen causes (lower for a taper).
    package var withdrawalBurdenIndexHours: Double?
    /// Highest `tolerance_index`, when, and its final value.
    package var tolerancePeak: Double?
    package var tolerancePeakTimeHours: Double?
    package var toleranceFinal: Double?
    /// Lowest `mu_total_rel` (down-regulation) and when.
    package var muTotalMinimum: Double?
    package var muTotalMinimumTimeHours: Double?

    /// - Parameter doseTimesHours: administration times, ascending (from `PlotAnnotations`).
    /// - Complexity: O(rows).
    package init(table: TimeSeriesTable, doseTimesHours: [Double]) {
        let time = table.timeHours
        if let column = table.column(named: "withdrawal_index"), let summary = ObservableSummary(named: column.name, in: table) {
            withdrawalPeak = summary.peakValue
            withdrawalPeakTimeHours = summary.peakTimeHours
            if let last = doseTimesHours.last(where: { $0 <= summary.peakTimeHours }) {
                withdrawalPeakHoursAfterLastDose = summary.peakTimeHours - last
            }
            var burden = 0.0, above = 0.0
            let half = summary.peakValue / 2
            for row in 1..<max(time.count, 1) {
                let dt = time[row] - time[row - 1]
                let (a, b) = (column.values[row - 1], column.values[row])
                guard a.isFinite, b.isFinite else { continue }
                burden += 0.5 * (max(a, 0) + max(b, 0)) * dt
                if summary.peakValue > 0, a >= half, b >= half { above += dt }
            }
            withdrawalBurdenIndexHours = burden
            withdrawalHoursAboveHalfPeak = summary.peakValue > 0 ? above : nil
        }
        if let summary = ObservableSummary(named: "tolerance_index", in: table) {
            tolerancePeak = summary.peakValue
            tolerancePeakTimeHours = summary.peakTimeHours
            toleranceFinal = summary.endValue
        }
        if let summary = ObservableSummary(named: "mu_total_rel", in: table) {
            muTotalMinimum = summary.troughValue
            muTotalMinimumTimeHours = summary.troughTimeHours
        }
    }

    /// Label and value rows for the report; empty when the table has none of the columns.
    var rows: [(String, String)] {
        var rows: [(String, String)] = []
        let s = { (value: Double) in NumberText.significant(value, 3) }
        if let peak = withdrawalPeak, let time = withdrawalPeakTimeHours {
            rows.append(("Peak withdrawal index", s(peak) + " at " + HTMLReport.timeText(time)))
            if let after = withdrawalPeakHoursAfterLastDose {
                rows.append(("Withdrawal peak after the last dose", s(after) + " h"))
            }
            if let above = withdrawalHoursAboveHalfPeak {
                rows.append(("Time at or above half the peak", s(above) + " h"))
            }
            if let burden = withdrawalBurdenIndexHours {
                rows.append(("Withdrawal burden (area under the index)", s(burden) + " index·h"))
            }
        }
        if let peak = tolerancePeak, let time = tolerancePeakTimeHours, let final = toleranceFinal {
            rows.append(("Peak tolerance index", s(peak) + " at " + HTMLReport.timeText(time)))
            rows.append(("Tolerance index at the end", s(final)))
        }
        if let minimum = muTotalMinimum, let time = muTotalMinimumTimeHours {
            rows.append(("Lowest mu receptor total (down-regulation)", s(minimum) + " of baseline at " + HTMLReport.timeText(time)))
        }
        return rows
    }
}
