import BuiltInLibrary
import Testing
@testable import Exchange
@testable import Pharmacology

/// A slow depot with its own lag (`slow_lag_h`: the microspheres of extended-release
/// naltrexone start releasing 24 h after the injection) is exported as the compiled model
/// gives it: the fast share is added by an event at dose + `lag_h`, the slow share's bolus part
/// (`slow_bolus_fraction`) by an event at dose + `slow_lag_h`, as `lag_h` itself is exported
/// (event times, not delay()); its zero-order rest is `ZeroOrderReleaseExportTests`'.
/// `ExportedMathTests` also runs this scenario through the exported events.
@Suite struct DelayedDepotExportTests {
    @Test func eachShareIsAddedAfterItsOwnLag() throws {
        let model = try ReceptorModel.compile(TestScenarios.delayedSlowDepot)
        let exported = try ExportedModel(model)
        let naltrexone = try #require(model.library.drug("naltrexone"))
        let route = try #require(naltrexone.parameters(of: .intramuscularExtendedRelease))
        let lag = route.lagHours.value
        let slowLag = try #require(route.slowDepot?.lagHours?.value)
        let slowFraction = try #require(route.slowDepot?.fraction.value)
        let bolus = route.slowDepot?.bolusFraction?.value ?? 1
        try #require(slowLag != lag)
        let dose = 380 * 1e6 / naltrexone.molarMassGramsPerMole.value   // nmol per injection
        let depots = model.layout.depots.filter { $0.route == .intramuscularExtendedRelease }
        try #require(depots.count == 2)
        for depot in depots {
            let id = exported.states[depot.state].id
            // Each assignment is `depot + amount`: evaluated at an empty depot it is the amount added.
            let additions = try exported.events.flatMap { e in
                try e.assignments.filter { $0.variable == id }.map { (e.timeHours, try $0.expression.evaluate([id: 0])) }
            }
            let delay = depot.slow ? slowLag : lag
            let share = depot.slow ? slowFraction * bolus : 1 - slowFraction
            #expect(additions.map(\.0) == [delay, 6 + delay], "\(id)")
            for (time, amount) in additions {
                #expect(abs(amount - share * dose) <= 1e-12 * dose, "\(id) at \(time) h: \(amount) nmol")
            }
        }
        // The SBML document has an event at each slow share's time (24 h and 30 h).
        let document = try SBMLExporter.document(for: model)
        for time in [slowLag, 6 + slowLag] {
            #expect(document.contains("name=\"t = \(SBMLExporter.number(time)) h\""), "no event at \(time) h")
        }
    }
}
