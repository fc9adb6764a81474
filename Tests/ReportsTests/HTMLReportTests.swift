import Foundation
import Pharmacology
import Testing
@testable import Reports

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct HTMLReportTests {
    let table = Synthetic.table()

    func report() throws -> String {
        HTMLReport.render(
            scenario: Synthetic.scenario, table: table, solver: Samples.solver,
            panels: try PanelSpecification.panels(available: table.columnNames))
    }

    @Test func isWellFormedAndSelfContained() throws {
        let html = try report()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\""))
        let parsed = XMLSummary.parse(html)
        #expect(parsed.error == nil)
        #expect(parsed.elementCounts["svg"] == 1)
        #expect(parsed.elementCounts["script"] == nil)
        #expect(parsed.elementCounts["link"] == nil)
        #expect(parsed.elementCounts["img"] == nil)
        // Nothing loads from elsewhere: the only URLs are XML namespaces and in-page references.
        for attribute in ["src", "href"] {
            #expect(parsed.attributes.allSatisfy { $0.attributes[attribute] == nil })
        }
        #expect(!html.contains("@import") && !html.contains("@font-face") && !html.contains("url(http"))
        #expect(!HTMLReport.styleSheet.contains("<") && !HTMLReport.styleSheet.contains("&"))
    }

    /// HTML parsers ignore `/>` outside SVG: a self-closed `<span/>` would swallow the page.
    @Test func onlyVoidElementsAreSelfClosedOutsideSVG() throws {
        let samples = Dictionary(uniqueKeysWithValues: try Samples.all())
        for name in ["sample-report.html", "sample-compare.html"] {
            var html = try #require(samples[name])
            while let start = html.range(of: "<svg"), let end = html.range(of: "</svg>") {
                html.removeSubrange(start.lowerBound..<end.upperBound)
            }
            let selfClosed = html.split(separator: "<").filter { $0.contains("/>") }.map { $0.prefix { $0 != " " && $0 != "/" } }
            #expect(Set(selfClosed).isSubset(of: ["meta", "br", "hr", "img", "input", "link"]), "\(name): \(selfClosed)")
            #expect(!selfClosed.isEmpty)
        }
    }

    @Test func showsScenarioRegimenAndEvents() throws {
        let parsed = XMLSummary.parse(try report())
        let headings = parsed.texts["h1"] ?? []
        #expect(headings == [Synthetic.scenario.name])
        #expect((parsed.texts["p"] ?? []).contains(Synthetic.scenario.description))
        let cells = parsed.texts["td"] ?? []
        #expect(cells.contains(["morphine", "oral", "10 mg every 6 h from 0 h, 8 doses", "8", "80"]))
        #expect(cells.contains(["naloxone", "intranasal", "4 mg once at 60 h", "1", "4"]))
        // Every administration, numbered.
        #expect(cells.contains(["9", "60 h", "naloxone", "intranasal", "4"]))
        #expect((parsed.texts["summary"] ?? []) == ["Every administration (9)"])
        #expect(cells.contains(["stress", "66 h", "70 h", "4", "1.5"]))
    }

    @Test func summarizesPeaksTroughsAndWithdrawal() throws {
        let parsed = XMLSummary.parse(try report())
        #expect(parsed.values(of: "data-column", on: "tr") == [
            "morphine_plasma_nM", "morphine_brain_nM", "mu_occupancy_total", "mu_surface_rel", "mu_total_rel",
            "endorphin_nM", "dynorphin_nM", "dopamine_tone", "hedonic_tone", "withdrawal_index", "tolerance_index",
        ])
        // withdrawal_index = 0.8 (t-48)/24 exp(1-(t-48)/24) peaks at 0.8 when t = 72 h.
        let withdrawal = ObservableSummary(column: table.column(named: "withdrawal_index")!, timeHours: table.timeHours)!
        #expect(isClose(withdrawal.peakValue, 0.8) && withdrawal.peakTimeHours == 72)
        #expect(withdrawal.troughValue == 0 && withdrawal.troughTimeHours == 0)
        let cells = parsed.texts["td"] ?? []
        #expect(cells.contains(["dimensionless", "0", "0.8", "72 h", "0", "0 h"]))
        #expect(cells.contains("0.8 at 72 h"))
        // The last dose before the peak is naloxone at 60 h.
        #expect(cells.contains("12 h"))
        // Burden: the integral of 0.8 u e^(1-u) over u = 0..2 days, times 24 h, is 0.8·24·e·(1 - 3/e²).
        let dependence = DependenceSummary(table: table, doseTimesHours: PlotAnnotations(scenario: Synthetic.scenario).doses.map(\.timeHours))
        let exact = 0.8 * 24 * exp(1) * (1 - 3 * exp(-2))
        // Trapezoids on a 0.25 h grid: error O(h²), under 1e-4 relative here.
        #expect(isClose(dependence.withdrawalBurdenIndexHours!, exact, relative: 1e-4))
        #expect(isClose(dependence.toleranceFinal!, 0.4) && dependence.tolerancePeakTimeHours == 48)
        #expect(isClose(dependence.muTotalMinimum!, 0.8))
    }

    @Test func listsSolverStatistics() throws {
        let parsed = XMLSummary.parse(try report())
        let cells = parsed.texts["td"] ?? []
        #expect(cells.suffix(9) == ["rodas5p", "1e-06, 1e-09", "1234", "56", "9876", "1290", "1290", "9", "0.0421 s"])
        #expect((parsed.texts["th"] ?? []).contains("LU factorizations"))
    }

    @Test func isByteIdenticalAcrossRuns() throws {
        #expect(try report() == report())
        let shuffled = Synthetic.scenario
        #expect(HTMLReport.render(scenario: shuffled, table: Synthetic.table(), solver: Samples.solver,
                                  panels: try PanelSpecification.panels(available: table.columnNames)) == (try report()))
    }

    @Test func comparisonOverlaysRunsAndSummarizesSideBySide() throws {
        let samples = Dictionary(uniqueKeysWithValues: try Samples.all())
        let html = try #require(samples["sample-compare.html"])
        let parsed = XMLSummary.parse(html)
        #expect(parsed.error == nil)
        #expect((parsed.texts["strong"] ?? []) == ["A  " + Synthetic.scenario.name, "B  Synthetic taper"])
        #expect((parsed.texts["th"] ?? []).contains(["Observable", "A: peak", "A: trough", "B: peak", "B: trough"]))
        let cells = parsed.texts["td"] ?? []
        // Withdrawal peaks of the two runs side by side: 0.8 and 0.45 · 0.8.
        #expect(cells.contains(["0.8 at 72 h", "0.36 at 72 h"]))
        #expect(cells.contains("every 6 h from 0 h: 15, 15, 12, 12, 9, 6, 3, 1 mg"))
        let paths = parsed.values(of: "data-column", on: "path")
        #expect(paths.count == 2 * PanelPreset.comparisonDefaults.filter(table.columnNames.contains).count)
    }
}
