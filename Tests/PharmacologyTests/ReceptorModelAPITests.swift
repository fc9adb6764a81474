import BuiltInLibrary
import Testing
import Integrators
@testable import Pharmacology
import TestSupport

@Suite struct ReceptorModelAPITests {
    let morphine = Scenario(name: "m", durationHours: 1, doses: [
        DoseRegimen(drug: "morphine", route: .oral, schedule: .single(atHours: 0, amountMilligrams: 10)),
    ])

    /// What `compile` says about a scenario it rejects (nil: it compiles).
    private func rejection(_ scenario: Scenario) -> String? {
        do { _ = try ReceptorModel.compile(scenario); return nil } catch { return "\(error)" }
    }

    /// The compiler holds a scenario made in code to the one check of every setting
    /// (`ScenarioCheck`), with the field paths and messages a scenario file gets.
    @Test func errorsNameTheProblem() throws {
        let unknown = Scenario(name: "x", durationHours: 1, doses: [
            DoseRegimen(drug: "heroine", route: .oral, schedule: .single(atHours: 0, amountMilligrams: 1))])
        // heroin is in the library (drugs.json5): a misspelling of it gets a suggestion.
        #expect(rejection(unknown) == "doses[0].drug: unknown drug 'heroine'; did you mean 'heroin'? (see 'receptor-sim drugs' for the library)")
        let unrelated = Scenario(name: "x", durationHours: 1, doses: [
            DoseRegimen(drug: "xylazine", route: .oral, schedule: .single(atHours: 0, amountMilligrams: 1))])
        #expect(rejection(unrelated) == "doses[0].drug: unknown drug 'xylazine' (see 'receptor-sim drugs' for the library)")
        let route = Scenario(name: "x", durationHours: 1, doses: [
            DoseRegimen(drug: "morphine", route: .sublingual, schedule: .single(atHours: 0, amountMilligrams: 1))])
        #expect(rejection(route) == "doses[0].route: drug 'morphine' cannot be given by route 'sublingual' (supported: oral, im, sc, oral_er, iv_bolus, iv_infusion)")
        #expect(ModelError.unsupportedRoute(drug: "morphine", route: .sublingual, supported: [.oral, .ivBolus]).description
                == "drug 'morphine' cannot be given by route 'sublingual' (supported: oral, iv_bolus)")
        var bad = morphine
        bad.parameterOverrides = ["morphine.clearance": 3]
        #expect(rejection(bad) == "parameters[\"morphine.clearance\"]: unknown parameter 'morphine.clearance'; did you mean 'morphine.clearance_l_per_h'?")
        bad.parameterOverrides = ["fentanyl.clearance_l_per_h": 3]  // not in this scenario
        #expect(rejection(bad) == "parameters[\"fentanyl.clearance_l_per_h\"]: unknown parameter 'fentanyl.clearance_l_per_h'")
        let negative = Scenario(name: "x", durationHours: 1, doses: [
            DoseRegimen(drug: "morphine", route: .oral, schedule: .single(atHours: 0, amountMilligrams: -1))])
        #expect(rejection(negative) == "doses[0].amount_mg: must be a finite number >= 0, found -1")
        // Every problem at once, in field order.
        var several = morphine
        several.durationHours = 2
        several.doses[0].schedule = .repeated(startHours: 0, everyHours: 1, count: 4, amountMilligrams: 200_000)
        several.solver.relativeTolerance = 5
        #expect(rejection(several) == "doses[0].amount_mg: must be at most 100000, found 200000; "
            + "doses[0].count: starts at 3 h, after the end of the run (duration_h 2); "
            + "solver.rtol: must be a finite number >= 1e-13 and <= 0.01 (coarser gives results with no correct digit, "
            + "finer asks for less than the round-off of double precision), found 5")
        let model = try ReceptorModel.compile(morphine)
        var sink = ObservableRecorder(columns: [])
        #expect(throws: ModelError.unknownColumn("fentanyl_plasma_nM")) {
            try ReceptorModel.simulate(model, columns: ["fentanyl_plasma_nM"], into: &sink)
        }
    }

    @Test func namesListTheScenarioColumnsAndParameters() throws {
        let columns = try ReceptorModel.columnNames(for: morphine)
        for name in ["time_h", "morphine_plasma_nM", "morphine_brain_nM", "m6g_brain_nM", "endorphin_nM", "enkephalin_nM",
                     "dynorphin_nM", "mu_occupancy_morphine", "mu_occupancy_endorphin", "mu_occupancy_total", "mu_surface_rel",
                     "mu_internal_rel", "mu_total_rel", "mu_stimulus", "mu_uncoupled", "reward_response", "lc_response",
                     "respiration_response", "kappa_response", "lc_adaptation", "lc_adaptation_slow", "reward_adaptation",
                     "dopamine_tone", "respiratory_drive", "withdrawal_signs", "dysphoria", "hedonic_tone",
                     "withdrawal_index", "cows_equivalent", "tolerance_index"] {
            #expect(columns.contains(name), "\(name)")
        }
        #expect(!columns.contains { $0.hasPrefix("nmda") })
        for removed in ["mu_response", "mu_adaptation", "delta_response", "kappa_adaptation"] {
            #expect(!columns.contains(removed), "\(removed) is a model-1 column")
        }
        let ketamine = Scenario(name: "k", durationHours: 1, doses: [
            DoseRegimen(drug: "ketamine", route: .ivBolus, schedule: .single(atHours: 0, amountMilligrams: 35))])
        #expect(try ReceptorModel.columnNames(for: ketamine).contains("nmda_occupancy_ketamine"))
        #expect(try ReceptorModel.columnNames(for: ketamine).contains("nmda_occupancy_dynorphin"))
        let parameters = try ReceptorModel.parameterNames(for: morphine)
        for name in ["morphine.half_life_h", "morphine.oral.bioavailability", "m6g.mu.ki_nM", "mu.turnover_half_life_h",
                     "endorphin.exercise_gain", "dysphoria.kappa_weight", "lc.ac_coupling", "uncoupling.gain"] {
            #expect(parameters.contains(name), "\(name)")
        }
        #expect(!parameters.contains("fentanyl.clearance_l_per_h"))
    }

    /// Compile once, solve many: a new parameter vector keeps the layout and changes the result
    /// exactly as recompiling with the equivalent override does.
    @Test func newParameterVectorReusesLayout() throws {
        let model = try ReceptorModel.compile(morphine)
        var values = model.parameterValues
        let index = try #require(model.parameterNames.firstIndex(of: "morphine.clearance_l_per_h"))
        values[index] = 50
        let swapped = try model.withParameterValues(values)
        #expect(swapped.stateNames == model.stateNames)
        var overridden = morphine
        overridden.parameterOverrides = ["morphine.clearance_l_per_h": 50]
        let recompiled = try ReceptorModel.compile(overridden)
        #expect(swapped.system.speciesK10 == recompiled.system.speciesK10)
        #expect(swapped.system.speciesK10[0] != model.system.speciesK10[0])
        #expect(swapped.initialState == recompiled.initialState)
        #expect(throws: ModelError.invalidValue(path: "parameters", reason: "expected \(values.count) values, got 1")) {
            try model.withParameterValues([1])
        }
    }

    /// The names and values a writer reads together are the ones read apart, and an override
    /// shows at its own name (the value written is the value read back).
    @Test func writerReadsNamesAndValuesTogether() throws {
        var overridden = morphine
        overridden.parameterOverrides = ["morphine.clearance_l_per_h": 70]
        let model = try ReceptorModel.compile(overridden)
        let writer = model.parameterWriter
        let (names, values) = (writer.names, writer.values)
        #expect(names == model.parameterNames)
        #expect(values == model.parameterValues)
        #expect(values[try #require(names.firstIndex(of: "morphine.clearance_l_per_h"))] == 70)
    }

    /// Several vectors at once (a gradient's perturbed models, `withParameterValues(each:)`) give
    /// what a recompile with the equivalent override gives, and a value left as it was keeps
    /// its source.
    @Test func severalParameterVectorsAtOnce() throws {
        let model = try ReceptorModel.compile(morphine)
        let names = model.parameterNames, values = model.parameterValues
        let changed = ["morphine.clearance_l_per_h", "mu.turnover_half_life_h", "morphine.mu.ki_nM"]
        let vectors = try changed.map { name -> [Double] in
            var vector = values
            vector[try #require(names.firstIndex(of: name))] *= 1.5
            return vector
        }
        let batch = try model.withParameterValues(each: vectors)
        #expect(batch.count == changed.count)
        for (k, name) in changed.enumerated() {
            var overridden = morphine
            overridden.parameterOverrides = [name: vectors[k][try #require(names.firstIndex(of: name))]]
            let recompiled = try ReceptorModel.compile(overridden)
            #expect(batch[k].initialState == recompiled.initialState, "\(name)")
            #expect(batch[k].system.speciesK10 == recompiled.system.speciesK10, "\(name)")
            #expect(batch[k].parameterValues == vectors[k], "\(name)")
        }
        let entries = ParameterCatalog.entries(of: model.library)
        let volume = try #require(entries.first { $0.name == "morphine.central_volume_l" })
        #expect(volume.value(in: batch[0].library) == volume.value(in: model.library))
        let clearance = try #require(entries.first { $0.name == "morphine.clearance_l_per_h" })
        #expect(clearance.value(in: batch[0].library).source == "parameter vector")
        #expect(throws: ModelError.invalidValue(path: "parameters", reason: "expected \(values.count) values, got 1")) {
            try model.withParameterValues(each: [values, [1]])
        }
    }

    /// A writer reused for several vectors (population members) gives the models, names and
    /// values of `withParameterValues`, `parameterNames` and `parameterValues`, whatever vector
    /// came before.
    @Test func parameterWriterReusedAcrossVectors() throws {
        let model = try ReceptorModel.compile(morphine)
        let writer = model.parameterWriter
        let (names, values) = (model.parameterNames, model.parameterValues)
        #expect(writer.names == names)
        #expect(writer.values == values)
        let clearance = try #require(names.firstIndex(of: "morphine.clearance_l_per_h"))
        for factor in [0.5, 2.0, 1.0] {
            var vector = values
            vector[clearance] *= factor
            let written = try writer.model(values: vector), direct = try model.withParameterValues(vector)
            #expect(written.initialState == direct.initialState, "\(factor)")
            #expect(written.system.speciesK10 == direct.system.speciesK10, "\(factor)")
            #expect(written.parameterValues == vector, "\(factor)")
        }
        #expect(throws: ModelError.invalidValue(path: "parameters", reason: "expected \(values.count) values, got 1")) {
            try writer.model(values: [1])
        }
    }

    /// A new parameter vector moves the doses as a recompile with the same override does, for
    /// every parameter the dose events read (molar mass, route lag, two-depot split): the
    /// layout is reused, so nothing of a dose may be frozen in it. (The depot split once was:
    /// `fit` and `--vary` saw `slow_depot_fraction` change nothing.)
    @Test func newParameterVectorMovesTheDosesAsARecompile() throws {
        let scenario = Scenario(name: "two depots", durationHours: 24, doses: [
            DoseRegimen(drug: "naloxone", route: .intranasal, schedule: .single(atHours: 1, amountMilligrams: 4)),
            DoseRegimen(drug: "nalmefene", route: .intramuscular, schedule: .single(atHours: 2, amountMilligrams: 1.5)),
        ])
        let model = try ReceptorModel.compile(scenario)
        let names = model.parameterNames.filter { name in
            name.hasSuffix("molar_mass_g_per_mol") || ["naloxone.intranasal.", "nalmefene.im."].contains { name.hasPrefix($0) }
                && (name.hasSuffix("lag_h") || name.hasSuffix("slow_depot_fraction"))
        }
        #expect(names.contains("naloxone.intranasal.slow_depot_fraction") && names.contains("nalmefene.im.slow_depot_fraction"))
        for name in names {
            let index = try #require(model.parameterNames.firstIndex(of: name))
            var values = model.parameterValues
            values[index] = name.hasSuffix("fraction") ? values[index] * 0.5 : values[index] * 1.1 + 0.1
            var overridden = scenario
            overridden.parameterOverrides = [name: values[index]]
            let swapped = try model.withParameterValues(values), recompiled = try ReceptorModel.compile(overridden)
            #expect(swapped.events == recompiled.events, "\(name)")
            #expect(swapped.events != model.events, "\(name) moves no dose")
        }
    }

    /// The RK4 reference method stays stable with the automatic fixed step on a stiff scenario
    /// (naloxone on morphine) and agrees with Rodas5P.
    @Test func rk4WithStableStepAgreesWithDefault() throws {
        var scenario = Scenario(name: "nlx", durationHours: 0.5, doses: [
            DoseRegimen(drug: "morphine", route: .ivBolus, schedule: .single(atHours: 0, amountMilligrams: 10)),
            DoseRegimen(drug: "naloxone", route: .ivBolus, schedule: .single(atHours: 0.1, amountMilligrams: 0.4)),
        ])
        let model = try ReceptorModel.compile(scenario)
        #expect(model.stableFixedStep < 0.01 && model.stableFixedStep > 1e-6)
        var rk4 = ObservableRecorder(columns: ["mu_occupancy_naloxone", "withdrawal_index"])
        scenario.solver.method = .rk4
        try ReceptorModel.simulate(try ReceptorModel.compile(scenario), columns: rk4.columns, intervalHours: 0.1, into: &rk4)
        var rodas = ObservableRecorder(columns: rk4.columns)
        try ReceptorModel.simulate(model, columns: rodas.columns, intervalHours: 0.1, into: &rodas)
        for (a, b) in zip(rk4.series("mu_occupancy_naloxone"), rodas.series("mu_occupancy_naloxone")) {
            #expect(isClose(a, b, relative: 1e-4, absolute: 1e-8))
        }
    }

    /// Streaming: the sink gets one row per output time with the requested columns in order.
    @Test func simulateStreamsRows() throws {
        let model = try ReceptorModel.compile(morphine)
        var sink = ObservableRecorder(columns: ["time_h", "morphine_plasma_nM"])
        try ReceptorModel.simulate(model, columns: sink.columns, intervalHours: 0.25, into: &sink)
        #expect(sink.times == [0, 0.25, 0.5, 0.75, 1])
        #expect(sink.series("time_h") == sink.times)
        #expect(sink.series("morphine_plasma_nM")[0] == 0)
        #expect(sink.series("morphine_plasma_nM")[4] > 0)
    }

    /// Depots are held to rtol of their largest dose, every other state to atol in its natural
    /// scale: 10 mg oral morphine (285.34 g/mol) is 35,046 nmol.
    @Test func depotToleranceIsFlooredAtRelativeToleranceTimesDose() throws {
        let model = try ReceptorModel.compile(morphine)
        let doseNanomole = 10 / 285.34 * 1e6
        let depot = try #require(model.stateNames.firstIndex(of: "morphine.oral_depot_nmol"))
        let central = try #require(model.stateNames.firstIndex(of: "morphine.central_nmol"))
        #expect(isClose(model.stateScales[depot], doseNanomole, relative: 1e-3))
        let tolerances = model.absoluteTolerances(absolute: 1e-9, relative: 1e-6)
        #expect(tolerances[depot] == 1e-6 * model.stateScales[depot])
        #expect(tolerances[central] == 1e-9 * model.stateScales[central])
        #expect(model.relativeToleranceFloorScales.enumerated().allSatisfy { $0.offset == depot || $0.element == 0 })
        // An rtol below atol leaves atol in charge.
        #expect(model.absoluteTolerances(absolute: 1e-9, relative: 1e-12)[depot] == 1e-9 * model.stateScales[depot])
        #expect(ReceptorModel.solverOptions(for: model).absoluteTolerance == .perComponent(tolerances))
    }

    /// The default tolerances (rtol 1e-6, depots to rtol of their dose) keep every column of two
    /// days of oral morphine every 6 h within 3e-6 of its range from an rtol 1e-10 run (measured
    /// 1.05e-6, mu_occupancy_morphine; 0.58e-6 with depots held to rtol of what is left), or
    /// within the default atol 1e-9 for a column whose whole range is below what atol resolves
    /// (delta_uncoupled moves by 2e-6: error 8e-11).
    @Test func defaultTolerancesMatchATightReference() throws {
        var scenario = Scenario(name: "q6h", durationHours: 48, doses: [
            DoseRegimen(drug: "morphine", route: .oral, schedule: .repeated(startHours: 0, everyHours: 6, count: 8, amountMilligrams: 30)),
        ])
        let columns = try ReceptorModel.columnNames(for: scenario).filter { $0 != "time_h" }
        let normal = try simulate(scenario, columns: columns, intervalHours: 0.5)
        scenario.solver = SolverSpecification(relativeTolerance: 1e-10, absoluteTolerance: 1e-14)
        let tight = try simulate(scenario, columns: columns, intervalHours: 0.5)
        for column in columns {
            let reference = tight.series(column), values = normal.series(column)
            let range = max(reference.map(abs).max() ?? 0, 1e-9)
            let worst = zip(values, reference).map { abs($0 - $1) }.max() ?? 0
            #expect(worst <= max(3e-6 * range, 1e-9), "\(column): \(worst) against range \(range)")
        }
    }

    /// The LC extrinsic drive's absolute-tolerance scale (`CompiledModel.lcExtrinsicDriveScale`,
    /// 3): over 28 days of oral morphine every 6 h and 7 days without, it saves Rodas5P attempts
    /// against scale 1 (measured 2725 + 71 against 2778 + 104, release build) while the columns
    /// G feeds stay within 3e-6 of their range from an rtol 1e-9 run (measured against rtol 1e-10:
    /// 1.15e-6, withdrawal_index; scale 10 reached 4.0e-6 in a population member, RESULTS.md).
    @Test func lcExtrinsicDriveScaleSavesStepsAtTheSameAccuracy() throws {
        let scenario = Scenario(name: "q6h then stop", durationHours: 840, doses: [
            DoseRegimen(drug: "morphine", route: .oral, schedule: .repeated(startHours: 0, everyHours: 6, count: 112, amountMilligrams: 30)),
        ])
        let model = try ReceptorModel.compile(scenario)
        let columns = ["withdrawal_signs", "withdrawal_index", "cows_equivalent"]
        let options = ReceptorModel.solverOptions(for: model)
        var normal = ObservableRecorder(columns: columns)
        let statistics = try ReceptorModel.simulate(model, columns: columns, intervalHours: 0.5, options: options, into: &normal)
        var scaleOne = options
        guard case .perComponent(var atol) = options.absoluteTolerance,
              let g = model.stateNames.firstIndex(of: "lc.extrinsic_drive") else { Issue.record("no per-state atol or G"); return }
        atol[g] /= CompiledModel.lcExtrinsicDriveScale
        scaleOne.absoluteTolerance = .perComponent(atol)
        var unscaled = ObservableRecorder(columns: columns)
        let before = try ReceptorModel.simulate(model, columns: columns, intervalHours: 0.5, options: scaleOne, into: &unscaled)
        #expect(statistics.acceptedSteps + statistics.rejectedSteps < before.acceptedSteps + before.rejectedSteps,
                "\(statistics) against \(before)")
        var tight = ObservableRecorder(columns: columns)
        try ReceptorModel.simulate(model, solver: SolverSpecification(relativeTolerance: 1e-9, absoluteTolerance: 1e-12),
                                   columns: columns, intervalHours: 0.5, into: &tight)
        for column in columns {
            let reference = tight.series(column), values = normal.series(column)
            let range = reference.map(abs).max() ?? 0
            let worst = zip(values, reference).map { abs($0 - $1) }.max() ?? 0
            #expect(range > 0.1, "\(column): range \(range)")
            #expect(worst <= 3e-6 * range, "\(column): \(worst) against range \(range)")
        }
    }

    /// The BDF at the default tolerances on nightly naltrexone (fast antagonist binding, a
    /// dose event every night) stays within 2e-5 of each column's range of an rtol 1e-10
    /// Rodas5P run (measured 5.2e-6), while evaluating the Jacobian at most once per ten steps
    /// (measured 19 for 829 steps). The counter-adaptation columns (reward_adaptation,
    /// withdrawal_signs, withdrawal_index, cows_equivalent) are held to 1e-4 of their range
    /// (measured 5.3e-5): their drives are C¹ smooth maxima and max(0, ·), whose kinks the
    /// variable-order BDF resolves less tightly than smooth states; the rebound after each
    /// nightly dose moves them by only 0.002. Columns that barely move are held to 5e-8 (receptor
    /// amounts relative to 1) instead: with the oral naltrexone disposition of 2026-12 (deep
    /// volume 1282 L, Meyer's 4 h half-life) mu_uncoupled moves by 5.2e-4 and lc_adaptation_slow
    /// by 2.3e-5 here, and their measured errors 2.1e-8 and 9.6e-10 are 4e-5 of those ranges.
    /// With MOR recycling after agonist endocytosis (f_mu 0.05, issue 16) cows_equivalent moves
    /// by only 0.0017 COWS points here (error 1.0e-6), so it gets the same floor in COWS units.
    @Test func bdfMatchesATightReferenceWithFewJacobians() throws {
        var scenario = Scenario(name: "ldn", durationHours: 96, doses: [
            DoseRegimen(drug: "naltrexone", route: .oral, schedule: .repeated(startHours: 22, everyHours: 24, count: 4, amountMilligrams: 4.5)),
        ])
        let columns = try ReceptorModel.columnNames(for: scenario).filter { $0 != "time_h" }
        scenario.solver = SolverSpecification(method: .bdf)
        let model = try ReceptorModel.compile(scenario)
        var bdf = ObservableRecorder(columns: ["time_h"] + columns)
        let statistics = try ReceptorModel.simulate(model, columns: bdf.columns, intervalHours: 0.5, into: &bdf)
        #expect(statistics.jacobianEvaluations * 10 <= statistics.acceptedSteps, "\(statistics)")
        #expect(statistics.eventsHandled == 4)
        scenario.solver = SolverSpecification(relativeTolerance: 1e-10, absoluteTolerance: 1e-14)
        let tight = try simulate(scenario, columns: columns, intervalHours: 0.5)
        #expect(bdf.times == tight.times)
        var worstOverall = 0.0
        for column in columns {
            let reference = tight.series(column), values = bdf.series(column)
            let range = max((reference.max() ?? 0) - (reference.min() ?? 0), 1e-6 * (reference.map(abs).max() ?? 0), 1e-12)
            let worst = zip(values, reference).map { abs($0 - $1) }.max() ?? 0
            worstOverall = max(worstOverall, worst / range)
            let kinked = ["reward_adaptation", "lc_adaptation", "withdrawal_signs", "withdrawal_index", "cows_equivalent"]
            // The floor is 5e-8 in the column's own unit; cows_equivalent is COWS points, at most
            // 48 ln 2 / cows.half_index points per unit of withdrawal_index, so its floor is that × 5e-8.
            let floor = column == "cows_equivalent" ? 5e-8 * 48 * 0.6931471805599453 / DrugLibrary.builtIn.physiology.cowsHalfIndex.value : 5e-8
            #expect(worst <= max((kinked.contains(column) ? 1e-4 : 2e-5) * range, floor), "\(column): \(worst) against range \(range)")
        }
        #expect(worstOverall > 0)  // the two runs are independent solves
    }

    /// A custom library without the mu receptor is a clear error, not a model that silently
    /// treats another receptor as mu (or traps when it has none).
    @Test func libraryWithoutMuReceptorIsRejected() {
        let builtIn = DrugLibrary.builtIn
        let withoutMu = DrugLibrary(
            receptors: builtIn.receptors.filter { $0.kind != .mu }, peptides: builtIn.peptides,
            drugs: builtIn.drugs, physiology: builtIn.physiology)
        let scenario = Scenario(name: "no mu", durationHours: 24)
        #expect(throws: ModelError.invalidValue(path: "library.receptors", reason: "needs the parameters of the mu receptor")) {
            try ReceptorModel.compile(scenario, library: withoutMu)
        }
        let noReceptors = DrugLibrary(receptors: [], peptides: builtIn.peptides, drugs: builtIn.drugs, physiology: builtIn.physiology)
        #expect(throws: ModelError.self) { try ReceptorModel.compile(scenario, library: noReceptors) }
    }
}
