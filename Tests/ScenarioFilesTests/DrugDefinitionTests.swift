import BuiltInLibrary
import Pharmacology
import Testing
@testable import ScenarioFiles

/// Drugs defined as data (issue 16): the export of every built-in drug reads back to an equal
/// `Drug`, and wrong definitions are rejected with the scenario reader's precise messages.
@Suite struct DrugDefinitionTests {
    /// The built-in drugs' ids and routes, as the command line's vocabulary has them.
    static let builtInVocabulary: ScenarioVocabulary = {
        var vocabulary = ScenarioVocabulary(
            drugRoutes: Dictionary(DrugLibrary.builtIn.drugs.map { ($0.id, $0.supportedRoutes) }, uniquingKeysWith: { a, _ in a }),
            parameterNames: { _ in [] }, columnNames: { _ in [] }, solverMethods: ["rodas5p"])
        vocabulary.reservedDrugIDs.formUnion(DrugLibrary.builtIn.peptides.map(\.id))
        return vocabulary
    }()

    /// A valid definition (heroin as a one-compartment drug: t½ 3.0 min and CL 30.8 mL/kg/min,
    /// Inturrisi et al. 1984 N Engl J Med 310:1213), with `#FIELD#` lines to replace.
    static func definition(replacing field: String = "", with replacement: String = "") -> String {
        var lines = [
            "{",
            "  drugs: [",
            "    {",
            "      id: \"heroin_test\",",
            "      molar_mass_g_per_mol: { value: 369.41, source: \"C21H23NO5\" },",
            "      routes: { iv_bolus: {}, im: { bioavailability: 1, absorption_rate_per_h: 20 } },",
            "      central_volume_l: 9.33,",
            "      clearance_l_per_h: 129.4,",
            "      ke0_per_h: 10,",
            "      fraction_unbound: 0.6,",
            "      bindings: { mu: { class: \"agonist\", ki_nM: 1.2, efficacy: 1, arrestin_bias: 0.5 } },",
            "      metabolites: { morphine: { formation_fraction: 0.79 } },",
            "    },",
            "  ],",
            "}",
        ]
        if !field.isEmpty, let index = lines.firstIndex(where: { $0.drop(while: { $0 == " " }).hasPrefix(field + ":") }) {
            if replacement.isEmpty { lines.remove(at: index) } else { lines[index] = "      " + replacement }
        }
        return lines.joined(separator: "\n")
    }

    static func errors(_ text: String) -> [String] {
        do {
            _ = try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: builtInVocabulary)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func everyBuiltInDrugRoundTripsThroughItsExport() throws {
        for drug in DrugLibrary.builtIn.drugs {
            let text = DrugDefinitionWriter.libraryText([drug], header: ["exported"])
            let back = try DrugLibraryFile.decode(text, file: "\(drug.id).json5", vocabulary: Self.builtInVocabulary, definesBuiltIns: true)
            #expect(back == [drug], "\(drug.id)")
        }
        // The whole library in one file, in library order.
        let all = DrugDefinitionWriter.libraryText(DrugLibrary.builtIn.drugs)
        #expect(try DrugLibraryFile.decode(all, file: "all.json5", vocabulary: Self.builtInVocabulary, definesBuiltIns: true)
                == DrugLibrary.builtIn.drugs)
    }

