import BuiltInLibrary
import Testing
@testable import Exchange
@testable import Pharmacology

/// A slow depot with its own lag (`slow_lag_h`: the microspheres of extended-release
/// naltrexone start releasing 6 h after the injection) is exported as the compiled model
/// gives it: the fast share is added by an event at dose + `lag_h`, as `lag_h` itself is
/// exported (event times, not delay()); the slow share enters through its input from dose +
/// `slow_lag_h` (its bolus share spread over `slow_bolus_duration_h`), no amount at once: that
/// input is `ZeroOrderReleaseExportTests`'. `ExportedMathTests` also runs this scenario through
/// the exported events.
@Suite struct DelayedDepotExportTests {
    @Test func eachShareIsAddedAfterItsOwnLag() throws {
        let model = try ReceptorModel.compile(TestScenarios.delayedSlowDepot)
        let exported = try ExportedModel(model)
        let naltrexone = try #require(model.library.drug("naltrexone"))
        let route = try #require(naltrexone.parameters(of: .intramuscularExtendedRelease))
        let lag = route.lagHours.value
        let slowLag = try #require(route.slowDepot?.lagHours?.value)
        let slowFraction = try #require(route.slowDepot?.fraction.value)
        try #require(slowLag != lag && route.slowDepot?.bolusDurationHours != nil)
        let dose = 380 * 1e6 / naltrexone.molarMassGramsPerMole.value   // nmol per injection
        let depots = model.layout.depots.filter { $0.route == .intramuscularExtendedRelease }
        try #require(depots.count == 2)
        for depot in depots {
            let id = exported.states[depot.state].id
            // Each assignment is `depot + amount`: evaluated at an empty depot it is the amount added.
            let additions = try exported.events.flatMap { e in
                try e.assignments.filter { $0.variable == id }.map { (e.timeHours, try $0.expression.evaluate([id: 0])) }
            }
            if depot.slow {
                #expect(additions.isEmpty, "\(id): \(additions)")
                continue
            }
            #expect(additions.map(\.0) == [lag, 6 + lag], "\(id)")
            for (time, amount) in additions {
                #expect(abs(amount - (1 - slowFraction) * dose) <= 1e-12 * dose, "\(id) at \(time) h: \(amount) nmol")
            }
        }
        // The SBML document has an event at each slow share's start (6 h and 12 h).
        let document = try SBMLExporter.document(for: model)
        for time in [slowLag, 6 + slowLag] {
            #expect(document.contains("name=\"t = \(SBMLExporter.number(time)) h\""), "no event at \(time) h")
        }
    }
}
