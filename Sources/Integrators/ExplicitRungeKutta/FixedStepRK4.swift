/// Classical fourth-order Runge-Kutta with a fixed step, for teaching and reference runs.
///
/// The step is `SolverOptions.fixedStepSize` (default: 1/1000 of the interval), shortened only
/// to land exactly on event and end times. Output between steps uses cubic Hermite
/// interpolation from the step's end-point derivatives (third order, C1).
@usableFromInline
enum FixedStepRK4 {
    @inlinable
    static func solve<System: ODESystem, Sink: SolutionSink>(
        _ problem: ODEProblem<System>,
        options: SolverOptions,
        events: TimeEventSchedule<System>,
        output: OutputGrid,
        into sink: inout Sink
    ) throws -> ODESolution<System> {
        var system = problem.system
        let n = system.dimension
        // The same checks as the adaptive methods, except tolerances and step-size bounds,
        // which a fixed step ignores.
        try SolveInputValidation.validate(
            problem, options: options, dimension: n, eventTimes: events.times, output: output)
        let t0 = problem.startTime, tEnd = problem.endTime
        let nominalStep = options.fixedStepSize ?? (tEnd - t0) / 1000
        guard nominalStep > 0, nominalStep.isFinite else {
            throw SolverError.invalidInput("fixed step size must be positive, got \(nominalStep)")
        }
        var statistics = SolverStatistics()
        var outputCursor = OutputCursor(grid: output, start: t0, end: tEnd)
        let observesSteps = sink.observesSteps
        var eventIndex = 0
        // One workspace per solve: y, y1, k1..k4, scratch, f1.
        var workspace = [Double](repeating: 0, count: 8 * n)
        var time = t0
        try workspace.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            let y = UnsafeMutableBufferPointer(start: base, count: n)
            let y1 = UnsafeMutableBufferPointer(start: base + n, count: n)
            let k1 = UnsafeMutableBufferPointer(start: base + 2 * n, count: n)
            let k2 = UnsafeMutableBufferPointer(start: base + 3 * n, count: n)
            let k3 = UnsafeMutableBufferPointer(start: base + 4 * n, count: n)
            let k4 = UnsafeMutableBufferPointer(start: base + 5 * n, count: n)
            let scratch = UnsafeMutableBufferPointer(start: base + 6 * n, count: n)
            let f1 = UnsafeMutableBufferPointer(start: base + 7 * n, count: n)
            for i in 0..<n { y[i] = problem.initialState[i] }

            func applyEvents(at t: Double) {
                while eventIndex < events.times.count, events.times[eventIndex] <= t {
                    if events.times[eventIndex] >= t0 {
                        events.apply(eventIndex, events.times[eventIndex], &system, y)
                        statistics.eventsHandled += 1
                    }
                    eventIndex += 1
                }
            }
            applyEvents(at: t0)
            try outputCursor.emitStart(time: t0, state: UnsafeBufferPointer(y), into: &sink)

            system.evaluate(time: time, state: UnsafeBufferPointer(y), derivative: k1)
            statistics.rightHandSideEvaluations += 1
            while time < tEnd {
                if statistics.acceptedSteps >= options.maximumSteps {
                    throw SolverError.stepBudgetExhausted(time: time, steps: statistics.acceptedSteps)
                }
                let nextStop = eventIndex < events.times.count ? min(events.times[eventIndex], tEnd) : tEnd
                var h = min(nominalStep, nextStop - time)
                // Avoid a sliver step just before a stop: stretch the step to reach it.
                if nextStop - (time + h) < 1e-9 * nominalStep { h = nextStop - time }
                let tNew = (time + h == nextStop || nextStop - time <= h) ? nextStop : time + h
                h = tNew - time
                guard h > 0 else { throw SolverError.stepSizeUnderflow(time: time, stepSize: h) }

                for i in 0..<n { scratch[i] = y[i] + 0.5 * h * k1[i] }
                system.evaluate(time: time + 0.5 * h, state: UnsafeBufferPointer(scratch), derivative: k2)
                for i in 0..<n { scratch[i] = y[i] + 0.5 * h * k2[i] }
                system.evaluate(time: time + 0.5 * h, state: UnsafeBufferPointer(scratch), derivative: k3)
                for i in 0..<n { scratch[i] = y[i] + h * k3[i] }
                system.evaluate(time: tNew, state: UnsafeBufferPointer(scratch), derivative: k4)
                for i in 0..<n { y1[i] = y[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) }
                for i in 0..<n where !y1[i].isFinite {
                    throw SolverError.nonFiniteState(component: i, time: tNew)
                }
                system.evaluate(time: tNew, state: UnsafeBufferPointer(y1), derivative: f1)
                statistics.rightHandSideEvaluations += 4
                statistics.acceptedSteps += 1

                try outputCursor.emitInterior(
                    from: time, to: tNew,
                    interpolate: { theta, out in
                        // Cubic Hermite on [time, tNew] from y, f(y), y1, f(y1).
                        let t2 = theta * theta, t3 = t2 * theta
                        let h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + theta
                        let h01 = -2 * t3 + 3 * t2, h11 = t3 - t2
                        for i in 0..<n {
                            out[i] = h00 * y[i] + h10 * h * k1[i] + h01 * y1[i] + h11 * h * f1[i]
                        }
                    }, scratch: scratch, into: &sink)
                if observesSteps {
                    try sink.observeStep(HermiteStep(
                        startTime: time, endTime: tNew, start: y.baseAddress!, startDerivative: k1.baseAddress!,
                        end: y1.baseAddress!, endDerivative: f1.baseAddress!))
                }

                for i in 0..<n { y[i] = y1[i]; k1[i] = f1[i] }
                time = tNew
                if eventIndex < events.times.count, events.times[eventIndex] <= time, time < tEnd {
                    applyEvents(at: time)
                    system.evaluate(time: time, state: UnsafeBufferPointer(y), derivative: k1)
                    statistics.rightHandSideEvaluations += 1
                }
                try outputCursor.emitStepEnd(time: time, state: UnsafeBufferPointer(y), into: &sink)
            }
        }
        let finalState = Array(workspace[0..<n])
        return ODESolution(
            finalTime: time, finalState: finalState, finalSystem: system, statistics: statistics)
    }
}