    @Test func validDefinitionGivesTheDrugWithDefaultsAndSources() throws {
        let drugs = try DrugLibraryFile.decode(Self.definition(), file: "lib.json5", vocabulary: Self.builtInVocabulary)
        let drug = try #require(drugs.first)
        #expect(drug.id == "heroin_test" && drug.name == "heroin_test")
        #expect(drug.molarMassGramsPerMole == Sourced(369.41, "C21H23NO5"))
        #expect(drug.centralVolumeLiters == Sourced(9.33, DrugDefinitionFormat.unsourced))
        #expect(drug.routes.map(\.route) == [.ivBolus, .intramuscular])
        #expect(drug.routes[0] == .intravenous(.ivBolus))
        // Defaults are the Swift library's own (lag 0, brain partition 1, kon 40, first pass 0).
        #expect(drug.routes[1].lagHours == RouteParameters(route: .oral, bioavailability: Sourced(1, ""), absorptionRatePerHour: Sourced(1, "")).lagHours)
        #expect(drug.brainPartition.value == 1)
        #expect(drug.bindings[0].konPerNanomolarHour == Sourced.definitionDefaultKon)
        #expect(drug.metabolites == [MetaboliteFormation(
            metabolite: "morphine", formationFraction: Sourced(0.79, DrugDefinitionFormat.unsourced),
            firstPassFraction: Sourced(0, "model assumption: no first-pass formation given in the drug definition"))])
    }

    /// half_life_h sets the clearance ln 2 x V1 / t½ (3 min, V1 9.33 L: 129.35 L/h).
    @Test func halfLifeSetsTheClearance() throws {
        let text = Self.definition(replacing: "clearance_l_per_h", with: "half_life_h: 0.05,")
        let drug = try #require(try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(abs(drug.clearanceLitersPerHour.value - 0.6931471805599453 * 9.33 / 0.05) < 1e-12)
        #expect(abs(drug.eliminationHalfLifeHours - 0.05) < 1e-15)
    }

    @Test func unknownKeyIsNamedWithASuggestion() {
        let lines = Self.errors(Self.definition(replacing: "fraction_unbound", with: "fraction_unbund: 0.6,"))
        #expect(lines == [
            "lib.json5:3: error: drugs[0]: missing required key 'fraction_unbound'",
            "lib.json5:10: error: drugs[0].fraction_unbund: unknown key 'fraction_unbund'; did you mean 'fraction_unbound'?",
        ])
    }

    @Test func outOfRangeNumberQuotesTheCatalogueRange() {
        #expect(Self.errors(Self.definition(replacing: "fraction_unbound", with: "fraction_unbound: 1.5,")) == [
            "lib.json5:10: error: drugs[0].fraction_unbound: must be a finite number > 0 and <= 1 (only the unbound fraction reaches the receptors), found 1.5",
        ])
        #expect(Self.errors(Self.definition(replacing: "central_volume_l", with: "central_volume_l: { value: 0, source: \"typo\" },")) == [
            "lib.json5:7: error: drugs[0].central_volume_l.value: must be a finite number > 0 (concentrations are amounts over this volume, infinite at zero), found 0",
        ])
        #expect(Self.errors(Self.definition(replacing: "routes", with: "routes: { im: { bioavailability: 1.2, absorption_rate_per_h: 20 } },")) == [
            "lib.json5:6: error: drugs[0].routes.im.bioavailability: must be a finite number >= 0 and <= 1 (the share of a dose that reaches the circulation), found 1.2",
        ])
    }

    /// A definition missing required keys still has its numbers range-checked: the missing
    /// keys and the bad values come in one report (the values were hidden until the keys were
    /// given). An incomplete route or binding is checked too; a binding without a class has
    /// only Ki and kon checked (an efficacy's range depends on the class).
    @Test func missingKeysAndOutOfRangeValuesInOneReport() {
        var text = Self.definition(replacing: "molar_mass_g_per_mol")
        text = text.replacingOccurrences(of: "im: { bioavailability: 1, absorption_rate_per_h: 20 }", with: "im: { bioavailability: 1.5 }")
        text = text.replacingOccurrences(of: "mu: { class: \"agonist\", ki_nM: 1.2, efficacy: 1, arrestin_bias: 0.5 }",
                                         with: "mu: { ki_nM: -1, efficacy: 3 }")
        #expect(Self.errors(text) == [
            "lib.json5:3: error: drugs[0]: missing required key 'molar_mass_g_per_mol'",
            "lib.json5:5: error: drugs[0].routes.im: missing required key 'absorption_rate_per_h'",
            "lib.json5:5: error: drugs[0].routes.im.bioavailability: must be a finite number >= 0 and <= 1 (the share of a dose that reaches the circulation), found 1.5",
            "lib.json5:10: error: drugs[0].bindings.mu: missing required key 'class'",
            "lib.json5:10: error: drugs[0].bindings.mu.ki_nM: must be a finite number > 0 (binding is ruled by kon and koff = kon · Ki: zero makes binding irreversible or absent and occupancy at rest undefined), found -1",
        ])
    }

    @Test func missingFieldsAreNamed() {
        #expect(Self.errors(Self.definition(replacing: "ke0_per_h")) == ["lib.json5:3: error: drugs[0]: missing required key 'ke0_per_h'"])
        #expect(Self.errors(Self.definition(replacing: "bindings", with: "bindings: { mu: { class: \"agonist\", ki_nM: 1.2 } },")) == [
            "lib.json5:11: error: drugs[0].bindings.mu: missing required key 'efficacy'",
            "lib.json5:11: error: drugs[0].bindings.mu: missing required key 'arrestin_bias'",
        ])
        #expect(Self.errors(Self.definition(replacing: "clearance_l_per_h")) == [
            "lib.json5:3: error: drugs[0]: give one of 'clearance_l_per_h' and 'half_life_h' (the central elimination half-life ln 2 x central_volume_l / clearance_l_per_h)",
        ])
    }

    @Test func unknownReceptorRouteClassAndMetabolite() {
        #expect(Self.errors(Self.definition(replacing: "bindings", with: "bindings: { muu: { class: \"agonist\", ki_nM: 1, efficacy: 1, arrestin_bias: 0 } },")) == [
            "lib.json5:11: error: drugs[0].bindings.muu: unknown receptor 'muu'; did you mean 'mu'? (receptors: mu, delta, kappa, nmda)",
        ])
        #expect(Self.errors(Self.definition(replacing: "bindings", with: "bindings: { mu: { class: \"antagonist\", ki_nM: 1 } },")) == [
            "lib.json5:11: error: drugs[0].bindings.mu.class: unknown binding class 'antagonist'; did you mean 'neutral_antagonist'? (classes: agonist, neutral_antagonist, inverse_agonist)",
        ])
        #expect(Self.errors(Self.definition(replacing: "routes", with: "routes: { sub_lingual: {} },")) == [
            "lib.json5:6: error: drugs[0].routes.sub_lingual: unknown route 'sub_lingual'; did you mean 'sublingual'? (routes: oral, sublingual, intranasal, im, iv_bolus, iv_infusion, sc, oral_er, im_er, sc_er_weekly, sc_er_monthly, transdermal)",
        ])
        #expect(Self.errors(Self.definition(replacing: "metabolites", with: "metabolites: { morfine: { formation_fraction: 0.5 } },")) == [
            "lib.json5:12: error: drugs[0].metabolites.morfine: unknown drug 'morfine'; did you mean 'morphine'? (see 'receptor-sim drugs' for the library)",
        ])
    }

    @Test func idClashingWithABuiltInDrugOrAnotherDefinitionIsRejected() {
        #expect(Self.errors(Self.definition(replacing: "id", with: "id: \"morphine\",")) == [
            "lib.json5:4: error: drugs[0].id: drug 'morphine' is a built-in drug; give the definition another id; the built-in drug's numbers "
                + "can be changed with parameters: { \"morphine.<parameter>\": ... } (see 'receptor-sim drugs morphine')",
        ])
        #expect(Self.errors(Self.definition(replacing: "id", with: "id: \"mu\",")) == [
            "lib.json5:4: error: drugs[0].id: 'mu' names a receptor, a peptide or the model's physiology (parameter names begin with it); choose another drug id",
        ])
        #expect(Self.errors(Self.definition(replacing: "id", with: "id: \"Heroin\",")) == [
            "lib.json5:4: error: drugs[0].id: a drug id must start with a lower-case letter (ids become parts of column and parameter names), found 'Heroin'",
        ])
        let twice = "{ drugs: [\n{ id: \"a\", molar_mass_g_per_mol: 1, central_volume_l: 1, clearance_l_per_h: 1, ke0_per_h: 1, fraction_unbound: 1, bindings: {} },\n"
            + "{ id: \"a\", molar_mass_g_per_mol: 1, central_volume_l: 1, clearance_l_per_h: 1, ke0_per_h: 1, fraction_unbound: 1, bindings: {} },\n] }"
        #expect(Self.errors(twice) == ["lib.json5:3: error: drugs[1].id: drug 'a' is already defined at drugs[0]"])
    }

    /// A keyed object given as another type says what it maps, at its line (the one
    /// `ScenarioDecoder.members` reading for routes, bindings, modulations and metabolites).
    @Test func keyedObjectOfTheWrongTypeSaysWhatItMaps() {
        let cases = [
            ("routes", "routes: [],", "lib.json5:6: error: drugs[0].routes: expected an object (route name: its parameters), found an array"),
            ("bindings", "bindings: 3,", "lib.json5:11: error: drugs[0].bindings: expected an object (receptor: its binding), found a number"),
            ("bindings", "bindings: {}, modulations: \"x\",",
             "lib.json5:11: error: drugs[0].modulations: expected an object (receptor: its modulation), found a string"),
            ("metabolites", "metabolites: [],", "lib.json5:12: error: drugs[0].metabolites: expected an object (metabolite id: its formation), found an array"),
        ]
        for (field, replacement, message) in cases {
            #expect(Self.errors(Self.definition(replacing: field, with: replacement)).contains(message), "\(replacement)")
        }
    }

    @Test func halfLifeWithClearanceConflicts() {
        let text = Self.definition(replacing: "ke0_per_h", with: "ke0_per_h: 10, half_life_h: 0.05,")
        #expect(Self.errors(text) == [
            "lib.json5:9: error: drugs[0].half_life_h: conflicts with 'clearance_l_per_h': the half-life sets the clearance (ln 2 x central_volume_l / half_life_h); give one of them",
        ])
    }
}
