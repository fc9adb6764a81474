/// A regimen the subject has been on since long before the run, so the run starts at its
/// periodic steady state (an event table's `SS=1` row, NONMEM's steady-state dose).
///
/// "Steady state" is the periodic one of the whole model: drug amounts, receptor pools and the
/// slow adaptation and peptide-feedback states, which take weeks in model 2. It is reached by a
/// pre-run of the regimen alone (no other doses, no stimuli) from the drug-free steady state,
/// one dosing interval at a time, until the state at the start of successive intervals stops
/// changing (`PeriodicSteadyState`). The run itself then starts at the point of that cycle
/// `hoursSinceLastDose` after a dose; the regimen's later doses (from the first one at or after
/// t = 0) are ordinary entries of `Scenario.doses`.
public struct SteadyStateStart: Sendable, Equatable {
    /// Library id of the drug.
    public var drug: String
    /// A route with a depot or an IV bolus (not an infusion).
    public var route: Route
    /// The amount of every dose of the regimen (mg).
    public var amountMilligrams: Double
    /// The dosing interval (h, > 0).
    public var intervalHours: Double
    /// Time from the regimen's last dose before the run to t = 0 (h, in (0, `intervalHours`]);
    /// `intervalHours` when a dose of the regimen falls at t = 0 (the run starts at the trough).
    public var hoursSinceLastDose: Double

    public init(drug: String, route: Route, amountMilligrams: Double, intervalHours: Double, hoursSinceLastDose: Double) {
        self.drug = drug
        self.route = route
        self.amountMilligrams = amountMilligrams
        self.intervalHours = intervalHours
        self.hoursSinceLastDose = hoursSinceLastDose
    }
}
