import BuiltInLibrary
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
        // Compartments: the fixed three plus each drug's central (and peripheral) volumes.
        let compartments = parsed.named("compartment")
        #expect(compartments.count == 3 + model.layout.speciesIDs.count + model.system.speciesPeripheral.filter { $0 >= 0 }.count
                + model.system.speciesDeepPeripheral.filter { $0 >= 0 }.count)
        // Every unit referenced is defined (or SBML's base dimensionless and litre).
        let defined = Set(parsed.named("unitDefinition").compactMap { $0.attributes["id"] })
        #expect(defined.isSuperset(of: ["hour", "nM", "mg", "nmol", "per_hour"]))
        for p in parsed.named("parameter") {
            let unit = try #require(p.attributes["units"])
            #expect(defined.contains(unit) || unit == "dimensionless", "\(p.attributes["id"] ?? "?") has unit \(unit)")
        }
        for c in compartments { #expect(c.attributes["units"] == "litre", "\(c.attributes["id"] ?? "?")") }
        for s in parsed.named("species") {
            let unit = try #require(s.attributes["substanceUnits"])
            #expect(unit == "nmol" || unit == "dimensionless", "\(s.attributes["id"] ?? "?") has substance unit \(unit)")
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
        // States: by compiled name, a species (drug amounts, effect sites, receptor pools) or a
        // rate-ruled parameter (the rule-driven states); initial value = the drug-free steady
        // state exactly, and "0" where it is zero.
        let species = parsed.named("species")
        let speciesIDs = Set(species.compactMap { $0.attributes["id"] })
        #expect(rateRules.count + species.count == model.dimension)
        #expect(rateRules.isDisjoint(with: speciesIDs))
        var byName: [String: ParsedXML.Element] = [:]
        for e in parsed.named("parameter") + species {
            if let n = e.attributes["name"], model.stateNames.contains(n) { byName[n] = e }
        }
        var integratedID: [String: String] = [:]
        for (i, name) in model.stateNames.enumerated() {
            let e = try #require(byName[name], "state \(name) missing")
            let id = try #require(e.attributes["id"])
            #expect(e.attributes["constant"] == "false")
            let text: String
            if e.name == "species" {
                let receptorPool = name.hasPrefix("mu.") || name.hasPrefix("delta.") || name.hasPrefix("kappa.") || name.hasPrefix("nmda.")
                #expect(name.hasSuffix("_nmol") || name.hasSuffix(".effect_site_nM") || receptorPool, "\(name) is a species")
                #expect(!name.hasSuffix(".uncoupled"), "\(name) is driven by a rule, not reactions")
                if name.hasSuffix(".effect_site_nM") {
                    #expect(e.attributes["compartment"] == "effect_site" && e.attributes["hasOnlySubstanceUnits"] == "false")
                    text = try #require(e.attributes["initialConcentration"])
                } else {
                    #expect(e.attributes["hasOnlySubstanceUnits"] == "true")
                    let parts = name.split(separator: ".").map(String.init)
                    let compartment = receptorPool ? "brain_receptors" : name.hasSuffix("_depot_nmol") ? "depots"
                        : ExportedModel.identifier(parts[0]) + "_" + parts[1].replacingOccurrences(of: "_nmol", with: "")
                    #expect(e.attributes["compartment"] == compartment, "\(name)")
                    #expect(e.attributes["substanceUnits"] == (receptorPool ? "dimensionless" : "nmol"), "\(name)")
                    text = try #require(e.attributes["initialAmount"])
                }
            } else if name.hasSuffix("_nM") {
                #expect(rateRules.contains(id), "\(name) has a rate rule")
                text = try #require(e.attributes["value"])
            } else {
                // A dimensionless rule-driven state: integrated as itself + 1e-9 (libRoadRunner
                // scales its event-time tolerance by the value), the state an assignment rule.
                let integrated = try #require(parameters[id + SBMLExporter.shiftedSuffix], "\(name) + 1")
                #expect(rateRules.contains(id + SBMLExporter.shiftedSuffix) && !rateRules.contains(id), "\(name)")
                #expect(assignmentRules.contains(id) && e.attributes["value"] == nil, "\(name)")
                #expect(integrated.attributes["value"].flatMap(Double.init) == SBMLExporter.shift + model.initialState[i], "\(name)")
                integratedID[id] = id + SBMLExporter.shiftedSuffix
                continue
            }
            #expect(Double(text) == model.initialState[i], "\(name)")
            if model.initialState[i] == 0 { #expect(text == "0", "\(name) starts at exactly zero: \(text)") }
        }
        // Each state's tolerance scale (the annotation follows its species or parameter).
        var scaleByID: [String: Double] = [:], floorByID: [String: Double] = [:]
        var owner = ""
        for e in parsed.elements {
            if e.name == "species" || e.name == "parameter" { owner = e.attributes["id"] ?? "" }
            if e.name == "receptorsim:state" {
                scaleByID[owner] = e.attributes["absoluteToleranceScale"].flatMap(Double.init)
                floorByID[owner] = e.attributes["relativeToleranceFloorScale"].flatMap(Double.init) ?? 0
            }
        }
        let stateIDs = model.stateNames.map { name in
            let id = byName[name]?.attributes["id"] ?? ""
            return integratedID[id] ?? id
        }
        #expect(stateIDs.map { scaleByID[$0] ?? -1 } == model.stateScales)
        // Depots (and only depots) carry their rtol floor, their largest dose.
        let floors = stateIDs.map { floorByID[$0] ?? -1 }
        #expect(floors == model.relativeToleranceFloorScales)
        for (i, name) in model.stateNames.enumerated() {
            #expect((floors[i] != 0) == name.hasSuffix("_depot_nmol"), "\(name)")
            if floors[i] != 0 { #expect(floors[i] == model.stateScales[i]) }
        }
        // Every CSV column (but time) is a state or an assignment rule with that exact id.
        for column in try ReceptorModel.columnNames(for: model.scenario) where column != "time_h" {
            #expect(assignmentRules.contains(column) || rateRules.contains(column) || speciesIDs.contains(column),
                    "column \(column) missing")
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

    /// Reactions where the model has fluxes: elimination, distribution, absorption, metabolite
    /// formation, effect-site equilibration, reversible binding with the ligand a modifier,
    /// and trafficking; each species is moved by at least one; compartment volumes are the
    /// drug's V1 and an effect site of 1 L.
    @Test func reactionsCarryTheFluxesOfTheModel() throws {
        let model = try ReceptorModel.compile(TestScenarios.kitchenSink)
        let parsed = ParsedXML(try SBMLExporter.document(for: model))
        struct Reaction { var reactants: [String] = [], products: [String] = [], modifiers: [String] = []
                          var reversible = false, hasLaw = false }
        var reactions: [String: Reaction] = [:]
        var current = ""
        for e in parsed.elements {
            switch e.name {
            case "reaction":
                current = e.attributes["id"]!
                reactions[current] = Reaction(reversible: e.attributes["reversible"] == "true")
            case "speciesReference" where e.path.last == "listOfReactants": reactions[current]!.reactants.append(e.attributes["species"]!)
            case "speciesReference" where e.path.last == "listOfProducts": reactions[current]!.products.append(e.attributes["species"]!)
            case "modifierSpeciesReference": reactions[current]!.modifiers.append(e.attributes["species"]!)
            case "kineticLaw": reactions[current]!.hasLaw = true
            default: break
            }
        }
        #expect(reactions.values.allSatisfy { $0.hasLaw })
        let elimination = try #require(reactions["morphine_elimination"])
        #expect(elimination.reactants == ["morphine_central_nmol"] && elimination.products.isEmpty && !elimination.reversible)
        let absorption = try #require(reactions["morphine_oral_depot_nmol_absorption"])
        #expect(absorption.reactants == ["morphine_oral_depot_nmol"] && absorption.products == ["morphine_central_nmol"])
        #expect(reactions["morphine_oral_depot_nmol_presystemic_loss"]?.reactants == ["morphine_oral_depot_nmol"])
        let binding = try #require(reactions["mu_bound_morphine_binding"])
        #expect(binding.reversible && binding.reactants == ["mu_free"] && binding.products == ["mu_bound_morphine"])
        #expect(binding.modifiers.contains("morphine_effect_site_nM"))   // through the rule morphine_brain_nM
        let equilibration = try #require(reactions["morphine_effect_site_equilibration"])
        #expect(equilibration.products == ["morphine_effect_site_nM"] && equilibration.modifiers == ["morphine_central_nmol"])
        let formation = try #require(reactions.first { $0.key.hasPrefix("transfer_morphine_central_nmol_to_") }?.value)
        #expect(formation.reactants.isEmpty && formation.modifiers == ["morphine_central_nmol"])
        for step in ["synthesis", "endocytosis", "resensitization", "recycling", "agonist_recycling", "degradation",
                     "arrestin_internalization", "agonist_degradation"] {
            #expect(reactions["mu_" + step] != nil, "mu_\(step)")
        }
        #expect(reactions["mu_bound_morphine_desensitization"]?.products == ["mu_desensitized"])
        #expect(reactions["mu_bound_morphine_internalization"]?.products == ["mu_internalized_constitutive"])
        // Every species is moved by some reaction.
        let moved = Set(reactions.values.flatMap { $0.reactants + $0.products })
        for s in parsed.named("species") { #expect(moved.contains(s.attributes["id"]!), "\(s.attributes["id"]!)") }
        let sizes = Dictionary(uniqueKeysWithValues: parsed.named("compartment").map { ($0.attributes["id"]!, Double($0.attributes["size"]!)!) })
        let m = model.layout.speciesIDs.firstIndex(of: "morphine")!
        #expect(isClose(sizes["morphine_central"]!, 1 / model.system.speciesInverseV1[m], relative: 1e-15))
        #expect(sizes["effect_site"] == 1)
    }

    /// The drug-free steady state holds no drug: every drug amount, depot, effect site and
    /// drug-bound receptor, and (control phenotype) the peptide feedback states X_e and X_d,
    /// start at exactly 0 in the model and in the SBML text (Newton alone leaves 1e-16 to
    /// 1e-21 there, which SBML tools would take as the scale of their absolute tolerance).
    @Test func drugStatesStartAtExactlyZero() throws {
        let model = try ReceptorModel.compile(TestScenarios.kitchenSink)
        let exported = try ExportedModel(model)
        let drugs = model.layout.speciesIDs
        var checked = 0
        for (i, name) in model.stateNames.enumerated() {
            let bound = name.split(separator: ".").last.map { part in drugs.contains { part == "bound_" + $0 } } ?? false
            let drugState = drugs.contains { name.hasPrefix($0 + ".") } || bound
            guard drugState || name == "endorphin_suppression" || name == "dynorphin_induction" else { continue }
            #expect(model.initialState[i] == 0, "\(name): \(model.initialState[i])")
            #expect(exported.states[i].initialValue == 0)
            checked += 1
        }
        #expect(checked > 20)
        let xml = try SBMLExporter.document(for: model)
        #expect(xml.contains("id=\"morphine_effect_site_nM\" name=\"morphine.effect_site_nM\" compartment=\"effect_site\" initialConcentration=\"0\""))
        #expect(xml.contains("id=\"mu_bound_morphine\" name=\"mu.bound_morphine\" compartment=\"brain_receptors\" initialAmount=\"0\""))
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
