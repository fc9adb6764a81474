import BuiltInLibrary
import Foundation
import Pharmacology
import Testing
@testable import Studies
import TestSupport

@Suite struct RunMetricsTests {
    /// Feeds a known curve row by row.
    func metrics(times: [Double], values: [Double], thresholds: [(column: Int, level: Double, above: Bool)] = []) -> [Double] {
        var m = RunMetrics(columnCount: 1, thresholds: thresholds)
        for (t, v) in zip(times, values) { [v].withUnsafeBufferPointer { m.receive(timeHours: t, values: $0) } }
        return m.values
    }

    @Test func trapezoidAndThresholdsOfAPolyline() {
        // 0 → 2 → -1 → 1 at t = 0, 1, 3, 4.
        let v = metrics(times: [0, 1, 3, 4], values: [0, 2, -1, 1],
                        thresholds: [(0, 1, true), (0, 0, false)])
        // Peaks and troughs come from the solution (`simulate`), never from the rows.
        #expect(v[0].isNaN && v[1].isNaN && v[2].isNaN && v[3].isNaN)
        #expect(isClose(v[4], 1 + 1 + 0, absolute: 1e-15))   // 1 + (2 - 1) + 0
        // Above 1 (linear crossings): 0.5..1 and 1..5/3 h → 7/6 h; below 0: 7/3..3 and 3..3.5 h → 7/6 h.
        #expect(isClose(v[5], 7.0 / 6.0, absolute: 1e-15))
        #expect(isClose(v[6], 7.0 / 6.0, absolute: 1e-15))
    }

    /// One-compartment IV bolus: C(t) = D/V·e^(−kt), k = CL/V. AUC over T is D/CL·(1 − e^(−kT)),
    /// peak D/V at 0, time above c is ln(C0/c)/k.
    @Test func ivBolusMatchesOneCompartmentAnalytics() throws {
        let scenario = bolusScenario(hours: 24)
        let model = try ReceptorModel.compile(scenario)
        var sink = RunMetrics(columnCount: 1, thresholds: [(0, 50, true)])
        try sink.simulate(model, columns: ["morphine_plasma_nM"], intervalHours: 0.05, extremaCount: 1)
        let v = sink.values
        let doseNanomoles = 10.0 / 285.34 * 1e6
        let clearance = 95.0, volume = 276.0, k = clearance / volume
        let c0 = doseNanomoles / volume
        #expect(isClose(v[0], c0, relative: 1e-5))
        #expect(v[1] == 0)
        #expect(isClose(v[3], 24, absolute: 1e-12))
        // Trapezoid error ≈ (kΔt)²/12 = 2.5e-5 relative; the solver adds ~1e-6.
        #expect(isClose(v[4], doseNanomoles / clearance * (1 - Foundation.exp(-k * 24)), relative: 1e-4))
        #expect(isClose(v[5], Foundation.log(c0 / 50) / k, relative: 1e-4))
    }

    /// A sweep member's peak lies between its rows: oral morphine 30 mg peaks at the Bateman
    /// tmax = ln(ka/k)/(ka − k) = 0.7495 h, between the 0.5 h rows; the summary row has the
    /// analytic Cmax and tmax, not the larger of the two rows around it.
    @Test func sweepPeakBetweenRowsIsTheAnalyticOne() throws {
        var scenario = bolusScenario(hours: 6)
        scenario.doses = [DoseRegimen(drug: "morphine", route: .oral, schedule: .single(atHours: 0, amountMilligrams: 30))]
        scenario.solver = SolverSpecification(relativeTolerance: 1e-8, absoluteTolerance: 1e-12)
        let base = try ReceptorModel.compile(scenario)
        let grid = try SweepGrid([Variation(name: "doses[0].amount_mg", values: [30])])
        let plan = try StudyPlan.sweep(grid: grid, base: base, metricColumns: ["morphine_plasma_nM"], thresholds: [], intervalHours: 0.5)
        let row = try Study.run(plan, fingerprint: "b", threads: 1).summary.components(separatedBy: "\r\n")[2]
            .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let f = 0.24, ka = 3.4, v = 276.0, k = 95.0 / 276
        let doseNanomole = 30 * 1e6 / DrugLibrary.builtIn.drug("morphine")!.molarMassGramsPerMole.value
        let tmax = Foundation.log(ka / k) / (ka - k)
        let cmax = f * doseNanomole * ka / (v * (ka - k)) * (Foundation.exp(-k * tmax) - Foundation.exp(-ka * tmax))
        let peak = try #require(Double(row[4])), time = try #require(Double(row[5]))
        #expect(isClose(peak, cmax, relative: 1e-4), "\(peak) vs \(cmax)")
        #expect(isClose(time, tmax, relative: 1e-4), "\(time) vs \(tmax)")
        #expect(Double(row[6]) == 0 && Double(row[7]) == 0)   // trough: nothing absorbed yet at 0 h
    }
}
