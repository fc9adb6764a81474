/// Checks every solve makes before any work, shared by the adaptive driver and the fixed-step
/// RK4 so that no method silently accepts input another rejects.
///
/// A bad output grid would otherwise hang the solve (a zero or NaN interval makes the output
/// cursor report the same time forever) or silently drop output (a NaN or descending time
/// stops all later points); unsorted or NaN event times would apply an event late or end in a
/// misleading step-size underflow.
@usableFromInline
enum SolveInputValidation {
    /// Problem, step budget, event times and output grid: what every method depends on.
    @inlinable
    static func validate<System: ODESystem>(
        _ problem: ODEProblem<System>, options: SolverOptions, dimension n: Int,
        eventTimes: [Double], output: OutputGrid
    ) throws {
        guard n > 0 else { throw SolverError.invalidInput("system dimension must be positive, got \(n)") }
        guard problem.initialState.count == n else {
            throw SolverError.invalidInput(
                "initial state has \(problem.initialState.count) components, system has \(n)")
        }
        let t0 = problem.startTime, tEnd = problem.endTime
        guard t0.isFinite, tEnd.isFinite, tEnd > t0 else {
            throw SolverError.invalidInput("end time \(tEnd) must be finite and after start \(t0)")
        }
        guard options.maximumSteps > 0 else {
            throw SolverError.invalidInput("maximum steps must be positive, got \(options.maximumSteps)")
        }
        try validate(eventTimes: eventTimes)
        try validate(output: output, startTime: t0, endTime: tEnd)
    }

    /// `validate(_:options:dimension:eventTimes:output:)` and `validateStepControl`: what every
    /// adaptive method (one-step or BDF) checks before any work.
    @inlinable
    static func validateAdaptive<System: ODESystem>(
        _ problem: ODEProblem<System>, options: SolverOptions, dimension n: Int,
        eventTimes: [Double], output: OutputGrid
    ) throws {
        try validate(problem, options: options, dimension: n, eventTimes: eventTimes, output: output)
        try validateStepControl(options, dimension: n)
    }

    /// Tolerances and step-size bounds, which only the adaptive methods use.
    @inlinable
    static func validateStepControl(_ options: SolverOptions, dimension n: Int) throws {
        for (name, tolerance) in [("relative", options.relativeTolerance), ("absolute", options.absoluteTolerance)] {
            if case .perComponent(let values) = tolerance, values.count != n {
                throw SolverError.invalidInput(
                    "\(name) tolerance has \(values.count) components, system has \(n)")
            }
            for i in 0..<n where !(tolerance[i] >= 0 && tolerance[i].isFinite) {
                throw SolverError.invalidInput(
                    "\(name) tolerance of component \(i) must be finite and >= 0, got \(tolerance[i])")
            }
        }
        for i in 0..<n where options.absoluteTolerance[i] == 0 && options.relativeTolerance[i] == 0 {
            throw SolverError.invalidInput("component \(i) has zero absolute and relative tolerance")
        }
        guard options.maximumStepSize > 0 else {
            throw SolverError.invalidInput("maximum step size must be positive, got \(options.maximumStepSize)")
        }
        if let initial = options.initialStepSize, !(initial > 0 && initial.isFinite) {
            throw SolverError.invalidInput("initial step size must be positive and finite, got \(initial)")
        }
    }

    /// Event times must be finite and ascending (equal times are applied in index order).
    @inlinable
    static func validate(eventTimes times: [Double]) throws {
        for (index, time) in times.enumerated() {
            guard time.isFinite else {
                throw SolverError.invalidInput("event time \(index) must be finite, got \(time)")
            }
            if index > 0, time < times[index - 1] {
                throw SolverError.invalidInput(
                    "event times must be ascending: event \(index) at \(time) follows \(times[index - 1])")
            }
        }
    }

    /// Explicit output times must be finite, ascending (repeats allowed) and within
    /// [start, end]; a uniform grid needs a finite start and end and a finite, positive interval.
    @inlinable
    static func validate(output: OutputGrid, startTime t0: Double, endTime tEnd: Double) throws {
        switch output {
        case .times(let times):
            for (index, time) in times.enumerated() {
                guard time.isFinite else {
                    throw SolverError.invalidInput("output time \(index) must be finite, got \(time)")
                }
                if index > 0, time < times[index - 1] {
                    throw SolverError.invalidInput(
                        "output times must be ascending: time \(index) at \(time) follows \(times[index - 1])")
                }
                guard time >= t0, time <= tEnd else {
                    throw SolverError.invalidInput(
                        "output time \(index) at \(time) is outside the interval [\(t0), \(tEnd)]")
                }
            }
        case .uniform(let gridStart, let interval, let gridEnd):
            guard gridStart.isFinite, gridEnd.isFinite else {
                throw SolverError.invalidInput(
                    "uniform output grid start \(gridStart) and end \(gridEnd) must be finite")
            }
            guard interval.isFinite, interval > 0 else {
                throw SolverError.invalidInput(
                    "uniform output grid interval must be finite and > 0, got \(interval)")
            }
        case .everyStep:
            break
        }
    }
}
