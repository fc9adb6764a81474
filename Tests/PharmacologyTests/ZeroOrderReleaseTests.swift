import BuiltInLibrary
import Foundation
import Testing
@testable import Pharmacology
import TestSupport

/// A slow depot with `slow_release_duration_h` receives its share at a constant rate over that
/// many hours from its lag (microspheres), through the patches' depot-input events.
@Suite struct ZeroOrderReleaseTests {
    static let lagHours = 10.0, durationHours = 100.0, doseMilligrams = 380.0

    /// Naltrexone IM with the whole dose in a zero-order slow share that leaves its depot at
    /// once (100 /h), so plasma follows the release.
    func library() throws -> DrugLibrary {
        var lib = DrugLibrary.builtIn
        let i = try #require(lib.drugs.firstIndex { $0.id == "naltrexone" })
        let j = try #require(lib.drugs[i].routes.firstIndex { $0.route == .intramuscularExtendedRelease })
        lib.drugs[i].routes[j].slowDepot = SlowDepot(
            fraction: Sourced(1, "test"), absorptionRatePerHour: Sourced(100, "test"),
            lagHours: Sourced(Self.lagHours, "test"), releaseDurationHours: Sourced(Self.durationHours, "test"))
        return lib
    }

    func scenario(hours: Double) -> Scenario {
        Scenario(name: "zero order", durationHours: hours, doses: [
            dose("naltrexone", .intramuscularExtendedRelease, .single(atHours: 0, amountMilligrams: Self.doseMilligrams)),
        ])
    }

    /// The events: the slow share's input starts at the lag and stops after the duration, at
    /// fraction × dose / duration nmol/h, so the amount released by time t is fraction × dose ×
    /// (t − lag) / duration and all of it by the end (exact).
    @Test func theSlowShareEntersAtAConstantRateOverTheDuration() throws {
        let lib = try library()
        let model = try ReceptorModel.compile(scenario(hours: 200), library: lib)
        let naltrexone = try #require(lib.drug("naltrexone"))
        let nanomole = Self.doseMilligrams * 1e6 / naltrexone.molarMassGramsPerMole.value
        let inputs = model.events.compactMap { event -> (Double, Double)? in
            guard case .changeDepotInput(_, let delta) = event.action else { return nil }
            return (event.timeHours, delta)
        }
        try #require(inputs.count == 2)
        #expect(inputs[0].0 == Self.lagHours && inputs[1].0 == Self.lagHours + Self.durationHours)
        #expect(isClose(inputs[0].1, nanomole / Self.durationHours, relative: 1e-12))
        #expect(inputs[1].1 == -inputs[0].1)
        #expect(isClose(inputs[0].1 * Self.durationHours, nanomole, relative: 1e-12))
        // No bolus into the slow depot.
        let slowState = try #require(model.stateNames.firstIndex(of: "naltrexone.im_er_slow_depot_nmol"))
        #expect(!model.events.contains { if case .addAmount(slowState, _) = $0.action { true } else { false } })
    }

    /// Plasma: zero before the lag; at the end of the release the linear steady state
    /// F × rate / CL (the slowest disposition exponential, t½ 10.9 h, has had 9 half-lives);
    /// mass balance: CL × AUC over the release and 25 days after equals F × dose (within 0.5 %).
    @Test func plasmaFollowsTheReleaseAndTheDoseIsConserved() throws {
        let lib = try library()
        let model = try ReceptorModel.compile(scenario(hours: 700), library: lib)
        let column = "naltrexone_plasma_nM"
        var rec = ObservableRecorder(columns: ["time_h", column])
        try ReceptorModel.simulate(model, columns: rec.columns, intervalHours: 0.25, into: &rec)
        let naltrexone = try #require(lib.drug("naltrexone"))
        let route = try #require(naltrexone.parameters(of: .intramuscularExtendedRelease))
        let nanomole = Self.doseMilligrams * 1e6 / naltrexone.molarMassGramsPerMole.value
        let clearance = naltrexone.clearanceLitersPerHour.value, f = route.bioavailability.value
        #expect(rec.value(column, at: Self.lagHours - 0.5) == 0)
        let plateau = f * nanomole / Self.durationHours / clearance
        let atEnd = rec.value(column, at: Self.lagHours + Self.durationHours - 0.25)
        #expect(abs(atEnd / plateau - 1) < 0.01, "end of release \(atEnd) nM, steady state \(plateau) nM")
        let recovered = clearance * area(rec, column) / (f * nanomole)
        #expect(abs(recovered - 1) < 0.005, "CL × AUC / (F × dose) \(recovered)")
    }

    /// The duration is a catalogue parameter (`fit`, `--vary`), and one that moves the end of the
    /// release: sensitivities refuse it, as they refuse a lag.
    @Test func theDurationIsAParameterThatSensitivitiesRefuse() throws {
        let model = try ReceptorModel.compile(scenario(hours: 200), library: try library())
        let name = "naltrexone.im_er.slow_release_duration_h"
        let k = try #require(model.parameterNames.firstIndex(of: name))
        #expect(model.parameterValues[k] == Self.durationHours)
        var up = model.parameterValues, down = up
        up[k] *= exp(0.01)
        down[k] *= exp(-0.01)
        let pair = (plus: try model.withParameterValues(up), minus: try model.withParameterValues(down))
        #expect(pair.plus.events.last?.timeHours == Self.lagHours + Self.durationHours * exp(0.01))
        #expect(throws: ModelError.self) {
            try ReceptorModel.simulateWithSensitivities(model, perturbed: [pair], columns: ["naltrexone_plasma_nM"], outputTimes: [50, 150])
        }
    }
}
