import Foundation
import Testing
@testable import Exchange
@testable import Pharmacology
import TestSupport

/// The SBML document: well-formed, complete (every state, parameter, column and event of the
/// compiled model), with the compiled values, deterministic and escaped.
@Suite struct SBMLDocumentTests {
    @Test(arguments: TestScenarios.all.indices)
    func documentIsWellFormedLevel3Version2(_ index: Int) throws {
        let model = try ReceptorModel.compile(TestScenarios.all[index])
        let xml = try SBMLExporter.document(for: model)
        let parsed = ParsedXML(xml)
        #expect(parsed.error == nil)
        let root = try #require(parsed.elements.first)
        #expect(root.name == "sbml")
        #expect(root.attributes["xmlns"] == "http://www.sbml.org/sbml/level3/version2/core")
        #expect(root.attributes["level"] == "3" && root.attributes["version"] == "2")
        let sbmlModel = try #require(parsed.named("model").first)
        #expect(sbmlModel.attributes["timeUnits"] == "hour")
        #expect(parsed.named("compartment").count == 1)
        // Every unit referenced is defined (or SBML's base dimensionless).
        let defined = Set(parsed.named("unitDefinition").compactMap { $0.attributes["id"] })
        #expect(defined.isSuperset(of: ["hour", "nM", "mg", "nmol", "per_hour"]))
        for p in parsed.named("parameter") {
            let unit = try #require(p.attributes["units"])
            #expect(defined.contains(unit) || unit == "dimensionless", "\(p.attributes["id"] ?? "?") has unit \(unit)")
        }
        // Ids unique across the document.
        let ids = parsed.elements.compactMap { $0.attributes["id"] }
        #expect(Set(ids).count == ids.count)
    }

