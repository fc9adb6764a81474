import BuiltInLibrary
import Foundation
import Testing
@testable import Exchange
@testable import Pharmacology

/// A slow depot's zero-order release (`slow_release_duration_h`) is exported as a patch is: an
/// input rate into the depot that events set at dose + `slow_lag_h` and after each duration:
/// Vivitrol's bolus share (`slow_bolus_fraction`) at its own rate over `slow_bolus_duration_h`
/// beside the rest over the release duration; the absolute rates, as the engine sums them.
@Suite struct ZeroOrderReleaseExportTests {
    @Test func aZeroOrderReleaseIsAnInputRateSwitchedByEvents() throws {
        var library = DrugLibrary.builtIn
        let i = try #require(library.drugs.firstIndex { $0.id == "naltrexone" })
        let j = try #require(library.drugs[i].routes.firstIndex { $0.route == .intramuscularExtendedRelease })
        let slow = try #require(library.drugs[i].routes[j].slowDepot)
        library.drugs[i].routes[j].slowDepot?.releaseDurationHours = Sourced(300, "test")
        let bolus = try #require(slow.bolusFraction?.value), spread = try #require(slow.bolusDurationHours?.value)
        let model = try ReceptorModel.compile(Scenario(name: "zero order", durationHours: 400, doses: [
            DoseRegimen(drug: "naltrexone", route: .intramuscularExtendedRelease, schedule: .single(atHours: 0, amountMilligrams: 380)),
        ]), library: library)
        let exported = try ExportedModel(model)
        let state = try #require(model.stateNames.firstIndex(of: "naltrexone.im_er_slow_depot_nmol"))
        let input = exported.states[state].id + "_input"
        let switches = try exported.events.flatMap { e in
            try e.assignments.filter { $0.variable == input }.map { (e.timeHours, try $0.expression.evaluate([:])) }
        }
        let lag = try #require(slow.lagHours?.value)
        let share = slow.fraction.value * 380 * 1e6 / library.drugs[i].molarMassGramsPerMole.value
        let rest = share * (1 - bolus) / 300, spreadRate = share * bolus / spread
        #expect(switches.map(\.0) == [lag, lag + spread, lag + 300])
        try #require(switches.count == 3)
        #expect(abs(switches[0].1 - (rest + spreadRate)) <= 1e-9 * rest)
        #expect(abs(switches[1].1 - rest) <= 1e-9 * rest && abs(switches[2].1) <= 1e-9 * rest)
    }
}
