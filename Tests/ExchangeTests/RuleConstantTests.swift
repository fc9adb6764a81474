import Foundation
import Testing
@testable import Exchange
@testable import Pharmacology
import TestSupport

/// The signalling rules' constants and set points in the SBML export: named parameters with
/// their catalogue names, values and sources, read by the rules' math, so changing one in the
/// export is the scenario override of the same name.
@Suite struct RuleConstantTests {
    /// Every `Double` stored in `SignallingRules` has exactly one entry (constant or set point):
    /// a constant added to the rules without one would be exported as an anonymous number.
    @Test func everyConstantOfTheRulesHasAnEntry() throws {
        let model = try ReceptorModel.compile(TestScenarios.drugFree)
        let rules = CompiledStructure(model).rules
        let doubles = Mirror(reflecting: rules).children.filter { $0.value is Double }.compactMap(\.label)
        let keyPaths: [WritableKeyPath<SignallingRules, Double>] = RuleConstant.all.map(\.keyPath) + RuleConstant.setPoints.map(\.keyPath)
        #expect(Set(keyPaths).count == keyPaths.count, "an entry is listed twice")
        #expect(keyPaths.count == doubles.count, "SignallingRules stores \(doubles.count) Doubles (\(doubles)), RuleConstant lists \(keyPaths.count)")
        // Each catalogue name is one `receptor-sim parameters` lists, with the value the rules hold.
        let catalogue = Dictionary(uniqueKeysWithValues: ParameterCatalog.entries(of: model.library).map { ($0.name, $0) })
        for c in RuleConstant.all {
            let entry = try #require(catalogue[c.catalogueName], "\(c.catalogueName) is not a catalogue name")
            let value = entry.value(in: model.library).value
            #expect(value == model.library.physiology[keyPath: c.physiology].value, "\(c.catalogueName)")
            #expect(c.rulesValue(from: value) == rules[keyPath: c.keyPath], "\(c.catalogueName)")
        }
    }

