import BuiltInLibrary
import Pharmacology
import Testing
@testable import ScenarioFiles
import TestSupport

/// Seeded random damage to drug definitions: five built-in drugs that between them use every
/// part of the format (routes with a slow depot, a deep compartment, NMDA binding, an allosteric
/// modulation, metabolites) exported as one file (`DrugDefinitionWriter`) and mutated like the shipped scenarios (`ScenarioMutator`). The
/// reader must never crash or hang, and every rejection must name the file and, for a damaged
/// field, that field or its enclosing object. (The shipped scenario with a drug definition,
/// heroin-user-defined.json, is also mutated by `ScenarioFuzzTests`.)
@Suite struct DrugDefinitionFuzzTests {
    static let mutationCount = 200

    // The budget is the fixed, seeded count above; the limit only catches a hang, so it is
    // generous (about 12 s alone in a debug build; one run under heavy load took over 60 s).
    @Test(.timeLimit(.minutes(10))) func mutatedLibraryFilesAreRejectedCleanly() throws {
        let drugs = ["morphine", "buprenorphine", "naltrexone", "ketamine", "oxytocin"].compactMap { DrugLibrary.builtIn.drug($0) }
        try #require(drugs.count == 5)
        let original = Array(DrugDefinitionWriter.libraryText(drugs).utf8)
        let vocabulary = DrugDefinitionTests.builtInVocabulary
        // Valid to begin with.
        #expect(try DrugLibraryFile.decode(original, file: "lib.json5", vocabulary: vocabulary, definesBuiltIns: true) == drugs)
        var mutator = ScenarioMutator(random: SplitMix64(seed: 20_261_206))
        var rejected: [Mutation.Kind: Int] = [:]
        for _ in 0..<Self.mutationCount {
            let kind = Mutation.Kind.allCases[Int.random(in: 0..<Mutation.Kind.allCases.count, using: &mutator.random)]
            let mutation = mutator.mutate(original, kind: kind)
            do {
                _ = try DrugLibraryFile.decode(mutation.bytes, file: "fuzz.json5", vocabulary: vocabulary, definesBuiltIns: true)
                #expect(mutation.kind != .invalidUTF8 && mutation.kind != .deepNesting && mutation.kind != .duplicateKey,
                        "\(mutation.kind) accepted")
            } catch {
                rejected[mutation.kind, default: 0] += 1
                for problem in error.problems {
                    #expect(problem.description.hasPrefix("fuzz.json5:") && problem.description.contains(" error: "), "\(problem)")
                    #expect(!problem.description.contains("\n"), "one line per problem: \(problem)")
                }
                guard [.deleteKey, .wrongType, .badNumber, .renameKey, .duplicateKey].contains(mutation.kind), let path = mutation.path else { continue }
                // The drug entry (drugs[i]) the damage is in is named by some problem.
                let entry = String(path.prefix { $0 != "." })
                let named = error.problems.contains { problem in
                    problem.path.hasPrefix(entry) || problem.description.contains(path)
                        || (mutation.key.map { problem.description.contains($0) } ?? false)
                }
                #expect(named, "\(mutation.kind) at '\(path)': \(error)")
            }
        }
        for kind in [Mutation.Kind.invalidUTF8, .deepNesting, .duplicateKey, .wrongType, .badNumber, .deleteKey] {
            #expect((rejected[kind] ?? 0) > 0, "no \(kind) mutation was rejected: \(rejected)")
        }
    }
}
