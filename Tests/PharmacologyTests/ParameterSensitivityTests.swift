import BuiltInLibrary
import Foundation
import Integrators
import Testing
@testable import Pharmacology

/// The receptor model's ∂f/∂ln p (`ParametricReceptorSystem`) and its forward sensitivities
/// (`ReceptorModel.simulateWithSensitivities`), checked against central differences taken
/// independently: f of the scenario recompiled at p e^{±1e-3} and p e^{±2e-3} (a five-point
/// stencil), and whole simulations at p e^{±1e-3} with tight tolerances.
@Suite struct ParameterSensitivityTests {
    /// Model-2 scenarios with a full agonist (oral morphine: depot, metabolite), a partial
    /// agonist (sublingual buprenorphine), an antagonist (IV naloxone after IV morphine) and
    /// every ligand-bearing feature (`kitchenSinkScenario`).
    static let scenarios: [(name: String, scenario: Scenario, parameters: [String])] = [
        ("morphine oral", Scenario(
            name: "morphine oral", durationHours: 12,
            doses: [dose("morphine", .oral, .single(atHours: 0, amountMilligrams: 30))]),
         ["morphine.clearance_l_per_h", "morphine.central_volume_l", "morphine.oral.absorption_rate_per_h",
          "morphine.oral.bioavailability", "morphine.molar_mass_g_per_mol", "morphine.mu.ki_nM",
          "morphine.mu.kon_per_nM_per_h", "morphine.mu.efficacy", "mu.turnover_half_life_h",
          "mu.desensitization_rate_per_h", "endorphin.baseline_nM", "uncoupling.gain", "dependence.fast_gain",
          "lc.ac_coupling"]),
        ("buprenorphine sublingual", Scenario(
            name: "buprenorphine sublingual", durationHours: 12,
            doses: [dose("buprenorphine", .sublingual, .single(atHours: 0, amountMilligrams: 8))]),
         ["buprenorphine.clearance_l_per_h", "buprenorphine.sublingual.bioavailability", "buprenorphine.mu.ki_nM",
          "buprenorphine.mu.efficacy", "mu.recycling_half_life_h", "respiration.coupling"]),
        ("naloxone after morphine", Scenario(
            name: "naloxone after morphine", durationHours: 6,
            doses: [dose("morphine", .ivBolus, .single(atHours: 0, amountMilligrams: 10)),
                    dose("naloxone", .ivBolus, .single(atHours: 1, amountMilligrams: 0.4))]),
         ["naloxone.clearance_l_per_h", "naloxone.mu.ki_nM", "naloxone.mu.kon_per_nM_per_h",
          "mu.chaperone_endocytosis_factor", "morphine.mu.ki_nM", "dependence.slow_gain"]),
        // An allosteric modulator (oxytocin: its Kd falls back to the difference of f), NMDA
        // block and ketamine plasticity, and a stress event (the peptides' drive changes, so
        // the directions are rebuilt at the event).
        ("kitchen sink", kitchenSinkScenario(),
         ["oxytocin.mu.modulator_kd_nM", "oxytocin.clearance_l_per_h", "ketamine.clearance_l_per_h",
          "ketamine_plasticity.onset_rate_per_h", "morphine.mu.efficacy", "buprenorphine.mu.ki_nM"]),
    ]

    /// Parameters that move a coefficient `addCoefficientTangent` does not state (a
    /// modulator's): their column is the difference of f between the compiled systems.
    static func fallsBack(_ name: String) -> Bool { name.contains(".modulator_kd_nM") }

    /// The models at p_k e^{±h} for the named parameters.
    /// Scenario `index` compiled, with the system of its parameters' ±h perturbed models.
    static func parametricSystem(_ index: Int) throws -> (name: String, names: [String], model: CompiledModel, system: ParametricReceptorSystem) {
        let (name, scenario, names) = scenarios[index]
        let model = try ReceptorModel.compile(scenario)
        let h = ReceptorModel.sensitivityStep
        let pairs = try perturbed(model, names, step: h)
        return (name, names, model, ParametricReceptorSystem(base: model.system, plus: pairs.map(\.plus.system), minus: pairs.map(\.minus.system), step: h))
    }

