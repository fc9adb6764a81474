import Foundation
import Testing
import TestSupport

/// Drugs defined as data on the command line (issue 16): a drug defined in a scenario runs end to
/// end against the analytic one-compartment solution, an exported built-in drug loaded with
/// `--library` simulates exactly as the built-in one, and wrong files or names fail with exit 2.
@Suite struct DrugDefinitionCommandTests {
    /// The shipped heroin scenario: one-compartment IV bolus, C(t) = D / (M · V) · exp(−CL/V · (t − 1))
    /// with D 20 mg, M 369.41 g/mol, V 9.33 L, CL 129.4 L/h (Inturrisi et al. 1984). Tolerance:
    /// 1e-6 of the initial concentration absolute (the solver's absolute tolerance is scaled by the
    /// dose) plus 1e-4 relative.
    @Test func userDefinedHeroinFollowsTheOneCompartmentSolution() throws {
        let path = repositoryRoot.appendingPathComponent("Scenarios/heroin-user-defined.json").path
        let result = try runReceptorSim(["run", path, "-q", "--columns", "heroin_user_plasma_nM,morphine_plasma_nM", "--interval", "0.05"])
        #expect(result.status == 0, "\(result.stderr)")
        let c0 = 20.0 / 369.41 * 1e6 / 9.33
        var checked = 0
        // CSV rows end in CRLF (RFC 4180).
        let lines = result.stdout.split(whereSeparator: \.isNewline).dropFirst()
        for line in lines {
            let fields = line.split(separator: ",").compactMap { Double(String($0)) }
            guard fields.count == 3, fields[0] >= 1, fields[0] <= 2 else { continue }
            let expected = c0 * exp(-129.4 / 9.33 * (fields[0] - 1))
            #expect(isClose(fields[1], expected, relative: 1e-4, absolute: 1e-6 * c0), "t = \(fields[0]): \(fields[1]) vs \(expected)")
            checked += 1
        }
        #expect(checked == 21)
        let check = try runReceptorSim(["check", "--timeline", path])
        #expect(check.stdout.contains("\n  drugs defined as data:\n    heroin_user: heroin (diacetylmorphine), user-defined; iv_bolus, iv_infusion; terminal half-life 0.05 h\n"))
        #expect(result.stdout.contains("\r\n1,5802.82808"))
    }

    /// `drugs --export oxycodone`, renamed and loaded with `--library`, gives the built-in's CSV.
    @Test func exportedDrugLoadedAsLibrarySimulatesIdentically() throws {
        let export = try runReceptorSim(["drugs", "--export", "oxycodone"])
        #expect(export.status == 0)
        #expect(export.stdout.hasPrefix("// Drug 'oxycodone' exported by 'receptor-sim drugs --export oxycodone'"))
        let library = try writeTemporaryScenario(export.stdout.replacingOccurrences(of: "id: \"oxycodone\"", with: "id: \"oxy_copy\""),
                                                 name: "library.json5")
        func scenario(_ drug: String) throws -> String {
            try writeTemporaryScenario("""
                { name: "copy", duration_h: 3, doses: [{ drug: "\(drug)", route: "oral", amount_mg: 10, at_h: 0 }],
                  output: { interval_h: 0.5, columns: ["\(drug)_plasma_nM", "mu_occupancy_total", "withdrawal_index"] } }
                """)
        }
        let copy = try runReceptorSim(["run", try scenario("oxy_copy"), "--library", library, "-q"])
        let original = try runReceptorSim(["run", try scenario("oxycodone"), "-q"])
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(copy.stdout.split(whereSeparator: \.isNewline).dropFirst() == original.stdout.split(whereSeparator: \.isNewline).dropFirst())
        #expect(copy.stdout.split(whereSeparator: \.isNewline).count == 8)
        #expect(copy.stdout.hasPrefix("time_h,oxy_copy_plasma_nM,"))
        // Without --library the copy is unknown.
        let without = try runReceptorSim(["run", try scenario("oxy_copy"), "-q"])
        #expect(without.status == 2)
        #expect(without.stderr.contains("unknown drug 'oxy_copy'"))
    }

