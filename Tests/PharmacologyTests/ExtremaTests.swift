import BuiltInLibrary
import Foundation
import Integrators
import Testing
@testable import Pharmacology
import TestSupport

/// Peaks and troughs found on the solution itself (`ExtremaTracker`), not on the output rows.
@Suite struct ExtremaTests {
    /// Oral morphine 30 mg, one compartment: the Bateman function peaks at
    /// tmax = ln(ka/k)/(ka − k) = 0.7495 h, between the 0.5 h rows, with
    /// Cmax = F·D·ka/(V (ka − k)) · (e^{−k tmax} − e^{−ka tmax}) (PharmacokineticsTests has the constants).
    @Test(arguments: [IntegrationMethod.rodas5P, .bdf, .tsit5, .rosenbrock23])
    func oralPeakBetweenRowsMatchesBateman(method: IntegrationMethod) throws {
        var scenario = Scenario(name: "bateman", durationHours: 3, doses: [
            dose("morphine", .oral, .single(atHours: 0, amountMilligrams: 30)),
        ])
        scenario.solver = SolverSpecification(method: method, relativeTolerance: 1e-7, absoluteTolerance: 1e-10)
        let model = try ReceptorModel.compile(scenario)
        let f = 0.24, ka = 3.4, v = 276.0, k = 95.0 / 276
        let doseNanomole = 30 * 1e6 / DrugLibrary.builtIn.drug("morphine")!.molarMassGramsPerMole.value
        let tmax = log(ka / k) / (ka - k)
        let cmax = f * doseNanomole * ka / (v * (ka - k)) * (exp(-k * tmax) - exp(-ka * tmax))
        #expect(abs(tmax - 0.7495) < 1e-4)

        var rows = ObservableRecorder(columns: ["morphine_plasma_nM"])
        let (_, extremes) = try ReceptorModel.simulate(model, columns: ["morphine_plasma_nM"], intervalHours: 0.5,
                                                       extremaOf: ["morphine_plasma_nM"], into: &rows)
        let found = try #require(extremes.first)
        #expect(found.column == "morphine_plasma_nM")
        #expect(isClose(found.peak, cmax, relative: 1e-4), "\(method): \(found.peak) vs \(cmax)")
        #expect(isClose(found.peakTimeHours, tmax, relative: 1e-4), "\(method): \(found.peakTimeHours) vs \(tmax)")
        #expect(found.trough == 0 && found.troughTimeHours == 0)
        // The rows alone miss it by far: 0.5 h and 1 h lie on either side of the peak.
        let rowPeak = rows.series("morphine_plasma_nM").max()!
        #expect(rowPeak < cmax * 0.98, "row maximum \(rowPeak) vs \(cmax)")
    }

    /// The same peak whatever the output interval, and within a window only that window counts.
    @Test func extremesDoNotDependOnTheOutputInterval() throws {
        let model = try ReceptorModel.compile(Scenario(name: "bateman", durationHours: 24, doses: [
            dose("morphine", .oral, .single(atHours: 0, amountMilligrams: 30)),
        ]))
        var peaks: [ObservableExtremes] = []
        for interval in [0.25, 0.37, 5] {
            var rows = ObservableRecorder(columns: ["morphine_plasma_nM"])
            let result = try ReceptorModel.simulate(model, columns: ["morphine_plasma_nM"], intervalHours: interval,
                                                    extremaOf: ["morphine_plasma_nM", "mu_occupancy_total"], into: &rows)
            peaks.append(contentsOf: result.extremes)
        }
        #expect(peaks.count == 6)
        for other in [peaks[2], peaks[4]] {
            #expect(isClose(other.peak, peaks[0].peak, relative: 1e-9))
            #expect(isClose(other.peakTimeHours, peaks[0].peakTimeHours, relative: 1e-6))
        }
        for other in [peaks[3], peaks[5]] {
            #expect(isClose(other.peak, peaks[1].peak, relative: 1e-9))
            #expect(isClose(other.trough, peaks[1].trough, relative: 1e-9))
        }
        // From 6 h on the concentration only falls: the peak is the window's start, the trough its end.
        var rows = ObservableRecorder(columns: ["morphine_plasma_nM"])
        let late = try ReceptorModel.simulate(model, columns: ["morphine_plasma_nM"], intervalHours: 1,
                                              extremaOf: ["morphine_plasma_nM"], window: 6...12, into: &rows).extremes[0]
        #expect(late.peakTimeHours == 6 && late.troughTimeHours == 12)
        #expect(isClose(late.peak, rows.series("morphine_plasma_nM")[6], relative: 1e-12))
        #expect(isClose(late.trough, rows.series("morphine_plasma_nM")[12], relative: 1e-12))
    }

