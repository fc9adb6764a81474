/// Every cap on what one scenario may cost, in one place.
///
/// A scenario file is at most a few kilobytes, but a few numbers in it decide how much memory
/// and time a run takes and how large its output is: `count` expands into that many
/// administrations (each an entry of the event schedule and a solver restart), and
/// `duration_h / output.interval_h` rows of every column are written. These caps are checked
/// arithmetically from the schedule (`ScenarioCost`) before anything is expanded, so no input
/// costs more than they allow, not even under `check`.
///
/// The two adjustable caps have command-line overrides (`--max-administrations`,
/// `--max-rows`); the others are properties of the format.
public struct ScenarioLimits: Sendable, Equatable {
    /// Most administrations and events of one run: every dose, every infusion start and end,
    /// every stimulus start and end, over all entries together (`--max-administrations`).
    public var maximumAdministrations: Int
    /// Most output rows of one run (`--max-rows`); also caps rows x columns at
    /// `maximumRows * columnsPerRow`.
    public var maximumRows: Int

    public init(maximumAdministrations: Int = Self.standard.maximumAdministrations,
                maximumRows: Int = Self.standard.maximumRows) {
        self.maximumAdministrations = maximumAdministrations
        self.maximumRows = maximumRows
    }

    /// The defaults.
    ///
    /// - 1,000,000 administrations and events: dosing every hour for the longest run (100
    ///   years) is 876,000. Each costs about 100 bytes in the event schedule and the timeline
    ///   and a solver restart (some ten steps, about 1 µs each in release), so the cap bounds
    ///   the schedule to about 100 MB and its restarts to a few minutes.
    /// - 10 million rows (of at most `columnsPerRow` columns): a 100-year run at the default
    ///   0.25 h is 3.5 million rows; 10 million rows of 50 columns are about 10 GB of CSV, more
    ///   than a spreadsheet, pandas or R on a workstation reads comfortably.
    public static let standard = ScenarioLimits(maximumAdministrations: 1_000_000, maximumRows: 10_000_000)

    /// Columns of an average row in the rows x columns cap (a one-drug scenario has 45-49):
    /// a wider scenario may write proportionally fewer rows.
    public static let columnsPerRow = 50
    /// Largest scenario file accepted (a scenario is a few KB; this bounds parse time and memory).
    public static let maximumFileBytes = 4 << 20
    /// Largest `count` of one repeated dose entry (a property of the format; the total over all
    /// entries is `maximumAdministrations`).
    public static let maximumCountPerEntry = 1_000_000
    /// Longest run accepted (`duration_h`): 100 years.
    public static let maximumDurationHours = 876_000.0
    /// Heaviest subject accepted (`subject.weight_kg`).
    public static let maximumWeightKilograms = 1_000.0
    /// Largest single dose (100 g) and infusion rate (mg/h): far above any clinical amount, low
    /// enough that unit mistakes are caught before they overflow the model.
    public static let maximumAmountMilligrams = 100_000.0
    /// Largest stimulus intensity (1 is a typical event).
    public static let maximumIntensity = 100.0
    /// Largest value accepted for either override: far beyond any use, small enough that the
    /// products below cannot overflow.
    public static let maximumOverride = 1 << 40

    /// Most values (rows x columns, `time_h` included) of one run.
    public var maximumValues: Double { Double(maximumRows) * Double(Self.columnsPerRow) }

    /// Why `cost` has too many administrations and events, or nil.
    public func administrationsProblem(_ cost: ScenarioCost) -> String? {
        guard cost.scheduledEvents > Double(maximumAdministrations) else { return nil }
        return "this scenario has \(ScenarioCost.count(cost.scheduledEvents)) administrations and events "
            + "(\(ScenarioCost.count(cost.doses)) doses, \(ScenarioCost.count(2 * cost.infusions)) infusion starts and ends, "
            + "\(ScenarioCost.count(2 * cost.stimulusEvents)) stimulus starts and ends); the limit is "
            + "\(ScenarioCost.count(Double(maximumAdministrations))); raise --max-administrations or give fewer doses"
    }

    /// Why the output of `cost` is too large, or nil; `coarsen` names what to change
    /// (`output.interval_h`, `--interval`).
    public func outputProblem(_ cost: ScenarioCost, coarsen: String) -> String? {
        guard cost.rows > Double(maximumRows) || cost.values > maximumValues else { return nil }
        return "this scenario would write \(ScenarioCost.count(cost.rows)) rows of \(ScenarioCost.count(cost.columns)) columns "
            + "(\(ScenarioCost.count(cost.values)) values, about \(ScenarioCost.bytes(cost.estimatedBytes))); the limit is "
            + "\(ScenarioCost.count(Double(maximumRows))) rows of \(Self.columnsPerRow) columns; raise --max-rows or coarsen \(coarsen)"
    }
}
