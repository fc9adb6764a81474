import Foundation
import Testing
import TestSupport

/// `receptor-sim challenge`: its files and its messages for bad options.
@Suite struct ChallengeCommandTests {
    private let scenario = repositoryRoot.appendingPathComponent("Scenarios/baseline-control.json").path

    @Test func writesCurvesCSVChartAndSummary() throws {
        let directory = try makeTemporaryDirectory()
        let csv = directory.appendingPathComponent("curves.csv").path, svg = directory.appendingPathComponent("curves.svg").path
        let result = try runProduct("receptor-sim", [
            "challenge", scenario, "--at", "0,48", "--probe", "morphine", "--doses", "1,3,10,30,100", "-o", csv, "--chart", svg,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\r\n").map(String.init)
        #expect(rows.first == "time_h,probe_dose_mg,response,peak_after_h,emax,hill_n,ed50_mg,fold_shift")
        #expect(rows.count == 11)
        let last = rows[10].split(separator: ",").map { Double($0)! }
        #expect(last[0] == 48 && last[1] == 100)
        #expect(abs(last[7] - 1) < 1e-6, "fold shift \(last[7])")
        #expect(result.stdout.hasPrefix("time_h    ed50_mg     fold_shift"), "\(result.stdout)")
        let chart = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(chart.contains("<svg") && chart.contains("class=\"ed50\"") && chart.contains("t = 48 h: ED50 3.76 mg (1x)"))
        #expect(chart.components(separatedBy: "<circle").count - 1 == 10 + 2, "10 points and 2 legend dots")
    }

    @Test(arguments: [
        (["--probe", "morfine"], "--probe: unknown drug 'morfine'; did you mean 'morphine'? (see 'receptor-sim drugs' for the library)"),
        (["--probe", "fentanyl", "--route", "oral"], "--route: drug 'fentanyl' cannot be given by route 'oral' (supported: iv_bolus, iv_infusion, intranasal, transdermal)"),
        (["--route", "ivbolus"], "--route: unknown route 'ivbolus'; did you mean 'iv_bolus'? (routes: oral, sublingual, intranasal, im, iv_bolus, iv_infusion, sc, oral_er, im_er, sc_er_weekly, sc_er_monthly, transdermal)"),
        (["--route", "iv_infusion"], "--route: a probe is a single dose; route 'iv_infusion' gives none (use iv_bolus)"),
        (["--doses", "0,1"], "option '--doses' needs doses > 0 (mg), found '0'"),
        (["--doses", "200000"], "--doses: must be at most 100000, found 200000"),
        (["--at", "0,200"], "--at: starts at 200 h, after the end of the run (duration_h 168)"),
        (["--at", "0,0"], "option '--at' lists 0 twice"),
        (["--observable", "reward_respons"], "unknown column 'reward_respons' in --observable for SCENARIO; did you mean 'reward_response'?"),
        (["--window", "0"], "--window: expected a finite number > 0, found '0'"),
    ])
    func badOptionsExitTwoWithExactMessages(options: [String], message: String) throws {
        var arguments = ["challenge", scenario, "--at", "0", "--probe", "morphine", "--doses", "1,10"]
        // Later values of an option replace earlier ones.
        for k in stride(from: 0, to: options.count, by: 2) {
            if let i = arguments.firstIndex(of: options[k]) { arguments[i + 1] = options[k + 1] } else { arguments += [options[k], options[k + 1]] }
        }
        let result = try runProduct("receptor-sim", arguments)
        #expect(result.status == 2)
        let expected = "receptor-sim challenge: error: " + message.replacingOccurrences(of: "SCENARIO", with: scenario)
            + "\nSee 'receptor-sim challenge --help'.\n"
        #expect(result.stderr == expected)
        #expect(result.stdout.isEmpty)
    }
}