    @Test(arguments: TestScenarios.all.indices)
    func everyStateParameterAndColumnIsPresentWithItsCompiledValue(_ index: Int) throws {
        let model = try ReceptorModel.compile(TestScenarios.all[index])
        let parsed = ParsedXML(try SBMLExporter.document(for: model))
        let parameters = Dictionary(uniqueKeysWithValues: parsed.named("parameter").map { ($0.attributes["id"]!, $0) })
        let rateRules = Set(parsed.named("rateRule").compactMap { $0.attributes["variable"] })
        let assignmentRules = Set(parsed.named("assignmentRule").compactMap { $0.attributes["variable"] })
        // States: by compiled name, initial value = the drug-free steady state exactly.
        #expect(rateRules.count == model.dimension)
        let byName = Dictionary(uniqueKeysWithValues: parsed.named("parameter").compactMap { p in
            p.attributes["name"].map { ($0, p) }
        }.filter { model.stateNames.contains($0.0) })
        for (i, name) in model.stateNames.enumerated() {
            let p = try #require(byName[name], "state \(name) missing")
            #expect(p.attributes["constant"] == "false")
            #expect(rateRules.contains(p.attributes["id"]!))
            #expect(Double(p.attributes["value"] ?? "") == model.initialState[i], "\(name)")
        }
        // Each state's tolerance scale, in state order.
        let annotations = parsed.named("receptorsim:state")
        let scales = annotations.compactMap { $0.attributes["absoluteToleranceScale"].flatMap(Double.init) }
        #expect(scales == model.stateScales)
        // Depots (and only depots) carry their rtol floor, their largest dose.
        let floors = annotations.map { $0.attributes["relativeToleranceFloorScale"].flatMap(Double.init) ?? 0 }
        #expect(floors == model.relativeToleranceFloorScales)
        for (i, name) in model.stateNames.enumerated() {
            #expect((floors[i] != 0) == name.hasSuffix("_depot_nmol"), "\(name)")
            if floors[i] != 0 { #expect(floors[i] == model.stateScales[i]) }
        }
        // Every CSV column (but time) is a state or an assignment rule with that exact id.
        for column in try ReceptorModel.columnNames(for: model.scenario) where column != "time_h" {
            #expect(assignmentRules.contains(column) || rateRules.contains(column), "column \(column) missing")
        }
        // Coefficients carry the compiled numbers.
        let system = model.system
        for (s, id) in model.layout.speciesIDs.enumerated() {
            #expect(Double(parameters[id + "_k10"]?.attributes["value"] ?? "") == system.speciesK10[s])
            #expect(Double(parameters[id + "_inverse_v1"]?.attributes["value"] ?? "") == system.speciesInverseV1[s])
            #expect(parameters[id + "_infusion"]?.attributes["constant"] == "false")
        }
        for (r, kind) in model.layout.receptorKinds.enumerated() {
            #expect(Double(parameters[kind.rawValue + "_ksyn"]?.attributes["value"] ?? "") == system.receptorSynthesis[r])
            #expect(Double(parameters[kind.rawValue + "_control_total"]?.attributes["value"] ?? "") == model.reference.controlTotal[r])
        }
        for p in system.pairState.indices {
            let id = ExportedModel.identifier(model.stateNames[system.pairState[p]])
            #expect(Double(parameters[id + "_kon"]?.attributes["value"] ?? "") == system.pairKon[p])
            #expect(Double(parameters[id + "_koff"]?.attributes["value"] ?? "") == system.pairKoff[p])
        }
        // Every constant parameter referenced by math is declared with a value.
        for p in parsed.named("parameter") where p.attributes["constant"] == "true" {
            #expect(p.attributes["value"].flatMap(Double.init)?.isFinite == true, "\(p.attributes["id"]!)")
        }
    }

    @Test func eventsCoverEveryCompiledEventAtItsTime() throws {
        let model = try ReceptorModel.compile(TestScenarios.kitchenSink)
        let parsed = ParsedXML(try SBMLExporter.document(for: model))
        let compiledTimes = Set(model.events.map(\.timeHours))
        let events = parsed.named("event")
        #expect(events.count == compiledTimes.count)
        // Each trigger is time >= t with initialValue false and persistent true.
        let triggers = parsed.named("trigger")
        #expect(triggers.count == events.count)
        #expect(triggers.allSatisfy { $0.attributes["initialValue"] == "false" && $0.attributes["persistent"] == "true" })
        let triggerTimes = parsed.elements.filter { $0.name == "cn" && $0.path.contains("trigger") }
            .compactMap { Double($0.text.trimmingCharacters(in: .whitespaces)) }
        #expect(Set(triggerTimes) == compiledTimes)
        // The total dose added per state equals the compiled events' total.
        let exported = try ExportedModel(model)
        var exportedAdded: [String: Double] = [:]
        for e in exported.events {
            for a in e.assignments {
                if case .sum(let terms) = a.expression, case .measured(let amount, .nanomole) = terms.last {
                    exportedAdded[a.variable, default: 0] += amount
                }
            }
        }
        var compiledAdded: [String: Double] = [:]
        for e in model.events {
            if case .addAmount(let state, let amount) = e.action {
                compiledAdded[ExportedModel.identifier(model.stateNames[state]), default: 0] += amount
            }
        }
        #expect(Set(exportedAdded.keys) == Set(compiledAdded.keys))
        for (state, amount) in compiledAdded {
            #expect(isClose(exportedAdded[state] ?? 0, amount, relative: 1e-14), "\(state)")
        }
        #expect(exported.events.reduce(0) { $0 + $1.mergedCount } == model.events.count)
        // The infusion ends at zero exactly; overlapping stress windows step 1, 1.5, 0.5, 0.
        let infusionValues = exported.events.flatMap(\.assignments).filter { $0.variable == "ketamine_infusion" }
        #expect(infusionValues.count == 2)
        #expect(infusionValues.last?.expression == .measured(0, .nanomolePerHour))
        let stress = exported.events.flatMap(\.assignments).filter { $0.variable == "stimulus_stress" }.map(\.expression)
        #expect(stress == [.number(1), .number(1.5), .number(0.5), .number(0)])
    }

    @Test func documentIsDeterministicAndEscaped() throws {
        let model = try ReceptorModel.compile(TestScenarios.kitchenSink)
        let first = try SBMLExporter.document(for: model)
        let second = try SBMLExporter.document(for: try ReceptorModel.compile(TestScenarios.kitchenSink))
        #expect(first == second)
        #expect(first.contains("name=\"kitchen sink &lt;&amp;&quot;&#39;&gt;\""))
        #expect(first.contains("id=\"receptor_sim_kitchen_sink______\""))
        let parsed = ParsedXML(first)
        #expect(parsed.named("model").first?.attributes["name"] == "kitchen sink <&\"'>")
    }

    @Test func escapingHandlesEveryPredefinedEntityAndControlCharacters() {
        #expect(XMLText.escape("a<b>&\"c'\u{01}\td") == "a&lt;b&gt;&amp;&quot;c&#39; \td")
        #expect(ExportedModel.identifier("mu.bound_7-OH") == "mu_bound_7_OH")
        #expect(ExportedModel.identifier("7x") == "_7x")
    }

    @Test func numbersRoundTrip() {
        for v in [0.1, 1e-5, 123456789.123, 2.5e-300, -3.75, 1e22, 0.0] {
            #expect(Double(SBMLExporter.number(v)) == v)
        }
    }
}
