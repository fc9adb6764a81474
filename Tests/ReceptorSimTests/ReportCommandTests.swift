import Foundation
import Testing
import TestSupport

/// `receptor-sim report` end to end through the binary.
@Suite struct ReportCommandTests {
    /// The text of the `<td>` after the row header `label` in the solver table.
    private func solverValue(_ label: String, in html: String) -> String? {
        guard let range = html.range(of: "<th scope=\"row\">\(label)</th>") else { return nil }
        let rest = html[range.upperBound...]
        guard let open = rest.range(of: "<td>"), let close = rest.range(of: "</td>") else { return nil }
        return String(rest[open.upperBound..<close.lowerBound])
    }

    /// Byte-identical by default (no option needed); `--reproducible` is still accepted.
    @Test func reportIsByteIdenticalByDefaultAndWellFormed() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(ChartFixtures.shortMorphine, "short.json", in: directory)
        let first = directory.appendingPathComponent("first.html").path
        let second = directory.appendingPathComponent("second.HTML").path
        let third = directory.appendingPathComponent("third.html").path
        let run1 = try runReceptorSim(["report", scenario, "-o", first])
        let run2 = try runReceptorSim(["report", scenario, "-o", second, "--quiet"])
        let run3 = try runReceptorSim(["report", scenario, "-o", third, "--reproducible"])
        #expect(run3.status == 0, "\(run3.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: third)) == Data(contentsOf: URL(fileURLWithPath: first)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: second)) == Data(contentsOf: URL(fileURLWithPath: first)))
        #expect(run1.status == 0 && run2.status == 0, "\(run1.stderr)")
        let html = try String(contentsOfFile: first, encoding: .utf8)
        #expect(try String(contentsOfFile: second, encoding: .utf8) == html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // Self-contained: no scripts, nothing loaded from elsewhere.
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("url(http"))

        let document = MarkupDocument.parse(html)
        #expect(document.parseError == nil, "\(document.parseError ?? "")")
        #expect(document.rootElement == "html")
        #expect(document.text("h1") == ["Short morphine & <stress>"])
        #expect(document.text("p").contains("Two oral doses and a stress window."))
        #expect(document.values(of: "id", on: "section") == ["regimen", "charts", "summary", "solver"])
        #expect(document.elementCounts["svg"] == 1)
        let labels = document.text("text")
        for label in ["Time (h)", "Concentration (nM)", "Occupancy", "(fraction, 0 to 1)", "morphine brain", "withdrawal index"] {
            #expect(labels.contains(label), "missing \(label)")
        }
        // Two administrations of 10 mg in the regimen; the solver section has the scenario's
        // method and leaves out the wall time.
        #expect(document.text("td").contains("20"))
        #expect(solverValue("Method", in: html) == "rodas5p")
        #expect(solverValue("Wall time", in: html) == "not recorded")
        let accepted = try #require(solverValue("Accepted steps", in: html).flatMap { Int($0) })
        #expect(accepted > 10)
    }

    @Test func wallTimeIsShownOnlyWithTiming() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(ChartFixtures.shortMorphine, "short.json", in: directory)
        let both = try runReceptorSim(["report", scenario, "-o", "-", "--timing", "--reproducible"])
        #expect(both.status == 2)
        #expect(both.stderr == "receptor-sim report: error: --timing and --reproducible contradict each other; give one\n"
            + "See 'receptor-sim report --help'.\n")
        let result = try runReceptorSim(["report", scenario, "-o", "-", "--panels", "occupancy", "--timing"])
        #expect(result.status == 0)
        let wall = try #require(solverValue("Wall time", in: result.stdout))
        #expect(wall.hasSuffix(" s"))
        #expect(Double(wall.dropLast(2)).map { $0 > 0 && $0 < 60 } == true, "\(wall)")
        let document = MarkupDocument.parse(result.stdout)
        #expect(document.parseError == nil)
        #expect(document.seriesColumns.allSatisfy { $0.hasPrefix("mu_occupancy_") || $0.hasSuffix("_occupancy_total") })
        #expect(document.seriesColumns.contains("mu_occupancy_morphine"))
    }

    @Test func reportOfACSVNeedsItsScenarioAndHasNoSolverSection() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(ChartFixtures.shortMorphine, "short.json", in: directory)
        let csv = directory.appendingPathComponent("results.csv").path
        #expect(try runReceptorSim(["run", scenario, "-o", csv]).status == 0)
        let output = directory.appendingPathComponent("report.html").path
        let without = try runReceptorSim(["report", csv, "-o", output])
        #expect(without.status == 2)
        #expect(without.stderr == "receptor-sim report: error: a report of a CSV needs the scenario it came from: --scenario FILE\n"
            + "See 'receptor-sim report --help'.\n")
        let with = try runReceptorSim(["report", csv, "--scenario", scenario, "-o", output])
        #expect(with.status == 0, "\(with.stderr)")
        let document = MarkupDocument.parse(try String(contentsOfFile: output, encoding: .utf8))
        #expect(document.parseError == nil)
        #expect(document.text("h1") == ["Short morphine & <stress>"])
        #expect(document.values(of: "id", on: "section") == ["regimen", "charts", "summary"])
    }

    @Test func badUsageExitsTwo() throws {
        let directory = try makeTemporaryDirectory()
        let scenario = try ChartFixtures.write(ChartFixtures.shortMorphine, "short.json", in: directory)
        let wrongExtension = try runReceptorSim(["report", scenario, "-o", "report.svg"])
        #expect(wrongExtension.status == 2)
        #expect(wrongExtension.stderr.hasPrefix("receptor-sim report: error: output file 'report.svg' must end in .html or .htm\n"))
        let unknownOption = try runReceptorSim(["report", scenario, "-o", "r.html", "--reproducable"])
        #expect(unknownOption.status == 2)
        #expect(unknownOption.stderr.hasPrefix("receptor-sim report: error: unknown option '--reproducable'; did you mean '--reproducible'?"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["short.json"])
    }
}
