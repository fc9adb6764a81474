import Foundation
import Testing
import TestSupport

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

    /// Runs `scenario` once; `extraColumns` are for the caller's own checks on the returned table.
    @discardableResult
    static func check(_ scenario: String, interval: Double, _ figures: [Figure], extraColumns: [String] = []) throws -> SimulatedTable {
        let columns = Array(Set(figures.map(\.column) + extraColumns)).sorted().joined(separator: ",")
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
        return table
    }

    @Test func drugFreeBaselines() throws {
        try Self.check("baseline-control", interval: 1, [
            Figure(phrase: "mu_occupancy_total 0.105", column: "mu_occupancy_total", statistic: .min(0, 168), quoted: 0.105, rounding: 0.0005),
            Figure(phrase: "mu_occupancy_total 0.105", column: "mu_occupancy_total", statistic: .max(0, 168), quoted: 0.105, rounding: 0.0005),
            Figure(phrase: "dysphoria 0.197", column: "dysphoria", statistic: .min(0, 168), quoted: 0.197, rounding: 0.0005),
            Figure(phrase: "dysphoria 0.197", column: "dysphoria", statistic: .max(0, 168), quoted: 0.197, rounding: 0.0005),
        ])
        try Self.check("baseline-opioid-deficit", interval: 1, [
            Figure(phrase: "endorphin_nM 0.056", column: "endorphin_nM", statistic: .at(168), quoted: 0.056, rounding: 0.0005),
            Figure(phrase: "mu_occupancy_total 0.062 (0.105)", column: "mu_occupancy_total", statistic: .at(168), quoted: 0.062, rounding: 0.0005),
            Figure(phrase: "mu_total_rel 1.18", column: "mu_total_rel", statistic: .at(168), quoted: 1.18, rounding: 0.005),
            Figure(phrase: "dopamine_tone 0.933 (1)", column: "dopamine_tone", statistic: .min(0, 168), quoted: 0.933, rounding: 0.0005),
            Figure(phrase: "dopamine_tone 0.933 (1)", column: "dopamine_tone", statistic: .max(0, 168), quoted: 0.933, rounding: 0.0005),
            Figure(phrase: "dysphoria 0.220 (0.197)", column: "dysphoria", statistic: .at(168), quoted: 0.220, rounding: 0.0005),
            Figure(phrase: "tolerance_index -0.049 (0)", column: "tolerance_index", statistic: .at(168), quoted: -0.049, rounding: 0.0005),
        ])
    }

    @Test func kappaStressAndAgonists() throws {
        try Self.check("stress", interval: 0.1, [
            Figure(phrase: "dynorphin_nM rising from 0.05 to about 0.15", column: "dynorphin_nM", statistic: .max(48, 54), quoted: 0.15, rounding: 0.005),
            Figure(phrase: "kappa_occupancy_dynorphin from 0.10 to 0.23", column: "kappa_occupancy_dynorphin", statistic: .max(48, 54), quoted: 0.23, rounding: 0.005),
            Figure(phrase: "kappa_response 0.28 -> 0.45", column: "kappa_response", statistic: .max(48, 54), quoted: 0.45, rounding: 0.005),
            Figure(phrase: "dysphoria 0.20 -> 0.28", column: "dysphoria", statistic: .max(48, 54), quoted: 0.28, rounding: 0.005),
            Figure(phrase: "hedonic_tone 0.80 -> 0.63", column: "hedonic_tone", statistic: .min(48, 54), quoted: 0.63, rounding: 0.005),
            Figure(phrase: "dopamine_tone down to 0.91", column: "dopamine_tone", statistic: .min(48, 54), quoted: 0.91, rounding: 0.005),
        ])
        try Self.check("stress-with-aticaprant", interval: 0.1, [
            Figure(phrase: "kappa_occupancy_aticaprant 0.83 at 24 h", column: "kappa_occupancy_aticaprant", statistic: .at(24), quoted: 0.83, rounding: 0.005),
            Figure(phrase: "dynorphin_nM still rises to about 0.16", column: "dynorphin_nM", statistic: .max(96, 102), quoted: 0.16, rounding: 0.005),
            Figure(phrase: "kappa_occupancy_dynorphin stays near 0.02", column: "kappa_occupancy_dynorphin", statistic: .max(72, 78), quoted: 0.02, rounding: 0.005),
            Figure(phrase: "kappa_response near 0.1", column: "kappa_response", statistic: .max(48, 54), quoted: 0.1, rounding: 0.05),
            Figure(phrase: "dysphoria stays at about 0.19", column: "dysphoria", statistic: .max(96, 102), quoted: 0.19, rounding: 0.005),
            Figure(phrase: "hedonic_tone at about 0.94", column: "hedonic_tone", statistic: .min(96, 102), quoted: 0.94, rounding: 0.005),
            Figure(phrase: "lowers dysphoria to about 0.13", column: "dysphoria", statistic: .at(168), quoted: 0.13, rounding: 0.005),
            Figure(phrase: "dopamine_tone to about 1.14", column: "dopamine_tone", statistic: .at(168), quoted: 1.14, rounding: 0.005),
            Figure(phrase: "mu_total_rel to 1.19", column: "mu_total_rel", statistic: .at(168), quoted: 1.19, rounding: 0.005),
        ])
        try Self.check("salvinorin-a-inhaled", interval: 0.005, [
            Figure(phrase: "kappa_occupancy_salvinorin_a 0.75 at 0.6 min", column: "kappa_occupancy_salvinorin_a", statistic: .at(0.01), quoted: 0.75, rounding: 0.005),
            Figure(phrase: "0.47 at 20 min", column: "kappa_occupancy_salvinorin_a", statistic: .at(1.0 / 3), quoted: 0.47, rounding: 0.005),
            Figure(phrase: "0.19 at 1 h; dysphoria", column: "kappa_occupancy_salvinorin_a", statistic: .at(1), quoted: 0.19, rounding: 0.005),
            Figure(phrase: "dysphoria from 0.20 to 0.35 at once", column: "dysphoria", statistic: .max(0, 2), quoted: 0.35, rounding: 0.005),
            Figure(phrase: "0.31 at 20 min", column: "dysphoria", statistic: .at(1.0 / 3), quoted: 0.31, rounding: 0.005),
            Figure(phrase: "0.25 at 1 h; dopamine_tone", column: "dysphoria", statistic: .at(1), quoted: 0.25, rounding: 0.005),
            Figure(phrase: "dopamine_tone down to 0.67", column: "dopamine_tone", statistic: .min(0, 2), quoted: 0.67, rounding: 0.005),
            Figure(phrase: "back to 0.76 at 20 min", column: "dopamine_tone", statistic: .at(1.0 / 3), quoted: 0.76, rounding: 0.005),
            Figure(phrase: "0.88 at 1 h", column: "dopamine_tone", statistic: .at(1), quoted: 0.88, rounding: 0.005),
            Figure(phrase: "stays at its drug-free 0.105", column: "mu_occupancy_total", statistic: .max(0, 2), quoted: 0.105, rounding: 0.0005),
        ])
        let u50488 = try Self.check("u50488-kappa-dysphoria", interval: 0.05, [
            Figure(phrase: "peaks at 9.7 nM at 1.4 h", column: "u50488_plasma_nM", statistic: .max(0, 12), quoted: 9.7, rounding: 0.05, quotedTime: 1.4, timeRounding: 0.05),
            Figure(phrase: "kappa_occupancy_u50488 at 0.55 at 1.65 h", column: "kappa_occupancy_u50488", statistic: .max(0, 12), quoted: 0.55, rounding: 0.005, quotedTime: 1.65, timeRounding: 0.005),
            Figure(phrase: "(kappa_occupancy_total from 0.10 to 0.57)", column: "kappa_occupancy_total", statistic: .max(0, 12), quoted: 0.57, rounding: 0.005),
            Figure(phrase: "dysphoria rises from 0.20 to 0.32", column: "dysphoria", statistic: .max(0, 12), quoted: 0.32, rounding: 0.005),
            Figure(phrase: "dopamine_tone falls from 1.00 to 0.73", column: "dopamine_tone", statistic: .min(0, 12), quoted: 0.73, rounding: 0.005),
            Figure(phrase: "(hedonic_tone 0.80 to 0.41)", column: "hedonic_tone", statistic: .min(0, 12), quoted: 0.41, rounding: 0.005),
        ])
        // "within 15 min of the dose" (1 mg at 1 h)
        #expect(u50488.peak("dysphoria").time - 1 <= 0.25)
        #expect(u50488.trough("dopamine_tone").time - 1 <= 0.25)
        let butorphanol = try Self.check("butorphanol-nasal", interval: 0.05, [
            Figure(phrase: "peaks near 5.3 nM after the two first", column: "butorphanol_plasma_nM", statistic: .max(0, 6.5), quoted: 5.3, rounding: 0.05),
            Figure(phrase: "6.5 nM at the end of the day", column: "butorphanol_plasma_nM", statistic: .max(0, 24), quoted: 6.5, rounding: 0.05),
            Figure(phrase: "kappa_occupancy_butorphanol reaches 0.35", column: "kappa_occupancy_butorphanol", statistic: .max(0, 24), quoted: 0.35, rounding: 0.005),
            Figure(phrase: "kappa_response 0.46 (0.28 at rest)", column: "kappa_response", statistic: .max(0, 24), quoted: 0.46, rounding: 0.005),
            Figure(phrase: "kappa_response 0.46 (0.28 at rest)", column: "kappa_response", statistic: .at(0), quoted: 0.28, rounding: 0.005),
            Figure(phrase: "to about 0.25", column: "dysphoria", statistic: .max(0, 24), quoted: 0.25, rounding: 0.005),
            Figure(phrase: "dopamine_tone falls to 0.88", column: "dopamine_tone", statistic: .min(0, 24), quoted: 0.88, rounding: 0.005),
        ], extraColumns: ["mu_occupancy_butorphanol", "respiratory_drive"])
        // "mu_occupancy_butorphanol below 0.04, respiratory_drive above 0.99"
        #expect(butorphanol.peak("mu_occupancy_butorphanol").value < 0.04)
        #expect(butorphanol.trough("respiratory_drive").value > 0.99)
    }

    /// Buprenorphine low dose (last day, 648-672 h) and the two inductions; naloxone-precipitated
    /// is the morphine history both inductions share, stopped by naloxone instead.
    @Test func buprenorphineLowDoseAndInductions() throws {
        try Self.check("buprenorphine-low-dose-deficit", interval: 0.5, [
            Figure(phrase: "small daily swing (about 0.02 to 0.05)", column: "mu_occupancy_buprenorphine", statistic: .min(648, 672), quoted: 0.02, rounding: 0.005),
            Figure(phrase: "small daily swing (about 0.02 to 0.05)", column: "mu_occupancy_buprenorphine", statistic: .max(648, 672), quoted: 0.05, rounding: 0.005),
            Figure(phrase: "kappa_occupancy_buprenorphine at most about 0.06", column: "kappa_occupancy_buprenorphine", statistic: .max(0, 672), quoted: 0.06, rounding: 0.005),
            Figure(phrase: "dopamine_tone moves from the deficit baseline 0.933 to about 0.95", column: "dopamine_tone", statistic: .min(648, 672), quoted: 0.95, rounding: 0.005),
            Figure(phrase: "(0.97 after each dose", column: "dopamine_tone", statistic: .max(648, 672), quoted: 0.97, rounding: 0.005),
            Figure(phrase: "dysphoria from 0.220 to about 0.216 (0.206)", column: "dysphoria", statistic: .max(648, 672), quoted: 0.216, rounding: 0.0005),
            Figure(phrase: "dysphoria from 0.220 to about 0.216 (0.206)", column: "dysphoria", statistic: .min(648, 672), quoted: 0.206, rounding: 0.0005),
            Figure(phrase: "hedonic_tone from 0.71 to about 0.73-0.77", column: "hedonic_tone", statistic: .min(648, 672), quoted: 0.73, rounding: 0.005),
            Figure(phrase: "hedonic_tone from 0.71 to about 0.73-0.77", column: "hedonic_tone", statistic: .max(648, 672), quoted: 0.77, rounding: 0.005),
            Figure(phrase: "tolerance_index stays near -0.045", column: "tolerance_index", statistic: .min(24, 672), quoted: -0.045, rounding: 0.005),
            Figure(phrase: "tolerance_index stays near -0.045", column: "tolerance_index", statistic: .max(24, 672), quoted: -0.045, rounding: 0.005),
        ])
        let micro = try Self.check("buprenorphine-micro-induction", interval: 0.25, [
            Figure(phrase: "(0.09 at 400 h, 0.46 at 498 h)", column: "mu_occupancy_buprenorphine", statistic: .at(400), quoted: 0.09, rounding: 0.005),
            Figure(phrase: "(0.09 at 400 h, 0.46 at 498 h)", column: "mu_occupancy_buprenorphine", statistic: .at(498), quoted: 0.46, rounding: 0.005),
            Figure(phrase: "peak of about 2.8 (withdrawal_signs 0.09) at 528 h", column: "cows_equivalent", statistic: .max(498, 672), quoted: 2.8, rounding: 0.05, quotedTime: 528),
            Figure(phrase: "peak of about 2.8 (withdrawal_signs 0.09) at 528 h", column: "withdrawal_signs", statistic: .max(498, 672), quoted: 0.09, rounding: 0.005, quotedTime: 528),
        ])
        let belowOne = try #require(micro.series("cows_equivalent").first { $0.time > 528 && $0.value < 1 })
        #expect(try Self.header("buprenorphine-micro-induction").contains("below 1 from 531 h"))
        #expect(abs(belowOne.time - 531) <= 0.5, "cows_equivalent below 1 from \(belowOne.time) h")
        let standard = try Self.check("buprenorphine-standard-induction", interval: 0.25, [
            Figure(phrase: "(mu_occupancy_buprenorphine 0.44 at +4 h, 0.37 at +12 h", column: "mu_occupancy_buprenorphine", statistic: .at(336), quoted: 0.44, rounding: 0.005),
            Figure(phrase: "(mu_occupancy_buprenorphine 0.44 at +4 h, 0.37 at +12 h", column: "mu_occupancy_buprenorphine", statistic: .at(344), quoted: 0.37, rounding: 0.005),
            Figure(phrase: "mu_occupancy_morphine 0.35 -> 0.05)", column: "mu_occupancy_morphine", statistic: .at(332), quoted: 0.35, rounding: 0.005),
            Figure(phrase: "mu_occupancy_morphine 0.35 -> 0.05)", column: "mu_occupancy_morphine", statistic: .at(344), quoted: 0.05, rounding: 0.005),
            Figure(phrase: "cows_equivalent is 0.2 at +4 h, 1.6 at +8 h, 3.0 at +12 h", column: "cows_equivalent", statistic: .at(336), quoted: 0.2, rounding: 0.05),
            Figure(phrase: "cows_equivalent is 0.2 at +4 h, 1.6 at +8 h, 3.0 at +12 h", column: "cows_equivalent", statistic: .at(340), quoted: 1.6, rounding: 0.05),
            Figure(phrase: "cows_equivalent is 0.2 at +4 h, 1.6 at +8 h, 3.0 at +12 h", column: "cows_equivalent", statistic: .at(344), quoted: 3.0, rounding: 0.05),
            Figure(phrase: "peaks at about 4.9 (withdrawal_signs 0.16) at 356.25 h", column: "cows_equivalent", statistic: .max(332, 504), quoted: 4.9, rounding: 0.05, quotedTime: 356.25, timeRounding: 0.005),
            Figure(phrase: "peaks at about 4.9 (withdrawal_signs 0.16) at 356.25 h", column: "withdrawal_signs", statistic: .max(332, 504), quoted: 0.16, rounding: 0.005),
            Figure(phrase: "(about 2.2 at 380 h, 1.2 at 404 h)", column: "cows_equivalent", statistic: .at(380), quoted: 2.2, rounding: 0.05),
            Figure(phrase: "(about 2.2 at 380 h, 1.2 at 404 h)", column: "cows_equivalent", statistic: .at(404), quoted: 1.2, rounding: 0.05),
        ])
        // The micro-induction header compares its peak with this one ("about half ... (about 7.7)").
        #expect(try Self.header("buprenorphine-micro-induction").contains("standard induction's peak (about 4.9)"))
        #expect(abs(standard.peak("cows_equivalent", from: 332).value - 4.9) <= 0.05)
        let precipitated = try Self.check("naloxone-precipitated", interval: 0.05, [
            Figure(phrase: "mu_occupancy_morphine drops from 0.35 to 0.01", column: "mu_occupancy_morphine", statistic: .at(333), quoted: 0.35, rounding: 0.005),
            Figure(phrase: "mu_occupancy_morphine drops from 0.35 to 0.01", column: "mu_occupancy_morphine", statistic: .min(333, 333.25), quoted: 0.01, rounding: 0.005),
            Figure(phrase: "jumps from 0 to about 8.4 (withdrawal_signs 0.25", column: "cows_equivalent", statistic: .max(333, 340), quoted: 8.4, rounding: 0.05),
            Figure(phrase: "jumps from 0 to about 8.4 (withdrawal_signs 0.25", column: "withdrawal_signs", statistic: .max(333, 340), quoted: 0.25, rounding: 0.005),
            Figure(phrase: "dopamine_tone down from 0.87 to 0.52", column: "dopamine_tone", statistic: .at(333), quoted: 0.87, rounding: 0.005),
            Figure(phrase: "dopamine_tone down from 0.87 to 0.52", column: "dopamine_tone", statistic: .min(333, 340), quoted: 0.52, rounding: 0.005),
            Figure(phrase: "dysphoria up to 0.32)", column: "dysphoria", statistic: .max(333, 340), quoted: 0.32, rounding: 0.005),
            Figure(phrase: "mu_occupancy_naloxone 0.95 at +15 min, 0.51 at +3 h", column: "mu_occupancy_naloxone", statistic: .at(333.25), quoted: 0.95, rounding: 0.005),
            Figure(phrase: "mu_occupancy_naloxone 0.95 at +15 min, 0.51 at +3 h", column: "mu_occupancy_naloxone", statistic: .at(336), quoted: 0.51, rounding: 0.005),
            Figure(phrase: "COWS eases to about 3.3 at +5 h", column: "cows_equivalent", statistic: .at(338), quoted: 3.3, rounding: 0.05),
            Figure(phrase: "peak (about 6.6, withdrawal_signs 0.22) at 355 h", column: "cows_equivalent", statistic: .max(340, 360), quoted: 6.6, rounding: 0.05, quotedTime: 355),
            Figure(phrase: "peak (about 6.6, withdrawal_signs 0.22) at 355 h", column: "withdrawal_signs", statistic: .max(340, 360), quoted: 0.22, rounding: 0.005),
        ])
        // The standard induction's header quotes this peak ("about 6.6, naloxone-precipitated.json at 355 h").
        #expect(try Self.header("buprenorphine-standard-induction").contains("(about 6.6, naloxone-precipitated.json at 355 h)"))
        let spontaneous = precipitated.peak("cows_equivalent", from: 340)
        #expect(abs(spontaneous.value - 6.6) <= 0.05 && abs(spontaneous.time - 355) <= 0.5)
    }

    @Test func buprenorphineProducts() throws {
        let combination = try Self.check("buprenorphine-naloxone-sublingual", interval: 0.05, [
            Figure(phrase: "naloxone peaks at 0.23 ng/mL 25 min", column: "naloxone_plasma_ng_per_mL", statistic: .max(0, 2), quoted: 0.23, rounding: 0.005),
            Figure(phrase: "(mu_occupancy_naloxone 0.47 at 30 min, 0.04 at 4 h)", column: "mu_occupancy_naloxone", statistic: .at(0.5), quoted: 0.47, rounding: 0.005),
            Figure(phrase: "(mu_occupancy_naloxone 0.47 at 30 min, 0.04 at 4 h)", column: "mu_occupancy_naloxone", statistic: .at(4), quoted: 0.04, rounding: 0.005),
            Figure(phrase: "(5.6 ng/mL at 2 h on day 7 against 3.9 on day 1", column: "buprenorphine_plasma_ng_per_mL", statistic: .at(146), quoted: 5.6, rounding: 0.05),
            Figure(phrase: "(5.6 ng/mL at 2 h on day 7 against 3.9 on day 1", column: "buprenorphine_plasma_ng_per_mL", statistic: .at(2), quoted: 3.9, rounding: 0.05),
            Figure(phrase: "mu occupancy 0.81 and 0.73)", column: "mu_occupancy_total", statistic: .at(146), quoted: 0.81, rounding: 0.005),
            Figure(phrase: "mu occupancy 0.81 and 0.73)", column: "mu_occupancy_total", statistic: .at(2), quoted: 0.73, rounding: 0.005),
            Figure(phrase: "respiratory_drive at worst 0.68 (28.4 h)", column: "respiratory_drive", statistic: .min(0, 216), quoted: 0.68, rounding: 0.005, quotedTime: 28.4, timeRounding: 0.05),
            Figure(phrase: "cows_equivalent reaches about 1.6", column: "cows_equivalent", statistic: .max(144, 216), quoted: 1.6, rounding: 0.05),
            Figure(phrase: "builds to 7 ng/mL by day 7", column: "norbuprenorphine_plasma_ng_per_mL", statistic: .at(168), quoted: 7, rounding: 0.5),
        ], extraColumns: ["mu_occupancy_norbuprenorphine"])
        #expect(abs(combination.peak("naloxone_plasma_ng_per_mL", from: 0, to: 2).time * 60 - 25) <= 3, "naloxone peak 25 min after the dose")
        #expect(combination.peak("mu_occupancy_norbuprenorphine").value < 0.01, "norbuprenorphine 'holds under 0.01 of mu receptors'")
        let patch = try Self.check("buprenorphine-patch", interval: 0.5, [
            Figure(phrase: "92 % of its plateau (0.17 ng/mL)", column: "buprenorphine_plasma_ng_per_mL", statistic: .at(336), quoted: 0.17, rounding: 0.005),
            Figure(phrase: "Mu occupancy 0.20 in all (0.11 by buprenorphine)", column: "mu_occupancy_total", statistic: .at(336), quoted: 0.20, rounding: 0.005),
            Figure(phrase: "Mu occupancy 0.20 in all (0.11 by buprenorphine)", column: "mu_occupancy_buprenorphine", statistic: .at(336), quoted: 0.11, rounding: 0.005),
            Figure(phrase: "respiratory_drive at worst 0.989", column: "respiratory_drive", statistic: .min(0, 432), quoted: 0.989, rounding: 0.0005),
            Figure(phrase: "tolerance_index 0.03;", column: "tolerance_index", statistic: .at(336), quoted: 0.03, rounding: 0.005),
            Figure(phrase: "cows_equivalent peaks at about 0.6 (365 h)", column: "cows_equivalent", statistic: .max(336, 432), quoted: 0.6, rounding: 0.05, quotedTime: 365),
        ])
        let plasma = "buprenorphine_plasma_ng_per_mL"
        let dayThree = patch.value(plasma, at: 72) / patch.value(plasma, at: 168)
        #expect(abs(dayThree - 0.92) <= 0.005, "day 3 at \(dayThree) of the first patch's plateau")
        let halved = try #require(patch.series(plasma).first { $0.time > 336 && $0.value <= patch.value(plasma, at: 336) / 2 })
        #expect(abs(halved.time - 336 - 12) <= 0.5, "halves \(halved.time - 336) h after removal")
        let halfLife = 24 * log(2) / log(patch.value(plasma, at: 360) / patch.value(plasma, at: 384))
        #expect(abs(halfLife - 25) <= 0.5, "apparent t½ 24-48 h after removal \(halfLife) h")
        let depot = try Self.check("buprenorphine-weekly-depot", interval: 1, [
            Figure(phrase: "peaks at 2.3 ng/mL a day after the first injection", column: "buprenorphine_plasma_ng_per_mL", statistic: .max(0, 168), quoted: 2.3, rounding: 0.05),
            Figure(phrase: "sits at 0.9-1.3 ng/mL before each next one", column: "buprenorphine_plasma_ng_per_mL", statistic: .at(167), quoted: 0.9, rounding: 0.05),
            Figure(phrase: "sits at 0.9-1.3 ng/mL before each next one", column: "buprenorphine_plasma_ng_per_mL", statistic: .at(503), quoted: 1.3, rounding: 0.05),
            Figure(phrase: "mu occupancy 0.67 at 24 h, 0.54 before the last injection, 0.17 three weeks after it", column: "mu_occupancy_total", statistic: .at(24), quoted: 0.67, rounding: 0.005),
            Figure(phrase: "mu occupancy 0.67 at 24 h, 0.54 before the last injection, 0.17 three weeks after it", column: "mu_occupancy_total", statistic: .at(504), quoted: 0.54, rounding: 0.005),
            Figure(phrase: "mu occupancy 0.67 at 24 h, 0.54 before the last injection, 0.17 three weeks after it", column: "mu_occupancy_total", statistic: .at(1008), quoted: 0.17, rounding: 0.005),
            Figure(phrase: "cows_equivalent peaks at only about 1, 15 days after the last one", column: "cows_equivalent", statistic: .max(504, 1176), quoted: 1, rounding: 0.5),
        ])
        #expect(abs(depot.peak("buprenorphine_plasma_ng_per_mL", from: 0, to: 168).time - 24) <= 6, "first peak 'a day after'")
        #expect(abs((depot.peak("cows_equivalent", from: 504).time - 504) / 24 - 15) <= 0.5, "withdrawal peak 15 days after the last injection")
    }

    @Test func overdosesAndNaloxone() throws {
        let carfentanil = try Self.check("carfentanil-overdose-naloxone", interval: 0.01, [
            Figure(phrase: "respiratory_drive falls to 0.14 at 6 min", column: "respiratory_drive", statistic: .min(0, 0.5), quoted: 0.14, rounding: 0.005),
            Figure(phrase: "(mu_occupancy_carfentanil 0.52)", column: "mu_occupancy_carfentanil", statistic: .at(0.1), quoted: 0.52, rounding: 0.005),
            Figure(phrase: "back to 0.99 at 30 min", column: "respiratory_drive", statistic: .at(0.5), quoted: 0.99, rounding: 0.005),
            Figure(phrase: "1.01 from 1 h", column: "respiratory_drive", statistic: .min(1, 6), quoted: 1.01, rounding: 0.005),
        ])
        #expect(abs(carfentanil.trough("respiratory_drive").time * 60 - 6) <= 0.6)
        #expect(carfentanil.peak("mu_occupancy_carfentanil", from: 1).value <= 0.05, "'stays at 0.05 or below from 1 h on'")
        let isotonitazene = try Self.check("isotonitazene-overdose-naloxone", interval: 0.01, [
            Figure(phrase: "respiratory_drive falls to 0.038 at 4 min", column: "respiratory_drive", statistic: .min(0, 0.5), quoted: 0.038, rounding: 0.0005),
            Figure(phrase: "(mu_occupancy_isotonitazene 0.78)", column: "mu_occupancy_isotonitazene", statistic: .max(0, 0.5), quoted: 0.78, rounding: 0.005),
            Figure(phrase: "back to 0.82 at 30 min and 0.98 at 1 h", column: "respiratory_drive", statistic: .at(0.5), quoted: 0.82, rounding: 0.005),
            Figure(phrase: "back to 0.82 at 30 min and 0.98 at 1 h", column: "respiratory_drive", statistic: .at(1), quoted: 0.98, rounding: 0.005),
            Figure(phrase: "(occupancy 0.15 at 1 h, 0.29-0.31 at 5-6 h)", column: "mu_occupancy_isotonitazene", statistic: .at(1), quoted: 0.15, rounding: 0.005),
            Figure(phrase: "(occupancy 0.15 at 1 h, 0.29-0.31 at 5-6 h)", column: "mu_occupancy_isotonitazene", statistic: .at(5), quoted: 0.29, rounding: 0.005),
            Figure(phrase: "(occupancy 0.15 at 1 h, 0.29-0.31 at 5-6 h)", column: "mu_occupancy_isotonitazene", statistic: .at(6), quoted: 0.31, rounding: 0.005),
            Figure(phrase: "the drive sinks again to 0.66 at 6 h", column: "respiratory_drive", statistic: .min(1, 6), quoted: 0.66, rounding: 0.005, quotedTime: 6),
            Figure(phrase: "Plasma 1.22 ng/mL at 1 h", column: "isotonitazene_plasma_ng_per_mL", statistic: .at(1), quoted: 1.22, rounding: 0.005),
        ])
        #expect(abs(isotonitazene.trough("respiratory_drive").time * 60 - 4) <= 0.6)
        let heroin = try Self.check("heroin-user-defined", interval: 0.05, [
            Figure(phrase: "to a peak of about 0.94 within minutes", column: "mu_occupancy_total", statistic: .max(0, 8), quoted: 0.94, rounding: 0.005),
            Figure(phrase: "peaks (about 140 nM) 15 minutes after the dose", column: "morphine_plasma_nM", statistic: .max(0, 8), quoted: 140, rounding: 5),
            Figure(phrase: "settles at about 0.4 for hours", column: "mu_occupancy_total", statistic: .at(3), quoted: 0.4, rounding: 0.05),
            Figure(phrase: "settles at about 0.4 for hours", column: "mu_occupancy_total", statistic: .at(6), quoted: 0.4, rounding: 0.05),
            Figure(phrase: "respiratory_drive falls to 0.020 at 1.15 h", column: "respiratory_drive", statistic: .min(0, 8), quoted: 0.020, rounding: 0.0005, quotedTime: 1.15, timeRounding: 0.005),
            Figure(phrase: "dopamine_tone peaks at 1.30", column: "dopamine_tone", statistic: .max(0, 8), quoted: 1.30, rounding: 0.005),
            Figure(phrase: "dysphoria drops from 0.197 to 0.10", column: "dysphoria", statistic: .min(0, 8), quoted: 0.10, rounding: 0.005),
        ], extraColumns: ["heroin_user_plasma_nM"])
        #expect(try Self.header("heroin-user-defined").contains("starts at 5,800 nM"))
        #expect(abs(heroin.value("heroin_user_plasma_nM", at: 1) - 5800) <= 50)
        #expect(abs(heroin.peak("morphine_plasma_nM").time - 1.25) <= 0.05, "morphine peak 15 minutes after the dose")
        let above = heroin.series("mu_occupancy_total").filter { $0.value > 0.7 }
        let minutesAbove = ((above.last?.time ?? 0) - (above.first?.time ?? 0)) * 60
        #expect(abs(minutesAbove - 45) <= 5, "mu_occupancy_total above 0.7 for \(minutesAbove) min")
    }

    /// Log-linear least-squares half-life of `column` over `from...to` (h).
    static func fittedHalfLife(_ table: SimulatedTable, _ column: String, from: Double, to: Double) -> Double {
        let points = table.series(column).filter { (from...to).contains($0.time) && $0.value > 0 }
        let n = Double(points.count)
        let meanTime = points.map(\.time).reduce(0, +) / n, meanLog = points.map { log($0.value) }.reduce(0, +) / n
        let slope = points.map { ($0.time - meanTime) * (log($0.value) - meanLog) }.reduce(0, +)
            / points.map { ($0.time - meanTime) * ($0.time - meanTime) }.reduce(0, +)
        return -log(2) / slope
    }

    @Test func stopsAndTapers() throws {
        let methadone = try Self.check("methadone-stop", interval: 0.5, [
            Figure(phrase: "respiratory_drive down to 0.24 after the first dose", column: "respiratory_drive", statistic: .min(0, 24), quoted: 0.24, rounding: 0.005),
            Figure(phrase: "about 0.95 at steady state", column: "respiratory_drive", statistic: .min(624, 648), quoted: 0.95, rounding: 0.005),
            Figure(phrase: "tolerance_index about 0.68 by day 7, peak 0.76", column: "tolerance_index", statistic: .at(168), quoted: 0.68, rounding: 0.005),
            Figure(phrase: "tolerance_index about 0.68 by day 7, peak 0.76", column: "tolerance_index", statistic: .max(0, 1008), quoted: 0.76, rounding: 0.005),
            Figure(phrase: "cows_equivalent is about 0.2 at each trough", column: "cows_equivalent", statistic: .at(624), quoted: 0.2, rounding: 0.05),
            Figure(phrase: "cows_equivalent is about 0.2 at each trough", column: "cows_equivalent", statistic: .at(648), quoted: 0.2, rounding: 0.05),
            Figure(phrase: "peaks at about 4.3 (withdrawal_signs 0.14) at 773.0 h", column: "cows_equivalent", statistic: .max(648, 1008), quoted: 4.3, rounding: 0.05, quotedTime: 773.0, timeRounding: 0.05),
            Figure(phrase: "peaks at about 4.3 (withdrawal_signs 0.14) at 773.0 h", column: "withdrawal_signs", statistic: .max(648, 1008), quoted: 0.14, rounding: 0.005),
            Figure(phrase: "still about 2.0 at 912 h", column: "cows_equivalent", statistic: .at(912), quoted: 2.0, rounding: 0.05),
            Figure(phrase: "(0.22 at 788 h)", column: "dysphoria", statistic: .max(648, 1008), quoted: 0.22, rounding: 0.005, quotedTime: 788),
        ])
        #expect(abs((methadone.peak("cows_equivalent", from: 648).time - 648) / 24 - 5.2) <= 0.05, "'about 5.2 days after the last dose'")
        try Self.check("morphine-taper", interval: 0.25, [
            Figure(phrase: "(about 1.2, 1.6, 2.0 and 2.4 on the 25 to 10 mg steps", column: "cows_equivalent", statistic: .max(672, 744), quoted: 1.2, rounding: 0.05),
            Figure(phrase: "(about 1.2, 1.6, 2.0 and 2.4 on the 25 to 10 mg steps", column: "cows_equivalent", statistic: .max(744, 816), quoted: 1.6, rounding: 0.05),
            Figure(phrase: "(about 1.2, 1.6, 2.0 and 2.4 on the 25 to 10 mg steps", column: "cows_equivalent", statistic: .max(816, 888), quoted: 2.0, rounding: 0.05),
            Figure(phrase: "(about 1.2, 1.6, 2.0 and 2.4 on the 25 to 10 mg steps", column: "cows_equivalent", statistic: .max(888, 936), quoted: 2.4, rounding: 0.05),
            Figure(phrase: "then 3.3 at 948 h on the 5 mg step", column: "cows_equivalent", statistic: .max(936, 1002), quoted: 3.3, rounding: 0.05, quotedTime: 948),
            Figure(phrase: "(3.9 at 1022 h)", column: "cows_equivalent", statistic: .max(1002, 1176), quoted: 3.9, rounding: 0.05, quotedTime: 1022),
            Figure(phrase: "fades to about 1.1 by 1176 h", column: "cows_equivalent", statistic: .at(1176), quoted: 1.1, rounding: 0.05),
        ])
        #expect(try Self.header("morphine-taper").contains("the abrupt stop's (about 7.6)"))
        #expect(abs(try morphineAbruptStop.get().peak("cows_equivalent").value - 7.6) <= 0.05)
        let naltrexone = try Self.check("naltrexone-extended-release", interval: 1, [
            Figure(phrase: "peaks at 9.1 ng/mL 2 h after the first injection", column: "naltrexone_plasma_ng_per_mL", statistic: .max(0, 24), quoted: 9.1, rounding: 0.05, quotedTime: 2),
            Figure(phrase: "falls to 1.06 at 12 h (mu occupancy 0.92)", column: "naltrexone_plasma_ng_per_mL", statistic: .at(12), quoted: 1.06, rounding: 0.005),
            Figure(phrase: "falls to 1.06 at 12 h (mu occupancy 0.92)", column: "mu_occupancy_total", statistic: .at(12), quoted: 0.92, rounding: 0.005),
            Figure(phrase: "second peak of 2.67 at 66 h", column: "naltrexone_plasma_ng_per_mL", statistic: .max(24, 168), quoted: 2.67, rounding: 0.005, quotedTime: 66),
            Figure(phrase: "2.4 on day 7, 2.1 on day 14 (0.79 of day 3", column: "naltrexone_plasma_ng_per_mL", statistic: .at(168), quoted: 2.4, rounding: 0.05),
            Figure(phrase: "2.4 on day 7, 2.1 on day 14 (0.79 of day 3", column: "naltrexone_plasma_ng_per_mL", statistic: .at(336), quoted: 2.1, rounding: 0.05),
            Figure(phrase: "0.65 on day 27 (t½ 7.5 days over days 14-27", column: "naltrexone_plasma_ng_per_mL", statistic: .at(648), quoted: 0.65, rounding: 0.005),
            Figure(phrase: "mu occupancy 0.97 at 72 h, 0.96 on day 14, 0.88 on day 27", column: "mu_occupancy_total", statistic: .at(72), quoted: 0.97, rounding: 0.005),
            Figure(phrase: "mu occupancy 0.97 at 72 h, 0.96 on day 14, 0.88 on day 27", column: "mu_occupancy_total", statistic: .at(336), quoted: 0.96, rounding: 0.005),
            Figure(phrase: "mu occupancy 0.97 at 72 h, 0.96 on day 14, 0.88 on day 27", column: "mu_occupancy_total", statistic: .at(648), quoted: 0.88, rounding: 0.005),
            Figure(phrase: "lowers respiratory_drive only to 0.97", column: "respiratory_drive", statistic: .min(648, 672), quoted: 0.97, rounding: 0.005),
            Figure(phrase: "not below 1.00", column: "respiratory_drive", statistic: .min(1200, 1210), quoted: 1.00, rounding: 0.005),
            Figure(phrase: "(cows_equivalent 0.13 at 675 h", column: "cows_equivalent", statistic: .at(675), quoted: 0.13, rounding: 0.005),
            Figure(phrase: "0.00 at the end", column: "cows_equivalent", statistic: .at(1344), quoted: 0.00, rounding: 0.005),
        ])
        let plasma = "naltrexone_plasma_ng_per_mL"
        #expect(abs(naltrexone.value(plasma, at: 336) / naltrexone.value(plasma, at: 72) - 0.79) <= 0.005, "day 14 against day 3")
        #expect(abs(Self.fittedHalfLife(naltrexone, plasma, from: 336, to: 648) / 24 - 7.5) <= 0.05, "t½ over days 14-27")
        try Self.check("naltrexone-stop", interval: 0.25, [
            Figure(phrase: "mu_occupancy_total about 0.96 for a few hours after each dose", column: "mu_occupancy_total", statistic: .max(48, 72), quoted: 0.96, rounding: 0.005),
            Figure(phrase: "falling to about 0.64 before the next (0.58 after the first; kappa 0.92 -> 0.45)", column: "mu_occupancy_total", statistic: .at(720), quoted: 0.64, rounding: 0.005),
            Figure(phrase: "falling to about 0.64 before the next (0.58 after the first; kappa 0.92 -> 0.45)", column: "mu_occupancy_total", statistic: .at(72), quoted: 0.58, rounding: 0.005),
            Figure(phrase: "falling to about 0.64 before the next (0.58 after the first; kappa 0.92 -> 0.45)", column: "kappa_occupancy_total", statistic: .max(48, 72), quoted: 0.92, rounding: 0.005),
            Figure(phrase: "falling to about 0.64 before the next (0.58 after the first; kappa 0.92 -> 0.45)", column: "kappa_occupancy_total", statistic: .at(720), quoted: 0.45, rounding: 0.005),
            Figure(phrase: "The first dose drops dopamine_tone to 0.63", column: "dopamine_tone", statistic: .min(48, 72), quoted: 0.63, rounding: 0.005),
            Figure(phrase: "(peak 1.82 at 708 h)", column: "mu_total_rel", statistic: .max(0, 840), quoted: 1.82, rounding: 0.005, quotedTime: 708),
            Figure(phrase: "is still 1.36 at the second probe", column: "mu_total_rel", statistic: .at(792), quoted: 1.36, rounding: 0.005),
            Figure(phrase: "(0.83 against 0.91)", column: "respiratory_drive", statistic: .min(792, 800), quoted: 0.83, rounding: 0.005),
            Figure(phrase: "(0.83 against 0.91)", column: "respiratory_drive", statistic: .min(0, 6), quoted: 0.91, rounding: 0.005),
            Figure(phrase: "(1.10 against 1.11)", column: "dopamine_tone", statistic: .max(792, 800), quoted: 1.10, rounding: 0.005),
            Figure(phrase: "(1.10 against 1.11)", column: "dopamine_tone", statistic: .max(0, 6), quoted: 1.11, rounding: 0.005),
            Figure(phrase: "kappa_total_rel drifts to about 0.93", column: "kappa_total_rel", statistic: .min(0, 840), quoted: 0.93, rounding: 0.005),
            Figure(phrase: "cows_equivalent reaches about 1.0 (824 h)", column: "cows_equivalent", statistic: .max(800, 840), quoted: 1.0, rounding: 0.05, quotedTime: 824),
        ])
    }

    @Test func oralMuAgonistsAndDextromethorphan() throws {
        // Rows every 0.02 h: the peak (20.3 ng/mL at 2.94 h, Model2Design §12 item 18) falls between the file's 15-min rows.
        let oxycodone = try Self.check("oxycodone-extended-release", interval: 0.02, [
            Figure(phrase: "the first dose peaks at 20.3 ng/mL at about 3 h", column: "oxycodone_plasma_ng_per_mL", statistic: .max(0, 12), quoted: 20.3, rounding: 0.05, quotedTime: 3),
            Figure(phrase: "swings between 29 and 12 ng/mL", column: "oxycodone_plasma_ng_per_mL", statistic: .max(96, 120), quoted: 29, rounding: 0.5),
            Figure(phrase: "swings between 29 and 12 ng/mL", column: "oxycodone_plasma_ng_per_mL", statistic: .min(96, 120), quoted: 12, rounding: 0.5),
            Figure(phrase: "respiratory_drive at worst 0.71 (15 h)", column: "respiratory_drive", statistic: .min(0, 192), quoted: 0.71, rounding: 0.005, quotedTime: 15),
            Figure(phrase: "cows_equivalent about 3.4 at 140 h, 32 h after the last dose", column: "cows_equivalent", statistic: .at(140), quoted: 3.4, rounding: 0.05),
        ])
        let oxycodonePlasma = "oxycodone_plasma_ng_per_mL"
        let dayFive = (peak: oxycodone.peak(oxycodonePlasma, from: 96, to: 120).value, trough: oxycodone.trough(oxycodonePlasma, from: 96, to: 120).value)
        #expect(try Self.header("oxycodone-extended-release").contains("trough at 39 % of the peak; 14.7 ng/mL per 10 mg at the peak"))
        #expect(abs(dayFive.trough / dayFive.peak - 0.39) <= 0.005 && abs(dayFive.peak / 2 - 14.7) <= 0.05, "day 5 \(dayFive)")
        #expect(try Self.header("oxycodone-extended-release").contains("falls with t½ 6.3 h over 12-36 h"))
        #expect(abs(Self.fittedHalfLife(oxycodone, oxycodonePlasma, from: 120, to: 144) - 6.3) <= 0.05)
        try Self.check("tapentadol-oral", interval: 0.25, [
            Figure(phrase: "the first dose peaks at 48 ng/mL at 1.25 h", column: "tapentadol_plasma_ng_per_mL", statistic: .max(0, 6), quoted: 48, rounding: 0.5, quotedTime: 1.25, timeRounding: 0.005),
            Figure(phrase: "plasma swings between 78 and 36 ng/mL", column: "tapentadol_plasma_ng_per_mL", statistic: .max(48, 72), quoted: 78, rounding: 0.5),
            Figure(phrase: "plasma swings between 78 and 36 ng/mL", column: "tapentadol_plasma_ng_per_mL", statistic: .min(48, 72), quoted: 36, rounding: 0.5),
            Figure(phrase: "mu occupancy by tapentadol 0.23 after the first dose, 0.33 on day 3", column: "mu_occupancy_tapentadol", statistic: .max(0, 6), quoted: 0.23, rounding: 0.005),
            Figure(phrase: "mu occupancy by tapentadol 0.23 after the first dose, 0.33 on day 3", column: "mu_occupancy_tapentadol", statistic: .max(48, 72), quoted: 0.33, rounding: 0.005),
            Figure(phrase: "respiratory_drive at worst 0.63 (13.75 h", column: "respiratory_drive", statistic: .min(0, 144), quoted: 0.63, rounding: 0.005, quotedTime: 13.75, timeRounding: 0.005),
            Figure(phrase: "tolerance_index 0.12 at the last dose", column: "tolerance_index", statistic: .at(66), quoted: 0.12, rounding: 0.005),
            Figure(phrase: "cows_equivalent about 4.2 at 91 h", column: "cows_equivalent", statistic: .at(91), quoted: 4.2, rounding: 0.05),
        ])
        let loperamide = try Self.check("loperamide-peripheral", interval: 0.25, [
            Figure(phrase: "climbs to about 6 nM (2.9 ng/mL) after the last dose", column: "loperamide_plasma_nM", statistic: .max(60, 96), quoted: 6, rounding: 0.5),
            Figure(phrase: "climbs to about 6 nM (2.9 ng/mL) after the last dose", column: "loperamide_plasma_ng_per_mL", statistic: .max(60, 96), quoted: 2.9, rounding: 0.05),
            Figure(phrase: "mu_occupancy_loperamide never exceeds 0.006", column: "mu_occupancy_loperamide", statistic: .max(0, 96), quoted: 0.006, rounding: 0.0005),
            Figure(phrase: "(cows_equivalent at most 0.03)", column: "cows_equivalent", statistic: .max(0, 96), quoted: 0.03, rounding: 0.005),
        ], extraColumns: ["dopamine_tone", "respiratory_drive"])
        #expect(try Self.header("loperamide-peripheral").contains("stay within 0.6 % of 1"))
        for column in ["dopamine_tone", "respiratory_drive"] {
            let farthest = loperamide.series(column).map { abs($0.value - 1) }.max() ?? .nan
            #expect(farthest <= 0.0065, "\(column) \(farthest) from 1")
        }
        let dextromethorphan = try Self.check("dextromethorphan-cyp2d6", interval: 0.1, [
            Figure(phrase: "accumulates over three days to 74 ng/mL (peak at 68 h", column: "dextromethorphan_plasma_ng_per_mL", statistic: .max(0, 168), quoted: 74, rounding: 0.5, quotedTime: 68),
            Figure(phrase: "still 7.7 ng/mL at the end of the week", column: "dextromethorphan_plasma_ng_per_mL", statistic: .at(168), quoted: 7.7, rounding: 0.05),
            Figure(phrase: "nmda_occupancy_total reaches 0.051", column: "nmda_occupancy_total", statistic: .max(0, 168), quoted: 0.051, rounding: 0.0005),
            Figure(phrase: "dysphoria falls from 0.20 to 0.12 at 85 h", column: "dysphoria", statistic: .min(0, 168), quoted: 0.12, rounding: 0.005, quotedTime: 85),
            Figure(phrase: "hedonic_tone rises from 0.80 to 0.88", column: "hedonic_tone", statistic: .max(0, 168), quoted: 0.88, rounding: 0.005),
        ], extraColumns: ["dextrorphan_plasma_ng_per_mL"])
        #expect(dextromethorphan.peak("dextrorphan_plasma_ng_per_mL").value == 0, "'no dextrorphan is formed'")
        #expect(try Self.header("dextromethorphan-cyp2d6").contains("t½ about 30 h"))
        #expect(abs(Self.fittedHalfLife(dextromethorphan, "dextromethorphan_plasma_ng_per_mL", from: 72, to: 168) - 30) <= 0.5)
        // The header's cyp2d6 "normal" figures: the same file with the phenotype changed.
        let shipped = try String(contentsOf: repositoryRoot.appendingPathComponent("Scenarios/dextromethorphan-cyp2d6.json"), encoding: .utf8)
        #expect(shipped.contains("cyp2d6: \"poor\""))
        let directory = try makeTemporaryDirectory()
        let variant = directory.appendingPathComponent("dextromethorphan-normal.json"), output = directory.appendingPathComponent("normal.csv")
        try shipped.replacingOccurrences(of: "cyp2d6: \"poor\"", with: "cyp2d6: \"normal\"").write(to: variant, atomically: true, encoding: .utf8)
        let result = try runReceptorSim(["run", variant.path, "-o", output.path, "--columns",
                                         "dextromethorphan_plasma_ng_per_mL,dextrorphan_plasma_ng_per_mL,nmda_occupancy_total,dysphoria,hedonic_tone"])
        try #require(result.status == 0, "\(result.stderr)")
        let normal = try SimulatedTable(csv: String(contentsOf: output, encoding: .utf8))
        let header = try Self.header("dextromethorphan-cyp2d6")
        let normalFigures: [(phrase: String, column: String, quoted: Double, rounding: Double, low: Bool)] = [
            ("it peaks at 1.3 ng/mL and dextrorphan at 5 ng/mL", "dextromethorphan_plasma_ng_per_mL", 1.3, 0.05, false),
            ("it peaks at 1.3 ng/mL and dextrorphan at 5 ng/mL", "dextrorphan_plasma_ng_per_mL", 5, 0.5, false),
            ("(normal: 0.012, mostly dextrorphan)", "nmda_occupancy_total", 0.012, 0.0005, false),
            ("(normal: 0.16 and 0.84 at 75 h)", "dysphoria", 0.16, 0.005, true),
            ("(normal: 0.16 and 0.84 at 75 h)", "hedonic_tone", 0.84, 0.005, false),
        ]
        for (phrase, column, quoted, rounding, low) in normalFigures {
            #expect(header.contains(phrase), "header no longer says '\(phrase)'")
            let extremum = low ? normal.trough(column) : normal.peak(column)
            #expect(abs(extremum.value - quoted) <= rounding, "normal \(column): header \(quoted), run \(extremum.value)")
            if phrase.contains("75 h") { #expect(abs(extremum.time - 75) <= 0.5, "normal \(column) at \(extremum.time) h") }
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
            Figure(phrase: "(receptor reserve): 0.09 and 1.27", column: "respiratory_drive", statistic: .min(97, 100), quoted: 0.09, rounding: 0.005),
            Figure(phrase: "(receptor reserve): 0.09 and 1.27", column: "dopamine_tone", statistic: .max(97, 100), quoted: 1.27, rounding: 0.005),
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
            Figure(phrase: "cows_equivalent about 4.7 at 136 h", column: "cows_equivalent", statistic: .at(136), quoted: 4.7, rounding: 0.05),
            Figure(phrase: "respiratory_drive at worst 0.62 (17.25 h)", column: "respiratory_drive", statistic: .min(0, 120), quoted: 0.62, rounding: 0.005, quotedTime: 17.25, timeRounding: 0.005),
        ])
        try Self.check("morphine-subcutaneous", interval: 0.25, [
            Figure(phrase: "cows_equivalent about 6.6 at 70.5 h", column: "cows_equivalent", statistic: .at(70.5), quoted: 6.6, rounding: 0.05),
            Figure(phrase: "respiratory_drive down to 0.22 at 9.75 h", column: "respiratory_drive", statistic: .min(0, 48), quoted: 0.22, rounding: 0.005, quotedTime: 9.75, timeRounding: 0.005),
        ])
        try Self.check("hydrocodone-oral", interval: 0.25, [
            Figure(phrase: "cows_equivalent about 4.9 at 92 h", column: "cows_equivalent", statistic: .at(92), quoted: 4.9, rounding: 0.05),
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
            Figure(phrase: "peaks at only about 0.28 at 688 h", column: "cows_equivalent", statistic: .max(666, 840), quoted: 0.28, rounding: 0.005, quotedTime: 688),
        ])
        try Self.check("exercise-during-withdrawal", interval: 0.25, [
            Figure(phrase: "(6.50 against 7.56 at 691 h,", column: "cows_equivalent", statistic: .at(691), quoted: 6.50, rounding: 0.005),
            Figure(phrase: "4.33 against 5.55 at 715 h,", column: "cows_equivalent", statistic: .at(715), quoted: 4.33, rounding: 0.005),
            Figure(phrase: "(7.32 against 7.37 at 696 h)", column: "cows_equivalent", statistic: .at(696), quoted: 7.32, rounding: 0.005),
            Figure(phrase: "0.92 against 2.07 at 787 h", column: "cows_equivalent", statistic: .at(787), quoted: 0.92, rounding: 0.005),
        ])
        // The same hours without exercise (morphine-abrupt-stop.json), as the header quotes them.
        let morphine = try morphineAbruptStop.get()
        for (time, quoted) in [(691.0, 7.56), (715, 5.55), (696, 7.37), (787, 2.07)] {
            let value = morphine.value("cows_equivalent", at: time)
            #expect(abs(value - quoted) <= 0.005, "without exercise at \(time) h: header \(quoted), run \(value)")
        }
        try Self.check("low-dose-naltrexone", interval: 0.25, [
            Figure(phrase: "reward_response up to 0.594 (before the night's dose)", column: "reward_response",
                   statistic: .max(640, 670), quoted: 0.594, rounding: 0.0005),
        ])
    }
}
