import Foundation
import Testing
@testable import Integrators
import TestSupport

/// Oral dosing into a one-compartment model: depot A' = −ka A, central C' = ka A − ke C.
/// A bolus dose D into the depot at t_d contributes D ka/(ka − ke) (e^{−ke(t−t_d)} − e^{−ka(t−t_d)})
/// to C (the Bateman function), and doses superpose; `rateScale` is a parameter events may change.
struct OneCompartmentOral: ODESystem {
    var absorptionPerHour = 1.5
    var eliminationPerHour = 0.2
    var dimension: Int { 2 }
    var providesJacobian: Bool { true }
    var isAutonomous: Bool { true }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = -absorptionPerHour * state[0]
        derivative[1] = absorptionPerHour * state[0] - eliminationPerHour * state[1]
    }
    func jacobian(time: Double, state: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        m[0] = -absorptionPerHour; m[1] = 0
        m[2] = absorptionPerHour; m[3] = -eliminationPerHour
    }
    func centralAmount(at t: Double, doses: [(time: Double, amount: Double)]) -> Double {
        let ka = absorptionPerHour, ke = eliminationPerHour
        return doses.filter { $0.time <= t }.reduce(0.0) { sum, dose in
            let elapsed = t - dose.time
            return sum + dose.amount * ka / (ka - ke) * (exp(-ke * elapsed) - exp(-ka * elapsed))
        }
    }
}

/// y' = rate (a constant): every method integrates it exactly, so the state at an event time
/// shows whether the integrator landed on it exactly.
struct ConstantRate: ODESystem {
    var rate = 1.0
    var dimension: Int { 1 }
    var isAutonomous: Bool { true }
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, derivative: UnsafeMutableBufferPointer<Double>) {
        derivative[0] = rate
    }
}

@Suite struct EventTests {
    static let methods: [IntegrationMethod] = [.rodas5P, .rosenbrock23, .bdf, .tsit5, .rk4]

    /// Doses every 8 hours into the depot, against the superposed Bateman solution at every
    /// output time, including the dose times (where the output reports the state after the dose).
    @Test(arguments: methods)
    func repeatedOralDosesMatchTheAnalyticSolution(method: IntegrationMethod) throws {
        let model = OneCompartmentOral()
        let doses: [(time: Double, amount: Double)] = [(0, 100), (8, 100), (16, 50), (24, 100)]
        let events = TimeEventSchedule<OneCompartmentOral>(times: doses.map(\.time)) { index, _, _, state in
            state[0] += doses[index].amount
        }
        var recorder = TrajectoryRecorder(dimension: 2)
        let rtol = method == .rosenbrock23 ? 1e-6 : 1e-9
        let solution = try ODESolver.solve(
            ODEProblem(system: model, initialState: [0, 0], startTime: 0, endTime: 36), method: method,
            options: SolverOptions(relativeTolerance: .scalar(rtol), absoluteTolerance: .scalar(rtol * 1e-3), fixedStepSize: 0.005),
            events: events, output: .uniform(start: 0, interval: 0.5, end: 36), into: &recorder)
        #expect(solution.statistics.eventsHandled == 4)
        #expect(recorder.times.count == 73)
        var worst = 0.0
        for (k, t) in recorder.times.enumerated() {
            worst = max(worst, abs(recorder.state(at: k)[1] - model.centralAmount(at: t, doses: doses)))
        }
        #expect(worst < 100 * rtol * 100, "\(method): worst error \(worst) mg")
        // At a dose time the depot shows the dose just given.
        let atSixteen = try #require(recorder.times.firstIndex(of: 16))
        let depotBefore = 100 * exp(-1.5 * 16) + 100 * exp(-1.5 * 8)
        #expect(isClose(recorder.state(at: atSixteen)[0], depotBefore + 50, relative: 1e-6))
    }

    /// Steps land on event times exactly: y' = 1 gives y = t up to the rounding of the stage
    /// arithmetic at each event (a missed or overshot landing would be off by a fraction of a
    /// step, ~0.1 here), the event sees exactly its own time, and `.everyStep` output contains
    /// the event times.
    @Test(arguments: methods)
    func eventsAreHitExactly(method: IntegrationMethod) throws {
        let eventTimes = [0.1, 0.7, 1.3, 2.9]
        final class Log: @unchecked Sendable { var seen: [(Double, Double)] = [] }
        let log = Log()
        let events = TimeEventSchedule<ConstantRate>(times: eventTimes) { _, time, _, state in
            log.seen.append((time, state[0]))
        }
        var recorder = TrajectoryRecorder(dimension: 1)
        let solution = try ODESolver.solve(
            ODEProblem(system: ConstantRate(), initialState: [0], startTime: 0, endTime: 3), method: method,
            options: SolverOptions(fixedStepSize: 0.25), events: events, output: .everyStep, into: &recorder)
        #expect(log.seen.map(\.0) == eventTimes)
        for (time, value) in log.seen { #expect(abs(value - time) <= 1e-13, "y = \(value) at event \(time)") }
        for time in eventTimes { #expect(recorder.times.contains(time)) }
        #expect(solution.finalTime == 3)
        #expect(abs(solution.finalState[0] - 3) <= 1e-13)
    }

    /// An event that changes a parameter: the restart uses the new right-hand side (no stale
    /// FSAL derivative, no stale Jacobian). y' = −k y with k: 1 → 3 at t = 1.
    @Test(arguments: methods)
    func parameterChangeRestartsCleanly(method: IntegrationMethod) throws {
        let events = TimeEventSchedule<ExponentialDecay>(times: [1]) { _, _, system, _ in system.rate = 3 }
        var sink = DiscardingSink()
        let solution = try ODESolver.solve(
            ODEProblem(system: ExponentialDecay(rate: 1), initialState: [1], startTime: 0, endTime: 2),
            method: method,
            options: SolverOptions(relativeTolerance: .scalar(1e-10), absoluteTolerance: .scalar(1e-14), fixedStepSize: 0.001),
            events: events, output: .times([]), into: &sink)
        // Rosenbrock23's global error grows with its many small steps (second order).
        let rtol = method == .rosenbrock23 ? 1e-6 : 1e-8
        #expect(isClose(solution.finalState[0], exp(-1.0) * exp(-3.0), relative: rtol))
        #expect(solution.finalSystem.rate == 3)
    }

    /// Events before the start are skipped, events at the start apply before the first step,
    /// events at or after the end are not applied.
    @Test func eventsOutsideTheIntervalFollowTheContract() throws {
        let events = TimeEventSchedule<ConstantRate>(times: [-1, 0, 1, 2, 5]) { _, _, _, state in state[0] += 10 }
        var sink = DiscardingSink()
        let solution = try ODESolver.solve(
            ODEProblem(system: ConstantRate(), initialState: [0], startTime: 0, endTime: 2),
            method: .rodas5P, events: events, output: .times([]), into: &sink)
        #expect(solution.statistics.eventsHandled == 2)
        #expect(abs(solution.finalState[0] - 22) < 1e-12)
    }
}
