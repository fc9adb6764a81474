import BuiltInLibrary
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
    package var base: CompiledModel { writer.base }
    /// The base with its parameter catalogue read once (per worker: `workerCopy`), so a member's
    /// model does not rebuild the catalogue (`CompiledModel.ParameterWriter`).
    let writer: CompiledModel.ParameterWriter
    /// The library the base model was compiled from (before the scenario's overrides).
    let library: DrugLibrary
    let baseValues: [Double]
    /// The range of each parameter name (`ParameterCatalog`), nil for dose fields.
    let ranges: [ParameterRange?]
    /// Per member, the scenario it runs (an event table of several subjects: member k has the
    /// k-th ID's regimen); each member is then compiled from its scenario with its values as
    /// overrides. nil: every member runs the base scenario.
    package var memberScenarios: [Scenario]?
    /// Per member, the event table `ID` it takes its regimen from (written in the summary's
    /// `subject_id` column, so a row can be joined to the table); nil exactly when `memberScenarios` is nil.
    package var memberIDs: [String]?
    /// True when some name is a dose field (each member is then compiled from scratch).
    package var recompilesPerMember: Bool { targets.contains { if case .dose = $0 { return true } else { return false } } }

    /// Resolves `names` against `base`.
    /// - Throws: `StudyError.unknownParameter`, `.invalidDoseField`, `.duplicateName`.
    package init(names: [String], base: CompiledModel, library: DrugLibrary = .builtIn) throws(StudyError) {
        let writer = base.parameterWriter
        let (parameterNames, values) = (writer.names, writer.values)
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
                // The regimen an event table's SS=1 row starts at steady state: the start is
                // computed from the table's AMT and II, so a varied dose would silently continue
                // a different regimen from the original one's steady state.
                if let start = base.scenario.steadyStateStart, base.scenario.doses[dose].drug == start.drug,
                   base.scenario.doses[dose].route == start.route {
                    throw .invalidDoseField(name: name, reason: "the run starts at the steady state of this \(start.drug) regimen "
                        + "(SS=1 in the event table); vary AMT or II in the table instead, one run per table")
                }
                // Reject a field this schedule does not have now, not at the first member.
                let weight = base.scenario.subject.weightKilograms
                _ = try field.apply(Self.current(field, base.scenario.doses[dose].schedule, weightKilograms: weight) ?? 1,
                                    to: base.scenario.doses[dose].schedule, dose: dose, weightKilograms: weight)
                targets.append(.dose(index: dose, field: field))
            } else {
                throw .unknownParameter(name)
            }
        }
        self.names = names
        self.targets = targets
        self.writer = writer
        self.library = library
        baseValues = values
        ranges = Self.ranges(names: names, targets: targets, library: library)
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
        let writer = fresh.parameterWriter
        var copy = StudyParameters(names: names, targets: targets, writer: writer, library: library, baseValues: writer.values,
                                   ranges: ranges)
        copy.memberScenarios = memberScenarios
        copy.memberIDs = memberIDs
        return copy
    }

    /// `ranges`: those of the same names over the same library (a worker's copy), or nil to look them up.
    private init(names: [String], targets: [Target], writer: CompiledModel.ParameterWriter, library: DrugLibrary,
                 baseValues: [Double], ranges: [ParameterRange?]? = nil) {
        self.names = names
        self.targets = targets
        self.writer = writer
        self.library = library
        self.baseValues = baseValues
        self.ranges = ranges ?? Self.ranges(names: names, targets: targets, library: library)
    }

    /// The range of each name over one catalog built once: `ParameterCatalog.range(of:in:)`
    /// builds the whole catalog per call (nine names: about 86 M instructions, most of the
    /// population benchmark's set-up; Benchmarks/RESULTS.md).
    private static func ranges(names: [String], targets: [Target], library: DrugLibrary) -> [ParameterRange?] {
        let catalog = ParameterCatalog.entries(of: library)
        return zip(names, targets).map { name, target in
            if case .dose = target { return nil }
            return ParameterCatalog.range(of: name, in: library, catalog: catalog)
        }
    }

    /// The base (median) value of every name, in order.
    package var baseNamedValues: [Double] {
        targets.map { target in
            switch target {
            case .parameter(let k): return baseValues[k]
            case .halfLife(let cl, let v1):
                return EliminationHalfLife.hours(centralVolumeLiters: baseValues[v1], clearanceLitersPerHour: baseValues[cl])
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
        case (.startHours, .repeated(let s, _, _, _)), (.startHours, .stepped(let s, _, _)), (.startHours, .infusion(let s, _, _)),
             (.startHours, .patch(let s, _, _, _, _)): return s
        case (.everyHours, .patch(_, let e, _, _, _)): return e
        case (.count, .patch(_, _, let c, _, _)): return Double(c)
        case (.rateMilligramsPerHour, .patch(_, _, _, _, let r)): return r
        case (.count, .repeated(_, _, let c, _)): return Double(c)
        case (.rateMilligramsPerHour, .infusion(_, _, let r)): return r
        case (.durationHours, .infusion(_, let d, _)): return d
        default: return nil
        }
    }

    /// Checks every value of `name` alone against the one check of every setting
    /// (`ScenarioCheck`, as for a scenario file): a dose field's schedule with the value
    /// (ranges, the end of the run), a parameter's range. Rejects a bad grid before any
    /// simulation; combinations are checked when each member is compiled.
    /// - Throws: `StudyError.invalidValues` naming the field (`doses[0].amount_mg`,
    ///   `parameters["mu.turnover_half_life_h"]`) with the message a scenario file gets.
    /// - Complexity: O(values) checks of one dose entry or one parameter.
    package func validate(_ name: String, _ values: [Double]) throws(StudyError) {
        guard let k = names.firstIndex(of: name) else { return }
        switch targets[k] {
        case .dose(let i, let field):
            let schedule = base.scenario.doses[i].schedule
            let weight = base.scenario.subject.weightKilograms
            for v in values {
                let problems = ScenarioCheck.schedule(try field.apply(v, to: schedule, dose: i, weightKilograms: weight),
                                                      durationHours: base.scenario.durationHours)
                if !problems.isEmpty { throw .invalidValues(problems.map { $0.under("doses[\(i)]") }) }
            }
        case .parameter, .halfLife:
            let range = ParameterCatalog.range(of: name, in: library.including(base.scenario.drugs))
            for v in values {
                let problems = ScenarioCheck.parameter(name, v, range: range)
                if !problems.isEmpty { throw .invalidValues(problems) }
            }
        }
    }

    /// The model of one member whose named quantities take `values` (in `names` order).
    /// - Throws: `ModelError` (invalid values, steady state not found), `StudyError.invalidDoseField`.
    package func model(values: [Double], member: Int = 0) throws -> CompiledModel {
        precondition(values.count == targets.count, "one value per name")
        if let memberScenarios {
            // The names of drugs this member is not given are left out (the base has every
            // subject's drugs, so a name may not exist in one member's scenario).
            var scenario = memberScenarios[member]
            let valid = Set(try ReceptorModel.parameterNames(for: scenario, library: library))
            for (name, value) in zip(names, values) where valid.contains(name) { scenario.parameterOverrides[name] = value }
            return try ReceptorModel.compile(scenario, library: library)
        }
        if recompilesPerMember {
            var scenario = base.scenario
            for (target, (name, value)) in zip(targets, zip(names, values)) {
                switch target {
                case .dose(let i, let field):
                    scenario.doses[i].schedule = try field.apply(value, to: scenario.doses[i].schedule, dose: i,
                                                                 weightKilograms: scenario.subject.weightKilograms)
                case .parameter, .halfLife:
                    scenario.parameterOverrides[name] = value
                }
            }
            return try ReceptorModel.compile(scenario, library: library)
        }
        return try writer.model(values: vector(values: values))
    }

    /// `model(values:)` for several value lists of the first member at once (a gradient's
    /// perturbed models) through `writer`, whose catalogue was read once for all of them.
    /// - Throws: as `model(values:member:)`.
    package func models(values lists: [[Double]]) throws -> [CompiledModel] {
        if memberScenarios != nil || recompilesPerMember { return try lists.map { try model(values: $0) } }
        return try lists.map { try writer.model(values: vector(values: $0)) }
    }

    /// The base model's parameter vector with `values` in place (their ranges checked).
    private func vector(values: [Double]) throws -> [Double] {
        precondition(values.count == targets.count, "one value per name")
        // The one check a scenario's override gets (a population's draw may leave a range: a
        // bioavailability above 1): the member fails with the message a file would get.
        var problems: [ScenarioProblem] = []
        for (k, value) in values.enumerated() where !(ranges[k]?.contains(value) ?? true) {
            problems += ScenarioCheck.parameter(names[k], value, range: ranges[k])
        }
        if !problems.isEmpty { throw ModelError.invalidScenario(problems) }
        var vector = baseValues
        for (target, value) in zip(targets, values) {
            if case .parameter(let k) = target { vector[k] = value }
        }
        for (k, target) in targets.enumerated() {
            if case .halfLife(let cl, let v1) = target {
                vector[cl] = EliminationHalfLife.clearanceLitersPerHour(halfLifeHours: values[k], centralVolumeLiters: vector[v1])
            }
        }
        return vector
    }
}
