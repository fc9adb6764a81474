import Foundation
import Testing

/// Figures quoted in shipped scenario headers ("What you should see") against what the run
/// prints. The 2026-12-07 audit found these stale after model and library changes (MCAM's
/// receptor loss 0.64 quoted against 0.57 run, respiratory minima 0.03-0.07 too low, ...):
/// each phrase must stay in its header and its number within rounding of the run, so a change
/// that moves a number must update the header. Not published values: the headers' own claims.
@Suite struct ScenarioHeaderFigureTests {
    enum Statistic {
        case at(Double)
        case min(Double, Double)
        case max(Double, Double)
    }

    struct Figure {
        var phrase: String
        var column: String
        var statistic: Statistic
        var quoted: Double
        /// Half a unit of the last quoted digit.
        var rounding: Double
        /// The time the phrase gives for a minimum or maximum (h), and half a unit of its last digit.
        var quotedTime: Double? = nil
        var timeRounding: Double = 0.5

        /// `value` as the phrase must print it, with as many decimals as `rounding` implies.
        static func text(_ value: Double, rounding: Double) -> String {
            String(format: "%.\(max(0, Int((-log10(2 * rounding)).rounded())))f", value)
        }
    }

    /// The header's comment lines as one line of text.
    static func header(_ scenario: String) throws -> String {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Scenarios/\(scenario).json"), encoding: .utf8)
        return text.split(separator: "\n").prefix { $0.hasPrefix("//") }
            .map { $0.dropFirst(2).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    static func check(_ scenario: String, interval: Double, _ figures: [Figure]) throws {
        let columns = Array(Set(figures.map(\.column))).sorted().joined(separator: ",")
        let table = try simulateShipped(scenario, ["--interval", "\(interval)", "--columns", columns])
        let header = try header(scenario)
        for figure in figures {
            #expect(header.contains(figure.phrase), "\(scenario): header no longer says '\(figure.phrase)'")
            // The number checked is the one the phrase prints (written twice above).
            let printed = Figure.text(figure.quoted, rounding: figure.rounding)
            #expect(figure.phrase.contains(printed), "\(scenario): '\(figure.phrase)' does not print \(printed)")
            let (time, value): (Double?, Double)
            switch figure.statistic {
            case .at(let at): (time, value) = (nil, table.value(figure.column, at: at))
            case .min(let from, let to):
                let trough = table.trough(figure.column, from: from, to: to)
                (time, value) = (trough.time, trough.value)
            case .max(let from, let to):
                let peak = table.peak(figure.column, from: from, to: to)
                (time, value) = (peak.time, peak.value)
            }
            #expect(abs(value - figure.quoted) <= figure.rounding,
                    "\(scenario): '\(figure.phrase)' quotes \(figure.quoted), the run gives \(value)")
            if let quotedTime = figure.quotedTime, let time {
                #expect(figure.phrase.contains(Figure.text(quotedTime, rounding: figure.timeRounding) + " h"))
                #expect(abs(time - quotedTime) <= max(figure.timeRounding, interval),
                        "\(scenario): '\(figure.phrase)' quotes \(quotedTime) h, the run's extremum is at \(time) h")
            }
        }
    }

    @Test func methocinnamoxReceptorLossAndHeroinChallenges() throws {
        try Self.check("methocinnamox-blockade", interval: 0.1, [
            Figure(phrase: "mu_total_rel falls to 0.57 at 24 h", column: "mu_total_rel", statistic: .at(24), quoted: 0.57, rounding: 0.005),
            Figure(phrase: "(low 0.53 at 37.5 h)", column: "mu_total_rel", statistic: .min(0, 100), quoted: 0.53, rounding: 0.005, quotedTime: 37.5, timeRounding: 0.05),
            Figure(phrase: "(0.73 at 97 h, 0.97 at 241 h)", column: "mu_total_rel", statistic: .at(97), quoted: 0.73, rounding: 0.005),
            Figure(phrase: "(0.73 at 97 h, 0.97 at 241 h)", column: "mu_total_rel", statistic: .at(241), quoted: 0.97, rounding: 0.005),
            Figure(phrase: "lowers respiratory_drive only to 0.99", column: "respiratory_drive", statistic: .min(25, 30), quoted: 0.99, rounding: 0.005),
            Figure(phrase: "lifts dopamine_tone to 1.04", column: "dopamine_tone", statistic: .max(25, 30), quoted: 1.04, rounding: 0.005),
            Figure(phrase: "(receptor reserve): 0.09 and 1.28", column: "respiratory_drive", statistic: .min(97, 100), quoted: 0.09, rounding: 0.005),
            Figure(phrase: "(receptor reserve): 0.09 and 1.28", column: "dopamine_tone", statistic: .max(97, 100), quoted: 1.28, rounding: 0.005),
        ])
    }