    /// Several (column, window) pairs in one solve give what one solve per window gives, in the
    /// order asked (a column may come with several windows; a window may hold several columns).
    @Test func severalWindowsInOneSolve() throws {
        let model = try ReceptorModel.compile(Scenario(name: "bateman", durationHours: 24, doses: [
            dose("morphine", .oral, .single(atHours: 0, amountMilligrams: 30)),
        ]))
        let pairs: [(column: String, window: ClosedRange<Double>?)] = [
            ("morphine_plasma_nM", 0...3), ("mu_occupancy_total", 6...12), ("morphine_plasma_nM", 6...12), ("morphine_plasma_nM", nil),
        ]
        var rows = ObservableRecorder(columns: ["morphine_plasma_nM"])
        let together = try ReceptorModel.simulate(model, columns: ["morphine_plasma_nM"], intervalHours: 1,
                                                  extremaOf: pairs, into: &rows).extremes
        #expect(together.map(\.column) == pairs.map(\.column))
        for (pair, found) in zip(pairs, together) {
            var alone = ObservableRecorder(columns: ["morphine_plasma_nM"])
            let single = try ReceptorModel.simulate(model, columns: ["morphine_plasma_nM"], intervalHours: 1,
                                                    extremaOf: [pair.column], window: pair.window, into: &alone).extremes[0]
            #expect(found == single, "\(pair)")
        }
        #expect(together[2].peakTimeHours == 6 && together[2].troughTimeHours == 12)
        #expect(together[0].peak == together[3].peak && together[0].peak > together[2].peak)
    }

    /// A drug-free run is flat to round-off: every peak and trough keeps its first time, t = 0,
    /// instead of wherever the last bits of the steady state wobble (they did at 6.8e-5 h).
    @Test func aFlatRunKeepsTheFirstTime() throws {
        let model = try ReceptorModel.compile(Scenario(name: "flat", durationHours: 48))
        let columns = ["mu_occupancy_total", "reward_response", "endorphin_nM", "hedonic_tone"]
        var rows = ObservableRecorder(columns: columns)
        let found = try ReceptorModel.simulate(model, columns: columns, intervalHours: 1, extremaOf: columns, into: &rows).extremes
        for extremes in found {
            #expect(extremes.peakTimeHours == 0 && extremes.troughTimeHours == 0, "\(extremes)")
            #expect(abs(extremes.peak - extremes.trough) <= 1e-9 * abs(extremes.peak), "\(extremes)")
        }
    }

