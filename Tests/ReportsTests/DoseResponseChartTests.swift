import Foundation
import Testing
@testable import Reports

@Suite struct DoseResponseChartTests {
    @Test func doseTicksAreOneTwoFiveWithinThreeDecades() {
        #expect(DoseResponseChart.doseTickValues(low: 0.76, high: 131) == [1, 2, 5, 10, 20, 50, 100])
        #expect(DoseResponseChart.doseTickValues(low: 0.005, high: 2000) == [0.01, 0.1, 1, 10, 100, 1000])
    }

    @Test func drawsPointsCurvesAndED50MarksToZeroEffect() {
        let rising = DoseResponseSeries(
            label: "rise", dosesMilligrams: [1, 10, 100], responses: [0.1, 0.5, 0.9], fittedDosesMilligrams: [1, 100],
            fittedResponses: [0.1, 0.9], ed50Milligrams: 10, halfMaximalResponse: 0.5)
        let falling = DoseResponseSeries(
            label: "fall", dosesMilligrams: [1, 10, 100], responses: [-0.1, -0.5, -0.9], ed50Milligrams: 10,
            halfMaximalResponse: -0.5)
        let svg = DoseResponseChart.render([rising, falling], valueLabel: "Peak change")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 6 + 2)
        // Both ED50 lines run from the half-maximal point to y of zero effect.
        let lines = svg.components(separatedBy: "class=\"ed50\" d=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(lines.count == 2)
        let ends = lines.map { $0.split(separator: "L")[1].split(separator: ",")[1] }
        #expect(ends[0] == ends[1], "\(lines)")
        #expect(svg == DoseResponseChart.render([rising, falling], valueLabel: "Peak change"), "deterministic")
    }
}
