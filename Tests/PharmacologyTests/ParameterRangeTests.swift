import BuiltInLibrary
import Testing
@testable import Pharmacology

/// Every catalogue entry has a range; values outside it are rejected by the one check
/// (`ParameterCatalog.validate`) that overrides, parameter vectors and studies share.
@Suite struct ParameterRangeTests {
    private let library = DrugLibrary.builtIn

    @Test func everyLibraryValueIsInsideItsRange() {
        for entry in ParameterCatalog.entries(of: library) {
            let value = entry.value(in: library).value
            #expect(entry.range.contains(value), "\(entry.name) = \(value): \(entry.range.requirement)")
        }
    }

    @Test(arguments: [
        ("morphine.central_volume_l", "must be a finite number > 0 (concentrations are amounts over this volume, infinite at zero), got 0.0"),
        ("morphine.molar_mass_g_per_mol", "must be a finite number > 0 (doses in mg are divided by it to give nmol), got 0.0"),
        ("endorphin.baseline_nM", "must be a finite number > 0 (the resting level that release is scaled to and absolute tolerances are relative to), got 0.0"),
        ("mu.turnover_half_life_h", "must be a finite number > 0 (a half-life sets the rate ln 2 / t½, infinite at zero), got 0.0"),
        ("morphine.half_life_h", "must be a finite number > 0 (a half-life sets the rate ln 2 / t½, infinite at zero), got 0.0"),
        ("morphine.clearance_l_per_h", "must be a finite number > 0 (without elimination repeated doses accumulate without bound and the half-life is infinite), got 0.0"),
        ("mu.internal_fraction", "must be a finite number > 0 and < 1 (the degradation rate is divided by it and the endocytosis rate by 1 minus it), got 0.0"),
        ("model.probe_efficacy", "must be a finite number > 0 (tolerance_index is relative to the response to this probe, zero without it), got 0.0"),
    ])
    func zeroThatMakesTheModelMeaninglessIsRejected(name: String, reason: String) {
        #expect(throws: ModelError.invalidValue(path: name, reason: reason)) {
            try ParameterCatalog.apply([name: 0], to: library)
        }
    }

    @Test func zeroThatSwitchesAProcessOffIsAccepted() throws {
        let lib = try ParameterCatalog.apply(["mu.desensitization_rate_per_h": 0, "morphine.brain_partition": 0, "dysphoria.kappa_weight": 0, "uncoupling.gain": 0], to: library)
        #expect(lib.receptor(.mu)?.desensitizationRatePerHour.value == 0)
    }

    @Test func parameterVectorsGetTheSameCheck() throws {
        let scenario = Scenario(name: "x", durationHours: 1, doses: [
            DoseRegimen(drug: "morphine", route: .ivBolus, schedule: .single(atHours: 0, amountMilligrams: 5))])
        let model = try ReceptorModel.compile(scenario)
        var values = model.parameterValues
        let k = try #require(model.parameterNames.firstIndex(of: "mu.turnover_half_life_h"))
        values[k] = 0
        #expect(throws: ModelError.invalidValue(path: "mu.turnover_half_life_h",
                                                reason: "must be a finite number > 0 (a half-life sets the rate ln 2 / t½, infinite at zero), got 0.0")) {
            try model.withParameterValues(values)
        }
    }

    @Test func rangeOfLooksUpDerivedNamesToo() {
        #expect(ParameterCatalog.range(of: "morphine.half_life_h", in: library)?.contains(0) == false)
        #expect(ParameterCatalog.range(of: "morphine.oral.bioavailability", in: library)?.contains(1) == true)
        #expect(ParameterCatalog.range(of: "morphine.no_such", in: library) == nil)
    }
}
