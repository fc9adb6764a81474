/// What a scenario will cost, computed from its schedule without expanding it: the number of
/// administrations and events, and the size of its output.
///
/// Counts are `Double` so that no input can overflow them (40 entries of `count: 1e6` and a
/// run of 876,000 h at 1e-9 h are plain numbers here); `ScenarioLimits` compares them with the caps.
public struct ScenarioCost: Sendable, Equatable {
    /// Single doses, repeated doses (`count` each) and taper or titration steps.
    public var doses: Double
    public var infusions: Double
    public var stimulusEvents: Double
    /// Output rows: `time_h` = 0, Δ, 2Δ, ... up to `duration_h` (the engine's grid).
    public var rows: Double
    /// Output columns, `time_h` included.
    public var columns: Double

    /// Rough CSV bytes per value: shortest round-trip doubles are 15-22 characters plus the separator.
    public static let bytesPerValue = 20.0

    /// The cost of `scenario` written with `columnCount` data columns (without `time_h`) every
    /// `intervalHours` (nil: the scenario's `output.interval_h`).
    /// - Complexity: O(number of dose and event entries).
    public init(_ scenario: Scenario, columnCount: Int, intervalHours: Double? = nil) {
        var doses = 0.0, infusions = 0.0
        for dose in scenario.doses {
            switch dose.schedule {
            case .single: doses += 1
            case .repeated(_, _, let count, _): doses += Double(count)
            case .stepped(_, _, let amounts): doses += Double(amounts.count)
            case .infusion: infusions += 1
            case .patch(_, _, let count, _, _): infusions += Double(count)
            }
        }
        self.doses = doses
        self.infusions = infusions
        stimulusEvents = Double(scenario.events.count)
        let interval = intervalHours ?? scenario.output.intervalHours
        rows = interval > 0 ? (scenario.durationHours / interval).rounded(.down) + 1 : .infinity
        columns = Double(columnCount + 1)
    }

    /// Every time event of the run: doses, infusion starts and ends, stimulus starts and ends.
    public var scheduledEvents: Double { doses + 2 * infusions + 2 * stimulusEvents }
    /// Values written: rows x columns.
    public var values: Double { rows * columns }
    /// Approximate size of the CSV.
    public var estimatedBytes: Double { values * Self.bytesPerValue }

    /// `3361`, `87.6 M`, `3.94 G`: exact below a million, else three significant digits.
    public static func count(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value < 1e6 { return String(Int64(value)) }
        for (scale, unit) in [(1e12, "T"), (1e9, "G"), (1e6, "M")] where value >= scale {
            return significant(value / scale) + " " + unit
        }
        return String(Int64(value))
    }

    /// `900 B`, `3.4 MB`, `80 GB` (decimal units).
    public static func bytes(_ value: Double) -> String {
        guard value.isFinite else { return "\(value) B" }
        for (scale, unit) in [(1e15, "PB"), (1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "kB")] where value >= scale {
            return significant(value / scale) + " " + unit
        }
        return String(Int64(value)) + " B"
    }

    /// Three significant digits for 1 <= x < 1000, without trailing zeros.
    private static func significant(_ x: Double) -> String {
        let decimals = x >= 100 ? 0 : x >= 10 ? 1 : 2
        let scaled = (x * Double([1, 10, 100][decimals])).rounded()
        var text = String(Int64(scaled))
        if decimals > 0 {
            while text.count <= decimals { text = "0" + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
