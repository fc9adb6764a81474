import BuiltInLibrary
import Foundation
import Pharmacology
import Testing

/// `receptor-sim parameters [PREFIX]` (issue 16): generated from `ParameterCatalog`, so its rows
/// are exactly the catalogue's entries plus each drug's derived half-life.
@Suite struct ParametersCommandTests {
    /// The table rows of a `parameters` output (between the header and the blank line).
    static func rows(_ stdout: String) -> [[String]] {
        let lines = stdout.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.dropFirst().prefix { !$0.isEmpty }.map { line in
            line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
    }

    @Test func everyCatalogueEntryAndDerivedHalfLifeIsListed() throws {
        let result = try runReceptorSim(["parameters"])
        #expect(result.status == 0)
        let names = Self.rows(result.stdout).map(\.[0])
        let library = DrugLibrary.builtIn
        let expected = ParameterCatalog.entries(of: library).map(\.name) + library.drugs.map { $0.id + ".half_life_h" }
        #expect(names.count == expected.count)
        #expect(Set(names) == Set(expected))
        #expect(result.stdout.contains("\n\(expected.count) parameters."))
        #expect(result.stdout.contains("phenotype control | opioid_deficit"))
    }

    @Test func prefixSelectsAndEachRowHasValueUnitRangeSource() throws {
        let result = try runReceptorSim(["parameters", "mu.turnover"])
        #expect(result.status == 0)
        let rows = Self.rows(result.stdout)
        #expect(rows.count == 1)
        #expect(Array(rows[0].prefix(5)) == ["mu.turnover_half_life_h", "48", "h", ">", "0"])
        let morphine = try runReceptorSim(["parameters", "morphine."])
        #expect(Self.rows(morphine.stdout).map(\.[0]).last == "morphine.half_life_h")
        #expect(Self.rows(morphine.stdout).first { $0[0] == "morphine.oral.bioavailability" }.map { Array($0[1...3]) } == ["0.24", "1", "0"])
    }

    @Test func unknownPrefixSuggestsAName() throws {
        let result = try runReceptorSim(["parameters", "morfine."])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("receptor-sim parameters: error: no parameter name starts with 'morfine.'; did you mean 'morphine'?"))
    }

    @Test func libraryDrugsAreListed() throws {
        let library = try writeTemporaryScenario("""
            { drugs: [{ id: "my_drug", molar_mass_g_per_mol: 300, central_volume_l: 10, half_life_h: 2, ke0_per_h: 1,
                        fraction_unbound: 0.5, bindings: { kappa: { class: "neutral_antagonist", ki_nM: 3 } } }] }
            """, name: "lib.json5")
        let result = try runReceptorSim(["parameters", "my_drug.", "--library", library])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = Self.rows(result.stdout)
        #expect(rows.map(\.[0]) == ["my_drug.molar_mass_g_per_mol", "my_drug.central_volume_l", "my_drug.clearance_l_per_h",
                                    "my_drug.ke0_per_h", "my_drug.fraction_unbound", "my_drug.brain_partition",
                                    "my_drug.kappa.ki_nM", "my_drug.kappa.kon_per_nM_per_h", "my_drug.half_life_h"])
        #expect(rows.last?[1] == "2")
    }
}
