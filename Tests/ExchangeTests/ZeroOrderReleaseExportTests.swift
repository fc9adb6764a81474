import BuiltInLibrary
import Foundation
import Testing
@testable import Exchange
@testable import Pharmacology

/// A slow depot's zero-order release (`slow_release_duration_h`) is exported as a patch is: an
/// input rate into the depot that events switch on at dose + `slow_lag_h` and off after the
/// duration, less its bolus share (`slow_bolus_fraction`, Vivitrol's), which a dose event adds.
@Suite struct ZeroOrderReleaseExportTests {
    @Test func aZeroOrderReleaseIsAnInputRateSwitchedByEvents() throws {
        var library = DrugLibrary.builtIn
        let i = try #require(library.drugs.firstIndex { $0.id == "naltrexone" })
        let j = try #require(library.drugs[i].routes.firstIndex { $0.route == .intramuscularExtendedRelease })
        let slow = try #require(library.drugs[i].routes[j].slowDepot)
        library.drugs[i].routes[j].slowDepot?.releaseDurationHours = Sourced(300, "test")
        let bolus = slow.bolusFraction?.value ?? 0
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
        let rate = slow.fraction.value * (1 - bolus) * 380 * 1e6 / library.drugs[i].molarMassGramsPerMole.value / 300
        #expect(switches.map(\.0) == [lag, lag + 300])
        #expect(abs(switches[0].1 - rate) <= 1e-9 * rate && abs(switches[1].1) <= 1e-9 * rate)
    }
}
