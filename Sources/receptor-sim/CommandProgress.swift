import Foundation
import Reports

/// Progress on standard error as every long-running command shows it: a bar on a terminal,
/// plain lines otherwise, nothing with `--quiet`, and nothing for runs that finish within
/// `RECEPTOR_SIM_PROGRESS_DELAY_S` seconds (default 1), so quick runs stay silent.
enum CommandProgress {
    static func reporter(label: String, total: Double, unit: String, quiet: Bool) -> ProgressReporter {
        ProgressReporter(label: label, total: total, unit: unit,
                         style: ProgressReporter.automaticStyle(quiet: quiet),
                         startDelaySeconds: startDelaySeconds)
    }

    /// The delay before progress appears; an invalid value falls back to the default.
    static var startDelaySeconds: Double {
        guard let text = ProcessInfo.processInfo.environment["RECEPTOR_SIM_PROGRESS_DELAY_S"],
              let seconds = Double(text), seconds.isFinite, seconds >= 0 else { return 1 }
        return seconds
    }
}
