import Foundation
import Testing
import TestSupport

/// `--slide` and `--highlight` through the command line of plot, compare and report.
@Suite struct SlideOptionTests {
    /// The root `<svg>` attributes of each chart in a document.
    static func charts(_ document: MarkupDocument) -> [[String: String]] {
        document.elements.filter { $0.name == "svg" }.map(\.attributes)
    }

    @Test func plotSlideDrawsTheLessonObservablesAlone() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(ChartFixtures.shortMorphine, "short.json", in: directory)
        let output = directory.appendingPathComponent("slide.svg").path
        let result = try runReceptorSim(["plot", scenario, "-o", output, "--slide", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = MarkupDocument.parse(try String(contentsOfFile: output, encoding: .utf8))
        #expect(Self.charts(document).first?["viewBox"] == "0 0 1920 1080")
        // The defaults of KeyObservables for this model: withdrawal, tolerance, PET occupancy.
        let highlighted = document.elements.filter { $0.name == "path" && $0.attributes["class"] == "highlighted" }
            .compactMap { $0.attributes["data-column"] }
        #expect(highlighted == ["cows_equivalent", "tolerance_index", "mu_pet_occupancy"])
        #expect(document.seriesColumns == highlighted)
        #expect(document.text("text").contains("Tolerance index (0 naive, 1 none left)"))
        // The title is the scenario's name; the peak of the tolerance index is labelled with
        // the solver's dense-output maximum, which equals the summary's exact peak.
        #expect(document.text("text").first == "Short morphine & <stress>")
        let peak = try #require(document.elements.first { $0.attributes["class"] == "peak" && $0.attributes["data-column"] == "tolerance_index" })
        let csv = directory.appendingPathComponent("short.csv").path
        #expect(try runReceptorSim(["run", scenario, "-o", csv, "--quiet"]).status == 0)
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = rows[0].split(separator: ",").map(String.init)
        let column = try #require(header.firstIndex(of: "tolerance_index"))
        let tabulated = rows.dropFirst().compactMap { Double($0.split(separator: ",")[column]) }.max()!
        let exact = try #require(peak.attributes["data-peak"].flatMap(Double.init))
        // The solution between rows reaches at least the rows' maximum, and little more at 0.25 h
        // rows (0.0664 against 0.0663: 0.12 %).
        #expect(exact >= tabulated && exact - tabulated < 0.01 * tabulated, "exact \(exact), rows \(tabulated), peak time \(peak.attributes["data-peak-time-h"] ?? "")")
    }

    @Test func reportAndCompareHTMLCarrySlides() throws {
        let directory = try makeTemporaryDirectory()
        let first = try ChartFixtures.write(ChartFixtures.shortMorphine, "two.json", in: directory)
        let second = try ChartFixtures.write(ChartFixtures.threeDoses, "three.json", in: directory)
        let report = directory.appendingPathComponent("report.html").path
        let compare = directory.appendingPathComponent("compare.html").path
        let reportRun = try runReceptorSim(["report", first, "-o", report, "--slide", "--highlight", "withdrawal_index", "--quiet"])
        #expect(reportRun.status == 0, "\(reportRun.stderr)")
        let compareRun = try runReceptorSim(
            ["compare", first, second, "-o", compare, "--slide", "--highlight", "tolerance_index,mu_occupancy_total", "--quiet"])
        #expect(compareRun.status == 0, "\(compareRun.stderr)")
        for (path, columns) in [(report, ["withdrawal_index"]), (compare, ["tolerance_index", "tolerance_index", "mu_occupancy_total", "mu_occupancy_total"])] {
            let document = MarkupDocument.parse(try String(contentsOfFile: path, encoding: .utf8))
            #expect(document.parseError == nil)
            let chart = try #require(Self.charts(document).first)
            #expect(chart["viewBox"] == "0 0 1920 1080" && chart["class"] == "chart slide")
            #expect(document.seriesColumns == columns)
        }
    }

    @Test func compareHighlightOfAnUnknownColumnIsRefused() throws {
        let directory = try makeTemporaryDirectory()
        let first = try ChartFixtures.write(ChartFixtures.shortMorphine, "two.json", in: directory)
        let second = try ChartFixtures.write(ChartFixtures.threeDoses, "three.json", in: directory)
        let output = directory.appendingPathComponent("c.svg").path
        let result = try runReceptorSim(["compare", first, second, "-o", output, "--highlight", "tolerence_index", "--quiet"])
        #expect(result.status == 2)
        #expect(result.stderr == "receptor-sim compare: error: unknown column 'tolerence_index' in --highlight for \(first), \(second); "
            + "did you mean 'tolerance_index'?\nSee 'receptor-sim compare --help'.\n")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
