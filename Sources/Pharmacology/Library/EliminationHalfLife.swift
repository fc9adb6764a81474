/// The one conversion between a drug's central elimination half-life and its clearance:
/// t½ = ln 2 · V1 / CL, so CL = ln 2 · V1 / t½.
///
/// The half-life of elimination from the central compartment alone: the terminal half-life
/// only for a one-compartment drug (`Drug.terminalHalfLifeHours` is the slowest disposition
/// phase). `<drug>.half_life_h` in scenarios, sweeps and populations sets the clearance
/// through this conversion, with the central volume as set for the same run.
package enum EliminationHalfLife {
    /// ln 2 to double precision.
    package static let ln2 = 0.6931471805599453

    /// ln 2 · V1 / CL, in hours.
    package static func hours(centralVolumeLiters: Double, clearanceLitersPerHour: Double) -> Double {
        ln2 * centralVolumeLiters / clearanceLitersPerHour
    }

    /// ln 2 · V1 / t½, in L/h: the clearance that gives `halfLifeHours`.
    package static func clearanceLitersPerHour(halfLifeHours: Double, centralVolumeLiters: Double) -> Double {
        ln2 * centralVolumeLiters / halfLifeHours
    }
}
