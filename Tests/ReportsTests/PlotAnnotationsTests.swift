import Foundation
import Pharmacology
import Testing
@testable import Reports

@Suite struct PlotAnnotationsTests {
    static let scenario = Scenario(
        name: "Mixed regimen", durationHours: 48,
        doses: [
            DoseRegimen(drug: "morphine", route: .oral, schedule: .stepped(startHours: 12, everyHours: 12, amountsMilligrams: [20, 10, 5])),
            DoseRegimen(drug: "ketamine", route: .ivInfusion, schedule: .infusion(startHours: 2, durationHours: 4, rateMilligramsPerHour: 10)),
            DoseRegimen(drug: "naloxone", route: .intranasal, schedule: .repeated(startHours: 0, everyHours: 1, count: 0, amountMilligrams: 4)),
            DoseRegimen(drug: "buprenorphine", route: .sublingual, schedule: .single(atHours: 12, amountMilligrams: 0.2)),
        ],
        events: [StimulusEvent(kind: .socialContact, startHours: 30, durationHours: 2), StimulusEvent(kind: .pain, startHours: 40, durationHours: 1, intensity: 2)])

    @Test func expandsEverySchedule() {
        let annotations = PlotAnnotations(scenario: Self.scenario)
        // Sorted by time; equal times keep regimen order (morphine before buprenorphine at 12 h).
        #expect(annotations.doses.map { "\($0.drug)@\(NumberText.significant($0.timeHours)):\(NumberText.significant($0.amountMilligrams))" } == [
            "morphine@12:20", "buprenorphine@12:0.2", "morphine@24:10", "morphine@36:5",
        ])
        #expect(annotations.infusions == [InfusionWindow(startHours: 2, durationHours: 4, drug: "ketamine", rateMilligramsPerHour: 10)])
        #expect(annotations.infusions[0].label == "ketamine infusion 10 mg/h, 2-6 h")
        #expect(annotations.events.map(\.label) == ["social contact x1, 30-32 h", "pain x2, 40-41 h"])
        #expect(annotations.doseTracks.map(\.label) == ["morphine (oral)", "buprenorphine (sublingual)", "ketamine (iv_infusion)"])
    }

    /// The annotations come from the scenario's one expansion (`Scenario.schedule`): an infusion
    /// and an event lasting past the end of the run are drawn as the model runs them, cut there.
    @Test func windowsPastTheEndAreCutAsTheModelRunsThem() {
        var scenario = Self.scenario
        scenario.durationHours = 40.5
        scenario.doses[1].schedule = .infusion(startHours: 38, durationHours: 4, rateMilligramsPerHour: 10)
        let annotations = PlotAnnotations(scenario: scenario)
        #expect(annotations.infusions == [InfusionWindow(startHours: 38, durationHours: 2.5, drug: "ketamine", rateMilligramsPerHour: 10)])
        #expect(annotations.events.map(\.label) == ["social contact x1, 30-32 h", "pain x2, 40-40.5 h"])
    }

    /// A transdermal patch is a window per patch worn, on its own strip row labelled with its
    /// route (not the IV infusion row), its rate in µg/h as it is prescribed.
    @Test func patchesAreWindowsOnTheirOwnRow() {
        let scenario = Scenario(name: "patch", durationHours: 200, doses: [
            DoseRegimen(drug: "fentanyl", route: .transdermal,
                        schedule: .patch(startHours: 0, everyHours: 72, count: 2, wearHours: 72, rateMilligramsPerHour: 0.025)),
            DoseRegimen(drug: "ketamine", route: .ivInfusion, schedule: .infusion(startHours: 2, durationHours: 4, rateMilligramsPerHour: 10)),
        ])
        let annotations = PlotAnnotations(scenario: scenario)
        #expect(annotations.infusions.map(\.label) == ["fentanyl patch 25 µg/h, 0-72 h", "fentanyl patch 25 µg/h, 72-144 h",
                                                       "ketamine infusion 10 mg/h, 2-6 h"])
        #expect(annotations.doseTracks.map(\.label) == ["fentanyl (transdermal)", "ketamine (iv_infusion)"])
    }

    @Test func chartAndReportShowInfusionsAndAllEventKinds() throws {
        let table = Synthetic.table(stepHours: 0.5, hours: 48)
        let panels = try PanelSpecification.panels(available: table.columnNames, presets: [.peptides])
        let parsed = XMLSummary.parse(SVGChart.render(table: table, panels: panels, annotations: PlotAnnotations(scenario: Self.scenario)))
        #expect(parsed.error == nil)
        #expect(parsed.values(of: "class", on: "rect").filter { $0 == "infusion" }.count == 1)
        #expect((parsed.texts["title"] ?? []).contains("ketamine infusion 10 mg/h, 2-6 h"))
        #expect(parsed.values(of: "id", on: "pattern") == ["chart-hatch-social", "chart-hatch-pain"])
        // Tapering doses draw smaller: sizes follow the square root of amount / largest.
        // A triangle "Mx,top L..,base ..." of size s spans 1.8 s vertically; s = k (2.5 + 3.5 √(a / largest)),
        // k = 20 / 16 for the standard strip row of 20 units.
        let heights = parsed.attributes.filter { $0.element == "path" && $0.attributes["class"] == "dose" }
            .compactMap { $0.attributes["d"] }
            .map { path -> Double in
                let ys = path.dropFirst().split(separator: "L").map { Double($0.split(separator: ",")[1].prefix { $0 != "Z" })! }
                return ys[1] - ys[0]
            }
        let expected = [20.0, 10, 5].map { 1.25 * 1.8 * (2.5 + 3.5 * ($0 / 20).squareRoot()) } + [1.25 * 1.8 * 6]
        #expect(heights.count == 4)
        for (height, size) in zip(heights, expected) { #expect(isClose(height, size, relative: 0, absolute: 0.1)) }

        let html = HTMLReport.render(scenario: Self.scenario, table: table, solver: nil, panels: panels)
        let report = XMLSummary.parse(html)
        #expect(report.error == nil)
        let cells = report.texts["td"] ?? []
        #expect(cells.contains(["morphine", "oral", "every 12 h from 12 h: 20, 10, 5 mg", "3", "35"]))
        #expect(cells.contains(["ketamine", "iv_infusion", "10 mg/h from 2 h for 4 h", "infusion", "40"]))
        #expect(cells.contains(["naloxone", "intranasal", "4 mg every 1 h from 0 h, 0 doses", "0", "0"]))
        #expect(cells.contains(["social contact", "30 h", "32 h", "2", "1"]))
        // No solver statistics given: no solver section.
        #expect(!report.values(of: "id", on: "section").contains("solver"))
        #expect(report.values(of: "id", on: "section") == ["regimen", "charts", "summary"])
    }
}