    @Test func buprenorphineMonthlyDepotAfterTheFirstInjection() throws {
        try Self.check("buprenorphine-monthly-depot", interval: 2, [
            Figure(phrase: "8.0 ng/mL a day after the first injection", column: "buprenorphine_plasma_ng_per_mL",
                   statistic: .at(192), quoted: 8.0, rounding: 0.05),
            Figure(phrase: "1.9-3.1 ng/mL before each later injection", column: "buprenorphine_plasma_ng_per_mL",
                   statistic: .at(1512), quoted: 3.1, rounding: 0.05),
        ])
    }

    @Test func methylnaltrexoneLeavesMorphinesPeak() throws {
        try Self.check("methylnaltrexone-with-morphine", interval: 0.25, [
            Figure(phrase: "(mu_occupancy_morphine 0.353) is as high as the one before it (0.354)", column: "mu_occupancy_morphine",
                   statistic: .max(48, 54), quoted: 0.353, rounding: 0.0005),
            Figure(phrase: "(mu_occupancy_morphine 0.353) is as high as the one before it (0.354)", column: "mu_occupancy_morphine",
                   statistic: .max(42, 48), quoted: 0.354, rounding: 0.0005),
            Figure(phrase: "after the 48 h injection falls to 0.614", column: "respiratory_drive",
                   statistic: .min(48, 54), quoted: 0.614, rounding: 0.0005),
        ])
    }

    @Test func respiratoryMinimaOfTheMuAgonists() throws {
        try Self.check("morphine-extended-release", interval: 0.25, [
            Figure(phrase: "respiratory_drive at worst 0.62 (17.25 h)", column: "respiratory_drive", statistic: .min(0, 120), quoted: 0.62, rounding: 0.005, quotedTime: 17.25, timeRounding: 0.005),
        ])
        try Self.check("morphine-subcutaneous", interval: 0.25, [
            Figure(phrase: "respiratory_drive down to 0.22 at 9.75 h", column: "respiratory_drive", statistic: .min(0, 48), quoted: 0.22, rounding: 0.005, quotedTime: 9.75, timeRounding: 0.005),
        ])
        try Self.check("hydrocodone-oral", interval: 0.25, [
            Figure(phrase: "respiratory_drive at worst 0.58 (14.75 h)", column: "respiratory_drive", statistic: .min(0, 72), quoted: 0.58, rounding: 0.005, quotedTime: 14.75, timeRounding: 0.005),
        ])
        try Self.check("hydromorphone-intranasal", interval: 0.05, [
            Figure(phrase: "respiratory_drive falls to 0.25 after the spray", column: "respiratory_drive", statistic: .min(0, 20), quoted: 0.25, rounding: 0.005),
            Figure(phrase: "and 0.14 after the IV dose", column: "respiratory_drive", statistic: .min(20, 48), quoted: 0.14, rounding: 0.005),
        ])
        try Self.check("codeine-ultrarapid-metabolizer", interval: 0.1, [
            Figure(phrase: "respiratory_drive falls to 0.79 (0.86 normal)", column: "respiratory_drive", statistic: .min(24, 48), quoted: 0.79, rounding: 0.005),
        ])
        try Self.check("oxymorphone-oral", interval: 0.25, [
            Figure(phrase: "drops respiratory_drive to 0.12 (0.40 after the last dose", column: "respiratory_drive",
                   statistic: .min(0, 6), quoted: 0.12, rounding: 0.005),
            Figure(phrase: "drops respiratory_drive to 0.12 (0.40 after the last dose", column: "respiratory_drive",
                   statistic: .min(66, 72), quoted: 0.40, rounding: 0.005),
        ])
        try Self.check("nalbuphine-after-morphine", interval: 0.05, [
            Figure(phrase: "respiratory_drive recovers from 0.68 to 0.99", column: "respiratory_drive", statistic: .at(2), quoted: 0.68, rounding: 0.005),
        ])
        try Self.check("delta-potentiates-mu", interval: 0.05, [
            Figure(phrase: "respiratory_drive is 0.59 against 0.52", column: "respiratory_drive", statistic: .at(6.5), quoted: 0.59, rounding: 0.005),
        ])
    }

