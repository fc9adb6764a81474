import Reports
import Foundation
import Testing
@testable import Validation
import TestSupport

/// Statistics on synthetic series with known answers.
@Suite struct ObservationStatisticTests {
    let times = (0...2000).map { Double($0) * 0.01 }  // 0 ... 20 h

    @Test func halfLifeOfAnExactExponential() {
        let values = times.map { 7 * exp(-log(2) / 3.5 * $0) }
        let halfLife = ObservationStatistic.halfLife.evaluate(timeHours: times, values: values, start: 4, end: 16)
        #expect(isClose(halfLife, 3.5, relative: 1e-10))
        // Non-uniform rows give the same answer: the fit is weighted by trapezoid shares.
        let uneven = times.enumerated().filter { $0.offset % 7 == 0 || $0.element > 10 }.map(\.element)
        let unevenHalfLife = ObservationStatistic.halfLife.evaluate(
            timeHours: uneven, values: uneven.map { 7 * exp(-log(2) / 3.5 * $0) }, start: 4, end: 16)
        #expect(isClose(unevenHalfLife, 3.5, relative: 1e-10))
        // A rising series has no half-life.
        #expect(ObservationStatistic.halfLife.evaluate(timeHours: times, values: times, start: 1, end: 5).isNaN)
    }

    /// An area's caption names the unit its column carries (the chart's window caption).
    @Test func areaUnitFollowsTheColumnName() {
        #expect(Observation.areaUnit(of: "fentanyl_plasma_nM") == "nM·h")
        #expect(Observation.areaUnit(of: "oxycodone_plasma_ng_per_mL") == "ng/mL·h")
        #expect(Observation.areaUnit(of: "withdrawal_index") == "(unit x h)")
    }

    @Test func aucAndMeanOfALinearRamp() {
        let values = times.map { 2 * $0 + 1 }
        // ∫_2^6 (2t + 1) dt = [t² + t] = 42 − 6 = 36 (the trapezoid rule is exact on a line).
        #expect(isClose(ObservationStatistic.auc.evaluate(timeHours: times, values: values, start: 2, end: 6), 36, relative: 1e-12))
        #expect(isClose(ObservationStatistic.mean.evaluate(timeHours: times, values: values, start: 2, end: 6), 9, relative: 1e-12))
    }

    @Test func extremesAndTheirTimes() {
        // Period 10 h: peaks at 5.37 and 15.37 h, troughs at 0.37 and 10.37 h (all on the grid).
        let values = times.map { sin(2 * Double.pi * ($0 - 2.87) / 10) }
        #expect(isClose(ObservationStatistic.max.evaluate(timeHours: times, values: values, start: 0, end: 10), 1, absolute: 1e-12))
        #expect(isClose(ObservationStatistic.timeOfMax.evaluate(timeHours: times, values: values, start: 0, end: 10), 5.37, absolute: 1e-9))
        #expect(isClose(ObservationStatistic.timeOfMin.evaluate(timeHours: times, values: values, start: 10, end: 20), 10.37, absolute: 1e-9))
        #expect(isClose(ObservationStatistic.min.evaluate(timeHours: times, values: values, start: 0, end: 4), -1, absolute: 1e-12))
        #expect(isClose(ObservationStatistic.min.evaluate(timeHours: times, values: values, start: 1, end: 4), values[100], absolute: 1e-15))
        // Within a window that ends before the peak, the maximum is at the window's end.
        #expect(isClose(ObservationStatistic.timeOfMax.evaluate(timeHours: times, values: values, start: 0, end: 3), 3, absolute: 1e-9))
    }

    @Test func atReadsTheRowAtTheTimeOnly() {
        let values = times.map { $0 * $0 }
        #expect(ObservationStatistic.at.evaluate(timeHours: times, values: values, start: 3, end: nil) == times[300] * times[300])
        #expect(ObservationStatistic.at.evaluate(timeHours: times, values: values, start: 3.005, end: nil).isNaN)
    }

    /// The grid holds every observation time exactly, samples `mean` windows finely and stays
    /// ascending without duplicates.
    @Test func studyGridHitsObservationTimes() {
        let observations = [
            Observation(line: 1, observable: "x", statistic: .at, timeHours: 316, endHours: nil, value: 0, standardDeviation: nil,
                        subjects: nil, lower: 0, upper: 1),
            Observation(line: 2, observable: "x", statistic: .at, timeHours: 1.0 / 3, endHours: nil, value: 0,
                        standardDeviation: nil, subjects: nil, lower: 0, upper: 1),
            Observation(line: 3, observable: "x", statistic: .mean, timeHours: 312, endHours: 336, value: 0,
                        standardDeviation: nil, subjects: nil, lower: 0, upper: 1),
            // A window extreme comes from the solution itself: its window gets no fine rows.
            Observation(line: 4, observable: "x", statistic: .max, timeHours: 100, endHours: 124, value: 0,
                        standardDeviation: nil, subjects: nil, lower: 0, upper: 1),
        ]
        let grid = StudyGrid.times(observations: observations, durationHours: 336, intervalHours: 0.25)
        #expect(grid.contains(100) && grid.contains(124) && grid.filter { $0 >= 100 && $0 <= 124 }.count == 97)
        #expect(grid.contains(316) && grid.contains(1.0 / 3) && grid.contains(312) && grid.contains(336) && grid.first == 0)
        #expect(zip(grid, grid.dropFirst()).allSatisfy { $0 < $1 })
        let window = grid.filter { $0 >= 312 && $0 <= 336 }
        #expect(window.count >= 2001)
        #expect(zip(window, window.dropFirst()).map { $1 - $0 }.max()! <= 24.0 / 2000 + 1e-9)
        #expect(grid.filter { $0 < 312 }.count < 1300)
    }

    @Test func totalsAndExitStatus() throws {
        let file = try parse(validHeader + ObservationFile.columnHeader + "\nmu_pet_occupancy,at,1,,0.5,,,0.4,0.6\nmu_pet_occupancy,at,2,,0.5,,,0.4,0.6\n")
        var gap = file
        gap.knownGap = "reason"
        var heldBack = file
        heldBack.heldBack = true
        let table = try Reports.TimeSeriesTable(timeHours: [0, 1, 2], columns: [.init(name: "mu_pet_occupancy", values: [0, 0.5, 0.9])])
        let met = StudyResult(id: "a", file: file, table: table, extremes: [])
        #expect(met.comparisons.map(\.verdict) == [.met, .notMet])
        #expect(ValidationTotals([met]).exitStatus == 1)
        let knownGap = StudyResult(id: "b", file: gap, table: table, extremes: [])
        #expect(knownGap.comparisons.map(\.verdict) == [.knownGap, .knownGap])
        let totals = ValidationTotals([knownGap, StudyResult(id: "c", file: heldBack, table: table, extremes: [])])
        #expect(totals.exitStatus == 1)
        #expect(totals.line == "1 of 4 comparisons met (0 studies of 2); held-back studies: 1 of 2 comparisons met; known gaps: 1 study")
        #expect(ValidationTotals([knownGap]).exitStatus == 0)
        #expect(ValidationTotals([knownGap]).line
            == "0 of 2 comparisons met (0 studies of 1); held-back studies: 0 of 0 comparisons met; known gaps: 1 study")
    }
}
