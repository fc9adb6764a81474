import Pharmacology
import Testing
@testable import ScenarioFiles

/// What `NameSuggestion` offers, rule by rule, and the messages scenario files get from it.
@Suite struct NameSuggestionTests {
    private let routes = ["oral", "sublingual", "intranasal", "im", "iv_bolus", "iv_infusion"]

    @Test func eachRuleInOrder() {
        // Case only.
        #expect(NameSuggestion.suggestions(for: "Oral", in: routes) == ["oral"])
        // Prefix, ignoring case, before edit distance ("iv" is one edit from "im").
        #expect(NameSuggestion.suggestions(for: "IV", in: routes) == ["iv_bolus", "iv_infusion"])
        // Prefix before edit distance ("amount" is two edits from "count").
        #expect(NameSuggestion.suggestions(for: "amount", in: ["amount_mg", "at_h", "count", "every_h"]) == ["amount_mg"])
        // Substring.
        #expect(NameSuggestion.suggestions(for: "deficit", in: ["control", "opioid_deficit"]) == ["opioid_deficit"])
        // A candidate inside the name.
        #expect(NameSuggestion.suggestions(for: "oral_route", in: routes) == ["oral"])
        // Edit distance for typos.
        #expect(NameSuggestion.suggestions(for: "sublingal", in: routes) == ["sublingual"])
        // Too many partial matches suggest nothing (not an arbitrary one of them); nor does a
        // distant name.
        #expect(NameSuggestion.suggestions(for: "mu", in: ["mu_a", "mu_b", "mu_c", "mu_d"]) == [])
        #expect(NameSuggestion.suggestions(for: "zzzzzz", in: routes) == [])
    }

    /// Model 1's removed per-receptor columns point to the model-2 columns that replace them
    /// (Model2Design.md §7), among those the scenario has; edit distance alone would offer
    /// `lc_response` for `mu_response`.
    @Test func modelOneColumnsPointToTheirReplacements() {
        let columns = ["mu_stimulus", "mu_uncoupled", "reward_response", "lc_response", "respiration_response",
                       "kappa_response", "lc_adaptation", "lc_adaptation_slow", "reward_adaptation"]
        #expect(NameSuggestion.suggestions(for: "mu_response", in: columns)
            == ["reward_response", "lc_response", "respiration_response"])
        #expect(NameSuggestion.suggestions(for: "kappa_adaptation", in: columns) == ["lc_adaptation", "reward_adaptation"])
        #expect(NameSuggestion.suggestions(for: "delta_response", in: ["reward_response"]) == ["reward_response"])
        // kappa_response still exists (the kappa circuit): found as itself.
        #expect(NameSuggestion.suggestions(for: "kappa_response", in: columns) == ["kappa_response"])
    }

    @Test func didYouMeanJoinsTheSuggestions() {
        #expect(NameSuggestion.didYouMean([]) == "")
        #expect(NameSuggestion.didYouMean(["a"]) == "; did you mean 'a'?")
        #expect(NameSuggestion.didYouMean(["a", "b"]) == "; did you mean 'a' or 'b'?")
        #expect(NameSuggestion.didYouMean(["a", "b", "c"]) == "; did you mean 'a', 'b' or 'c'?")
    }

    @Test func scenarioMessages() {
        #expect(errorLines("""
            { name: 'x', duration_h: 10, subject: { phenotype: 'deficit' },
              doses: [{ drug: 'morphine', route: 'IV', amount_mg: 1, at_h: 0 },
                      { drug: 'morphine', route: 'oral', amount: 1, at_h: 0 },
                      { drug: 'xylazine', route: 'oral', amount_mg: 1, at_h: 0 }],
              events: [{ kind: 'stres', start_h: 1, duration_h: 1 }],
              solver: { method: 'fast' } }
            """) == [
            "test.json5:1: error: subject.phenotype: unknown phenotype 'deficit'; did you mean 'opioid_deficit'? (phenotypes: control, opioid_deficit)",
            "test.json5:2: error: doses[0].route: unknown route 'IV'; did you mean 'iv_bolus' or 'iv_infusion'? (routes: oral, sublingual, intranasal, im, iv_bolus, iv_infusion, sc, oral_er, im_er, sc_er_weekly, sc_er_monthly, transdermal)",
            "test.json5:3: error: doses[1]: missing required key 'amount_mg'",
            "test.json5:3: error: doses[1].amount: unknown key 'amount'; did you mean 'amount_mg', 'amount_mg_per_kg' or 'amount_ug'?",
            "test.json5:4: error: doses[2].drug: unknown drug 'xylazine' (see 'receptor-sim drugs' for the library)",
            "test.json5:5: error: events[0].kind: unknown event kind 'stres'; did you mean 'stress'? (event kinds: stress, exercise, social_contact, pain, social_rejection)",
            "test.json5:6: error: solver.method: unknown solver method 'fast' (methods: rodas5p, rosenbrock23, tsit5, rk4)",
        ])
    }
}
