import Testing
import Pharmacology
@testable import ScenarioFiles

/// `subject.cyp2d6`: the CYP2D6 metabolizer phenotype, validated like the other subject names.
@Suite struct CYP2D6SubjectTests {
    @Test func phenotypeIsReadAndDefaultsToNormal() throws {
        let fast = try decodeValid("{ name: 'x', duration_h: 1, subject: { cyp2d6: 'ultrarapid' } }")
        #expect(fast.scenario.subject.cyp2d6 == .ultrarapid)
        let absent = try decodeValid("{ name: 'x', duration_h: 1, subject: { phenotype: 'control' } }")
        #expect(absent.scenario.subject.cyp2d6 == .normal)
        // An absent cyp2d6 is not listed among the applied defaults (the listing stays as it was).
        #expect(!absent.resolvedDefaults.contains { $0.path == "subject.cyp2d6" })
    }

    @Test func unknownPhenotypeNamesFileLineAndTheValidNames() {
        #expect(errorLines("""
            { name: 'x', duration_h: 1,
              subject: { cyp2d6: 'fast' } }
            """) == [
            "test.json5:2: error: subject.cyp2d6: unknown CYP2D6 phenotype 'fast' (CYP2D6 phenotypes: poor, intermediate, normal, ultrarapid)",
        ])
        #expect(errorLines("{ name: 'x', duration_h: 1, subject: { cyp2d6: 'ultra' } }") == [
            "test.json5:1: error: subject.cyp2d6: unknown CYP2D6 phenotype 'ultra'; did you mean 'ultrarapid'? (CYP2D6 phenotypes: poor, intermediate, normal, ultrarapid)",
        ])
        #expect(errorLines("{ name: 'x', duration_h: 1, subject: { cyp2d6: 2 } }").first?.hasPrefix("test.json5:1: error: subject.cyp2d6: ") == true)
    }
}
