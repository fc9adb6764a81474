import BuiltInLibrary
import Testing
@testable import Exchange
@testable import Pharmacology

/// A transdermal patch (issue 16) is exported as a release rate into its skin depot that events
/// switch on (after the route's lag) and off (at removal); `ExportedMathTests` runs the patch
/// scenario through the exported events against the compiled model.
@Suite struct PatchExportTests {
    @Test func aPatchIsAnInputRateSwitchedByEvents() throws {
        let model = try ReceptorModel.compile(TestScenarios.patches)
        let exported = try ExportedModel(model)
        let depots = model.system.depotState.indices.filter { k in
            model.events.contains { if case .changeDepotInput(k, _) = $0.action { true } else { false } }
        }
        try #require(depots.count == 1)
        let input = exported.states[model.system.depotState[depots[0]]].id + "_input"
        let parameter = try #require(exported.parameters.first { $0.id == input })
        #expect(parameter.value == 0 && !parameter.constant)
        // On at 0 + lag and 3 + lag, off at 2.5 + lag and 5.5 + lag; the rate is 0.05 mg/h in nmol/h.
        let fentanyl = try #require(model.library.drug("fentanyl"))
        let lag = try #require(fentanyl.routes.first { $0.route == .transdermal }?.lagHours.value)
        let switches = try exported.events.flatMap { e in
            try e.assignments.filter { $0.variable == input }.map { (e.timeHours, try $0.expression.evaluate([:])) }
        }
        let rate = 0.05 * 1e6 / fentanyl.molarMassGramsPerMole.value
        #expect(switches.map(\.0) == [lag, 2.5 + lag, 3 + lag, 5.5 + lag])
        for (k, (_, value)) in switches.enumerated() {
            #expect(abs(value - (k.isMultiple(of: 2) ? rate : 0)) <= 1e-9 * rate, "switch \(k): \(value)")
        }
        // The SBML document carries the rate's reaction and its event assignments.
        let document = try SBMLExporter.document(for: model)
        #expect(document.contains("id=\"\(input)\""))
        #expect(document.contains("variable=\"\(input)\""))
    }
}
