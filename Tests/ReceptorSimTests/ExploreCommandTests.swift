import Foundation
import Testing
import TestSupport

/// `receptor-sim explore`: the page, its limits and errors, and (in headless Chromium) that
/// moving a slider draws the precomputed run.
@Suite struct ExploreCommandTests {
    /// One day, two oral morphine doses: a fraction of a second per run in debug.
    static let scenario = """
        { name: "Short morphine", description: "Two oral doses.", duration_h: 24,
          doses: [{ drug: "morphine", route: "oral", amount_mg: 10, every_h: 8, count: 2, start_h: 1 }],
          output: { interval_h: 0.25 } }
        """

    /// The size README.md and the first lesson plan quote for the dose explorer of the four-week
    /// morphine scenario (README said 0.39 MB, the model-1 page, until 2026-12-07: 0.41 MB now).
    @Test func documentedDosePageSize() throws {
        let output = try makeTemporaryDirectory().appendingPathComponent("dose.html").path
        let scenario = repositoryRoot.appendingPathComponent("Scenarios/morphine-abrupt-stop.json").path
        let result = try runReceptorSim(["explore", scenario, "-o", output, "--vary", "doses[0].amount_mg=10,20,30,45,60", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let megabytes = Double(try FileManager.default.attributesOfItem(atPath: output)[.size] as? Int ?? 0) / 1e6
        let quoted = (megabytes * 100).rounded() / 100
        #expect(quoted == 0.41, "page \(megabytes) MB")
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("four-week morphine scenario make a \(String(format: "%.2f", quoted)) MB page"))
        let lessons = try String(contentsOf: repositoryRoot.appendingPathComponent("Scenarios/teaching/README.md"), encoding: .utf8)
        #expect(lessons.contains("Five runs of five weeks;\n   the page is about \(String(format: "%.2f", quoted)) MB"))
    }

    /// The page's embedded data (`<script id="explorer-data">`), parsed.
    struct PageData: Decodable {
        struct Axis: Decodable { let name: String; let labels: [String] }
        struct Run: Decodable { let d: [String]?; let peak: [String]?; let error: String?; let doses: [String] }
        let axes: [Axis]
        let columns: [String]
        let runs: [Run]

        init(html: String) throws {
            let start = try #require(html.range(of: "<script type=\"application/json\" id=\"explorer-data\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            self = try JSONDecoder().decode(PageData.self, from: Data(html[start.upperBound..<end.lowerBound].utf8))
        }
    }

    /// The attributes of the first element whose start tag contains `marker` (`id="series-0"`).
    static func attributes(of marker: String, in html: String) throws -> [String: String] {
        let markerRange = try #require(html.range(of: marker), "no element with \(marker)")
        let open = try #require(html.range(of: "<", options: .backwards, range: html.startIndex..<markerRange.lowerBound))
        let close = try #require(html.range(of: ">", range: markerRange.upperBound..<html.endIndex))
        let tag = String(html[open.upperBound..<close.lowerBound])
        var result: [String: String] = [:]
        let pattern = try NSRegularExpression(pattern: "([a-zA-Z-]+)=\"([^\"]*)\"")
        for match in pattern.matches(in: tag, range: NSRange(tag.startIndex..., in: tag)) {
            let key = String(tag[Range(match.range(at: 1), in: tag)!])
            let value = String(tag[Range(match.range(at: 2), in: tag)!])
            result[key] = value.replacingOccurrences(of: "&amp;", with: "&")
        }
        return result
    }

    /// Text of the element with `id`.
    static func text(ofID id: String, in html: String) throws -> String {
        let start = try #require(html.range(of: "id=\"\(id)\""))
        let open = try #require(html.range(of: ">", range: start.upperBound..<html.endIndex))
        let close = try #require(html.range(of: "<", range: open.upperBound..<html.endIndex))
        return String(html[open.upperBound..<close.lowerBound])
    }

    @Test(.enabled(if: HeadlessChromium.testsEnabled, HeadlessChromium.skipReason))
    func sliderDrawsThePrecomputedRunInChromium() throws {
        try #require(HeadlessChromium.path != nil, "CI=true but chromium is missing: apt-get install -y chromium")
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(Self.scenario, "short.json", in: directory)
        let page = directory.appendingPathComponent("explore.html")
        let result = try runReceptorSim(["explore", scenario, "--vary", "doses[0].amount_mg=10,20,30", "-o", page.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        let data = try PageData(html: html)
        #expect(data.columns == ["morphine_plasma_nM", "mu_occupancy_total", "tolerance_index", "withdrawal_index"])
        #expect(data.axes.map(\.name) == ["doses[0].amount_mg"])
        #expect(data.axes[0].labels == ["10 mg", "20 mg", "30 mg"])
        #expect(data.runs.count == 3)
        let run0 = try #require(data.runs[0].d), run2 = try #require(data.runs[2].d)
        #expect(run0[0] != run2[0], "a threefold dose must draw another concentration curve")

        // Move the slider to index 2 the way a user's drag does (the page's #set= handler
        // dispatches `input`), then read what the browser drew.
        let dom = try HeadlessChromium.dumpDOM(page.absoluteString + "#set=doses[0].amount_mg:2", scratch: directory)
        for c in data.columns.indices {
            let drawn = try Self.attributes(of: "id=\"series-\(c)\"", in: dom)
            #expect(drawn["data-run"] == "2")
            #expect(drawn["d"] == run2[c], "column \(data.columns[c]) must draw run 2's precomputed path")
            let ghost = try Self.attributes(of: "id=\"ghost-\(c)\"", in: dom)
            #expect(ghost["d"] == run0[c], "the previous setting (run 0) stays as the grey line")
            // The dose strip: two triangles (1 h and 9 h), at their largest for the largest dose.
            let doses = try Self.attributes(of: "id=\"dose-\(c)-0\"", in: dom)
            #expect(doses["d"] == data.runs[2].doses[0])
            #expect(doses["d"]?.filter { $0 == "M" }.count == 2)
        }
        #expect(data.runs[0].doses != data.runs[2].doses, "the triangles grow with the amount")
        #expect(try Self.attributes(of: "id=\"explorer\"", in: dom)["data-run"] == "2")
        #expect(try Self.text(ofID: "value-0", in: dom) == "30 mg")
        let readout = try Self.text(ofID: "readout-0", in: dom)
        #expect(readout == data.runs[2].peak?[0])

        // The drawn run is the model's answer for 30 mg: a plain `run` of the same scenario at
        // 30 mg peaks at the value and time the readout shows (3 significant digits, 0.1 h).
        let thirty = try ChartFixtures.write(Self.scenario.replacingOccurrences(of: "amount_mg: 10", with: "amount_mg: 30"),
                                             "thirty.json", in: directory)
        let csv = directory.appendingPathComponent("thirty.csv").path
        #expect(try runReceptorSim(["run", thirty, "-o", csv, "--columns", "morphine_plasma_nM"]).status == 0)
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
            .map { $0.split(separator: ",").map { Double($0)! } }
        let peak = try #require(rows.max { $0[1] < $1[1] })
        let parts = readout.split(separator: " ")  // "peak 75.6 at 9.8 h"
        let shownPeak = try #require(Double(parts[1])), shownTime = try #require(Double(parts[3]))
        #expect(abs(shownPeak - peak[1]) <= 0.005 * peak[1], "readout \(readout), run peak \(peak[1])")
        #expect(abs(shownTime - peak[0]) <= 0.051)
        let first = try #require(Double(data.runs[0].peak?[0].split(separator: " ")[1] ?? ""))
        #expect(abs(shownPeak / first - 3) < 0.02, "linear PK: three times the dose, three times the peak")
    }

    /// 0 mg runs; 10 mg fails in the solver (explicit RK4 on a huge equilibration rate).
    static let failingAtTenMilligrams = """
        { name: "fail", duration_h: 2,
          doses: [{ drug: "morphine", route: "iv_bolus", amount_mg: 10, at_h: 1 }],
          parameters: { "morphine.ke0_per_h": 1e6 },
          solver: { method: "rk4" } }
        """

    @Test(.enabled(if: HeadlessChromium.testsEnabled, HeadlessChromium.skipReason))
    func failedRunIsWrittenAndShownAsFailedInChromium() throws {
        try #require(HeadlessChromium.path != nil, "CI=true but chromium is missing: apt-get install -y chromium")
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(Self.failingAtTenMilligrams, "fail.json", in: directory)
        let page = directory.appendingPathComponent("explore.html")
        let result = try runReceptorSim(["explore", scenario, "--vary", "doses[0].amount_mg=0,10", "-o", page.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("receptor-sim explore: 1 of 2 runs failed"), "\(result.stderr)")
        let data = try PageData(html: try String(contentsOf: page, encoding: .utf8))
        #expect(data.runs[0].error == nil && data.runs[0].d != nil)
        let error = try #require(data.runs[1].error)
        #expect(error.contains("solver failed"))
        let dom = try HeadlessChromium.dumpDOM(page.absoluteString + "#set=doses[0].amount_mg:1", scratch: directory)
        #expect(try Self.attributes(of: "id=\"series-0\"", in: dom)["d"] == "")
        #expect(try Self.text(ofID: "failure", in: dom) == "This run failed: " + error)
        #expect(try Self.attributes(of: "id=\"failure\"", in: dom)["hidden"] == nil)
        #expect(try Self.text(ofID: "readout-0", in: dom) == "run failed")
    }

    @Test func phenotypeIsASelectorAndTheGridIsItsProduct() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(Self.scenario, "short.json", in: directory)
        let page = directory.appendingPathComponent("explore.html").path
        let result = try runReceptorSim(["explore", scenario, "--vary", "doses[0].every_h=6,8;phenotype=control,opioid_deficit",
                                         "--columns", "mu_total_rel", "-o", page, "--threads", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let data = try PageData(html: html)
        // The phenotype is the slowest axis whatever its place in --vary.
        #expect(data.axes.map(\.name) == ["phenotype", "doses[0].every_h"])
        #expect(data.axes.map(\.labels) == [["control", "opioid_deficit"], ["6 h", "8 h"]])
        #expect(data.runs.count == 4)
        #expect(html.contains("<select id=\"axis-0\" class=\"axis\" data-name=\"phenotype\">"))
        #expect(html.contains("<input type=\"range\" id=\"axis-1\""))
        // Receptors are up-regulated in the deficit phenotype: its curves differ from control's.
        let d = data.runs.map { $0.d?[0] }
        #expect(d[0] != d[2] && d[1] != d[3] && d[0] != d[1])
        // Self-contained: the SVG namespace is the only address in the page.
        #expect(!html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
    }

    @Test func windowLimitsWhatTheChartsShow() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(Self.scenario, "short.json", in: directory)
        let page = directory.appendingPathComponent("explore.html").path
        let result = try runReceptorSim(["explore", scenario, "--vary", "doses[0].amount_mg=10,30", "--from", "12", "--to", "40",
                                         "--columns", "morphine_plasma_nM", "-o", page])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let data = try PageData(html: html)
        // The doses (1 h and 9 h) peak before the window: inside it the highest value is at 12 h.
        #expect(data.runs.map { $0.peak?[0].hasSuffix(" at 12 h") } == [true, true], "\(data.runs.map(\.peak))")
        // 12 h to 24 h at 0.25 h: 49 rows, one point each, starting at the plot's left edge.
        let d = try #require(data.runs[0].d?[0])
        #expect(d.hasPrefix("M110,"))
        #expect(d.split(separator: " ").count == 48)
        // The page does not depend on the thread count.
        let single = directory.appendingPathComponent("single.html").path
        #expect(try runReceptorSim(["explore", scenario, "--vary", "doses[0].amount_mg=10,30", "--from", "12", "--to", "40",
                                    "--columns", "morphine_plasma_nM", "-o", single, "--threads", "1"]).status == 0)
        #expect(try String(contentsOfFile: single, encoding: .utf8) == html)
    }

    @Test func tooLargeGridIsRefusedWithTheEstimate() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(Self.scenario, "short.json", in: directory)
        let page = directory.appendingPathComponent("explore.html").path
        // 97 rows per run (24 h at 0.25 h), 4 columns: 1300 runs is over the run limit, and
        // 0.01 h gives 2401 rows, so 60 runs x 4 x 2401 = 576,240 points > 400,000.
        let runs = try runReceptorSim(["explore", scenario, "--vary", "doses[0].amount_mg=1:100:1300", "-o", page])
        #expect(runs.status == 2)
        #expect(runs.stderr.contains("1300 runs x 4 columns x up to 97 points = 504400 points"), "\(runs.stderr)")
        let points = try runReceptorSim(["explore", scenario, "--vary", "doses[0].amount_mg=1:60:60", "--interval", "0.01", "-o", page])
        #expect(points.status == 2)
        #expect(points.stderr.contains("60 runs x 4 columns x up to 2401 points = 576240 points"), "\(points.stderr)")
        #expect(points.stderr.contains("the limits are 400000 points and 1000 runs"))
        #expect(!FileManager.default.fileExists(atPath: page))
    }

