/// The observables each lesson is about, drawn strongest by default (thick and solid, on top).
///
/// One ordered preference list per lesson; the first name present in the data wins, so the
/// same defaults serve model 1 (`withdrawal_index`, `tolerance_index`, `mu_occupancy_total`)
/// and model 2 (`cows_equivalent`, `withdrawal_signs`, `mu_pet_occupancy`) without a switch.
/// This is the only place the lesson emphasis is written down.
package enum KeyObservables {
    /// Withdrawal, tolerance, occupancy: the three pictures of `Scenarios/teaching/README.md`.
    package static let preferences: [(lesson: String, columns: [String])] = [
        ("withdrawal", ["cows_equivalent", "withdrawal_signs", "withdrawal_index"]),
        ("tolerance", ["tolerance_index"]),
        ("occupancy", ["mu_pet_occupancy", "mu_occupancy_total"]),
    ]

    /// The most series a chart highlights: more than three strong lines is no emphasis.
    package static let maximumHighlights = 3

    /// The default highlights among `available`: per lesson, the first preferred column present.
    package static func defaults(available: [String]) -> [String] {
        preferences.compactMap { $0.columns.first(where: available.contains) }
    }
}
