import Pharmacology
import Testing
@testable import ScenarioFiles

@Suite struct ScenarioValidationTests {
    @Test func decodesTheIssueExample() throws {
        let loaded = try decodeValid("""
            {
              // what this scenario demonstrates
              name: "Abrupt stop after four weeks of oral morphine",
              description: "...",
              duration_h: 840,
              subject: { phenotype: "control", weight_kg: 70 },
              doses: [
                { drug: "morphine", route: "oral", amount_mg: 30, start_h: 0, every_h: 6, count: 112 },
                { drug: "naloxone", route: "iv_bolus", amount_mg: 0.4, at_h: 700 },
                { drug: "fentanyl", route: "iv_infusion", rate_mg_per_h: 0.05, start_h: 0, duration_h: 24 },
                { drug: "oxycodone", route: "oral", taper: { start_h: 0, every_h: 24, amounts_mg: [40, 30, 20, 10, 5] } },
                { drug: "buprenorphine", route: "sublingual", titration: { start_h: 1, every_h: 24, amounts_mg: [0.2, 0.4] } },
              ],
              events: [ { kind: "stress", start_h: 200, duration_h: 2, intensity: 1.0 } ],
              parameters: { "morphine.half_life_h": 3.0 },
              output: { interval_h: 0.25, columns: ["mu_occupancy_total", "withdrawal_index"] },
              solver: { method: "rodas5p", rtol: 1e-6, atol: 1e-9 }
            }
            """)
        let expected = Scenario(
            name: "Abrupt stop after four weeks of oral morphine", description: "...", durationHours: 840,
            subject: Subject(phenotype: .control, weightKilograms: 70),
            doses: [
                DoseRegimen(drug: "morphine", route: .oral, schedule: .repeated(startHours: 0, everyHours: 6, count: 112, amountMilligrams: 30)),
                DoseRegimen(drug: "naloxone", route: .ivBolus, schedule: .single(atHours: 700, amountMilligrams: 0.4)),
                DoseRegimen(drug: "fentanyl", route: .ivInfusion, schedule: .infusion(startHours: 0, durationHours: 24, rateMilligramsPerHour: 0.05)),
                DoseRegimen(drug: "oxycodone", route: .oral, schedule: .stepped(startHours: 0, everyHours: 24, amountsMilligrams: [40, 30, 20, 10, 5])),
                DoseRegimen(drug: "buprenorphine", route: .sublingual, schedule: .stepped(startHours: 1, everyHours: 24, amountsMilligrams: [0.2, 0.4])),
            ],
            events: [StimulusEvent(kind: .stress, startHours: 200, durationHours: 2, intensity: 1)],
            parameterOverrides: ["morphine.half_life_h": 3],
            output: OutputSpecification(intervalHours: 0.25, columns: ["mu_occupancy_total", "withdrawal_index"]),
            solver: SolverSpecification(method: .rodas5P, relativeTolerance: 1e-6, absoluteTolerance: 1e-9))
        #expect(loaded.scenario == expected)
        #expect(loaded.resolvedDefaults.isEmpty)
    }

