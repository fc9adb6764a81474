import Foundation
import Testing
import TestSupport

/// `receptor-sim compare` end to end through the binary.
@Suite struct CompareCommandTests {
    @Test func svgOverlaysRunsByFileNameReproducibly() throws {
        let directory = try makeTemporaryDirectory()
        let two = try ChartFixtures.write(ChartFixtures.shortMorphine, "two-doses.json", in: directory)
        let three = try ChartFixtures.write(ChartFixtures.threeDoses, "three-doses.json", in: directory)
        let first = directory.appendingPathComponent("first.svg").path
        let second = directory.appendingPathComponent("second.svg").path
        #expect(try runReceptorSim(["compare", two, three, "-o", first]).status == 0)
        #expect(try runReceptorSim(["compare", two, three, "-o", second, "-q"]).status == 0)
        let svg = try String(contentsOfFile: first, encoding: .utf8)
        #expect(try String(contentsOfFile: second, encoding: .utf8) == svg)

        let document = MarkupDocument.parse(svg)
        #expect(document.parseError == nil, "\(document.parseError ?? "")")
        #expect(document.text("title").first == "two-doses vs three-doses")
        let labels = document.text("text")
        // One panel per default observable present, each with one line per run.
        let observables = ["mu_occupancy_total", "mu_total_rel", "endorphin_nM", "dynorphin_nM", "dopamine_tone", "dysphoria",
                           "withdrawal_signs", "cows_equivalent", "respiratory_drive", "tolerance_index"]
        #expect(document.seriesColumns == observables.flatMap { [$0, $0] })
        #expect(labels.filter { $0 == "A  two-doses" }.count == observables.count)
        #expect(labels.filter { $0 == "B  three-doses" }.count == observables.count)
        #expect(labels.contains("A: morphine (oral)") && labels.contains("B: morphine (oral)"))
        for label in ["Time (h)", "Occupancy (fraction bound)", "Density (rel. to baseline)", "withdrawal signs"] {
            #expect(labels.contains(label), "missing \(label)")
        }
        // Doses: 1 and 9 h for A; 1, 9 and 17 h for B.
        #expect(document.values(of: "data-time-h", on: "path") == ["1", "9", "1", "9", "17"])
    }

    @Test func htmlWithLabelsColumnsAndACSVRun() throws {
        let directory = try makeTemporaryDirectory()
        let two = try ChartFixtures.write(ChartFixtures.shortMorphine, "two-doses.json", in: directory)
        let three = try ChartFixtures.write(ChartFixtures.threeDoses, "three-doses.json", in: directory)
        let csv = directory.appendingPathComponent("three.csv").path
        #expect(try runReceptorSim(["run", three, "-o", csv]).status == 0)
        let output = directory.appendingPathComponent("compare.html").path
        let arguments = ["compare", two, three, csv, "-o", output, "--labels", "Two doses, Three doses,From CSV",
                         "--columns", "morphine_brain_nM,withdrawal_index", "--title", "Dose count"]
        let result = try runReceptorSim(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(try runReceptorSim(arguments).status == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == html)

        let document = MarkupDocument.parse(html)
        #expect(document.parseError == nil, "\(document.parseError ?? "")")
        #expect(document.text("h1") == ["Dose count"])
        #expect(document.text("strong") == ["A  Two doses", "B  Three doses", "C  From CSV"])
        #expect(document.seriesColumns == ["morphine_brain_nM", "morphine_brain_nM", "morphine_brain_nM",
                                           "withdrawal_index", "withdrawal_index", "withdrawal_index"])
        #expect(document.text("text").contains("morphine brain"))
        #expect(document.text("text").contains("Concentration (nM)"))
        #expect(document.values(of: "id", on: "section").contains("solver"))
        #expect(html.contains("not recorded"))
    }

    @Test func badUsageExitsTwo() throws {
        let directory = try makeTemporaryDirectory()
        let two = try ChartFixtures.write(ChartFixtures.shortMorphine, "two.json", in: directory)
        let one = try runReceptorSim(["compare", two, "-o", "x.svg"])
        #expect(one.status == 2)
        #expect(one.stderr == "receptor-sim compare: error: compare needs at least two inputs, found 1\nSee 'receptor-sim compare --help'.\n")
        let labels = try runReceptorSim(["compare", two, two, "-o", "x.svg", "--labels", "a,b,c"])
        #expect(labels.status == 2)
        #expect(labels.stderr.hasPrefix("receptor-sim compare: error: --labels gives 3 labels for 2 inputs\n"))
        let format = try runReceptorSim(["compare", two, two, "-o", "x.pdf"])
        #expect(format.status == 2)
        #expect(format.stderr.hasPrefix("receptor-sim compare: error: output file 'x.pdf' must end in .svg or .html or .htm\n"))
        let missing = try runReceptorSim(["compare", two, "/nonexistent/b.json", "-o", directory.appendingPathComponent("x.svg").path])
        #expect(missing.status == 2)
        #expect(missing.stderr == "/nonexistent/b.json: error: cannot read scenario file: no such file\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["two.json"])
    }
}
