import BuiltInLibrary
import Pharmacology
import Testing
@testable import ScenarioFiles

/// CYP2D6 factors of a metabolite's formation and the irreversible flag: read, checked and
/// written back.
extension DrugDefinitionTests {
    /// Codeine's CYP2D6 factors (poor 0.05, intermediate 0.5, ultrarapid 1.45, from
    /// the built-in library file `drugs.json5`) and methocinnamox's irreversible mu binding are
    /// written by the export and read back value for value, sources included.
    @Test func cyp2d6FactorsAndTheIrreversibleFlagRoundTrip() throws {
        let codeine = try #require(DrugLibrary.builtIn.drug("codeine"))
        let expected = try #require(codeine.metabolites.first?.cyp2d6)
        let text = DrugDefinitionWriter.libraryText([codeine])
        #expect(text.contains("cyp2d6: {"))
        #expect(text.contains("ultrarapid: { value: 1.45, source: "))
        let back = try #require(try DrugLibraryFile.decode(text, file: "codeine.json5", vocabulary: Self.builtInVocabulary,
                                                            definesBuiltIns: true).first)
        #expect(back.metabolites.first?.cyp2d6 == expected)
        #expect(back.metabolites.first?.cyp2d6?.ultrarapid == Sourced(1.45, expected.ultrarapid.source))
        #expect(back.metabolites.first?.cyp2d6?.factor(.poor) == 0.05)

        let mcam = try #require(DrugLibrary.builtIn.drug("methocinnamox"))
        #expect(mcam.bindings.contains { $0.receptor == .mu && $0.irreversible })
        let mcamText = DrugDefinitionWriter.libraryText([mcam])
        #expect(mcamText.contains("irreversible: true,"))
        let mcamBack = try #require(try DrugLibraryFile.decode(mcamText, file: "mcam.json5", vocabulary: Self.builtInVocabulary,
                                                                definesBuiltIns: true).first)
        #expect(mcamBack.bindings.map(\.irreversible) == mcam.bindings.map(\.irreversible))
        #expect(mcamBack == mcam)
    }

    /// A definition's own factors, bare or sourced; a metabolite without them has none.
    @Test func definitionGivesCYP2D6Factors() throws {
        let text = Self.definition(replacing: "metabolites", with:
            "metabolites: { morphine: { formation_fraction: 0.1, cyp2d6: { poor: { value: 0, source: \"no allele\" }, intermediate: 0.5, ultrarapid: 2 } } },")
        let drug = try #require(try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(drug.metabolites.first?.cyp2d6 == CYP2D6Dependence(
            poor: Sourced(0, "no allele"), intermediate: Sourced(0.5, DrugDefinitionFormat.unsourced),
            ultrarapid: Sourced(2, DrugDefinitionFormat.unsourced)))
        let plain = try #require(try DrugLibraryFile.decode(Self.definition(), file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(plain.metabolites.first?.cyp2d6 == nil)
    }

    /// A negative or percentage-sized factor, a missing or unknown phenotype, and a factor
    /// that makes more metabolite than the parent loses (1.45 x 0.79 = 1.15) are errors.
    @Test func badCYP2D6FactorsAreRejected() {
        func errors(_ cyp2d6: String, formation: String = "0.1") -> [String] {
            Self.errors(Self.definition(replacing: "metabolites", with:
                "metabolites: { morphine: { formation_fraction: \(formation), cyp2d6: \(cyp2d6) } },"))
        }
        let reason = "a factor on a normal metabolizer's formation; CYP2D6 gene duplication gives at most a few fold"
        #expect(errors("{ poor: -0.1, intermediate: 0.5, ultrarapid: 1.45 }") == [
            "lib.json5:12: error: drugs[0].metabolites.morphine.cyp2d6.poor: must be a finite number >= 0 and <= 10 (\(reason)), found -0.1",
        ])
        #expect(errors("{ poor: 0.05, intermediate: 0.5, ultrarapid: { value: 145, source: \"percent\" } }") == [
            "lib.json5:12: error: drugs[0].metabolites.morphine.cyp2d6.ultrarapid.value: must be a finite number >= 0 and <= 10 (\(reason)), found 145",
        ])
        #expect(errors("{ poor: 0.05, ultrarapid: 1.45 }") == [
            "lib.json5:12: error: drugs[0].metabolites.morphine.cyp2d6: missing required key 'intermediate'",
        ])
        #expect(errors("{ poor: 0.05, intermediat: 0.5, ultrarapid: 1.45 }") == [
            "lib.json5:12: error: drugs[0].metabolites.morphine.cyp2d6: missing required key 'intermediate'",
            "lib.json5:12: error: drugs[0].metabolites.morphine.cyp2d6.intermediat: unknown key 'intermediat'; did you mean 'intermediate'?",
        ])
        #expect(errors("{ poor: 0.05, intermediate: 0.5, ultrarapid: 1.45 }", formation: "0.79") == [
            "lib.json5:12: error: drugs[0].metabolites.morphine.cyp2d6.ultrarapid: ultrarapid 1.45 x formation_fraction 0.79 is above 1: "
                + "a phenotype's formation must stay a share of the parent's clearance; lower the factor or the fraction",
        ])
    }
}
