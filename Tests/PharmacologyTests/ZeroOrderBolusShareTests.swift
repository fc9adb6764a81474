import BuiltInLibrary
import Foundation
import Testing
@testable import Pharmacology
import TestSupport

/// A zero-order slow share with `slow_bolus_fraction`: that share of it enters the slow depot at
/// once at its lag, the rest at a constant rate over `slow_release_duration_h` (Vivitrol's
/// burst-then-erosion microspheres); with `slow_bolus_duration_h` the bolus share enters at its
/// own constant rate over that duration instead of at once.
@Suite struct ZeroOrderBolusShareTests {
    static let lagHours = 10.0, durationHours = 100.0, doseMilligrams = 380.0, spreadHours = 20.0

    /// Naltrexone IM with the whole dose in the slow share, released at `ratePerHour`.
    func library(bolus: Double, ratePerHour: Double, spreadHours: Double? = nil) throws -> DrugLibrary {
        var lib = DrugLibrary.builtIn
        let i = try #require(lib.drugs.firstIndex { $0.id == "naltrexone" })
        let j = try #require(lib.drugs[i].routes.firstIndex { $0.route == .intramuscularExtendedRelease })
        lib.drugs[i].routes[j].slowDepot = SlowDepot(
            fraction: Sourced(1, "test"), absorptionRatePerHour: Sourced(ratePerHour, "test"),
            lagHours: Sourced(Self.lagHours, "test"), releaseDurationHours: Sourced(Self.durationHours, "test"),
            bolusFraction: Sourced(bolus, "test"), bolusDurationHours: spreadHours.map { Sourced($0, "test") })
        return lib
    }

    func scenario(hours: Double) -> Scenario {
        Scenario(name: "bolus and zero order", durationHours: hours, doses: [
            dose("naltrexone", .intramuscularExtendedRelease, .single(atHours: 0, amountMilligrams: Self.doseMilligrams)),
        ])
    }

    var nanomole: Double { Self.doseMilligrams * 1e6 / DrugLibrary.builtIn.drug("naltrexone")!.molarMassGramsPerMole.value }

    /// The events: bolus × dose added at the lag, (1 − bolus) × dose / duration nmol/h switched
    /// on at the lag and off after the duration; together the whole slow share (exact).
    @Test func theBolusEntersAtTheLagAndTheRestOverTheDuration() throws {
        let model = try ReceptorModel.compile(scenario(hours: 200), library: try library(bolus: 0.3, ratePerHour: 100))
        let slowState = try #require(model.stateNames.firstIndex(of: "naltrexone.im_er_slow_depot_nmol"))
        // The fast depot's share is 0 (the whole dose is slow): only the slow depot's bolus counts.
        let boluses = model.events.compactMap { event -> (Double, Int, Double)? in
            guard case .addAmount(let state, let amount) = event.action, amount > 0 else { return nil }
            return (event.timeHours, state, amount)
        }
        let inputs = model.events.compactMap { event -> (Double, Double)? in
            guard case .changeDepotInput(_, let delta) = event.action else { return nil }
            return (event.timeHours, delta)
        }
        try #require(boluses.count == 1 && inputs.count == 2)
        #expect(boluses[0].0 == Self.lagHours && boluses[0].1 == slowState)
        #expect(isClose(boluses[0].2, 0.3 * nanomole, relative: 1e-12))
        #expect(inputs[0].0 == Self.lagHours && inputs[1].0 == Self.lagHours + Self.durationHours)
        #expect(isClose(inputs[0].1, 0.7 * nanomole / Self.durationHours, relative: 1e-12))
        #expect(inputs[1].1 == -inputs[0].1)
        #expect(isClose(boluses[0].2 + inputs[0].1 * Self.durationHours, nanomole, relative: 1e-12))
    }

    /// Mass balance: CL × AUC over the release and 25 days after equals F × dose (within 0.5 %).
    /// The depot releases at 1 /h so that plasma has no spike narrower than the 0.1 h sampling.
    @Test func theDoseIsConserved() throws {
        let lib = try library(bolus: 0.3, ratePerHour: 1)
        var rec = ObservableRecorder(columns: ["time_h", "naltrexone_plasma_nM"])
        try ReceptorModel.simulate(try ReceptorModel.compile(scenario(hours: 700), library: lib),
                                   columns: rec.columns, intervalHours: 0.1, into: &rec)
        let naltrexone = try #require(lib.drug("naltrexone"))
        let f = try #require(naltrexone.parameters(of: .intramuscularExtendedRelease)).bioavailability.value
        let recovered = naltrexone.clearanceLitersPerHour.value * area(rec, "naltrexone_plasma_nM") / (f * nanomole)
        #expect(abs(recovered - 1) < 0.005, "CL × AUC / (F × dose) \(recovered)")
    }

