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

    /// A fitted number keeps its calibration record through the export and back (so the
    /// parameter reference lists it as fitted), and its kind is `.fitted`.
    @Test func fitRecordRoundTripsAndMarksTheValueFitted() throws {
        let text = Self.definition(replacing: "ke0_per_h", with:
            "ke0_per_h: { value: 0.24, source: \"[F] fitted to two studies\", fit: { studies: [\"study-a\", \"study-b\"], se_ln: 0.125, date: \"2026-12-07\" } },")
        let drug = try #require(try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        let record = FitRecord(studies: ["study-a", "study-b"], standardErrorLn: 0.125, date: "2026-12-07")
        #expect(drug.effectSiteRatePerHour.value == 0.24)
        #expect(drug.effectSiteRatePerHour.fit == record)
        #expect(drug.effectSiteRatePerHour.kind == .fitted)
        #expect(drug.centralVolumeLiters.kind == .source)
        let exported = DrugDefinitionWriter.libraryText([drug])
        #expect(exported.contains(
            "ke0_per_h: { value: 0.24, source: \"[F] fitted to two studies\", fit: { studies: [\"study-a\", \"study-b\"], se_ln: 0.125, date: \"2026-12-07\" } },"))
        let back = try #require(try DrugLibraryFile.decode(exported, file: "back.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(back == drug)
    }

    /// A fitted half_life_h gives a fitted clearance: the record is not dropped with the key.
    @Test func fittedHalfLifeMakesAFittedClearance() throws {
        let text = Self.definition(replacing: "clearance_l_per_h", with:
            "half_life_h: { value: 0.05, source: \"fit\", fit: { studies: [\"study-a\"], se_ln: 0.2, date: \"2026-12-07\" } },")
        let drug = try #require(try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(drug.clearanceLitersPerHour.fit == FitRecord(studies: ["study-a"], standardErrorLn: 0.2, date: "2026-12-07"))
        #expect(drug.clearanceLitersPerHour.kind == .fitted)
    }

    /// A fit record needs all three keys, at least one study, se_ln >= 0 and an ISO date.
    @Test func badFitRecordsAreRejected() {
        func errors(_ fit: String) -> [String] {
            Self.errors(Self.definition(replacing: "ke0_per_h", with: "ke0_per_h: { value: 0.24, source: \"x\", fit: \(fit) },"))
        }
        #expect(errors("{ studies: [\"a\"], se_ln: 0.1 }") == [
            "lib.json5:9: error: drugs[0].ke0_per_h.fit: missing required key 'date'",
        ])
        #expect(errors("{ studies: [], se_ln: 0.1, date: \"2026-12-07\" }") == [
            "lib.json5:9: error: drugs[0].ke0_per_h.fit.studies: must not be empty",
        ])
        #expect(errors("{ studies: [\"a\"], se_ln: -0.1, date: \"2026-12-07\" }") == [
            "lib.json5:9: error: drugs[0].ke0_per_h.fit.se_ln: must be a finite number >= 0, found -0.1",
        ])
        #expect(errors("{ studies: [\"a\"], se_ln: 0.1, date: \"7 Dec 2026\" }") == [
            "lib.json5:9: error: drugs[0].ke0_per_h.fit.date: a date as yyyy-mm-dd (the day of the fit), found '7 Dec 2026'",
        ])
        #expect(errors("{ studies: [\"a\"], se_ln: 0.1, date: \"2026-13-07\" }") == [
            "lib.json5:9: error: drugs[0].ke0_per_h.fit.date: a date as yyyy-mm-dd (the day of the fit), found '2026-13-07'",
        ])
        #expect(errors("{ studies: [\"a\"], se: 0.1, date: \"2026-12-07\" }") == [
            "lib.json5:9: error: drugs[0].ke0_per_h.fit: missing required key 'se_ln'",
            "lib.json5:9: error: drugs[0].ke0_per_h.fit.se: unknown key 'se'; did you mean 'se_ln'?",
        ])
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

    /// An `im` route with the slow-depot keys `extra` beside its first-order share.
    static func imRoutes(_ extra: String) -> String {
        "routes: { im: { bioavailability: 1, absorption_rate_per_h: 20, \(extra) } },"
    }

    /// A slow depot may state its own lag (`slow_lag_h`, a delayed-release share): read with its
    /// source, range-checked as a delay, and only with the slow depot it delays.
    @Test func slowDepotLagIsReadCheckedAndNeedsItsDepot() throws {
        let text = Self.definition(replacing: "routes", with: Self.imRoutes("slow_depot_fraction: 0.9, slow_absorption_rate_per_h: 0.01, slow_lag_h: { value: 30, source: \"label\" }"))
        let drug = try #require(try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(drug.routes[0].slowDepot?.lagHours == Sourced(30, "label"))
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes("slow_depot_fraction: 0.9, slow_absorption_rate_per_h: 0.01, slow_lag_h: -1"))) == [
            "lib.json5:6: error: drugs[0].routes.im.slow_lag_h: must be a finite number >= 0 (a delay), found -1",
        ])
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes("slow_lag_h: 30"))) == [
            "lib.json5:6: error: drugs[0].routes.im: missing required key 'slow_depot_fraction'",
            "lib.json5:6: error: drugs[0].routes.im: missing required key 'slow_absorption_rate_per_h'",
        ])
    }

    /// A slow depot may release zero-order (`slow_release_duration_h`): read with its source,
    /// range-checked as a positive duration, and only with the slow depot it spreads.
    @Test func slowReleaseDurationIsReadCheckedAndNeedsItsDepot() throws {
        let slow = "slow_depot_fraction: 0.9, slow_absorption_rate_per_h: 0.01, "
        let text = Self.definition(replacing: "routes", with: Self.imRoutes(slow + "slow_release_duration_h: { value: 300, source: \"label\" }"))
        let drug = try #require(try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(drug.routes[0].slowDepot?.releaseDurationHours == Sourced(300, "label"))
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes(slow + "slow_release_duration_h: 0"))) == [
            "lib.json5:6: error: drugs[0].routes.im.slow_release_duration_h: must be a finite number > 0 (a zero-order release needs a duration), found 0",
        ])
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes("slow_release_duration_h: 300"))) == [
            "lib.json5:6: error: drugs[0].routes.im: missing required key 'slow_depot_fraction'",
            "lib.json5:6: error: drugs[0].routes.im: missing required key 'slow_absorption_rate_per_h'",
        ])
    }

    /// A zero-order release may keep a share to add at once (`slow_bolus_fraction`): read with its
    /// source and written back, range-checked as a fraction, and only beside the duration it splits.
    @Test func slowBolusFractionIsReadCheckedAndNeedsAZeroOrderRelease() throws {
        let slow = "slow_depot_fraction: 0.9, slow_absorption_rate_per_h: 0.01, "
        let text = Self.definition(replacing: "routes", with: Self.imRoutes(slow
            + "slow_release_duration_h: 300, slow_bolus_fraction: { value: 0.6, source: \"label's shape\" }"))
        let drug = try #require(try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(drug.routes[0].slowDepot?.bolusFraction == Sourced(0.6, "label's shape"))
        #expect(DrugDefinitionWriter.libraryText([drug]).contains("slow_bolus_fraction: { value: 0.6, source: \"label's shape\" },"))
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes(slow + "slow_release_duration_h: 300, slow_bolus_fraction: 1.5"))) == [
            "lib.json5:6: error: drugs[0].routes.im.slow_bolus_fraction: must be a finite number >= 0 and <= 1 (the share of the slow depot's input given as a bolus), found 1.5",
        ])
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes(slow + "slow_bolus_fraction: 0.6"))) == [
            "lib.json5:6: error: drugs[0].routes.im.slow_bolus_fraction: a bolus share splits a zero-order release: give slow_release_duration_h too",
        ])
    }

    /// A bolus share may be spread over its own duration (`slow_bolus_duration_h`): read with its
    /// source and written back, range-checked as a positive duration, and only beside the share.
    @Test func slowBolusDurationIsReadCheckedAndNeedsABolusShare() throws {
        let slow = "slow_depot_fraction: 0.9, slow_absorption_rate_per_h: 0.01, slow_release_duration_h: 300, "
        let text = Self.definition(replacing: "routes", with: Self.imRoutes(slow
            + "slow_bolus_fraction: 0.55, slow_bolus_duration_h: { value: 30, source: \"no step\" }"))
        let drug = try #require(try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(drug.routes[0].slowDepot?.bolusDurationHours == Sourced(30, "no step"))
        #expect(DrugDefinitionWriter.libraryText([drug]).contains("slow_bolus_duration_h: { value: 30, source: \"no step\" },"))
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes(slow + "slow_bolus_fraction: 0.55, slow_bolus_duration_h: -1"))) == [
            "lib.json5:6: error: drugs[0].routes.im.slow_bolus_duration_h: must be a finite number > 0 (a spread bolus share needs a duration), found -1",
        ])
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes(slow + "slow_bolus_duration_h: 30"))) == [
            "lib.json5:6: error: drugs[0].routes.im.slow_bolus_duration_h: a bolus duration spreads a bolus share: give slow_bolus_fraction too",
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

    @Test func halfLifeWithClearanceConflicts() {
        let text = Self.definition(replacing: "ke0_per_h", with: "ke0_per_h: 10, half_life_h: 0.05,")
        #expect(Self.errors(text) == [
            "lib.json5:9: error: drugs[0].half_life_h: conflicts with 'clearance_l_per_h': the half-life sets the clearance (ln 2 x central_volume_l / half_life_h); give one of them",
        ])
    }

    // MARK: In a scenario

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