    @Test func minimalScenarioGetsDocumentedDefaults() throws {
        let loaded = try decodeValid("{ name: 'x', duration_h: 24, events: [{ kind: 'exercise', start_h: 1, duration_h: 1 }] }")
        #expect(loaded.scenario.subject == Subject(phenotype: .control, weightKilograms: 70))
        #expect(loaded.scenario.output == OutputSpecification(intervalHours: 0.25, columns: nil))
        #expect(loaded.scenario.solver == SolverSpecification(method: .rodas5P, relativeTolerance: 1e-6, absoluteTolerance: 1e-9))
        #expect(loaded.scenario.events[0].intensity == 1)
        #expect(loaded.resolvedDefaults.map(\.description) == [
            "subject.phenotype = control", "subject.weight_kg = 70", "events[0].intensity = 1",
            "output.interval_h = 0.25", "output.columns = all",
            "solver.method = rodas5p", "solver.rtol = 1e-06", "solver.atol = 1e-09",
        ])
    }

    @Test func reportsAllErrorsAtOnceWithFieldPathsAndLines() {
        let lines = errorLines("""
            {
              name: "typos",
              duraton_h: 840,
              doses: [
                { drug: "morphine", route: "oral", amount_mg: 30, at_h: 0 },
                { drug: "morphin", route: "oral", amount_mg: 30, at_h: 0 },
                { drug: "naloxone", route: "oral", amount_mg: -0.4, at_h: 7 },
              ],
              output: { interval_h: "fast", colums: [] },
            }
            """)
        #expect(lines == [
            "test.json5:1: error: missing required key 'duration_h'",
            "test.json5:3: error: duraton_h: unknown key 'duraton_h'; did you mean 'duration_h'?",
            "test.json5:6: error: doses[1].drug: unknown drug 'morphin'; did you mean 'morphine'? (see 'receptor-sim drugs' for the library)",
            "test.json5:7: error: doses[2].route: drug 'naloxone' cannot be given by route 'oral' (supported: iv_bolus, intranasal, im, sublingual)",
            "test.json5:7: error: doses[2].amount_mg: must be a finite number >= 0, found -0.4",
            "test.json5:9: error: output.interval_h: expected a number, found a string",
            "test.json5:9: error: output.colums: unknown key 'colums'; did you mean 'columns'?",
        ])
    }

    @Test func nonFiniteAndHugeNumbersAreRejected() {
        #expect(errorLines("{ name: 'x', duration_h: Infinity }") == [
            "test.json5:1: error: duration_h: must be a finite number > 0, found Infinity"])
        #expect(errorLines("{ name: 'x', duration_h: 1e999 }") == [
            "test.json5:1: error: duration_h: must be a finite number > 0, found 1e999"])
        #expect(errorLines("{ name: 'x', duration_h: 1e9 }") == [
            "test.json5:1: error: duration_h: must be at most 876000, found 1e9"])
        #expect(errorLines("{ name: 'x', duration_h: 10, parameters: { 'endorphin.release_rate_nM_per_h': NaN } }") == [
            #"test.json5:1: error: parameters["endorphin.release_rate_nM_per_h"]: must be a finite number >= 0, found NaN"#])
        #expect(errorLines("{ name: 'x', duration_h: 10, doses: [{ drug: 'morphine', route: 'oral', amount_mg: 1, start_h: 0, every_h: 1, count: 2.5 }] }") == [
            "test.json5:1: error: doses[0].count: must be a whole number, found 2.5"])
        #expect(errorLines("{ name: 'x', duration_h: 10, output: { interval_h: 1e-9 } }") == [
            "test.json5:1: error: output.interval_h: this scenario would write 10 G rows of 4 columns (40 G values, about 800 GB); "
                + "the limit is 10 M rows of 50 columns; raise --max-rows or coarsen output.interval_h"])
    }

    @Test func dosesAfterTheEndOfTheRun() {
        let lines = errorLines("""
            { name: 'x', duration_h: 100,
              doses: [
                { drug: 'naloxone', route: 'iv_bolus', amount_mg: 0.4, at_h: 101 },
                { drug: 'morphine', route: 'oral', amount_mg: 10, start_h: 0, every_h: 6, count: 18 },
                { drug: 'morphine', route: 'oral', amount_mg: 10, start_h: 0, every_h: 6, count: 17 },
                { drug: 'oxycodone', route: 'oral', taper: { start_h: 50, every_h: 24, amounts_mg: [20, 10, 5] } },
                { drug: 'fentanyl', route: 'iv_infusion', rate_mg_per_h: 0.05, start_h: 120, duration_h: 2 },
              ],
              events: [{ kind: 'stress', start_h: 200, duration_h: 1 }] }
            """)
        #expect(lines == [
            "test.json5:3: error: doses[0].at_h: starts at 101 h, after the end of the run (duration_h 100)",
            "test.json5:4: error: doses[1].count: starts at 102 h, after the end of the run (duration_h 100)",
            "test.json5:7: error: doses[4].start_h: starts at 120 h, after the end of the run (duration_h 100)",
            "test.json5:9: error: events[0].start_h: starts at 200 h, after the end of the run (duration_h 100)",
        ])
    }

    @Test func scheduleShapesAreExclusive() {
        let lines = errorLines("""
            { name: 'x', duration_h: 100,
              doses: [
                { drug: 'morphine', route: 'oral', amount_mg: 10, at_h: 1, every_h: 6 },
                { drug: 'morphine', route: 'oral', amount_mg: 10 },
                { drug: 'morphine', route: 'oral', amount_mg: 10, start_h: 0, every_h: 6 },
                { drug: 'morphine', route: 'oral', rate_mg_per_h: 1, start_h: 0, duration_h: 2 },
                { drug: 'fentanyl', route: 'iv_infusion', amount_mg: 1, at_h: 0 },
                { drug: 'oxycodone', route: 'oral', taper: { start_h: 0, every_h: 24, amounts_mg: [] } },
              ] }
            """)
        #expect(lines == [
            "test.json5:3: error: doses[0]: a dose needs exactly one schedule: at_h | start_h, every_h, count | taper | titration | rate_mg_per_h, start_h, duration_h | rate_mg_per_h, wear_h, start_h (a patch) (found: amount_mg, at_h, every_h)",
            "test.json5:4: error: doses[1]: a dose needs exactly one schedule: at_h | start_h, every_h, count | taper | titration | rate_mg_per_h, start_h, duration_h | rate_mg_per_h, wear_h, start_h (a patch) (found: amount_mg)",
            "test.json5:5: error: doses[2]: missing required key 'count'",
            "test.json5:6: error: doses[3].route: rate_mg_per_h needs route 'iv_infusion', found 'oral'",
            "test.json5:7: error: doses[4].route: route 'iv_infusion' needs rate_mg_per_h, start_h and duration_h",
            "test.json5:8: error: doses[5].taper.amounts_mg: must not be empty",
        ])
    }

    @Test func namesAreCheckedAgainstTheVocabulary() {
        let lines = errorLines("""
            { name: 'x', duration_h: 100, subject: { phenotype: 'opioid-deficit' },
              doses: [{ drug: 'naloxone', route: 'iv_bolsu', amount_mg: 0.4, at_h: 2 },
                      { drug: 'morphine', route: 'oral', amount_mg: 10, at_h: 1 }],
              events: [{ kind: 'stres', start_h: 1, duration_h: 1 }],
              parameters: { 'morphine.half_life': 3, 'morphine.half_life_h': 1, 'heroin.half_life_h': 1 },
              output: { columns: ['withdrawl_index', 'morphine_plasma_nM', 'time_of_day'] },
              solver: { method: 'rodas5', rtol: 2 } }
            """)
        #expect(lines == [
            "test.json5:1: error: subject.phenotype: unknown phenotype 'opioid-deficit'; did you mean 'opioid_deficit'? (phenotypes: control, opioid_deficit)",
            "test.json5:2: error: doses[0].route: unknown route 'iv_bolsu'; did you mean 'iv_bolus'? (routes: oral, sublingual, intranasal, im, iv_bolus, iv_infusion, sc, oral_er, im_er, sc_er_weekly, sc_er_monthly, transdermal)",
            "test.json5:4: error: events[0].kind: unknown event kind 'stres'; did you mean 'stress'? (event kinds: stress, exercise, social_contact, pain, social_rejection)",
            #"test.json5:5: error: parameters["morphine.half_life"]: unknown parameter 'morphine.half_life'; did you mean 'morphine.half_life_h'?"#,
            #"test.json5:5: error: parameters["heroin.half_life_h"]: drug 'heroin' is not in this scenario (not dosed, nor formed from a dosed drug), so 'heroin.half_life_h' would change nothing; dose heroin or remove the override"#,
            "test.json5:6: error: output.columns[0]: unknown column 'withdrawl_index'; did you mean 'withdrawal_index'?",
            "test.json5:6: error: output.columns[2]: unknown column 'time_of_day'",
            "test.json5:7: error: solver.method: unknown solver method 'rodas5'; did you mean 'rodas5p'? (methods: rodas5p, rosenbrock23, tsit5, rk4)",
            "test.json5:7: error: solver.rtol: must be a finite number >= 1e-13 and <= 0.01 (coarser gives results with no correct digit, finer asks for less than the round-off of double precision), found 2",
        ])
    }

    @Test func wrongTypesAndMissingKeysEverywhere() {
        let lines = errorLines("""
            { name: 3, duration_h: '10', subject: [], doses: {}, events: [1], parameters: [], output: 'all', solver: null }
            """)
        #expect(lines == [
            "test.json5:1: error: name: expected a string, found a number",
            "test.json5:1: error: duration_h: expected a number, found a string",
            "test.json5:1: error: subject: expected an object, found an array",
            "test.json5:1: error: doses: expected an array, found an object",
            "test.json5:1: error: events[0]: expected an object, found a number",
            "test.json5:1: error: parameters: expected an object, found an array",
            "test.json5:1: error: output: expected an object, found a string",
            "test.json5:1: error: solver: expected an object, found null",
        ])
        #expect(errorLines("[]") == ["test.json5:1: error: expected an object, found an array"])
        #expect(errorLines("{ doses: [{}] }") == [
            "test.json5:1: error: missing required key 'name'",
            "test.json5:1: error: missing required key 'duration_h'",
            "test.json5:1: error: doses[0]: missing required key 'drug'",
            "test.json5:1: error: doses[0]: missing required key 'route'",
            "test.json5:1: error: doses[0]: a dose needs exactly one schedule: at_h | start_h, every_h, count | taper | titration | rate_mg_per_h, start_h, duration_h | rate_mg_per_h, wear_h, start_h (a patch) (found: none)",
        ])
    }

    @Test func multipleErrorsRenderOnePerLine() {
        do {
            _ = try ScenarioReader.decode("{ nme: 'x' }", file: "a.json", vocabulary: testVocabulary)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == """
                a.json:1: error: missing required key 'name'
                a.json:1: error: missing required key 'duration_h'
                a.json:1: error: nme: unknown key 'nme'; did you mean 'name'?
                """)
            #expect(error.problems.count == 3)
        }
    }

    @Test func editDistance() {
        #expect(NameSuggestion.editDistance("kitten", "sitting") == 3)
        #expect(NameSuggestion.editDistance("", "abc") == 3)
        #expect(NameSuggestion.suggestions(for: "AMOUNT_MG", in: ["amount_mg", "at_h"]) == ["amount_mg"])
        #expect(NameSuggestion.suggestions(for: "zzzzzz", in: ["amount_mg", "at_h"]) == [])
    }
}