    @Test func badLibraryFileFailsWithFileFieldAndLine() throws {
        let library = try writeTemporaryScenario("""
            { drugs: [
              { id: "x1", molar_mass_g_per_mol: 300, central_volume_l: -5, clearance_l_per_h: 1,
                ke0_per_h: 1, fraction_unbound: 0.5, bindings: {} },
            ] }
            """, name: "lib.json5")
        let scenario = try writeTemporaryScenario("{ name: \"s\", duration_h: 1 }")
        let result = try runReceptorSim(["run", scenario, "--library", library, "-q"])
        #expect(result.status == 2)
        #expect(result.stderr == "\(library):2: error: drugs[0].central_volume_l: must be a finite number > 0 "
                + "(concentrations are amounts over this volume, infinite at zero), found -5\n")
    }

    /// A library file's definition missing a key and with a Ki out of range: both in one report.
    @Test func libraryFileReportsMissingKeysAndBadValuesTogether() throws {
        let library = try writeTemporaryScenario("""
            { drugs: [
              { id: "x1", central_volume_l: 5, clearance_l_per_h: 1, ke0_per_h: 1, fraction_unbound: 0.5,
                routes: { oral: { bioavailability: 1.5, absorption_rate_per_h: 1 } },
                bindings: { mu: { class: "neutral_antagonist", ki_nM: -1 } } },
            ] }
            """, name: "lib.json5")
        let scenario = try writeTemporaryScenario("{ name: \"s\", duration_h: 1 }")
        let result = try runReceptorSim(["run", scenario, "--library", library, "-q"])
        #expect(result.status == 2)
        #expect(result.stderr == """
            \(library):2: error: drugs[0]: missing required key 'molar_mass_g_per_mol'
            \(library):3: error: drugs[0].routes.oral.bioavailability: must be a finite number >= 0 and <= 1 (the share of a dose that reaches the circulation), found 1.5
            \(library):4: error: drugs[0].bindings.mu.ki_nM: must be a finite number > 0 (binding is ruled by kon and koff = kon · Ki: zero makes binding irreversible or absent and occupancy at rest undefined), found -1

            """)
        // The same definition in a scenario's own drugs (laid out on the same lines).
        let text = try String(contentsOfFile: library, encoding: .utf8).replacingOccurrences(of: "{ drugs: [", with: "{ name: \"s\", duration_h: 1, drugs: [")
        let inline = try writeTemporaryScenario(text)
        let own = try runReceptorSim(["check", inline])
        #expect(own.status == 2)
        #expect(own.stderr == result.stderr.replacingOccurrences(of: library, with: inline))
    }

    /// A receptor name is not a misspelt drug: `drugs mu` says what mu is instead of "did you mean m6g".
    @Test func receptorNameGetsAHelpfulAnswer() throws {
        let mu = try runReceptorSim(["drugs", "mu"])
        #expect(mu.status == 2)
        #expect(!mu.stderr.contains("m6g"))
        #expect(mu.stderr.hasPrefix("receptor-sim drugs: error: 'mu' is a receptor, not a drug; its parameters: 'receptor-sim parameters mu.'"))
        let typo = try runReceptorSim(["drugs", "--export", "morfine"])
        #expect(typo.status == 2)
        #expect(typo.stderr.hasPrefix("receptor-sim drugs: error: unknown drug 'morfine'; did you mean 'morphine'?"))
    }

    /// A defined drug's parameters are catalogue parameters like any drug's: a sweep varies them
    /// and checks them against the same ranges before running.
    @Test func sweepVariesADefinedDrugsParameters() throws {
        let path = repositoryRoot.appendingPathComponent("Scenarios/heroin-user-defined.json").path
        let result = try runReceptorSim(["sweep", path, "--vary", "heroin_user.half_life_h=0.05,0.1", "--columns", "heroin_user_plasma_nM",
                                         "--interval", "0.001", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("0,") || $0.hasPrefix("1,") }
        try #require(rows.count == 2)
        // The peak is the bolus concentration, whatever the half-life: 20 mg / 369.41 g/mol / 9.33 L.
        let peaks = rows.map { Double(String($0.split(separator: ",", omittingEmptySubsequences: false)[4]))! }
        #expect(peaks.allSatisfy { isClose($0, 20.0 / 369.41 * 1e6 / 9.33, relative: 1e-9) }, "\(peaks)")
        // AUC from the rows: C0 / k (k = ln 2 / t½) plus the trapezoid from the row before the
        // bolus (0 at 0.999 h, C0 at 1 h) of C0 x 0.0005 h; the rule's curvature error on 0.001 h
        // rows is about (k dt)^2 / 12 < 2e-5 relative.
        let c0 = 20.0 / 369.41 * 1e6 / 9.33
        let aucs = rows.map { Double(String($0.split(separator: ",", omittingEmptySubsequences: false).last!))! }
        for (auc, halfLife) in zip(aucs, [0.05, 0.1]) {
            #expect(isClose(auc, c0 * halfLife / 0.6931471805599453 + c0 * 0.0005, relative: 1e-4), "t½ \(halfLife): \(auc)")
        }
        let bad = try runReceptorSim(["sweep", path, "--vary", "heroin_user.half_life_h=-1,0.1", "-q"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("error: parameters[\"heroin_user.half_life_h\"]: must be a finite number > 0 (a half-life sets the rate ln 2 / t½, infinite at zero), found -1 (from --vary)"), "\(bad.stderr)")
    }
}

/// An amended built-in drug end to end: naloxone made irreversible keeps mu occupied after it
/// has left the plasma, where ordinary naloxone lets go (2 mg IV: 0.91 reversible at 1 h, 0.48 at 4 h).
@Suite struct AmendedDrugCommandTests {
    @Test func irreversibleNaloxoneStaysBound() throws {
        func run(_ drugs: String) throws -> [Double] {
            let path = try writeTemporaryScenario("""
                { name: "n", duration_h: 4, \(drugs)
                  doses: [{ drug: "naloxone", route: "iv_bolus", amount_mg: 2, at_h: 0 }],
                  output: { interval_h: 1, columns: ["mu_occupancy_naloxone"] } }
                """)
            let result = try runReceptorSim(["run", path, "-q"])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(whereSeparator: \.isNewline).dropFirst().compactMap { Double(String($0.split(separator: ",")[1])) }
        }
        let reversible = try run("")
        let irreversible = try run("drugs: [{ id: \"naloxone\", bindings: { mu: { irreversible: true } } }],")
        try #require(reversible.count == 5 && irreversible.count == 5)
        // Reversible: occupancy falls as plasma naloxone falls 10-fold over 1-4 h (5.2 to 0.54 nM
        // with the FDA 3-compartment disposition; a receptor near saturation at 1 h lets go late).
        // 0.6 is a contrast bound for the flag, not the kinetics: lose > 40 % in 3 h where the
        // irreversible binding loses < 1 %. The PET figure would be stricter: Johansson 2019's
        // ~100 min half-time (4 mg intranasal), taken first-order from 1 h, gives
        // 2^(-180/100) = 0.29 at 4 h; no PET study gives 2 mg IV at 1 and 4 h. The model's 0.525
        // (0.912 to 0.479) is the slow let-go kept as a known issue in
        // `ShippedScenarioTests.naloxonePrecipitatesWithdrawalWithinMinutes`.
        #expect(reversible[4] < 0.6 * reversible[1], "\(reversible)")
        // Irreversible: nearly every receptor stays bound (only turnover, t½ 48 h, frees them).
        #expect(irreversible[1] > 0.99 && irreversible[4] > 0.99, "\(irreversible)")
    }
}