    static func perturbed(_ model: CompiledModel, _ names: [String], step: Double) throws -> [(plus: CompiledModel, minus: CompiledModel)] {
        try names.map { name in
            let k = try #require(model.parameterNames.firstIndex(of: name), "no parameter \(name)")
            var up = model.parameterValues, down = up
            up[k] *= exp(step)
            down[k] *= exp(-step)
            return (try model.withParameterValues(up), try model.withParameterValues(down))
        }
    }

    /// Three states: the drug-free start with every dose given at once, and two with every
    /// component moved (effect sites, bound receptors, uncoupling and adaptation states away
    /// from rest, so the rules' nonlinear terms are exercised).
    static func states(_ model: CompiledModel) -> [[Double]] {
        var dosed = model.initialState
        for event in model.events { if case .addAmount(let i, let amount) = event.action { dosed[i] += amount } }
        let scales = model.stateScales
        let moved = dosed.indices.map { i in dosed[i] * (1 + 0.3 * sin(Double(i) + 1)) + 0.05 * scales[i] * (1.2 + cos(Double(i))) }
        let further = dosed.indices.map { i in dosed[i] * (1 - 0.2 * cos(Double(i))) + 0.2 * scales[i] * (1.1 + sin(2 * Double(i))) }
        return [dosed, moved, further]
    }

    /// Every stored property of `ReceptorSystem` is either a coefficient handled exactly, not a
    /// coefficient, or one of the `fixed` lists compared between p e^{±h}: a property added later
    /// without a place fails here instead of being ignored by `ParameterDirection`.
    @Test func everyStoredPropertyOfTheSystemHasAPlaceInTheDirection() throws {
        let (_, _, model, _) = try Self.parametricSystem(0)
        let labels = Mirror(reflecting: model.system).children.compactMap(\.label)
        let placed = ReceptorCoefficient.arrays.map(\.name) + ReceptorCoefficient.scalars.map(\.name)
            + ReceptorCoefficient.notCoefficients + ReceptorCoefficient.fixedIndexArrays.map(\.name)
            + ReceptorCoefficient.fixedIndices.map(\.name) + ReceptorCoefficient.fixedValueArrays.map(\.name)
        #expect(placed.count == Set(placed).count, "a property placed twice")
        #expect(Set(labels) == Set(placed), "unplaced: \(Set(labels).subtracting(placed).sorted()); not stored: \(Set(placed).subtracting(labels).sorted())")
        #expect(labels.count == Set(labels).count)
        // Each name is its key path's property (a mispaired entry would leave one unchecked).
        let paths: [(String, AnyKeyPath)] = ReceptorCoefficient.arrays.map { ($0.name, $0.path) }
            + ReceptorCoefficient.scalars.map { ($0.name, $0.path) } + ReceptorCoefficient.fixedIndexArrays.map { ($0.name, $0.path) }
            + ReceptorCoefficient.fixedIndices.map { ($0.name, $0.path) } + ReceptorCoefficient.fixedValueArrays.map { ($0.name, $0.path) }
        for (name, path) in paths {
            let described = String(describing: path)
            if described.contains("<computed") {
                // A property with an observer prints as computed: compare what the path reads.
                #expect(name == "stimulusIntensity", "\(name): \(path)")
                #expect(model.system[keyPath: path] as? [Double] == model.system.stimulusIntensity)
            } else {
                #expect(described.hasSuffix(".\(name)"), "\(name): \(path)")
            }
        }
    }