@Suite struct ScenarioTimelineTests {
    @Test func expandsEveryScheduleInTimeOrder() throws {
        let loaded = try decodeValid("""
            { name: 'x', duration_h: 30,
              doses: [
                { drug: 'morphine', route: 'oral', amount_mg: 10, start_h: 0, every_h: 12, count: 3 },
                { drug: 'oxycodone', route: 'oral', taper: { start_h: 1, every_h: 24, amounts_mg: [20, 10] } },
                { drug: 'fentanyl', route: 'iv_infusion', rate_mg_per_h: 0.05, start_h: 20, duration_h: 24 },
              ],
              events: [{ kind: 'stress', start_h: 5, duration_h: 2, intensity: 0.5 }] }
            """)
        let timeline = ScenarioTimeline.expand(loaded.scenario)
        #expect(timeline == [
            TimelineEntry(timeHours: 0, kind: .dose(drug: "morphine", route: .oral, amountMilligrams: 10)),
            TimelineEntry(timeHours: 1, kind: .dose(drug: "oxycodone", route: .oral, amountMilligrams: 20)),
            TimelineEntry(timeHours: 5, kind: .stimulusStart(.stress, intensity: 0.5)),
            TimelineEntry(timeHours: 7, kind: .stimulusEnd(.stress)),
            TimelineEntry(timeHours: 12, kind: .dose(drug: "morphine", route: .oral, amountMilligrams: 10)),
            TimelineEntry(timeHours: 20, kind: .infusionStart(drug: "fentanyl", rateMilligramsPerHour: 0.05)),
            TimelineEntry(timeHours: 24, kind: .dose(drug: "morphine", route: .oral, amountMilligrams: 10)),
            TimelineEntry(timeHours: 25, kind: .dose(drug: "oxycodone", route: .oral, amountMilligrams: 10)),
            TimelineEntry(timeHours: 30, kind: .infusionEnd(drug: "fentanyl")),
        ])
    }
}