    @Test(arguments: [
        (["--vary", "doses[0].amount_mg=10,x"], "invalid --vary 'doses[0].amount_mg=10,x': 'x' is not a finite number"),
        (["--vary", "morphine.half_lif_h=2,3"], "unknown parameter 'morphine.half_lif_h'"),
        (["--vary", "fentanyl.clearance_l_per_h=30,40"], "explore: error: drug 'fentanyl' is not in "),
        (["--vary", "fentanyl.clearance_l_per_h=30,40"], "(not dosed, nor formed from a dosed drug), so 'fentanyl.clearance_l_per_h' would change nothing; vary a parameter of a drug it doses"),
        (["--vary", "fentanil.clearance_l_per_h=30,40"], "unknown parameter 'fentanil.clearance_l_per_h' for "),
        (["--vary", "doses[0].every_h=0,6"], "error: doses[0].every_h: must be a finite number > 0, found 0 (from --vary)"),
        (["--vary", "phenotype=control,deficit"], "invalid --vary 'phenotype=control,deficit': unknown phenotype 'deficit'"),
        (["--vary", "doses[0].amount_mg=1,2", "--columns", "withdrawl_index"], "error: output.columns[0]: unknown column 'withdrawl_index'; did you mean 'withdrawal_index'? (from --columns)"),
        ([], "missing --vary"),
        (["--vary", " ; "], "missing --vary"),
        (["--vary", "doses[0].amount_mg=1,2", "--from", "30"], "--from 30 must be before the end of the run (24 h)"),
        (["--vary", "doses[0].amount_mg=1,2", "--from", "12", "--to", "6"], "--from 12 must be before --to 6"),
    ])
    func badInputExitsTwoNamingIt(extra: [String], message: String) throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(Self.scenario, "short.json", in: directory)
        let page = directory.appendingPathComponent("explore.html").path
        let result = try runReceptorSim(["explore", scenario, "-o", page] + extra)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: page))
    }

    @Test func outputMustBeHTMLAndNotTheScenario() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(Self.scenario, "short.json", in: directory)
        let svg = try runReceptorSim(["explore", scenario, "--vary", "doses[0].amount_mg=1,2", "-o", directory.appendingPathComponent("x.svg").path])
        #expect(svg.status == 2)
        #expect(svg.stderr.contains("must end in .html or .htm"))
        let missing = try runReceptorSim(["explore", scenario, "--vary", "doses[0].amount_mg=1,2"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing -o FILE"))
        let folder = try runReceptorSim(["explore", scenario, "--vary", "doses[0].amount_mg=1,2", "-o",
                                         directory.appendingPathComponent("no-such-folder/x.html").path])
        #expect(folder.status == 2)
    }
}
