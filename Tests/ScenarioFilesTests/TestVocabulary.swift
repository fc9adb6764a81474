import Pharmacology
@testable import ScenarioFiles

/// A small vocabulary standing in for the Pharmacology library in these unit tests.
let testVocabulary = ScenarioVocabulary(
    drugRoutes: [
        "morphine": [.oral, .ivBolus, .ivInfusion, .subcutaneous, .oralExtendedRelease],
        "naloxone": [.ivBolus, .intranasal, .intramuscular, .sublingual],
        "buprenorphine": [.sublingual, .ivBolus, .transdermal, .subcutaneousExtendedReleaseWeekly, .subcutaneousExtendedReleaseMonthly],
        "fentanyl": [.ivBolus, .ivInfusion, .transdermal],
        "oxycodone": [.oral, .oralExtendedRelease],
        "methadone": [.oral, .ivBolus],
        "naltrexone": [.oral, .intramuscularExtendedRelease],
        "aticaprant": [.oral],
        "mitragynine": [.oral],
        "ketamine": [.ivBolus, .ivInfusion, .intramuscular, .oral, .intranasal],
        "norketamine": [],
        "heroin": [.ivBolus, .ivInfusion, .intranasal, .intramuscular],
        "hydromorphone": [.oral, .intranasal, .ivBolus, .ivInfusion],
        "oxymorphone": [.oral, .ivBolus, .ivInfusion],
        "snc80": [.ivBolus, .ivInfusion, .intramuscular],
        "naltrindole": [.ivBolus, .intramuscular],
        "loperamide": [.oral],
        "methylnaltrexone": [.intramuscular, .ivBolus, .ivInfusion],
        "methocinnamox": [.ivBolus, .intramuscular],
        "nalbuphine": [.intramuscular, .ivBolus, .ivInfusion],
        "butorphanol": [.intranasal, .intramuscular, .ivBolus, .ivInfusion],
        "codeine": [.oral],
        "tramadol": [.oral, .ivBolus, .ivInfusion],
        "esketamine": [.intranasal, .ivBolus, .ivInfusion],
        "hydrocodone": [.oral],
        "tapentadol": [.oral, .ivBolus, .ivInfusion],
        "carfentanil": [.ivBolus, .intranasal],
        "dextromethorphan": [.oral],
        "dextrorphan": [],
        "u50488": [.ivBolus, .subcutaneous],
        "isotonitazene": [.ivBolus, .intranasal],
        "salvinorin_a": [.ivBolus],
    ],
    parameterNames: { scenario in
        Set(scenario.doses.map(\.drug)).sorted().flatMap { ["\($0).half_life_h", "\($0).oral.bioavailability"] }
            + ["endorphin.release_rate_nM_per_h"]
    },
    columnNames: { scenario in
        ["mu_occupancy_total", "withdrawal_index", "hedonic_tone"]
            + Set(scenario.doses.map(\.drug)).sorted().map { "\($0)_plasma_nM" }
    },
    solverMethods: ["rodas5p", "rosenbrock23", "tsit5", "rk4"],
    parameterRange: { name in
        if name.hasSuffix("half_life_h") { return .positive("a half-life") }
        if name.hasSuffix("bioavailability") { return .fraction("a share") }
        return nil
    }
)

/// Decodes `text` as `test.json5` and returns the rendered error lines, or [] if it is valid.
func errorLines(_ text: String) -> [String] {
    do {
        _ = try ScenarioReader.decode(text, file: "test.json5", vocabulary: testVocabulary)
        return []
    } catch {
        return error.problems.map(\.description)
    }
}

/// Decodes `text` that must be valid.
func decodeValid(_ text: String) throws -> LoadedScenario {
    try ScenarioReader.decode(text, file: "test.json5", vocabulary: testVocabulary)
}