    /// Repeated oral doses, several observables: the extremes at 1 h rows equal those of a
    /// 0.0005 h grid (36,001 rows, whose own sampling error is below 1e-7 here) and are never
    /// below them, wherever the extrema fall relative to the solver's steps.
    @Test func extremesMatchAFineGrid() throws {
        let model = try ReceptorModel.compile(Scenario(name: "oral", durationHours: 18, doses: [
            dose("morphine", .oral, .repeated(startHours: 0, everyHours: 6, count: 3, amountMilligrams: 30)),
        ]))
        let columns = ["mu_occupancy_total", "morphine_brain_nM", "hedonic_tone", "reward_response", "mu_surface_rel"]
        var coarse = ObservableRecorder(columns: columns)
        let found = try ReceptorModel.simulate(model, columns: columns, intervalHours: 1, extremaOf: columns, into: &coarse).extremes
        var fine = ObservableRecorder(columns: columns)
        try ReceptorModel.simulate(model, columns: columns, intervalHours: 0.0005, into: &fine)
        for (j, column) in columns.enumerated() {
            let values = fine.series(column)
            let high = values.indices.max { values[$0] < values[$1] }!, low = values.indices.min { values[$0] < values[$1] }!
            let scale = max(abs(values[high]), abs(values[low]))
            // Never worse than the grid by more than the tracker's tie tolerance (1e-9 relative:
            // smaller improvements keep the earlier time), never better by more than its sampling error.
            #expect(found[j].peak >= values[high] - 1e-9 * scale && found[j].peak - values[high] <= 1e-7 * scale,
                    "\(column) peak \(found[j].peak) vs \(values[high])")
            #expect(found[j].trough <= values[low] + 1e-9 * scale && values[low] - found[j].trough <= 1e-7 * scale,
                    "\(column) trough \(found[j].trough) vs \(values[low])")
            #expect(abs(found[j].peakTimeHours - fine.times[high]) < 0.01, "\(column) peak time")
            #expect(abs(found[j].troughTimeHours - fine.times[low]) < 0.01, "\(column) trough time")
        }
    }

    /// IV boluses at 2 h and 3 h (one compartment, V1 276 L, k 95/276 per h, as in the Bateman
    /// test): the peaks are the values just after each dose, C0 = D/V1 and C0 (1 + e^{−k·1 h}),
    /// at the dose times. The step after a dose starts at the previous step's end time with
    /// another state, so the tracker must evaluate it rather than reuse the end's values.
    @Test func aBolusPeakIsTheValueJustAfterTheDose() throws {
        func peak(_ doses: [DoseRegimen]) throws -> ObservableExtremes {
            var scenario = Scenario(name: "bolus", durationHours: 5, doses: doses)
            scenario.solver = SolverSpecification(method: .rodas5P, relativeTolerance: 1e-8, absoluteTolerance: 1e-11)
            var rows = ObservableRecorder(columns: ["morphine_plasma_nM"])
            return try ReceptorModel.simulate(try ReceptorModel.compile(scenario), columns: ["morphine_plasma_nM"],
                                              intervalHours: 0.7, extremaOf: ["morphine_plasma_nM"], into: &rows).extremes[0]
        }
        let c0 = 10 * 1e6 / DrugLibrary.builtIn.drug("morphine")!.molarMassGramsPerMole.value / 276
        let one = try peak([dose("morphine", .ivBolus, .single(atHours: 2, amountMilligrams: 10))])
        #expect(isClose(one.peak, c0, relative: 1e-12) && one.peakTimeHours == 2, "\(one) vs \(c0)")
        #expect(one.trough == 0 && one.troughTimeHours == 0)
        let two = try peak([dose("morphine", .ivBolus, .repeated(startHours: 2, everyHours: 1, count: 2, amountMilligrams: 10))])
        let expected = c0 * (1 + exp(-95.0 / 276))
        #expect(isClose(two.peak, expected, relative: 1e-6) && two.peakTimeHours == 3, "\(two) vs \(expected)")
    }

    /// Brent's method on a parabola and at a bracket end.
    @Test func brentFindsTheMinimum() {
        let inside = ExtremaTracker.minimize(0, 1, tolerance: 1e-9) { ($0 - 0.3) * ($0 - 0.3) - 2 }
        #expect(abs(inside.x - 0.3) < 1e-7 && abs(inside.value + 2) < 1e-14)
        let edge = ExtremaTracker.minimize(0, 1, tolerance: 1e-9) { -$0 }
        #expect(abs(edge.x - 1) < 1e-8)
    }
}
