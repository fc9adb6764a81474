import Pharmacology
import Validation

/// Validation knows no Pharmacology: the engine's extremes become a study's window extremes
/// here, where `fit` and `validate` (through this module) meet both.
extension WindowExtremes {
    package init(_ extremes: ObservableExtremes) {
        self.init(peak: extremes.peak, peakTimeHours: extremes.peakTimeHours,
                  trough: extremes.trough, troughTimeHours: extremes.troughTimeHours)
    }
}
