import BuiltInLibrary
import Integrators
import Pharmacology
import Testing
import TestSupport

/// Issue #17: the method and tolerances are settings of a run, passed to `simulate`, not part
/// of the compiled model; one compiled model solves with any of them.
@Suite struct SolverSettingsTests {
    /// Two days of oral morphine 30 mg every 6 h (eight doses).
    static let scenario = Scenario(name: "q6h", durationHours: 48, doses: [
        DoseRegimen(drug: "morphine", route: .oral, schedule: .repeated(startHours: 0, everyHours: 6, count: 8, amountMilligrams: 30)),
    ])
    static let columns = ["morphine_plasma_nM", "mu_occupancy_total", "withdrawal_index"]

    private func run(_ model: CompiledModel, _ solver: SolverSpecification) throws -> (ObservableRecorder, SolverStatistics) {
        var recorder = ObservableRecorder(columns: Self.columns)
        let statistics = try ReceptorModel.simulate(model, solver: solver, columns: Self.columns, intervalHours: 0.5, into: &recorder)
        return (recorder, statistics)
    }

    /// Compiled once; Rodas5P and BDF at rtol 1e-6 and 1e-8 (atol 1e-3 rtol) from that same
    /// model all agree with an rtol 1e-10 Rodas5P reference, also from it, within 1e-4 of each
    /// column's range (the BDF at default tolerances is within 2e-5 on smooth columns,
    /// `bdfMatchesATightReferenceWithFewJacobians`), and each setting took effect: the two
    /// methods take different step counts and the tighter rtol more steps for both.
    @Test func oneCompiledModelSolvesWithEveryMethodAndTolerance() throws {
        let model = try ReceptorModel.compile(Self.scenario)
        let (reference, _) = try run(model, SolverSpecification(method: .rodas5P, relativeTolerance: 1e-10, absoluteTolerance: 1e-13))
        var steps: [IntegrationMethod: [Double: Int]] = [:]
        for method in [IntegrationMethod.rodas5P, .bdf] {
            for rtol in [1e-6, 1e-8] {
                let (rows, statistics) = try run(model, SolverSpecification(method: method, relativeTolerance: rtol, absoluteTolerance: rtol * 1e-3))
                steps[method, default: [:]][rtol] = statistics.acceptedSteps
                #expect(rows.times == reference.times)
                for column in Self.columns {
                    let exact = reference.series(column)
                    let range = max((exact.max() ?? 0) - (exact.min() ?? 0), 1e-12)
                    let worst = zip(rows.series(column), exact).map { abs($0 - $1) }.max() ?? .infinity
                    #expect(worst <= 1e-4 * range, "\(method) rtol \(rtol) \(column): \(worst) against range \(range)")
                }
            }
        }
        let rodas = try #require(steps[.rodas5P]), bdf = try #require(steps[.bdf])
        #expect(rodas[1e-6] != bdf[1e-6], "the method was passed: \(steps)")
        #expect(rodas[1e-8]! > rodas[1e-6]! && bdf[1e-8]! > bdf[1e-6]!, "the tolerance was passed: \(steps)")
        // The model still holds the scenario's own settings; nothing was recompiled into it.
        #expect(model.scenario.solver == SolverSpecification())
    }

    /// Without settings the run uses the scenario's own, exactly as with them passed.
    @Test func theScenariosOwnSettingsAreTheDefault() throws {
        var scenario = Self.scenario
        scenario.solver = SolverSpecification(method: .bdf, relativeTolerance: 1e-7, absoluteTolerance: 1e-10)
        let model = try ReceptorModel.compile(scenario)
        var implicit = ObservableRecorder(columns: Self.columns)
        let a = try ReceptorModel.simulate(model, columns: Self.columns, intervalHours: 0.5, into: &implicit)
        let (explicit, b) = try run(model, scenario.solver)
        #expect(a == b)
        for column in Self.columns { #expect(implicit.series(column) == explicit.series(column)) }
    }

    /// Settings passed to `simulate` meet the one check of tolerances (`ScenarioCheck`), as a
    /// scenario's own do in `compile`: the problem names the field.
    @Test func passedTolerancesAreCheckedAsAScenariosAre() throws {
        let model = try ReceptorModel.compile(Self.scenario)
        var sink = ObservableRecorder(columns: Self.columns)
        let expected = ModelError.invalidScenario([
            ScenarioProblem(path: "solver.rtol", .outOfRange(5, SolverSpecification.relativeToleranceRange)),
        ])
        #expect(throws: expected) {
            try ReceptorModel.simulate(model, solver: SolverSpecification(relativeTolerance: 5), columns: Self.columns, into: &sink)
        }
        #expect(sink.times.isEmpty)
    }

    /// A parameter outside its range is refused by `compile`'s one check of every setting (the
    /// scenario's field named, `ModelError.invalidScenario`) before `ParameterCatalog.apply`
    /// is reached, whose own range check (`.invalidValue`) guards callers of that public
    /// function alone.
    @Test func compileRefusesAnOutOfRangeParameterThroughTheOneCheck() throws {
        var scenario = Self.scenario
        scenario.parameterOverrides = ["morphine.oral.bioavailability": 1.5]
        #expect {
            try ReceptorModel.compile(scenario)
        } throws: { error in
            guard case .invalidScenario(let problems) = error as? ModelError else { return false }
            return problems.map(\.path) == [#"parameters["morphine.oral.bioavailability"]"#]
        }
        #expect(throws: ModelError.self) { try ParameterCatalog.apply(scenario.parameterOverrides, to: .builtIn) }
    }
}
