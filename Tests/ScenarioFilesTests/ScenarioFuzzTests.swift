import Testing
@testable import ScenarioFiles
import TestSupport

/// Seeded random damage to the shipped scenarios: the reader must never crash, trap or hang, and
/// every rejection must be a `ScenarioError` whose messages name the file and the field.
@Suite struct ScenarioFuzzTests {
    static let mutationCount = 2_000

    // The budget is the fixed, seeded count above; the limit only catches a hang, so it is
    // generous (about 10 s in a debug build; the drug-definition fuzz test once ran past a 60 s limit under heavy load).
    @Test(.timeLimit(.minutes(10))) func mutatedShippedScenariosAreRejectedCleanly() throws {
        try #require(shippedScenarioFiles.count >= 16)
        // Every shipped scenario is valid to begin with.
        for file in shippedScenarioFiles {
            #expect(throws: Never.self) { try ScenarioReader.decode(file.bytes, file: file.name, vocabulary: testVocabulary) }
        }
        var mutator = ScenarioMutator(random: SplitMix64(seed: 20_261_122))
        var rejected: [Mutation.Kind: Int] = [:]
        var accepted: [Mutation.Kind: Int] = [:]
        for n in 0..<Self.mutationCount {
            let source = shippedScenarioFiles[n % shippedScenarioFiles.count]
            let kind = Mutation.Kind.allCases[Int.random(in: 0..<Mutation.Kind.allCases.count, using: &mutator.random)]
            let mutation = mutator.mutate(source.bytes, kind: kind)
            do {
                _ = try ScenarioReader.decode(mutation.bytes, file: "fuzz.json", vocabulary: testVocabulary)
                accepted[mutation.kind, default: 0] += 1
                // Damage that must never be accepted.
                #expect(mutation.kind != .invalidUTF8 && mutation.kind != .deepNesting && mutation.kind != .duplicateKey,
                        "\(mutation.kind) of \(source.name) accepted")
            } catch {
                rejected[mutation.kind, default: 0] += 1
                check(error, for: mutation, of: source.name)
            }
        }
        let total = rejected.values.reduce(0, +)
        // Most mutations break something (seed 20261122: about 1,760 of 2,000 rejected; the accepted
        // ones delete optional keys, or set numbers to values that are still valid).
        #expect(total > Self.mutationCount / 2, "rejected \(rejected), accepted \(accepted)")
        for kind in [Mutation.Kind.invalidUTF8, .deepNesting, .duplicateKey, .wrongType, .badNumber] {
            #expect((rejected[kind] ?? 0) > 0, "no \(kind) mutation was rejected")
        }
    }

    private func check(_ error: ScenarioError, for mutation: Mutation, of source: String) {
        let problems = error.problems
        #expect(!problems.isEmpty)
        for problem in problems {
            let text = problem.description
            #expect(text.hasPrefix("fuzz.json:") && text.contains(" error: "), "\(text)")
            #expect(!text.contains("\n"), "one line per problem: \(text)")
        }
        switch mutation.kind {
        case .invalidUTF8:
            guard case .invalidUTF8 = error else {
                Issue.record("invalid UTF-8 gave \(error)")
                return
            }
        case .deepNesting:
            guard case .nestingTooDeep = error else {
                Issue.record("deep nesting gave \(error)")
                return
            }
        case .deleteKey, .wrongType, .badNumber, .renameKey, .duplicateKey:
            // The rejection names the field that was damaged: its path, its key, or a field of the
            // same enclosing object (a huge every_h is reported as the dose's last time, at count).
            guard let path = mutation.path else { return }
            let parent = path.split(separator: ".").dropLast().joined(separator: ".")
            let parentObject = String(path.prefix(while: { $0 != "." }))
            let named = problems.contains { problem in
                let text = problem.description
                return text.contains(path) || (mutation.key.map { text.contains($0) } ?? false)
                    || (!parent.isEmpty && problem.path.hasPrefix(parent))
                    || (!parentObject.isEmpty && problem.path.hasPrefix(parentObject))
                    || (path.hasPrefix("duration_h") && text.contains("duration_h"))
            }
            #expect(named, "\(mutation.kind) at '\(path)' of \(source): \(error)")
        case .truncate, .byteNoise:
            break
        }
    }
}
