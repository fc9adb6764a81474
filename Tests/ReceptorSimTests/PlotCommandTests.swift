import Foundation
import Testing
import TestSupport

/// `receptor-sim plot` end to end through the binary.
@Suite struct PlotCommandTests {
    @Test func shippedScenarioGivesWellFormedReproducibleSVG() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = repositoryRoot.appendingPathComponent("Scenarios/stress.json").path
        let first = directory.appendingPathComponent("first.svg").path
        let second = directory.appendingPathComponent("second.svg").path
        let run1 = try runReceptorSim(["plot", scenario, "-o", first, "--quiet"])
        let run2 = try runReceptorSim(["plot", scenario, "-o", second, "--quiet"])
        let toStdout = try runReceptorSim(["plot", scenario, "-o", "-", "-q"])
        #expect(run1.status == 0, "\(run1.stderr)")
        #expect(run2.status == 0, "\(run2.stderr)")
        #expect(run1.stdout.isEmpty && run1.stderr.isEmpty)
        let svg = try String(contentsOfFile: first, encoding: .utf8)
        #expect(try String(contentsOfFile: second, encoding: .utf8) == svg)
        #expect(toStdout.stdout == svg)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["first.svg", "second.svg"])

        let document = MarkupDocument.parse(svg)
        #expect(document.parseError == nil, "\(document.parseError ?? "")")
        #expect(document.rootElement == "svg")
        #expect(document.text("title").first == "Stress-induced dynorphin")
        let labels = Set(document.text("text"))
        // A week is drawn in days; no drug, so no concentration panel.
        for label in ["Time (days)", "Peptide level (nM)", "Receptors", "(× baseline)", "Occupancy", "(fraction, 0 to 1)",
                      "Response, tone or index", "(model units)", "dynorphin", "kappa response", "withdrawal index", "stress"] {
            #expect(labels.contains(label), "missing \(label)")
        }
        #expect(!labels.contains("Drug concentrations"))
        #expect(document.seriesColumns.contains("dynorphin_nM"))
        #expect(document.seriesColumns.contains("kappa_response"))
        // Three stress windows, shaded in the strip.
        #expect(document.stripEvents == ["stress", "stress", "stress"])
        // ... and behind each of the four panels.
        #expect(document.values(of: "data-event", on: "rect").count == 3 + 3 * 4)
    }

    @Test func columnsWindowAndLogAxisOnAScenario() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(ChartFixtures.shortMorphine, "short.json", in: directory)
        let output = directory.appendingPathComponent("zoom.svg").path
        let result = try runReceptorSim([
            "plot", scenario, "-o", output, "--columns", "morphine_brain_nM,mu_occupancy_total", "--from", "4", "--to", "12",
            "--log", "--title", "Zoomed",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let document = MarkupDocument.parse(try String(contentsOfFile: output, encoding: .utf8))
        #expect(document.parseError == nil)
        #expect(document.text("title").first == "Zoomed")
        #expect(document.seriesColumns == ["morphine_brain_nM", "mu_occupancy_total"])
        let labels = document.text("text")
        #expect(labels.contains("Concentrations (log scale)"))
        #expect(labels.contains("Time (h)"))
        // Only the 9 h dose lies in the 4-12 h window; the axis is labelled 4 ... 12 h.
        #expect(document.values(of: "data-time-h", on: "path") == ["9"])
        #expect(labels.contains("4") && labels.contains("12") && !labels.contains("0") && !labels.contains("24"))
    }

    @Test func csvInputWithAndWithoutItsScenario() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(ChartFixtures.shortMorphine, "short.json", in: directory)
        let csv = directory.appendingPathComponent("results.csv").path
        #expect(try runReceptorSim(["run", scenario, "-o", csv]).status == 0)

        let bare = directory.appendingPathComponent("bare.svg").path
        let annotated = directory.appendingPathComponent("annotated.svg").path
        let fromScenario = directory.appendingPathComponent("scenario.svg").path
        #expect(try runReceptorSim(["plot", csv, "-o", bare, "--panels", "signalling"]).status == 0)
        #expect(try runReceptorSim(["plot", csv, "-o", annotated, "--panels", "signalling", "--scenario", scenario]).status == 0)
        #expect(try runReceptorSim(["plot", scenario, "-o", fromScenario, "--panels", "signalling"]).status == 0)

        let bareDocument = MarkupDocument.parse(try String(contentsOfFile: bare, encoding: .utf8))
        #expect(bareDocument.parseError == nil)
        #expect(bareDocument.text("title").first == "results")
        #expect(bareDocument.values(of: "data-time-h", on: "path").isEmpty)
        // The key observables (KeyObservables: withdrawal, tolerance) are drawn last, on top.
        #expect(bareDocument.seriesColumns == ["reward_response", "lc_response", "respiration_response", "kappa_response",
                                               "dopamine_tone", "respiratory_drive", "dysphoria",
                                               "hedonic_tone", "withdrawal_index", "withdrawal_signs", "tolerance_index"])
        // With --scenario the CSV's chart has the title, dose marks and stress window.
        let annotatedDocument = MarkupDocument.parse(try String(contentsOfFile: annotated, encoding: .utf8))
        #expect(annotatedDocument.text("title").first == "Short morphine & <stress>")
        #expect(annotatedDocument.values(of: "data-time-h", on: "path") == ["1", "9"])
        #expect(annotatedDocument.stripEvents == ["stress"])
        #expect(bareDocument.stripEvents.isEmpty)
        #expect(annotatedDocument.seriesColumns == bareDocument.seriesColumns)
        // The curves read back from the CSV (17 significant digits) draw as from the simulation;
        // only the peak labels differ: the simulation's come from its dense output (between
        // rows), the CSV's from its rows, so they are at least as high.
        let csvChart = try String(contentsOfFile: annotated, encoding: .utf8)
        let simulatedChart = try String(contentsOfFile: fromScenario, encoding: .utf8)
        #expect(Self.withoutPeaks(csvChart) == Self.withoutPeaks(simulatedChart))
        let csvPeaks = MarkupDocument.parse(csvChart).values(of: "data-peak", on: "text").compactMap(Double.init)
        let exactPeaks = MarkupDocument.parse(simulatedChart).values(of: "data-peak", on: "text").compactMap(Double.init)
        #expect(csvPeaks.count == exactPeaks.count && !csvPeaks.isEmpty)
        for (tabulated, exact) in zip(csvPeaks, exactPeaks) {
            #expect(exact >= tabulated && exact - tabulated <= 0.02 * abs(exact), "peak \(exact) from the solution, \(tabulated) from rows")
        }
    }

    /// The chart without its peak annotations (the `<g class="peaks">` groups).
    static func withoutPeaks(_ svg: String) -> String {
        var text = svg
        while let start = text.range(of: "<g class=\"peaks\""), let end = text.range(of: "</g>", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return text
    }

    @Test(arguments: [
        (["-o", "x.svg", "--columns", "mu_occupancy_totl"],
         "receptor-sim plot: error: unknown column 'mu_occupancy_totl' in --columns for SCENARIO; did you mean 'mu_occupancy_total'?"),
        (["-o", "x.svg", "--highlight", "withdrawl_index"],
         "receptor-sim plot: error: unknown column 'withdrawl_index' in --highlight for SCENARIO; did you mean 'withdrawal_index'?"),
        (["-o", "x.svg", "--slide", "--highlight", "tolerance_index,mu_total_rel", "--highlight", "endorphin_nM,hedonic_tone"],
         "receptor-sim plot: error: --highlight takes at most 3 columns (more strong lines are no emphasis), found 4: tolerance_index, mu_total_rel, endorphin_nM, hedonic_tone"),
        (["-o", "x.svg", "--panels", "occupancy,recepters"],
         "receptor-sim plot: error: unknown panel preset 'recepters' in --panels; did you mean 'receptors'? (presets: concentrations, occupancy, receptors, peptides, signalling)"),
        ([], "receptor-sim plot: error: missing -o FILE (.svg)"),
        (["-o", "x.png"], "receptor-sim plot: error: output file 'x.png' must end in .svg"),
        (["-o", "x.svg", "--from", "5", "--to", "2"], "receptor-sim plot: error: --from 5 must be before --to 2"),
        (["-o", "x.svg", "--from", "-1"], "receptor-sim plot: error: --from: expected a finite number >= 0, found '-1'"),
        (["-o", "x.svg", "--from", "30"],
         "receptor-sim plot: error: fewer than two output rows of SCENARIO lie in the window --from 30 (its rows span 0-24 h)"),
        (["-o", "x.svg", "--scenario", "SCENARIO"],
         "receptor-sim plot: error: --scenario is for CSV inputs; 'SCENARIO' is simulated from its own scenario"),
    ])
    func badUsageExitsTwo(arguments: [String], message: String) throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(ChartFixtures.shortMorphine, "short.json", in: directory)
        let resolved = arguments.map { $0 == "SCENARIO" ? scenario : $0.hasSuffix(".svg") || $0.hasSuffix(".png") ? directory.appendingPathComponent($0).path : $0 }
        // --quiet: a loaded machine may take over a second, and progress lines would join the message.
        let result = try runReceptorSim(["plot", scenario] + resolved + ["--quiet"])
        #expect(result.status == 2)
        let expected = message.replacingOccurrences(of: "SCENARIO", with: scenario)
            .replacingOccurrences(of: "'x.png'", with: "'\(directory.appendingPathComponent("x.png").path)'")
        #expect(result.stderr == expected + "\nSee 'receptor-sim plot --help'.\n")
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["short.json"])
    }

    @Test(arguments: [
        ("time_h,a\n0,1\n1,x\n", "bad.csv:3: error: column a: 'x' is not a number"),
        ("time_h,a\n0,1\n1,2,3\n", "bad.csv:3: error: expected 2 fields, found 3"),
        ("hours,a\n0,1\n", "bad.csv:1: error: CSV header must start with time_h, found 'hours'"),
        ("time_h,a\n2,1\n1,2\n", "bad.csv:3: error: time_h 1.0 is before the previous row's 2.0"),
        ("time_h,a\n", "bad.csv: error: the time series has no rows"),
    ])
    func badCSVIsReportedWithFileAndLine(csv: String, message: String) throws {
        let directory = try makeTemporaryDirectory()
        let path = try ChartFixtures.write(csv, "bad.csv", in: directory)
        let result = try runReceptorSim(["plot", path, "-o", directory.appendingPathComponent("x.svg").path])
        #expect(result.status == 2)
        #expect(result.stderr == directory.path + "/" + message + "\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["bad.csv"])
    }

    @Test func missingInputsAndBadScenariosExitTwo() throws {
        let directory = try makeTemporaryDirectory()
        let output = directory.appendingPathComponent("x.svg").path
        let missingCSV = try runReceptorSim(["plot", "/nonexistent/in.csv", "-o", output])
        #expect(missingCSV.status == 2)
        #expect(missingCSV.stderr == "/nonexistent/in.csv: error: cannot read CSV file: no such file\n")
        let missingScenario = try runReceptorSim(["plot", "/nonexistent/in.json", "-o", output])
        #expect(missingScenario.status == 2)
        #expect(missingScenario.stderr == "/nonexistent/in.json: error: cannot read scenario file: no such file\n")
        let bad = try ChartFixtures.write("{ name: \"x\", duration_h: 24,\n  dosse: [] }", "bad.json", in: directory)
        let badScenario = try runReceptorSim(["plot", bad, "-o", output])
        #expect(badScenario.status == 2)
        #expect(badScenario.stderr.hasPrefix("\(bad):2: error: "), "\(badScenario.stderr)")
        #expect(badScenario.stderr.contains("unknown key 'dosse'; did you mean 'doses'?"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func simulationFailureExitsOneAndKeepsTheOldFile() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(ChartFixtures.failing, "fail.json", in: directory)
        let output = try ChartFixtures.write("old chart\n", "chart.svg", in: directory)
        let result = try runReceptorSim(["plot", scenario, "-o", output])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(scenario): error: simulation failed at t = "), "\(result.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "old chart\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["chart.svg", "fail.json"])
    }

    @Test func unwritableOutputExitsTwo() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(ChartFixtures.shortMorphine, "short.json", in: directory)
        let result = try runReceptorSim(["plot", scenario, "-o", "/nonexistent-dir/out.svg"])
        #expect(result.status == 2)
        #expect(result.stderr == "receptor-sim plot: error: -o '/nonexistent-dir/out.svg': the folder '/nonexistent-dir' does not exist\n")
        // Checked before simulating: a scenario that would fail in the solver is not run.
        let failing = try ChartFixtures.write(ChartFixtures.failing, "fail.json", in: directory)
        let early = try runReceptorSim(["compare", scenario, failing, "-o", "/nonexistent-dir/out.html"])
        #expect(early.status == 2)
        #expect(early.stderr == "receptor-sim compare: error: -o '/nonexistent-dir/out.html': the folder '/nonexistent-dir' does not exist\n")
    }

    @Test func helpListsTheOptions() throws {
        let result = try runReceptorSim(["plot", "--help"])
        #expect(result.status == 0)
        for option in ["--output FILE", "--panels p,q", "--columns a,b", "--log", "--from H", "--to H", "--scenario FILE",
                       "--title TEXT", "--quiet"] {
            #expect(result.stdout.contains(option), "missing \(option)")
        }
        let top = try runReceptorSim(["--help"])
        for command in ["plot", "report", "compare"] { #expect(top.stdout.contains("\n  \(command) ")) }
    }
}
