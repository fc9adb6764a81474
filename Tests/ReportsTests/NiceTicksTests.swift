import Testing
@testable import Reports

@Suite struct NiceTicksTests {
    @Test func unitRangeUsesStepsOfPointTwo() {
        let ticks = NiceTicks.linear(minimum: 0, maximum: 1)
        #expect(ticks.values == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        #expect(ticks.labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(ticks.lower == 0 && ticks.upper == 1)
    }

    @Test func rangeIsExtendedOutwardsToWholeSteps() {
        let ticks = NiceTicks.linear(minimum: -0.37, maximum: 2.1)
        #expect(ticks.labels == ["-0.5", "0.0", "0.5", "1.0", "1.5", "2.0", "2.5"])
        #expect(ticks.lower == -0.5 && ticks.upper == 2.5)
    }

    @Test func largeRangeUsesStepsOfFifty() {
        #expect(NiceTicks.linear(minimum: 0, maximum: 137).labels == ["0", "50", "100", "150"])
    }

    @Test func flatSeriesIsWidened() {
        #expect(NiceTicks.linear(minimum: 3, maximum: 3).labels == ["1", "2", "3", "4", "5"])
        #expect(NiceTicks.linear(minimum: 0, maximum: 0).labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test(arguments: [(1.4, 2.0), (0.3, 0.5), (7.0, 10.0), (0.0011, 0.002), (5.0, 5.0), (1.0, 1.0)])
    func niceStepIsOneTwoOrFiveTimesAPowerOfTen(raw: Double, expected: Double) {
        #expect(NiceTicks.niceStep(span: raw * 5, targetCount: 5) == expected)
    }

    @Test func dayInHoursIsCutEveryThreeHours() {
        let (unit, ticks) = NiceTicks.time(spanHours: 0...24)
        #expect(unit == .hours)
        #expect(ticks.labels == ["0", "3", "6", "9", "12", "15", "18", "21", "24"])
    }

    @Test func threeDaysStayInHoursEveryTwelve() {
        let (unit, ticks) = NiceTicks.time(spanHours: 0...72)
        #expect(unit == .hours)
        #expect(ticks.labels == ["0", "12", "24", "36", "48", "60", "72"])
    }

    @Test func aWeekIsInDays() {
        let (unit, ticks) = NiceTicks.time(spanHours: 0...168)
        #expect(unit == .days)
        #expect(ticks.labels == ["0", "1", "2", "3", "4", "5", "6", "7"])
        #expect(unit.axisLabel == "Time (days)")
    }

    @Test func aYearIsInStepsOfFiftyDays() {
        let (_, ticks) = NiceTicks.time(spanHours: 0...8760)
        #expect(ticks.labels == ["0", "50", "100", "150", "200", "250", "300", "350"])
        #expect(ticks.upper == 365)
    }

    @Test func twoHoursUseQuarterHours() {
        let (_, ticks) = NiceTicks.time(spanHours: 0...2)
        #expect(ticks.values == [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2])
    }

    @Test func timeAxisDoesNotStartBeforeTheRun() {
        let (_, ticks) = NiceTicks.time(spanHours: 1...25)
        #expect(ticks.lower == 1 && ticks.upper == 25)
        #expect(ticks.labels == ["3", "6", "9", "12", "15", "18", "21", "24"])
    }

    @Test func logAxisCoversDecades() {
        let ticks = NiceTicks.logarithmic(minimumPositive: 0.003, maximum: 250)
        #expect(ticks.labels == ["0.001", "0.01", "0.1", "1", "10", "100", "1000"])
        #expect(ticks.lower == 0.001 && ticks.upper == 1000)
    }

    @Test func logAxisIsLimitedToSixDecades() {
        let ticks = NiceTicks.logarithmic(minimumPositive: 1e-9, maximum: 1e5)
        #expect(ticks.labels == ["0.1", "1", "10", "100", "1000", "10000", "1e+05"])
    }

    @Test func logAxisOfOneDecadeValueHasTwoTicks() {
        #expect(NiceTicks.logarithmic(minimumPositive: 10, maximum: 10).labels == ["1", "10"])
    }
}

@Suite struct NumberTextTests {
    @Test func fixedRoundsHalfAwayFromZero() {
        #expect(NumberText.fixed(2.5, 0) == "3")
        #expect(NumberText.fixed(-2.5, 0) == "-3")
        #expect(NumberText.fixed(1234.5678, 2) == "1234.57")
        #expect(NumberText.fixed(-0.04, 1) == "0.0")
        #expect(NumberText.fixed(0.05, 3) == "0.050")
        #expect(NumberText.fixed(.nan, 2) == "NaN")
    }

    @Test func significantSwitchesToScientificOutsideRange() {
        #expect(NumberText.significant(0.000123456) == "0.0001235")
        #expect(NumberText.significant(1.5e-7) == "1.5e-07")
        #expect(NumberText.significant(123456789) == "123456789")
        #expect(NumberText.significant(10) == "10")
        #expect(NumberText.significant(-0.25) == "-0.25")
        #expect(NumberText.scientific(9.9996, 3) == "1e+01")
        #expect(NumberText.scientific(2.5e12, 3) == "2.5e+12")
        #expect(NumberText.significant(.leastNonzeroMagnitude) == "4.941e-324")
        #expect(NumberText.significant(-9.4826e-28) == "-9.483e-28")
    }

    @Test func coordinatesHaveOneDecimalTrimmed() {
        #expect(NumberText.coordinate(12.04) == "12")
        #expect(NumberText.coordinate(12.06) == "12.1")
        #expect(NumberText.coordinate(-0.01) == "0")
    }
}
