import Foundation
import Pharmacology
import Testing
@testable import Studies

@Suite struct RunMetricsTests {
    /// Feeds a known curve row by row.
    func metrics(times: [Double], values: [Double], thresholds: [(column: Int, level: Double, above: Bool)] = []) -> [Double] {
        var m = RunMetrics(columnCount: 1, thresholds: thresholds)
        for (t, v) in zip(times, values) { [v].withUnsafeBufferPointer { m.receive(timeHours: t, values: $0) } }
        return m.values
    }

    @Test func trapezoidAndExtremesOfAPolyline() {
        // 0 → 2 → -1 → 1 at t = 0, 1, 3, 4.
        let v = metrics(times: [0, 1, 3, 4], values: [0, 2, -1, 1],
                        thresholds: [(0, 1, true), (0, 0, false)])
        #expect(v[0] == 2 && v[1] == 1)        // peak, time of peak
        #expect(v[2] == -1 && v[3] == 3)       // trough, time
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
        try ReceptorModel.simulate(model, columns: ["morphine_plasma_nM"], intervalHours: 0.05, into: &sink)
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
}
