extension SignallingRules {
    /// The fields of `Drives`, one bit each: which of them `drives(_:circuits:stress:fields:)`
    /// computes.
    public struct DriveFields: OptionSet, Sendable {
        public let rawValue: Int
        @inlinable public init(rawValue: Int) { self.rawValue = rawValue }

        public static let muUncoupling = DriveFields(rawValue: 1 << 0)
        public static let deltaUncoupling = DriveFields(rawValue: 1 << 1)
        public static let kappaUncoupling = DriveFields(rawValue: 1 << 2)
        public static let lcFastTarget = DriveFields(rawValue: 1 << 3)
        public static let lcSlowTarget = DriveFields(rawValue: 1 << 4)
        public static let rewardFastTarget = DriveFields(rawValue: 1 << 5)
        public static let rewardSlowTarget = DriveFields(rawValue: 1 << 6)
        public static let extrinsicTarget = DriveFields(rawValue: 1 << 7)
        public static let ketaminePlasticity = DriveFields(rawValue: 1 << 8)
        public static let endorphinSuppressionTarget = DriveFields(rawValue: 1 << 9)
        public static let dynorphinInductionTarget = DriveFields(rawValue: 1 << 10)
        public static let all = DriveFields(rawValue: (1 << 11) - 1)

        public static let uncoupling: DriveFields = [.muUncoupling, .deltaUncoupling, .kappaUncoupling]
        /// The fields that read the circuits (`circuits`).
        public static let readingCircuits: DriveFields = [
            .lcFastTarget, .lcSlowTarget, .rewardFastTarget, .rewardSlowTarget, .extrinsicTarget,
            .endorphinSuppressionTarget, .dynorphinInductionTarget,
        ]
    }

    /// The fields of `drives` that can differ between these rules and `other` at the same inputs:
    /// each constant that differs marks the fields that read it (itself or through `circuits`),
    /// and a difference anywhere else (a constant added later and not listed here) marks them
    /// all, so a dependency is never dropped silently. Why: the rules' constant slope
    /// (`ReceptorSystem.addRuleConstantSlope`) evaluated every field twice per parameter, and
    /// most parameters move one constant (a gain) read by a few fields (issue 14).
    public func drivesThatDiffer(_ other: SignallingRules) -> DriveFields {
        var fields: DriveFields = []
        var rest = other
        func mark<Value: Equatable>(_ path: WritableKeyPath<SignallingRules, Value>, _ readers: DriveFields) {
            if self[keyPath: path] != other[keyPath: path] { fields.formUnion(readers) }
            rest[keyPath: path] = self[keyPath: path]
        }
        for path in [\SignallingRules.rewardCoupling, \.lcCoupling, \.deltaCoupling, \.kappaCoupling, \.rewardACCoupling,
                     \.lcACCoupling, \.deltaPotentiation, \.dopamineFloor, \.dopamineKappaInhibition] {
            mark(path, .readingCircuits)
        }
        for path in [\SignallingRules.respirationCoupling, \.respirationSlope, \.dysphoriaTonic, \.dysphoriaKappaWeight,
                     \.dysphoriaStressWeight, \.dysphoriaPainWeight, \.dysphoriaRejectionWeight, \.dysphoriaMuRelief,
                     \.dysphoriaKetamineRelief] {
            mark(path, [])
        }
        for path in [\SignallingRules.uncouplingOnsetRate, \.uncouplingRecoveryRate, \.uncouplingGain, \.uncouplingSmoothingWidth] {
            mark(path, .uncoupling)
        }
        mark(\.muActivationSetPoint, .muUncoupling)
        mark(\.deltaActivationSetPoint, .deltaUncoupling)
        mark(\.kappaActivationSetPoint, .kappaUncoupling)
        mark(\.nmdaShare, DriveFields.uncoupling.union([.lcSlowTarget, .rewardSlowTarget, .extrinsicTarget]))
        mark(\.fastGain, [.lcFastTarget, .rewardFastTarget])
        mark(\.slowGain, [.lcSlowTarget, .rewardSlowTarget])
        mark(\.smoothingWidth, [.lcFastTarget, .lcSlowTarget, .rewardFastTarget, .rewardSlowTarget, .extrinsicTarget])
        mark(\.lcACSetPoint, [.lcFastTarget, .lcSlowTarget, .extrinsicTarget])
        mark(\.rewardACSetPoint, [.rewardFastTarget, .rewardSlowTarget])
        for path in [\SignallingRules.acOpposition, \.toneLossShare, \.toneLossHalfAdaptation, \.extrinsicSmoothingWidth,
                     \.extrinsicGain, \.lcSetPoint] {
            mark(path, .extrinsicTarget)
        }
        mark(\.ketamineOnsetRate, .ketaminePlasticity)
        mark(\.ketamineDecayRate, .ketaminePlasticity)
        mark(\.rewardSetPoint, .endorphinSuppressionTarget)
        for path in [\SignallingRules.dopamineSetPoint, \.dynorphinDriveFromDopamine, \.dynorphinDriveFromAdaptation,
                     \.dynorphinDriveFromStress] {
            mark(path, .dynorphinInductionTarget)
        }
        mark(\.enabled, .all)
        return rest == self ? fields : .all
    }
}