    /// With bolus = 1 / (1 + k T) the depot's first-order output k × bolus × dose equals the
    /// zero-order input, so the depot and, once distribution settles (slowest exponential t½
    /// 10.9 h), plasma hold flat at F k bolus dose / CL until the input stops (within 1 %).
    @Test func aBolusMatchingTheInputHoldsPlasmaFlat() throws {
        let k = 0.01, bolus = 1 / (1 + 0.01 * Self.durationHours)
        let lib = try library(bolus: bolus, ratePerHour: k)
        var rec = ObservableRecorder(columns: ["time_h", "naltrexone_plasma_nM"])
        try ReceptorModel.simulate(try ReceptorModel.compile(scenario(hours: 200), library: lib),
                                   columns: rec.columns, intervalHours: 0.25, into: &rec)
        let naltrexone = try #require(lib.drug("naltrexone"))
        let f = try #require(naltrexone.parameters(of: .intramuscularExtendedRelease)).bioavailability.value
        let flat = f * k * bolus * nanomole / naltrexone.clearanceLitersPerHour.value
        for t in [80.0, 95, 109.75] {
            let c = rec.value("naltrexone_plasma_nM", at: t)
            #expect(abs(c / flat - 1) < 0.01, "at \(t) h \(c) nM, flat \(flat) nM")
        }
        // After the input stops the depot empties at k: plasma falls.
        #expect(rec.value("naltrexone_plasma_nM", at: 190) < 0.5 * flat)
    }

    /// The bolus share moves amounts, not event times: sensitivities take it, and ∂plasma/∂ln
    /// bolus agrees with a central difference of two runs at bolus × e^{±0.01} (within 1 %).
    @Test func sensitivitiesTakeTheBolusShare() throws {
        let model = try ReceptorModel.compile(scenario(hours: 200), library: try library(bolus: 0.3, ratePerHour: 0.02))
        let name = "naltrexone.im_er.slow_bolus_fraction"
        let k = try #require(model.parameterNames.firstIndex(of: name))
        #expect(model.parameterValues[k] == 0.3)
        func perturbed(_ step: Double) throws -> (plus: CompiledModel, minus: CompiledModel) {
            var up = model.parameterValues, down = up
            up[k] *= exp(step)
            down[k] *= exp(-step)
            return (try model.withParameterValues(up), try model.withParameterValues(down))
        }
        let column = "naltrexone_plasma_nM", times = [30.0, 100, 150]
        let result = try ReceptorModel.simulateWithSensitivities(
            model, perturbed: [try perturbed(ReceptorModel.sensitivityStep)], columns: [column], outputTimes: times)
        let wide = try perturbed(0.01)
        func values(_ m: CompiledModel) throws -> [Double] {
            var rec = ObservableRecorder(columns: ["time_h", column])
            try ReceptorModel.simulate(m, columns: rec.columns, intervalHours: 10, into: &rec)
            return times.map { rec.value(column, at: $0) }
        }
        let plus = try values(wide.plus), minus = try values(wide.minus)
        for (r, t) in times.enumerated() {
            let difference = (plus[r] - minus[r]) / 0.02
            #expect(abs(result.derivatives[r] - difference) <= 0.01 * abs(difference), "at \(t) h: \(result.derivatives[r]) vs \(difference)")
        }
    }

    /// Spread (`slow_bolus_duration_h`): no amount enters at once; bolus × dose / spread nmol/h is
    /// switched on at the lag and off after the spread, beside the rest's input (exact).
    @Test func aSpreadBolusIsItsOwnInputOverItsDuration() throws {
        let model = try ReceptorModel.compile(scenario(hours: 200),
                                              library: try library(bolus: 0.3, ratePerHour: 100, spreadHours: Self.spreadHours))
        #expect(!model.events.contains { if case .addAmount(_, let amount) = $0.action { amount > 0 } else { false } })
        let inputs = model.events.compactMap { event -> (Double, Double)? in
            guard case .changeDepotInput(_, let delta) = event.action else { return nil }
            return (event.timeHours, delta)
        }
        try #require(inputs.count == 4)
        #expect(inputs.map(\.0) == [Self.lagHours, Self.lagHours, Self.lagHours + Self.spreadHours, Self.lagHours + Self.durationHours])
        #expect(isClose(inputs[0].1, 0.3 * nanomole / Self.spreadHours, relative: 1e-12))
        #expect(isClose(inputs[1].1, 0.7 * nanomole / Self.durationHours, relative: 1e-12))
        #expect(inputs[2].1 == -inputs[0].1 && inputs[3].1 == -inputs[1].1)
    }