    /// `ParameterDirection` reads the listed properties at their byte offsets: each offset read
    /// equals the key path's read, and only the observed `stimulusIntensity` has none (key path).
    @Test func theDirectionReadsTheListedPropertiesAtTheirOffsets() throws {
        let (_, _, model, _) = try Self.parametricSystem(0)
        let offsets = ReceptorCoefficient.fieldOffsets
        func check<V: Equatable>(_ list: [(name: String, path: KeyPath<ReceptorSystem, V>)], _ offsets: [Int?]) {
            #expect(list.count == offsets.count)
            for (entry, offset) in zip(list, offsets) {
                #expect((offset == nil) == (entry.name == "stimulusIntensity"), "\(entry.name)")
                withUnsafePointer(to: model.system) { system in
                    #expect(system.field(entry.path, offset) == model.system[keyPath: entry.path], "\(entry.name)")
                }
            }
        }
        check(ReceptorCoefficient.arrays.map { ($0.name, $0.path) }, offsets.arrays)
        check(ReceptorCoefficient.scalars.map { ($0.name, $0.path) }, offsets.scalars)
        check(ReceptorCoefficient.fixedIndexArrays, offsets.fixedIndexArrays)
        check(ReceptorCoefficient.fixedIndices, offsets.fixedIndices)
        check(ReceptorCoefficient.fixedValueArrays, offsets.fixedValueArrays)
        #expect(offsets.modulatorLigand == MemoryLayout<ReceptorSystem>.offset(of: \ReceptorSystem.modulatorLigand))
        #expect(offsets.modulatorLigand != nil)
    }

    /// A parameter that moves a fixed property (one of each list, written into the plus model
    /// only) makes its direction fall back to the difference of f.
    @Test(arguments: ["stimulusIntensity", "pairLigand", "muReceptor"])
    func aMovedFixedPropertyMakesTheDirectionInexact(property: String) throws {
        let (_, _, model, _) = try Self.parametricSystem(0)
        let base = model.system
        var moved = base
        switch property {
        case "stimulusIntensity": moved.stimulusIntensity[0] += 0.5
        case "pairLigand": moved.pairLigand[0] += 1
        default: moved.muReceptor += 1
        }
        #expect(ParameterDirection(base: base, plus: base, minus: base, step: 1e-4).exact)
        #expect(!ParameterDirection(base: base, plus: moved, minus: base, step: 1e-4).exact, "\(property)")
    }

