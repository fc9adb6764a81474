/// The values a library parameter may take for the model to mean something, and why.
///
/// Every `ParameterCatalog` entry has one. A value outside it does not make a different
/// pharmacology but a broken model: a zero half-life or volume is an infinite rate or
/// concentration, a zero baseline or probe leaves an observable relative to nothing. Scenario
/// overrides, sweeps and populations are all checked against the same range
/// (`ParameterCatalog.validate`), so such a value is rejected before any simulation, naming
/// the parameter, instead of surfacing later as a non-finite state.
public struct ParameterRange: Sendable, Equatable {
    public var lowerBound: Double
    public var includesLowerBound: Bool
    /// `.infinity` when there is no upper bound.
    public var upperBound: Double
    public var includesUpperBound: Bool
    /// Why the range is what it is, for messages: "a half-life sets the rate ln 2 / t½".
    public var reason: String

    public init(lowerBound: Double, includesLowerBound: Bool, upperBound: Double = .infinity,
                includesUpperBound: Bool = true, reason: String) {
        self.lowerBound = lowerBound
        self.includesLowerBound = includesLowerBound
        self.upperBound = upperBound
        self.includesUpperBound = includesUpperBound
        self.reason = reason
    }

    /// True for a finite value inside the range.
    public func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        let aboveLower = includesLowerBound ? value >= lowerBound : value > lowerBound
        let belowUpper = includesUpperBound ? value <= upperBound : value < upperBound
        return aboveLower && belowUpper
    }

    /// "must be a finite number > 0 (a half-life sets the rate ln 2 / t½; zero makes it infinite)".
    public var requirement: String {
        var text = "must be a finite number \(includesLowerBound ? ">=" : ">") \(Self.format(lowerBound))"
        if upperBound.isFinite { text += " and \(includesUpperBound ? "<=" : "<") \(Self.format(upperBound))" }
        return text + " (\(reason))"
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    // MARK: The kinds of range the catalogue uses

    /// Strictly positive: zero (or less) makes the model meaningless for `reason`.
    public static func positive(_ reason: String) -> ParameterRange {
        ParameterRange(lowerBound: 0, includesLowerBound: false, reason: reason)
    }

    /// Zero or more: zero switches a process off, which is a meaningful experiment.
    public static func nonNegative(_ reason: String) -> ParameterRange {
        ParameterRange(lowerBound: 0, includesLowerBound: true, reason: reason)
    }

    /// 0 to 1 inclusive.
    public static func fraction(_ reason: String) -> ParameterRange {
        ParameterRange(lowerBound: 0, includesLowerBound: true, upperBound: 1, reason: reason)
    }

    /// Above 0, at most 1.
    public static func positiveFraction(_ reason: String) -> ParameterRange {
        ParameterRange(lowerBound: 0, includesLowerBound: false, upperBound: 1, reason: reason)
    }

    /// Every half-life, the derived `<drug>.half_life_h` included.
    public static let halfLife = positive("a half-life sets the rate ln 2 / t½, infinite at zero")
    static let volume = positive("concentrations are amounts over this volume, infinite at zero")
    static let switchableRate = nonNegative("a rate of zero switches the process off")
    static let gain = nonNegative("a gain of zero switches the feedback off")
    static let weight = nonNegative("a weight of zero leaves the term out")
    /// A CYP2D6 phenotype factor: 0 is no CYP2D6 activity; 10 is far above the 1.3 to 2 fold of
    /// gene duplication, so a percentage written for a factor (145 for 1.45) is caught. The
    /// catalogue and drug definitions (`cyp2d6: {...}`) share it.
    public static let cyp2d6Factor = ParameterRange(
        lowerBound: 0, includesLowerBound: true, upperBound: 10,
        reason: "a factor on a normal metabolizer's formation; CYP2D6 gene duplication gives at most a few fold")
    static let affinity = positive("binding is ruled by kon and koff = kon · Ki: zero makes binding irreversible or absent and occupancy at rest undefined")
}