    @Test func tramadolPoorMetabolizerRespiratoryLow() throws {
        try Self.check("tramadol-poor-metabolizer", interval: 0.1, [
            Figure(phrase: "the respiratory_drive low 0.971 (0.950 normal)", column: "respiratory_drive", statistic: .min(24, 48), quoted: 0.971, rounding: 0.0005),
            Figure(phrase: "peaks at about 324 nM (495 nM", column: "desmetramadol_plasma_nM", statistic: .max(24, 48), quoted: 324, rounding: 0.5),
        ])
    }

    /// After the last patch comes off (216 h) the skin depot keeps releasing: the apparent t½ of
    /// about 17 h (Varvel 1989, checked in ProductTests) is the slope from 12 h on; plasma first
    /// halves about 24 h after removal (the header and README said "halves in about 17 h").
    @Test func fentanylPatchFirstHalvingAfterRemoval() throws {
        let table = try simulateShipped("fentanyl-patch", ["--interval", "0.25", "--columns", "fentanyl_plasma_nM"])
        #expect(try Self.header("fentanyl-patch").contains("the first halving taking about 24 h"))
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("the first halving takes about 24 h"))
        let atRemoval = table.value("fentanyl_plasma_nM", at: 216)
        let halved = try #require(table.series("fentanyl_plasma_nM").first { $0.time > 216 && $0.value <= atRemoval / 2 })
        #expect(abs(halved.time - 216 - 24) <= 1, "first halving \(halved.time - 216) h after removal")
    }

    /// Heroin at 0.5 h: the ventilation low comes about 20 min after the dose (header said 50).
    @Test func heroinVentilationLowTwentyMinutesAfterTheDose() throws {
        try Self.check("heroin-injection", interval: 0.01, [
            Figure(phrase: "0.03 about 20 min after the dose", column: "respiratory_drive", statistic: .min(0, 3), quoted: 0.03, rounding: 0.005),
        ])
        let table = try simulateShipped("heroin-injection", ["--interval", "0.01", "--columns", "respiratory_drive"])
        let low = table.trough("respiratory_drive")
        #expect(abs((low.time - 0.5) * 60 - 20) <= 5, "low \((low.time - 0.5) * 60) min after the dose")
    }

    @Test func kratomExerciseAndLowDoseNaltrexone() throws {
        try Self.check("kratom-stop", interval: 0.25, [
            Figure(phrase: "peaks at only about 0.51 at 687 h", column: "cows_equivalent", statistic: .max(666, 840), quoted: 0.51, rounding: 0.005, quotedTime: 687),
        ])
        try Self.check("exercise-during-withdrawal", interval: 0.25, [
            Figure(phrase: "(8.27 against 8.39 at 691 h", column: "cows_equivalent", statistic: .at(691), quoted: 8.27, rounding: 0.005),
            Figure(phrase: "7.27 against 7.38 at 715 h)", column: "cows_equivalent", statistic: .at(715), quoted: 7.27, rounding: 0.005),
            Figure(phrase: "(8.39 against 8.36 at 696 h", column: "cows_equivalent", statistic: .at(696), quoted: 8.39, rounding: 0.005),
            Figure(phrase: "3.72 in both", column: "cows_equivalent", statistic: .at(787), quoted: 3.72, rounding: 0.005),
        ])
        // The same hours without exercise (morphine-abrupt-stop.json), as the header quotes them.
        let morphine = try morphineAbruptStop.get()
        for (time, quoted) in [(691.0, 8.39), (715, 7.38), (696, 8.36), (787, 3.72)] {
            let value = morphine.value("cows_equivalent", at: time)
            #expect(abs(value - quoted) <= 0.005, "without exercise at \(time) h: header \(quoted), run \(value)")
        }
        try Self.check("low-dose-naltrexone", interval: 0.25, [
            Figure(phrase: "reward_response up to 0.594 (before the night's dose)", column: "reward_response",
                   statistic: .max(640, 670), quoted: 0.594, rounding: 0.0005),
        ])
    }
}
