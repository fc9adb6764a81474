import Foundation
import Testing
import StiffTestProblems
@testable import Integrators
import TestSupport

/// y' = −k y with p = (k, y0): y = y0 e^{−kt}, ∂y/∂k = −t y0 e^{−kt}, ∂y/∂y0 = e^{−kt}. The
/// parameter y0 enters only through the initial sensitivity (0, 1).
struct DecayWithParameters: ParametricODESystem {
    var rate = 0.7
    var dimension: Int { 1 }
    var parameterCount: Int { 2 }
    var providesJacobian: Bool { true }
    var isAutonomous: Bool { true }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = -rate * state[0]
    }
    func jacobian(time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        m[0] = -rate
    }
    func parameterJacobian(time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        m[0] = -state[0]
    }
}

/// `OneCompartmentOral` with p = (ka, ke): the depot A = D e^{−ka t} and the central amount
/// C = D ka/(ka − ke) (e^{−ke t} − e^{−ka t}) per dose, whose derivatives in ka and ke are in
/// `exactSensitivities`.
struct OralWithParameters: ParametricODESystem {
    var absorption = 1.5
    var elimination = 0.2
    var dimension: Int { 2 }
    var parameterCount: Int { 2 }
    var providesJacobian: Bool { true }
    var isAutonomous: Bool { true }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = -absorption * state[0]
        derivative[1] = absorption * state[0] - elimination * state[1]
    }
    func jacobian(time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        m[0] = -absorption; m[1] = 0
        m[2] = absorption; m[3] = -elimination
    }
    func parameterJacobian(time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        m[0] = -state[0]; m[1] = state[0]  // ∂f/∂ka
        m[3] = -state[1]                    // ∂f/∂ke
    }

    func centralAmount(at t: Double, doses: [(time: Double, amount: Double)]) -> Double {
        OneCompartmentOral(absorptionPerHour: absorption, eliminationPerHour: elimination).centralAmount(at: t, doses: doses)
    }

    /// [∂A/∂ka, ∂C/∂ka, ∂A/∂ke, ∂C/∂ke] at t for doses superposed.
    func exactSensitivities(at t: Double, doses: [(time: Double, amount: Double)]) -> [Double] {
        let ka = absorption, ke = elimination, gap = ka - ke
        var result = [0.0, 0, 0, 0]
        for dose in doses where dose.time <= t {
            let s = t - dose.time, d = dose.amount
            let ea = exp(-ka * s), ee = exp(-ke * s)
            result[0] += -s * d * ea
            result[1] += d * (-ke / (gap * gap) * (ee - ea) + ka * s * ea / gap)
            result[3] += d * (ka / (gap * gap) * (ee - ea) - ka * s * ee / gap)
        }
        return result
    }
}

/// `OralWithParameters` with a third parameter, the amount D of every dose: it enters only
/// through the events (∂f/∂D = 0), so ∂y/∂D needs the sensitivity jump ∂y⁺/∂D = ∂y⁻/∂D + e_depot.
/// The model is linear in the doses, so ∂y/∂D = y/D.
struct OralWithDoseAmount: ParametricODESystem {
    var oral = OralWithParameters()
    var dimension: Int { 2 }
    var parameterCount: Int { 3 }
    var providesJacobian: Bool { true }
    var isAutonomous: Bool { true }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        oral.evaluate(time: time, state: state, derivative: derivative)
    }
    func jacobian(time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        oral.jacobian(time: time, state: state, into: m)
    }
    func parameterJacobian(time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        oral.parameterJacobian(time: time, state: state, into: UnsafeMutableBufferPointer(rebasing: m[0..<4]))
    }
}

/// `DecayWithParameters` without its Jacobian: sensitivities must refuse it.
struct DecayWithoutJacobian: ParametricODESystem {
    var dimension: Int { 1 }
    var parameterCount: Int { 1 }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = -state[0]
    }
    func parameterJacobian(time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        m[0] = -state[0]
    }
}

/// Forward sensitivities in the BDF (`BDFStepper+Sensitivities.swift`) and, through the
/// augmented system, Rodas5P: against closed forms, across doses, and against central finite
/// differences of full solves on ROBER and POLLU.
@Suite struct SensitivityTests {
    static func options(rtol: Double, atol: Double) -> SolverOptions {
        SolverOptions(relativeTolerance: .scalar(rtol), absoluteTolerance: .scalar(atol))
    }

