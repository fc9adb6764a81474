import Pharmacology

/// The quantities a study sets per member, resolved against one compiled base model, and the
/// way to build each member's model from their values.
///
/// Parameter names (`morphine.clearance_l_per_h`, the derived `morphine.half_life_h`) are set in
/// the compiled parameter vector and the base model is reused (`withParameterValues`: same
/// layout and events, new coefficients and steady state). Dose fields change the events, so a
/// member with any dose field is compiled from its modified scenario, with the parameter values
/// passed as scenario overrides.
package struct StudyParameters: Sendable {
    /// One resolved name.
    enum Target: Sendable, Equatable {
        case parameter(index: Int)
        /// `<drug>.half_life_h`: sets the clearance to ln 2 · V1 / t½ (V1 as set for this member).
        case halfLife(clearance: Int, volume: Int)
        case dose(index: Int, field: DoseField)
    }

    package let names: [String]
    let targets: [Target]
    package let base: CompiledModel
    /// The library the base model was compiled from (before the scenario's overrides).
    let library: DrugLibrary
    let baseValues: [Double]
    /// True when some name is a dose field (each member is then compiled from scratch).
    package var recompilesPerMember: Bool { targets.contains { if case .dose = $0 { return true } else { return false } } }

    /// Resolves `names` against `base`.
    /// - Throws: `StudyError.unknownParameter`, `.invalidDoseField`, `.duplicateName`.
    package init(names: [String], base: CompiledModel, library: DrugLibrary = .builtIn) throws(StudyError) {
        let parameterNames = base.parameterNames
        var index: [String: Int] = [:]
        for (k, name) in parameterNames.enumerated() { index[name] = k }
        var seen: Set<String> = []
        var targets: [Target] = []
        for name in names {
            guard seen.insert(name).inserted else { throw .duplicateName(name) }
            if let k = index[name] {
                targets.append(.parameter(index: k))
            } else if name.hasSuffix(".half_life_h"),
                      let cl = index[String(name.dropLast(".half_life_h".count)) + ".clearance_l_per_h"],
                      let v1 = index[String(name.dropLast(".half_life_h".count)) + ".central_volume_l"] {
                targets.append(.halfLife(clearance: cl, volume: v1))
            } else if let (dose, fieldName) = DoseField.parse(name) {
                guard dose < base.scenario.doses.count else {
                    throw .invalidDoseField(name: name, reason: "the scenario has \(base.scenario.doses.count) dose entries (doses[0] to doses[\(base.scenario.doses.count - 1)])")
                }
                guard let field = DoseField(rawValue: fieldName) else {
                    throw .invalidDoseField(name: name, reason: "fields are " + DoseField.allCases.map(\.rawValue).joined(separator: ", "))
                }
                // Reject a field this schedule does not have now, not at the first member.
                let weight = base.scenario.subject.weightKilograms
                _ = try field.apply(Self.current(field, base.scenario.doses[dose].schedule, weightKilograms: weight) ?? 1,
                                    to: base.scenario.doses[dose].schedule, name: name, weightKilograms: weight)
                targets.append(.dose(index: dose, field: field))
            } else {
                throw .unknownParameter(name)
            }
        }
        self.names = names
        self.targets = targets
        self.base = base
        self.library = library
        baseValues = base.parameterValues
    }

    /// The same parameters over a freshly compiled copy of the base model, for one worker thread.
    ///
    /// Models made by `withParameterValues` share the base's layout arrays. Reading a shared
    /// Swift array from several threads still retains and releases its buffer (the system struct
    /// is copied into the solver), and those atomic reference-count updates on one cache line
    /// from every core serialise the workers. A worker-private base keeps every buffer a worker
    /// touches its own; the compile costs about as much as one steady-state solve (well under 1%
    /// of a member). The numbers are identical: compilation is deterministic.
    func workerCopy() -> StudyParameters {
        guard let fresh = try? ReceptorModel.compile(base.scenario, library: library) else { return self }
        return StudyParameters(names: names, targets: targets, base: fresh, library: library, baseValues: fresh.parameterValues)
    }

    private init(names: [String], targets: [Target], base: CompiledModel, library: DrugLibrary, baseValues: [Double]) {
        self.names = names
        self.targets = targets
        self.base = base
        self.library = library
        self.baseValues = baseValues
    }

    /// The base (median) value of every name, in order.
    package var baseNamedValues: [Double] {
        targets.map { target in
            switch target {
            case .parameter(let k): return baseValues[k]
            case .halfLife(let cl, let v1): return 0.6931471805599453 * baseValues[v1] / baseValues[cl]
            case .dose(let i, let field):
                return Self.current(field, base.scenario.doses[i].schedule, weightKilograms: base.scenario.subject.weightKilograms) ?? .nan
            }
        }
    }

    static func current(_ field: DoseField, _ schedule: DoseSchedule, weightKilograms: Double = 70) -> Double? {
        if let (canonical, factor) = field.inMilligrams(weightKilograms: weightKilograms), canonical != field {
            return current(canonical, schedule).map { $0 / factor }
        }
        switch (field, schedule) {
        case (.amountMilligrams, .single(_, let a)), (.amountMilligrams, .repeated(_, _, _, let a)): return a
        case (.atHours, .single(let t, _)): return t
        case (.everyHours, .repeated(_, let e, _, _)), (.everyHours, .stepped(_, let e, _)): return e
        case (.startHours, .repeated(let s, _, _, _)), (.startHours, .stepped(let s, _, _)), (.startHours, .infusion(let s, _, _)): return s
        case (.count, .repeated(_, _, let c, _)): return Double(c)
        case (.rateMilligramsPerHour, .infusion(_, _, let r)): return r
        case (.durationHours, .infusion(_, let d, _)): return d
        default: return nil
        }
    }

    /// Checks that every value is acceptable for its dose field or within its parameter's range
    /// (`ParameterCatalog.validate`, the check scenario overrides get). Used to reject a bad
    /// grid before any simulation.
    /// - Throws: `StudyError.invalidDoseField`, `.invalidSpecification` for a parameter value.
    package func validateDoseValues(_ name: String, _ values: [Double]) throws(StudyError) {
        guard let k = names.firstIndex(of: name) else { return }
        switch targets[k] {
        case .dose(let i, let field):
            for v in values {
                _ = try field.apply(v, to: base.scenario.doses[i].schedule, name: name, weightKilograms: base.scenario.subject.weightKilograms)
            }
        case .parameter, .halfLife:
            guard let range = ParameterCatalog.range(of: name, in: library.including(base.scenario.drugs)) else { return }
            for v in values {
                do throws(ModelError) {
                    try ParameterCatalog.validate(v, of: name, range: range)
                } catch {
                    throw .invalidSpecification(option: "--vary", text: "\(name)=\(v)", reason: "\(name) \(range.requirement)")
                }
            }
        }
    }

    /// The model of one member whose named quantities take `values` (in `names` order).
    /// - Throws: `ModelError` (invalid values, steady state not found), `StudyError.invalidDoseField`.
    package func model(values: [Double]) throws -> CompiledModel {
        precondition(values.count == targets.count, "one value per name")
        if recompilesPerMember {
            var scenario = base.scenario
            for (target, (name, value)) in zip(targets, zip(names, values)) {
                switch target {
                case .dose(let i, let field):
                    scenario.doses[i].schedule = try field.apply(value, to: scenario.doses[i].schedule, name: name,
                                                                 weightKilograms: scenario.subject.weightKilograms)
                case .parameter, .halfLife:
                    scenario.parameterOverrides[name] = value
                }
            }
            return try ReceptorModel.compile(scenario, library: library)
        }
        var vector = baseValues
        for (target, value) in zip(targets, values) {
            if case .parameter(let k) = target { vector[k] = value }
        }
        for (k, target) in targets.enumerated() {
            if case .halfLife(let cl, let v1) = target {
                let value = values[k]
                try ParameterCatalog.validate(value, of: names[k], range: .halfLife)
                vector[cl] = 0.6931471805599453 * vector[v1] / value
            }
        }
        return try base.withParameterValues(vector)
    }
}