@Suite struct ScenarioLimitTests {
    @Test func parameterOverridesAreRangeChecked() {
        #expect(errorLines("""
            { name: 'x', duration_h: 10, doses: [{ drug: 'morphine', route: 'oral', amount_mg: 1, at_h: 0 }],
              parameters: { 'morphine.half_life_h': 0,
                            'morphine.oral.bioavailability': 1.5,
                            'endorphin.release_rate_nM_per_h': -1 } }
            """) == [
            #"test.json5:2: error: parameters["morphine.half_life_h"]: must be a finite number > 0 (a half-life), found 0"#,
            #"test.json5:3: error: parameters["morphine.oral.bioavailability"]: must be a finite number >= 0 and <= 1 (a share), found 1.5"#,
            #"test.json5:4: error: parameters["endorphin.release_rate_nM_per_h"]: must be a finite number >= 0, found -1"#,
        ])
    }

    /// A scenario's `parameters` set its own drugs' values: one of a library drug the scenario
    /// neither doses nor forms is refused (it would change nothing) and named as such, not as
    /// an unknown name. (A formed metabolite's is accepted: `FitCommandTests`; `fit` applies a
    /// name to the studies that have it: `CalibrationTests`.)
    @Test func parameterOfADrugNotInTheScenarioIsNamedAsSuch() throws {
        let morphine = "{ name: 'x', duration_h: 10, doses: [{ drug: 'morphine', route: 'oral', amount_mg: 1, at_h: 0 }], parameters: "
        #expect(errorLines(morphine + "{ 'fentanyl.clearance_l_per_h': 40, 'fentanly.clearance_l_per_h': 40 } }") == [
            #"test.json5:1: error: parameters["fentanyl.clearance_l_per_h"]: drug 'fentanyl' is not in this scenario (not dosed, nor formed from a dosed drug), so 'fentanyl.clearance_l_per_h' would change nothing; dose fentanyl or remove the override"#,
            #"test.json5:1: error: parameters["fentanly.clearance_l_per_h"]: unknown parameter 'fentanly.clearance_l_per_h'"#,
        ])
        #expect(try decodeValid(morphine + "{ 'morphine.half_life_h': 3 } }").scenario.parameterOverrides == ["morphine.half_life_h": 3])
    }

    @Test func metabolitesCannotBeDosed() {
        #expect(errorLines("{ name: 'x', duration_h: 10, doses: [{ drug: 'norketamine', route: 'oral', amount_mg: 1, at_h: 0 }] }") == [
            "test.json5:1: error: doses[0].route: drug 'norketamine' cannot be given directly by any route (it has no routes; route 'oral')",
        ])
    }

    @Test func implausiblyLargeAmountsAreRejected() {
        #expect(errorLines("""
            { name: 'x', duration_h: 10,
              doses: [{ drug: 'morphine', route: 'oral', amount_mg: 1e308, at_h: 0 },
                      { drug: 'fentanyl', route: 'iv_infusion', rate_mg_per_h: 2e5, start_h: 0, duration_h: 1 }],
              events: [{ kind: 'pain', start_h: 0, duration_h: 1, intensity: 1000 }] }
            """) == [
            "test.json5:2: error: doses[0].amount_mg: must be at most 100000, found 1e308",
            "test.json5:3: error: doses[1].rate_mg_per_h: must be at most 100000, found 2e5",
            "test.json5:4: error: events[0].intensity: must be at most 100, found 1000",
        ])
    }
}