    /// Both sensitivities of y' = −k y at every output time (dense output inside steps) to
    /// 1e-6 relative at rtol 1e-8.
    @Test(arguments: [IntegrationMethod.bdf, .rodas5P])
    func exponentialDecayMatchesTheClosedForm(method: IntegrationMethod) throws {
        let system = DecayWithParameters()
        let y0 = 2.0, k = system.rate
        var recorder = SensitivityRecorder(dimension: 1, parameterCount: 2)
        let result = try ODESolver.solveWithSensitivities(
            ODEProblem(system: system, initialState: [y0], startTime: 0, endTime: 5), method: method,
            options: Self.options(rtol: 1e-8, atol: 1e-12),
            sensitivities: SensitivityOptions(initialSensitivities: [0, 1], parameterScales: [k, y0]),
            output: .uniform(start: 0, interval: 0.25, end: 5), into: &recorder)
        #expect(recorder.times.count == 21)
        for (r, t) in recorder.times.enumerated() where t > 0 {
            let decay = exp(-k * t)
            #expect(isClose(recorder.state(at: r)[0], y0 * decay, relative: 1e-6), "y at \(t)")
            #expect(isClose(recorder.sensitivity(at: r, component: 0, parameter: 0), -t * y0 * decay, relative: 1e-6),
                    "∂y/∂k at \(t)")
            #expect(isClose(recorder.sensitivity(at: r, component: 0, parameter: 1), decay, relative: 1e-6),
                    "∂y/∂y0 at \(t)")
        }
        #expect(isClose(result.finalSensitivity(component: 0, parameter: 0), -5 * y0 * exp(-5 * k), relative: 1e-6))
        #expect(result.parameters == [0, 1])
        #expect(result.parameterJacobianEvaluations >= result.solution.statistics.acceptedSteps)
    }

    /// A linear two-state system (oral absorption and elimination) with a single dose at
    /// t = 0, all four sensitivities against the closed form; a subset in a chosen order
    /// reports the same values.
    @Test func linearTwoStateSystemMatchesTheClosedForm() throws {
        let system = OralWithParameters()
        var recorder = SensitivityRecorder(dimension: 2, parameterCount: 2)
        _ = try ODESolver.solveWithSensitivities(
            ODEProblem(system: system, initialState: [100, 0], startTime: 0, endTime: 12),
            options: Self.options(rtol: 1e-8, atol: 1e-10),
            sensitivities: SensitivityOptions(parameterScales: [1.5, 0.2]),
            output: .uniform(start: 0, interval: 1, end: 12), into: &recorder)
        var worst = 0.0
        for (r, t) in recorder.times.enumerated() where t > 0 {
            let exact = system.exactSensitivities(at: t, doses: [(0, 100)])
            for k in 0..<2 {
                for i in 0..<2 {
                    let value = recorder.sensitivity(at: r, component: i, parameter: k)
                    worst = max(worst, abs(value - exact[k * 2 + i]) / (abs(exact[k * 2 + i]) + 1e-3))
                }
            }
        }
        #expect(worst < 1e-6, "worst relative error \(worst)")

        var reversed = SensitivityRecorder(dimension: 2, parameterCount: 1)
        let subset = try ODESolver.solveWithSensitivities(
            ODEProblem(system: system, initialState: [100, 0], startTime: 0, endTime: 12),
            options: Self.options(rtol: 1e-8, atol: 1e-10),
            sensitivities: SensitivityOptions(parameters: [1], parameterScales: [0.2]),
            output: .times([12]), into: &reversed)
        let exact = system.exactSensitivities(at: 12, doses: [(0, 100)])
        #expect(subset.finalSensitivities.count == 2)
        #expect(isClose(subset.finalSensitivity(component: 1, parameter: 0), exact[3], relative: 1e-6))
        #expect(isClose(reversed.sensitivity(at: 0, component: 1, parameter: 0), exact[3], relative: 1e-6))
    }

    /// Across doses: a fixed amount added to the depot does not depend on ka or ke, so the
    /// sensitivities pass through the event unchanged and equal the superposed closed forms,
    /// including at the dose times (reported after the dose).
    @Test(arguments: [IntegrationMethod.bdf, .rodas5P])
    func sensitivitiesPassThroughAdditiveDoses(method: IntegrationMethod) throws {
        let system = OralWithParameters()
        let doses: [(time: Double, amount: Double)] = [(0, 100), (6, 50), (12, 100)]
        let events = TimeEventSchedule<OralWithParameters>(times: doses.map(\.time)) { index, _, _, state in
            state[0] += doses[index].amount
        }
        var recorder = SensitivityRecorder(dimension: 2, parameterCount: 2)
        let result = try ODESolver.solveWithSensitivities(
            ODEProblem(system: system, initialState: [0, 0], startTime: 0, endTime: 20), method: method,
            options: Self.options(rtol: 1e-8, atol: 1e-10),
            sensitivities: SensitivityOptions(parameterScales: [1.5, 0.2]),
            events: events, output: .uniform(start: 0, interval: 0.5, end: 20), into: &recorder)
        #expect(result.solution.statistics.eventsHandled == 3)
        #expect(recorder.times.contains(6) && recorder.times.contains(12))
        // Errors relative to the largest magnitude of each sensitivity over the run (∂C/∂ka
        // changes sign, so a pointwise relative error means nothing near its zeros).
        let exact = recorder.times.map { system.exactSensitivities(at: $0, doses: doses) }
        var worst = 0.0
        for k in 0..<2 {
            for i in 0..<2 {
                let scale = exact.map { abs($0[k * 2 + i]) }.max()!
                for r in recorder.times.indices {
                    let error = abs(recorder.sensitivity(at: r, component: i, parameter: k) - exact[r][k * 2 + i])
                    worst = max(worst, scale > 0 ? error / scale : error)
                }
            }
        }
        #expect(worst < 1e-6, "worst relative error \(worst)")
    }

    /// A dose whose amount is a parameter: the sensitivity jump adds ∂Δ/∂D = 1 to the depot's
    /// sensitivity at each dose, and ∂y/∂D = y/D at every output time; the other parameter,
    /// selected first, still matches its closed form.
    @Test(arguments: [IntegrationMethod.bdf, .rodas5P])
    func eventSensitivitiesCarryADoseThatIsAParameter(method: IntegrationMethod) throws {
        let amount = 80.0
        let doseTimes = [0.0, 6, 12]
        let events = TimeEventSchedule<OralWithDoseAmount>(times: doseTimes) { _, _, _, state in
            state[0] += amount
        }
        var recorder = SensitivityRecorder(dimension: 2, parameterCount: 2)
        let result = try ODESolver.solveWithSensitivities(
            ODEProblem(system: OralWithDoseAmount(), initialState: [0, 0], startTime: 0, endTime: 18), method: method,
            options: Self.options(rtol: 1e-8, atol: 1e-10),
            sensitivities: SensitivityOptions(parameters: [1, 2], parameterScales: [0.2, amount]),
            events: events,
            eventSensitivities: { _, _, _, _, sensitivities in sensitivities[1 * 2 + 0] += 1 },
            output: .uniform(start: 0, interval: 1, end: 18), into: &recorder)
        #expect(result.solution.statistics.eventsHandled == 3)
        let doses = doseTimes.map { (time: $0, amount: amount) }
        for (r, t) in recorder.times.enumerated() {
            let state = recorder.state(at: r)
            for i in 0..<2 {
                #expect(isClose(recorder.sensitivity(at: r, component: i, parameter: 1), state[i] / amount,
                                relative: 1e-6, absolute: 1e-9), "∂y\(i + 1)/∂D at \(t)")
            }
            let exactKe = OralWithParameters().exactSensitivities(at: t, doses: doses)[3]
            #expect(isClose(recorder.sensitivity(at: r, component: 1, parameter: 0), exactKe, relative: 1e-6, absolute: 1e-4),
                    "∂C/∂ke at \(t)")
        }
    }

    /// ROBER to t = 40 and 4e5 with (k1, k2, k3) as parameters: all nine sensitivities (BDF
    /// with and without sensitivity error control, Rodas5P) against
    /// central differences of full solves in log-parameter (relative step 1e-4, Rodas5P at
    /// rtol 1e-11), to 1e-4 relative.
    @Test(arguments: [40.0, 4e5])
    func robertsonMatchesCentralDifferences(end: Double) throws {
        var discard = DiscardingSensitivitySink()
        let system = ParametricRobertson()
        let differences = try Self.centralDifferences(
            system.parameterValues, end: end, initialState: [1, 0, 0]) { ParametricRobertson(rates: ($0[0], $0[1], $0[2])) }
        // The BDF with and without the sensitivities in the error test (the discrete
        // sensitivities are exact for the steps taken either way, and the state's steps suffice
        // here), and Rodas5P on the augmented system.
        for (method, errorControl) in [(IntegrationMethod.bdf, true), (.bdf, false), (.rodas5P, true)] {
            let sensitivities = try ODESolver.solveWithSensitivities(
                ODEProblem(system: system, initialState: [1, 0, 0], startTime: 0, endTime: end), method: method,
                options: Self.options(rtol: 1e-8, atol: 1e-14),
                sensitivities: SensitivityOptions(errorControl: errorControl, parameterScales: system.parameterValues),
                output: .times([]), into: &discard)
            let compared = try Self.expectAgreement(
                sensitivities, differences, scales: system.parameterValues, dimension: 3,
                label: "ROBER \(method) errorControl \(errorControl)")
            #expect(compared == 9)
        }
    }

    /// POLLU on [0, 2] with 5 to 17 of its 25 rate constants as parameters (the declared sparse
    /// J path of the products J·s; m = 8 to 17 take the corrector's one-group, paired (`LanePair`:
    /// 8 + 1, 8 + 2, 8 + 4 and a remainder) and two-pass sweeps), against central differences as
    /// for ROBER.
    @Test(arguments: [[0, 3, 8, 14, 22], [0, 1, 3, 5, 8, 10, 12, 14, 18, 22, 24]]
        + [8, 9, 10, 12, 13, 15, 16, 17].map { Array(pollutionParameterOrder.prefix($0)) })
    func pollutionMatchesCentralDifferences(selected: [Int]) throws {
        var discard = DiscardingSensitivitySink()
        let system = ParametricPollution()
        let end = 2.0
        let sensitivities = try ODESolver.solveWithSensitivities(
            ODEProblem(system: system, initialState: system.initialState, startTime: 0, endTime: end),
            options: Self.options(rtol: 1e-8, atol: 1e-14),
            sensitivities: SensitivityOptions(
                parameters: selected, parameterScales: selected.map { system.rateConstants[$0] }),
            output: .times([]), into: &discard)
        let nominal = system.rateConstants
        let differences = try Self.centralDifferences(
            selected.map { nominal[$0] }, end: end, initialState: system.initialState
        ) { values in
            var constants = nominal
            for (k, index) in selected.enumerated() { constants[index] = values[k] }
            return ParametricPollution(rateConstants: constants)
        }
        let compared = try Self.expectAgreement(
            sensitivities, differences, scales: selected.map { nominal[$0] }, dimension: 20, label: "POLLU")
        #expect(compared > 8 * selected.count, "\(compared) of \(20 * selected.count) compared")
    }

    /// The rate constants taken, in order, by the tests over m (the first eleven are the list
    /// above).
    static let pollutionParameterOrder = [0, 1, 3, 5, 8, 10, 12, 14, 18, 22, 24, 2, 4, 6, 9, 11, 13]

    /// The mass-action POLLU equals the hand-written one (f and J) at a state with no zeros.
    @Test func parametricPollutionMatchesThePublishedEquations() {
        let state = (0..<20).map { 0.01 + 0.003 * Double($0) }
        let f = rightHandSide(ParametricPollution(), time: 0, state: state)
        let reference = rightHandSide(Pollution(), time: 0, state: state)
        for i in 0..<20 { #expect(isClose(f[i], reference[i], relative: 1e-12, absolute: 1e-300), "f\(i + 1)") }
        let j = analyticJacobian(ParametricPollution(), time: 0, state: state)
        let referenceJ = analyticJacobian(Pollution(), time: 0, state: state)
        for e in 0..<400 { #expect(isClose(j[e], referenceJ[e], relative: 1e-12, absolute: 1e-300), "J[\(e)]") }
    }

    /// Without error control the steps are the state's alone: the same step count as a plain
    /// BDF solve, and the same final state.
    @Test func withoutErrorControlTheStepsAreTheStates() throws {
        var discard = DiscardingSensitivitySink()
        let system = ParametricRobertson()
        let problem = ODEProblem(system: system, initialState: [1, 0, 0], startTime: 0, endTime: 40)
        var sink = DiscardingSink()
        let plain = try ODESolver.solve(problem, method: .bdf, options: Self.options(rtol: 1e-6, atol: 1e-12),
                                        output: .times([]), into: &sink)
        let withSensitivities = try ODESolver.solveWithSensitivities(
            problem, options: Self.options(rtol: 1e-6, atol: 1e-12),
            sensitivities: SensitivityOptions(errorControl: false),
            output: .times([]), into: &discard)
        // The fallback that adopts a fresh J may change later steps; on ROBER it does not fire
        // more than rarely, so compare the accepted steps within a few.
        #expect(abs(plain.statistics.acceptedSteps - withSensitivities.solution.statistics.acceptedSteps) <= 5,
                "\(plain.statistics) vs \(withSensitivities.solution.statistics)")
        for i in 0..<3 {
            #expect(isClose(withSensitivities.solution.finalState[i], plain.finalState[i], relative: 1e-4, absolute: 1e-12))
        }
    }

    /// A system without an analytic Jacobian, and bad options, are refused with a message
    /// that names the cause.
    @Test func refusesSystemsWithoutJacobianAndBadOptions() {
        var discard = DiscardingSensitivitySink()
        let problem = ODEProblem(system: DecayWithoutJacobian(), initialState: [1], startTime: 0, endTime: 1)
        for method in [IntegrationMethod.bdf, .rodas5P] {
            #expect {
                _ = try ODESolver.solveWithSensitivities(problem, method: method, output: .times([]), into: &discard)
            } throws: { error in
                guard case SolverError.invalidInput(let message) = error else { return false }
                return message.contains("analytic Jacobian") && message.contains("providesJacobian")
            }
        }
        let decay = ODEProblem(system: DecayWithParameters(), initialState: [1], startTime: 0, endTime: 1)
        let bad: [(SensitivityOptions, String)] = [
            (SensitivityOptions(parameters: [2]), "outside 0..<2"),
            (SensitivityOptions(parameters: [0, 0]), "selected twice"),
            (SensitivityOptions(initialSensitivities: [1]), "expected 2 parameters × 1 states"),
            (SensitivityOptions(parameterScales: [1, 0]), "finite and nonzero"),
        ]
        for (options, expected) in bad {
            #expect {
                _ = try ODESolver.solveWithSensitivities(
                    decay, sensitivities: options, output: .times([]), into: &discard)
            } throws: { error in
                guard case SolverError.invalidInput(let message) = error else { return false }
                return message.contains(expected)
            }
        }
    }

    // MARK: - Helpers

    /// Central differences in log-parameter of the final state: (y(p e^δ) − y(p e^−δ)) /
    /// (p (e^δ − e^−δ)), δ = 1e-4, each solve by Rodas5P at rtol 1e-11. Parameter-major.
    static func centralDifferences<System: ODESystem>(
        _ values: [Double], end: Double, initialState: [Double], make: ([Double]) -> System
    ) throws -> [Double] {
        let delta = 1e-4
        var result: [Double] = []
        for k in values.indices {
            func finalState(_ factor: Double) throws -> [Double] {
                var perturbed = values
                perturbed[k] *= factor
                var sink = DiscardingSink()
                return try ODESolver.solve(
                    ODEProblem(system: make(perturbed), initialState: initialState, startTime: 0, endTime: end),
                    method: .rodas5P, options: options(rtol: 1e-11, atol: 1e-20), output: .times([]), into: &sink
                ).finalState
            }
            let up = try finalState(exp(delta)), down = try finalState(exp(-delta))
            let step = values[k] * (exp(delta) - exp(-delta))
            result += zip(up, down).map { ($0 - $1) / step }
        }
        return result
    }

    /// Every sensitivity that is not tiny agrees with the difference quotient to 1e-4
    /// relative. Not tiny: |∂ln y_i/∂ln p_k| = p_k |∂y_i/∂p_k| / |y_i| ≥ 1e-3, below which the
    /// quotient's own error (the solves' error, ~rtol·|y_i|, over the step 2e-4) exceeds 1e-4
    /// of the value. Returns how many were compared.
    @discardableResult
    static func expectAgreement<System: ParametricODESystem>(
        _ result: SensitivitySolution<System>, _ differences: [Double], scales: [Double], dimension n: Int,
        label: String
    ) throws -> Int {
        let m = scales.count
        var compared = 0
        for i in 0..<n {
            let y = abs(result.solution.finalState[i])
            for k in 0..<m where scales[k] * abs(differences[k * n + i]) >= 1e-3 * y && y > 0 {
                let value = result.finalSensitivity(component: i, parameter: k)
                #expect(isClose(value, differences[k * n + i], relative: 1e-4),
                        "\(label) ∂y\(i + 1)/∂p\(k + 1): \(value) vs \(differences[k * n + i])")
                compared += 1
            }
        }
        return compared
    }
}

/// Discards the output of sensitivity solves where only the final values matter.
struct DiscardingSensitivitySink: SensitivitySink {
    mutating func record(
        time: Double, state: UnsafeBufferPointer<Double>, sensitivities: UnsafeBufferPointer<Double>
    ) {}
}