    @Test(arguments: scenarios.indices)
    func parameterJacobianMatchesDifferencesOfTheRightHandSide(index: Int) throws {
        let (name, names, model, system) = try Self.parametricSystem(index)
        let n = model.dimension, m = names.count
        // The reference: d f/d ln p by the five-point stencil in ln p with δ = 1e-3 of the
        // recompiled f, [−f(2δ) + 8 f(δ) − 8 f(−δ) + f(−2δ)]/(12δ): truncation δ⁴ f⁽⁵⁾/30 ≈
        // 3e-14 of the column where f is smooth, rounding about 1e-16 |f| / δ = 1e-13 |f|.
        let delta = 1e-3
        let references = try names.map { name -> [CompiledModel] in
            let k = model.parameterNames.firstIndex(of: name)!
            return try [2.0, 1, -1, -2].map { j in
                var values = model.parameterValues
                values[k] *= exp(j * delta)
                return try model.withParameterValues(values)
            }
        }
        // Every parameter here takes the exact tangent except a modulator's, which falls back
        // to the difference of f (and is held to that difference's tolerance below).
        for (k, parameter) in names.enumerated() {
            #expect(system.directions[k].exact == !Self.fallsBack(parameter), "\(name), \(parameter): exact tangent or fallback")
        }
        for (s, state) in Self.states(model).enumerated() {
            var matrix = [Double](repeating: 0, count: n * m)
            state.withUnsafeBufferPointer { y in matrix.withUnsafeMutableBufferPointer { system.parameterJacobian(time: 0, state: y, into: $0) } }
            for k in 0..<m {
                let f = references[k].map { reference in
                    var f = [Double](repeating: 0, count: n)
                    state.withUnsafeBufferPointer { y in f.withUnsafeMutableBufferPointer { reference.system.evaluate(time: 0, state: y, derivative: $0) } }
                    return f
                }
                let reference = (0..<n).map { (-f[0][$0] + 8 * f[1][$0] - 8 * f[2][$0] + f[3][$0]) / (12 * delta) }
                let column = Array(matrix[(k * n)..<((k + 1) * n)])
                // The floor: the reference's noise where the true column is zero (the set points
                // come from a steady state solved to 1e-12, over the stencil's 12δ).
                let size = max(reference.map(abs).max() ?? 0, 1e-8)
                // Each row less the stencil's rounding, 18 ε |f_i| / (12δ) ≈ 1.7e-13 |f_i| (1e-12 here):
                // f's largest rows (amounts in nmol) reach 1e4.
                let excess = { (column: [Double]) in
                    (0..<n).map { i in abs(column[i] - reference[i]) - 1e-12 * abs(f[1][i]) }.max() ?? 0
                }
                let error = excess(column)
                if ProcessInfo.processInfo.environment["RECEPTOR_SIM_REPORT_ERRORS"] != nil {
                    // For the record: the difference of f that this ∂f/∂p replaced.
                    var before = system
                    before.usesCoefficientTangent = false
                    var old = [Double](repeating: 0, count: n * m)
                    state.withUnsafeBufferPointer { y in old.withUnsafeMutableBufferPointer { before.parameterJacobian(time: 0, state: y, into: $0) } }
                    print("ERRORS\t\(name)\t\(s)\t\(names[k])\t\(size)\t\(error / size)\t\(excess(Array(old[(k * n)..<((k + 1) * n)])) / size)")
                }
                // Exact ∂f/∂c, and dc/dp exact for the coefficients that are power laws in p: 1e-10
                // of the column (measured <= 1e-11; the difference of f it replaced gave 1.7e-9 =
                // h²/6 for every parameter, the ratio sinh(h)/h). O(h²), 1e-8 of the column, where
                // the compile makes a coefficient a sum (bioavailability: first pass 1 − F and the
                // swallowed share; recycling: the agonist endosome's k_rec f/(1 − f); measured
                // <= 1.3e-9), and for a parameter that moves the rules' constants or set points
                // (an O(h²) difference of the rules, `ParametricReceptorSystem`, measured <= 3.9e-9),
                // plus 1e-8 for the set points' steady-state noise, 1e-12 over the compile step 2e-4.
                // At a kink the stencil itself is off by O(δ): state 0 is the drug-free rest, where
                // the rules' inputs sit at their set points (measured 1.3e-4 for
                // endorphin.baseline_nM): 1e-3.
                let rules = system.directions[k].rulesMove
                let powerLaw = !rules && !names[k].hasSuffix("bioavailability") && names[k] != "mu.recycling_half_life_h"
                    && !Self.fallsBack(names[k])
                // A modulator's parameter keeps the difference of f, O(h²) through the occupancy
                // c/(c + Kd) (measured 9.6e-9 on the first model, 2.0e-7 once f_mu became 0.05,
                // for oxytocin's Kd in the kitchen-sink state 1): 1e-6.
                let tolerance = s == 0 ? 1e-3 : Self.fallsBack(names[k]) ? 1e-6 : powerLaw ? 1e-10 : 1e-8
                #expect(error <= tolerance * size + (rules ? 1e-8 : 1e-12),
                        "\(name), state \(s), \(names[k]): max error \(error), column size \(size)")
                // A parameter that enters only by the doses' amounts (molar mass) or only by an
                // observable (respiration coupling) has a zero column; every other one named here
                // reaches f at some state (a zero column would pass the comparison trivially).
                let absent = names[k].hasSuffix("molar_mass_g_per_mol") || names[k] == "respiration.coupling"
                if absent { #expect(column.allSatisfy { $0 == 0 }, "\(name), \(names[k]) reaches f") }
                else if s == 2 { #expect(size > 1e-9, "\(name), \(names[k]): ∂f/∂p vanishes") }
            }
        }
    }

    @Test(arguments: scenarios.indices)
    func sensitivitiesMatchDifferencesOfWholeSimulations(index: Int) throws {
        let (name, scenario, names) = Self.scenarios[index]
        let model = try ReceptorModel.compile(scenario)
        let columns = try ReceptorModel.columnNames(for: scenario).filter {
            $0.hasSuffix("_plasma_nM") || $0 == "mu_pet_occupancy" || $0 == "mu_surface_rel" || $0 == "respiratory_drive"
                || $0 == "lc_adaptation" || $0 == "withdrawal_index" || $0 == "endorphin_nM"
        }
        let times = stride(from: 0.5, through: scenario.durationHours, by: 0.5).map { $0 }
        var options = ReceptorModel.solverOptions(for: model)
        options.relativeTolerance = .scalar(1e-10)
        options.absoluteTolerance = .perComponent(model.absoluteTolerances(absolute: 1e-13, relative: 1e-10))
        let result = try ReceptorModel.simulateWithSensitivities(
            model, perturbed: try Self.perturbed(model, names, step: ReceptorModel.sensitivityStep), columns: columns,
            outputTimes: times, errorControl: true, options: options)
        let delta = 1e-3
        for (k, pair) in try Self.perturbed(model, names, step: delta).enumerated() {
            var plus = ObservableRecorder(columns: columns), minus = ObservableRecorder(columns: columns)
            try ReceptorModel.simulate(pair.plus, columns: columns, options: options, outputTimes: times, into: &plus)
            try ReceptorModel.simulate(pair.minus, columns: columns, options: options, outputTimes: times, into: &minus)
            for column in columns {
                let reference = zip(plus.series(column), minus.series(column)).map { ($0 - $1) / (2 * delta) }
                let sensitivity = try #require(result.derivativeSeries(column, parameter: k))
                // The floor: the reference's own noise, rtol 1e-10 of the column over the step 1e-3 (1e-7
                // of it), where the true derivative is zero or tiny (a receptor parameter on a plasma
                // column; naloxone's kon on withdrawal_index, 4.7e-10 apart).
                let values = try #require(result.series(column))
                let error = zip(sensitivity, reference).map { abs($0 - $1) }.max() ?? 0
                let size = max(reference.map(abs).max() ?? 0, 1e-4 * (values.map(abs).max() ?? 0), 1e-6)
                // Both sides carry the solvers' error (rtol 1e-10) over the step 1e-3 and an O(1e-6) truncation.
                #expect(error <= 1e-3 * size, "\(name), \(names[k]), \(column): max error \(error), series size \(size)")
            }
        }
    }

    /// A parameter that leaves the circuits' constants alone (`ParameterDirection.circuitsMove`
    /// false) gets the base's circuits in `addRuleConstantSlope`: its rule slope must equal, bit
    /// for bit, the one with each system's own circuits. lc.ac_coupling moves them.
    @Test(arguments: scenarios.indices)
    func sharedCircuitsLeaveTheRuleSlopeUnchanged(index: Int) throws {
        let (name, names, model, system) = try Self.parametricSystem(index)
        let base = model.system, n = model.dimension
        var shared = 0
        for (k, parameter) in names.enumerated() {
            let direction = system.directions[k]
            if parameter == "lc.ac_coupling" { #expect(direction.circuitsMove, "\(name), \(parameter) moves the circuits") }
            guard direction.rulesMove, !direction.circuitsMove else { continue }
            shared += 1
            var nonzero = false
            for state in Self.states(model) {
                let x = state.withUnsafeBufferPointer { base.ruleInputs($0) }
                let columns = [base.rules.circuits(x), nil].map { circuits -> [Double] in
                    var column = [Double](repeating: 0, count: n)
                    state.withUnsafeBufferPointer { y in
                        column.withUnsafeMutableBufferPointer {
                            base.addRuleConstantSlope(direction, inputs: x, circuits: circuits, state: y, into: $0)
                        }
                    }
                    return column
                }
                #expect(columns[0].map(\.bitPattern) == columns[1].map(\.bitPattern), "\(name), \(parameter)")
                if columns[0].contains(where: { $0 != 0 }) { nonzero = true }
            }
            // respiration.coupling moves only an observable's constant: its column is zero.
            #expect(nonzero == (parameter != "respiration.coupling"), "\(name), \(parameter): the rule slope vanishes at every state")
        }
        if index == 0 { #expect(shared > 0, "no morphine parameter shares the circuits") }
    }
}