    /// In the exported model each constant is a parameter (id = catalogue name as an SId, name =
    /// catalogue name, the catalogue value, SBO:0000002, its source as notes), and some rule or
    /// rate reads it (ketamine plasticity's only where the scenario has that state); no number of the rules depends on a constant without being written by
    /// name, and the one constant written as a number is `respiration.slope` (its value picks
    /// the form: x⁴ for 4, max(x, 0)ⁿ otherwise).
    @Test(arguments: TestScenarios.all.indices)
    func constantsAreNamedParametersTheMathReads(_ index: Int) throws {
        let model = try ReceptorModel.compile(TestScenarios.all[index])
        let exported = try ExportedModel(model)
        #expect(exported.unnamedRuleNumbers.isEmpty, "\(exported.unnamedRuleNumbers)")
        #expect(exported.formDependentConstants == ["respiration.slope"])
        let parameters = Dictionary(uniqueKeysWithValues: exported.parameters.map { ($0.id, $0) })
        var read = Set<String>()
        for r in exported.rules { read.formUnion(r.expression.symbols) }
        for s in exported.states { read.formUnion(s.rate.symbols) }
        for c in RuleConstant.all where c.catalogueName != "respiration.slope" {
            let sourced = model.library.physiology[keyPath: c.physiology]
            let p = try #require(parameters[c.id], "\(c.catalogueName) is no parameter")
            #expect(p.name == c.catalogueName && p.value == sourced.value && p.constant && p.sboTerm == 2, "\(c.id)")
            #expect(p.notes?.contains(sourced.source) == true, "\(c.id): \(p.notes ?? "no notes")")
            // Ketamine plasticity's constants are read only where the state exists (a scenario with an NMDA blocker).
            let hasKetaminePlasticity = CompiledStructure(model).ketaminePlasticityState >= 0
            #expect(read.contains(c.symbol) == (hasKetaminePlasticity || !c.catalogueName.hasPrefix("ketamine_plasticity.")),
                    "\(c.symbol) read: \(read.contains(c.symbol))")
            if case .rateFromHalfLife(let rateID) = c.form {
                let rule = try #require(exported.rules.first { $0.id == rateID })
                #expect(rule.expression == .quotient(.logarithm(.number(2)), .symbol(c.id)))
                #expect(try rule.expression.evaluate([c.id: sourced.value]) == model.system.rules[keyPath: c.keyPath])
            }
        }
        #expect(parameters["respiration_slope"] == nil, "a parameter the math does not read")
        for point in RuleConstant.setPoints {
            let p = try #require(parameters[point.id])
            #expect(p.value == model.system.rules[keyPath: point.keyPath] && read.contains(point.id), "\(point.id)")
        }
    }

    /// The XML text of one constant: the parameter element and a `<ci>` reading it.
    @Test func uncouplingGainIsAParameterInTheDocument() throws {
        let model = try ReceptorModel.compile(TestScenarios.kitchenSink)
        let document = try SBMLExporter.document(for: model)
        let gain = model.library.physiology.uncouplingGain
        #expect(document.contains("<parameter id=\"uncoupling_gain\" name=\"uncoupling.gain\" value=\"\(SBMLExporter.number(gain.value))\" "
                                  + "units=\"dimensionless\" constant=\"true\" sboTerm=\"SBO:0000002\">"))
        #expect(document.contains("<ci>uncoupling_gain</ci>"))
        #expect(document.contains("<ci>uncoupling_onset_half_life_h</ci>"))
        let parsed = ParsedXML(document)
        #expect(parsed.error == nil)
        let notes = parsed.elements.filter { $0.name == "p" && $0.path.contains("parameter") }.map(\.text)
        #expect(notes.contains { $0.contains("'uncoupling.gain'") && $0.contains(gain.source) })
    }

    /// Changing a constant in the export (as a COPASI or libRoadRunner user would) gives the
    /// right-hand side and observables of the scenario compiled with that override: equal to
    /// 1e-12 relative (the same arithmetic in another order; a near-zero derivative to 1e-13 of the largest)
    /// at random states around the steady state.
    /// Only constants that leave the set points and the steady state unchanged qualify: a
    /// coupling moves the set points, which the export holds as numbers.
    @Test(arguments: [("uncoupling.gain", 1.0), ("uncoupling.onset_half_life_h", 3.0), ("uncoupling.recovery_half_life_h", 40.0),
                      ("dependence.fast_gain", 0.9), ("dependence.smoothing_width", 0.02), ("dysphoria.kappa_weight", 1.7),
                      ("ketamine_plasticity.half_life_h", 100.0), ("dependence.slow_half_life_h", 300.0),
                      ("model.nmda_share", 0.6), ("dysphoria.tonic", 0.3)])
    func changingAConstantInTheExportIsTheOverride(_ name: String, _ value: Double) throws {
        let scenario = TestScenarios.kitchenSink
        var changed = scenario
        changed.parameterOverrides[name] = value
        let base = try ExportedModel(try ReceptorModel.compile(scenario))
        let overridden = try ReceptorModel.compile(changed)
        let reference = try ExportedModel(overridden)
        let id = ExportedModel.identifier(name)
        #expect(base.parameters.contains { $0.id == id })
        var rng = SplitMix64(seed: 15)
        var moved = 0   // derivatives and columns the change moves by more than 10 tolerances: the check can fail
        for _ in 0..<5 {
            let y = ExportedMathTests.randomState(around: overridden.initialState, &rng)
            let ours = try base.derivative(state: y, overrides: [id: value])
            let unchanged = try base.derivative(state: y)
            var theirs = Array(repeating: 0.0, count: y.count)
            let system = overridden.system
            y.withUnsafeBufferPointer { yb in
                theirs.withUnsafeMutableBufferPointer { system.evaluate(time: 0, state: yb, derivative: $0) }
            }
            let scale: Double = theirs.reduce(0.0) { max($0, abs($1)) }
            for i in ours.indices {
                let tolerance: Double = 1e-12 * abs(theirs[i]) + 1e-13 * max(scale, 1)
                let difference: Double = abs(ours[i] - theirs[i])
                #expect(difference <= tolerance, "\(name): d\(overridden.stateNames[i])/dt \(ours[i]) against \(theirs[i])")
                if abs(unchanged[i] - theirs[i]) > 10 * tolerance { moved += 1 }
            }
            let a = try base.values(state: y, overrides: [id: value]), b = try reference.values(state: y)
            let before = try base.values(state: y)
            for column in base.columns {
                let x: Double = try #require(a[column]), z: Double = try #require(b[column])
                #expect(abs(x - z) <= 1e-12 * max(1, abs(z)), "\(name): \(column)")
                if abs(try #require(before[column]) - z) > 1e-11 * max(1, abs(z)) { moved += 1 }
            }
        }
        #expect(moved > 0, "\(name) = \(value) moves no derivative and no column")
    }
}
