import BuiltInLibrary
import Pharmacology
import Testing
@testable import ScenarioFiles

/// Drugs defined or amended inside a scenario, and the doses that use them.
extension DrugDefinitionTests {
    @Test func scenarioDefinesADrugAndDosesIt() throws {
        let loaded = try decodeValid("""
            {
              name: "user drug", duration_h: 2,
              drugs: [{ id: "my_opioid", molar_mass_g_per_mol: 300, routes: { iv_bolus: {} }, central_volume_l: 10,
                        half_life_h: 1, ke0_per_h: 5, fraction_unbound: 0.5,
                        bindings: { mu: { class: "agonist", ki_nM: 2, efficacy: 0.9, arrestin_bias: 0.3 } } }],
              doses: [{ drug: "my_opioid", route: "iv_bolus", amount_mg: 1, at_h: 0 }],
            }
            """)
        #expect(loaded.scenario.drugs.map(\.id) == ["my_opioid"])
        #expect(loaded.scenario.doses == [DoseRegimen(drug: "my_opioid", route: .ivBolus, schedule: .single(atHours: 0, amountMilligrams: 1))])
        // Its routes are its own: an oral dose of it is refused with the routes it has.
        #expect(errorLines("""
            {
              name: "user drug", duration_h: 2,
              drugs: [{ id: "my_opioid", molar_mass_g_per_mol: 300, routes: { iv_bolus: {} }, central_volume_l: 10,
                        half_life_h: 1, ke0_per_h: 5, fraction_unbound: 0.5, bindings: {} }],
              doses: [{ drug: "my_opioid", route: "oral", amount_mg: 1, at_h: 0 }],
            }
            """) == ["test.json5:5: error: doses[0].route: drug 'my_opioid' cannot be given by route 'oral' (supported: iv_bolus)"])
        // A built-in id (of the test vocabulary) cannot be redefined.
        #expect(errorLines("""
            { name: "x", duration_h: 1, drugs: [{ id: "naloxone", molar_mass_g_per_mol: 1, central_volume_l: 1, clearance_l_per_h: 1,
              ke0_per_h: 1, fraction_unbound: 1, bindings: {} }] }
            """).first?.hasPrefix("test.json5:1: error: drugs[0].id: drug 'naloxone' is a built-in drug; ") == true)
    }

    /// A dose of a drug whose definition has errors points at that definition: until 2026-12-07
    /// it added "unknown drug 'my_opioid' (see 'receptor-sim drugs' for the library)", as if the
    /// file did not define it.
    @Test func doseOfAnInvalidDefinitionPointsAtIt() {
        #expect(errorLines("""
            {
              name: "user drug", duration_h: 2,
              drugs: [{ id: "my_opioid", molar_mass_g_per_mol: 300, routes: { iv_bolus: {} }, central_volume_l: 10,
                        ke0_per_h: 5, fraction_unbound: 0.5, bindings: {} }],
              doses: [{ drug: "my_opioid", route: "iv_bolus", amount_mg: 1, at_h: 0 }],
            }
            """) == [
            "test.json5:3: error: drugs[0]: give one of 'clearance_l_per_h' and 'half_life_h' (the central elimination half-life ln 2 x central_volume_l / clearance_l_per_h)",
            "test.json5:5: error: doses[0].drug: drug 'my_opioid' is defined at drugs[0], which has errors (listed with that path); fix them to dose it",
        ])
    }

    /// A scenario may change a library drug's name, binding classes and irreversible flags, not its numbers.
    @Test func scenarioAmendsALibraryDrugsNonNumericProperties() throws {
        let library = try DrugLibraryFile.decode(Self.definition(), file: "lib.json5", vocabulary: Self.builtInVocabulary)
        let vocabulary = testVocabulary.including(library: library)
        let loaded = try ScenarioReader.decode("""
            { name: "amended", duration_h: 1,
              drugs: [{ id: "heroin_test", name: "blocker", bindings: { mu: { class: "neutral_antagonist", irreversible: true } } }],
              doses: [{ drug: "heroin_test", route: "iv_bolus", amount_mg: 1, at_h: 0 }] }
            """, file: "s.json5", vocabulary: vocabulary)
        var expected = library[0]
        expected.name = "blocker"
        expected.bindings[0].efficacyClass = .neutralAntagonist
        expected.bindings[0].irreversible = true
        #expect(loaded.scenario.drugs == [expected])
        // Without an amendment the scenario carries the library drug unchanged.
        let plain = try ScenarioReader.decode("{ name: \"p\", duration_h: 1 }", file: "p.json5", vocabulary: vocabulary)
        #expect(plain.scenario.drugs == library)
        do {
            _ = try ScenarioReader.decode("""
                { name: "amended", duration_h: 1,
                  drugs: [{ id: "heroin_test", central_volume_l: 20 }] }
                """, file: "s.json5", vocabulary: vocabulary)
            Issue.record("a number of a library drug was accepted")
        } catch {
            #expect(error.description == "s.json5:2: error: drugs[0].central_volume_l: 'heroin_test' is a drug of the --library file: a scenario "
                + "may change its name, binding classes and irreversible flags; change its numbers with parameters: { \"heroin_test.<parameter>\": ... }")
        }
    }

    /// A built-in drug listed with only name and binding keys is amended for this scenario (an
    /// irreversible naloxone, in the spirit of naloxazone); with a number it is a clash.
    @Test func scenarioAmendsABuiltInDrug() throws {
        let naloxone = try #require(DrugLibrary.builtIn.drug("naloxone"))
        var vocabulary = testVocabulary
        vocabulary.amendableDrugs = DrugLibrary.builtIn.drugs
        let loaded = try ScenarioReader.decode("""
            { name: "irreversible", duration_h: 1,
              drugs: [{ id: "naloxone", bindings: { mu: { irreversible: true } } }],
              doses: [{ drug: "naloxone", route: "iv_bolus", amount_mg: 2, at_h: 0 }] }
            """, file: "s.json5", vocabulary: vocabulary)
        var expected = naloxone
        expected.bindings[expected.bindings.firstIndex { $0.receptor == .mu }!].irreversible = true
        #expect(loaded.scenario.drugs == [expected])
        #expect(expected != naloxone)
        do {
            _ = try ScenarioReader.decode("""
                { name: "clash", duration_h: 1, drugs: [{ id: "naloxone", central_volume_l: 20 }] }
                """, file: "s.json5", vocabulary: vocabulary)
            Issue.record("a built-in drug's number was accepted in drugs")
        } catch {
            #expect(error.description == "s.json5:1: error: drugs[0].id: drug 'naloxone' is a built-in drug; give the definition another id; "
                + "the built-in drug's numbers can be changed with parameters: { \"naloxone.<parameter>\": ... } (see 'receptor-sim drugs naloxone'), "
                + "its name, binding classes and irreversible flags by listing only those keys here")
        }
    }
}