    /// Spread, the dose is still conserved (CL × AUC = F × dose within 0.5 %), and plasma rises
    /// from the lag without a step: 15 min after it, below 20 % of its level at the spread's end
    /// (the depot, at k 1 /h, fills to 1 − e^−0.25 = 22 % of its input rate), where added at once
    /// the depot's output k × bolus × dose puts it above twice that level.
    @Test func aSpreadBolusConservesTheDoseAndRisesWithoutAStep() throws {
        let column = "naltrexone_plasma_nM"
        func run(_ spread: Double?) throws -> (ObservableRecorder, DrugLibrary) {
            let lib = try library(bolus: 0.3, ratePerHour: 1, spreadHours: spread)
            var rec = ObservableRecorder(columns: ["time_h", column])
            try ReceptorModel.simulate(try ReceptorModel.compile(scenario(hours: 700), library: lib),
                                       columns: rec.columns, intervalHours: 0.05, into: &rec)
            return (rec, lib)
        }
        let (spread, lib) = try run(Self.spreadHours)
        let naltrexone = try #require(lib.drug("naltrexone"))
        let f = try #require(naltrexone.parameters(of: .intramuscularExtendedRelease)).bioavailability.value
        let recovered = naltrexone.clearanceLitersPerHour.value * area(spread, column) / (f * nanomole)
        #expect(abs(recovered - 1) < 0.005, "CL × AUC / (F × dose) \(recovered)")
        let end = spread.value(column, at: Self.lagHours + Self.spreadHours)
        let early = spread.value(column, at: Self.lagHours + 0.25)
        #expect(early < 0.2 * end, "15 min after the lag \(early) nM, at the spread's end \(end) nM")
        let (atOnce, _) = try run(nil)
        let step = atOnce.value(column, at: Self.lagHours + 0.25)
        #expect(step > 2 * end, "added at once \(step) nM 15 min after the lag")
    }

    /// The spread moves an event time (its end): a catalogue parameter that sensitivities refuse,
    /// as they refuse a lag or `slow_release_duration_h`.
    @Test func theSpreadIsAParameterThatSensitivitiesRefuse() throws {
        let model = try ReceptorModel.compile(scenario(hours: 200),
                                              library: try library(bolus: 0.3, ratePerHour: 0.02, spreadHours: Self.spreadHours))
        let k = try #require(model.parameterNames.firstIndex(of: "naltrexone.im_er.slow_bolus_duration_h"))
        #expect(model.parameterValues[k] == Self.spreadHours)
        var up = model.parameterValues, down = up
        up[k] *= exp(0.01)
        down[k] *= exp(-0.01)
        let pair = (plus: try model.withParameterValues(up), minus: try model.withParameterValues(down))
        #expect(pair.plus.events.contains { $0.timeHours == Self.lagHours + Self.spreadHours * exp(0.01) })
        #expect(throws: ModelError.invalidValue(path: "parameters", reason: "a parameter moves the scenario's events (a lag_h, "
                                                 + "slow_release_duration_h or slow_bolus_duration_h): sensitivities need fixed event times")) {
            try ReceptorModel.simulateWithSensitivities(model, perturbed: [pair], columns: ["naltrexone_plasma_nM"], outputTimes: [50, 150])
        }
    }

    /// A periodic steady state whose later doses are still entering their depot when the run
    /// starts names the key that delays them: the spread bolus when it outlasts the release
    /// (lag 10 h + 120 h > 10 + 100 h), the zero-order release otherwise.
    @Test(arguments: [(120.0, "its slow share's bolus part enters its depot until 130.0 h after the dose is given (slow_lag_h + slow_bolus_duration_h)"),
                      (20.0, "its slow share's zero-order release ends 110.0 h after the dose is given (slow_lag_h + slow_release_duration_h)")])
    func aSteadyStateStartNamesTheLaterInput(spreadHours: Double, reason: String) throws {
        var scenario = scenario(hours: 24)
        scenario.steadyStateStart = SteadyStateStart(drug: "naltrexone", route: .intramuscularExtendedRelease,
                                                     amountMilligrams: Self.doseMilligrams, intervalHours: 672, hoursSinceLastDose: 24)
        let error = #expect(throws: ModelError.self) {
            try ReceptorModel.compile(scenario, library: try library(bolus: 0.3, ratePerHour: 0.02, spreadHours: spreadHours))
        }
        #expect(error?.description == "invalid value for steady state: " + reason
                + ", not before the run starts 24.0 h after the last dose; start the regimen's doses at t = 0")
    }
}
