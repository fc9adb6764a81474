import Foundation
import Reports

extension ChallengeCurve {
    /// The CSV columns after `time_h` (one row per time and probe dose; the curve's values
    /// repeat on each of its rows, `nan` where not determinable).
    package static let csvColumns = ["probe_dose_mg", "response", "peak_after_h", "emax", "hill_n", "ed50_mg", "fold_shift"]

    /// This curve's CSV rows, in `csvColumns` order.
    package var csvRows: [[Double]] {
        dosesMilligrams.indices.map { d in
            [dosesMilligrams[d], responses[d], peakAfterHours[d], fit?.maximumEffect ?? .nan, fit?.hillCoefficient ?? .nan,
             ed50Milligrams ?? .nan, foldShift ?? .nan]
        }
    }

    /// The curve for `DoseResponseChart`: the measured points, the fitted Hill curve over the
    /// tested doses, and the ED50 mark when determinable.
    package var chartSeries: DoseResponseSeries {
        var label = "t = \(NumberText.significant(timeHours, 6)) h: "
        if let ed50 = ed50Milligrams {
            label += "ED50 \(NumberText.significant(ed50, 3)) mg"
            if let foldShift { label += " (\(NumberText.significant(foldShift, 3))x)" }
        } else {
            label += "ED50 n.d."
        }
        var series = DoseResponseSeries(label: label, dosesMilligrams: dosesMilligrams, responses: responses)
        if let fit, let low = dosesMilligrams.min(), let high = dosesMilligrams.max(), high > low {
            let doses = (0...200).map { low * pow(high / low, Double($0) / 200) }
            series.fittedDosesMilligrams = doses
            series.fittedResponses = doses.map(fit.effect(atDose:))
            if let ed50 = ed50Milligrams {
                series.ed50Milligrams = ed50
                series.halfMaximalResponse = fit.maximumEffect / 2
            }
        }
        return series
    }

    /// One line of the challenge summary: time, ED50, fold shift, Emax, n, or why the ED50 is
    /// not determinable.
    package var summaryLine: String {
        func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count) }
        let time = pad(NumberText.significant(timeHours, 6), 10)
        switch ed50 {
        case .success(let value):
            let shift = foldShift.map { NumberText.significant($0, 3) } ?? "n.d."
            return time + pad(NumberText.significant(value, 4), 12) + pad(shift, 12)
                + pad(NumberText.significant(fit?.maximumEffect ?? .nan, 4), 12) + NumberText.significant(fit?.hillCoefficient ?? .nan, 3)
        case .failure(let problem):
            return time + pad("n.d.", 12) + pad("n.d.", 12) + "ED50 not determinable: \(problem)"
        }
    }

    /// The header of `summaryLine`s.
    package static let summaryHeader = "time_h    ed50_mg     fold_shift  emax        hill_n"
}
