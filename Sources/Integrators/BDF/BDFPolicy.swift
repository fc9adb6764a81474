/// The `StepPolicy` of the BDF (`BDFStepper`): the stepper's own error and Newton tests judge
/// an attempt (a `BDFStepCompanion` may add the sensitivities' corrector and test), and the
/// stepper chooses its next step and order after each accepted step.
///
/// The step is the stepper's, cut to the maximum step and fitted to land on the next stop
/// (`EventStops.fit`, rescaling the differences when it changes). Every event restarts the
/// method from order 1 with a fresh f, Jacobian and initial step (a multistep history does
/// not survive a jump in the state). A step smaller than 10 ulp of the time underflows.
@usableFromInline
struct BDFPolicy<System: ODESystem, Companion: BDFStepCompanion>: StepPolicy where Companion.System == System {
    @usableFromInline var stepper: BDFStepper<System>
    @usableFromInline let companion: Companion
    @usableFromInline let rows: Int
    @usableFromInline let end: Double
    @usableFromInline let maximumStep: Double
    @usableFromInline let initialStepSize: Double?

    @inlinable
    init(stepper: BDFStepper<System>, companion: Companion, rowLength rows: Int, problem: ODEProblem<System>,
         options: SolverOptions) {
        self.stepper = stepper
        self.companion = companion
        self.rows = rows
        end = problem.endTime
        maximumStep = min(options.maximumStepSize, problem.endTime - problem.startTime)
        initialStepSize = options.initialStepSize
    }

    @inlinable
    var system: System {
        get { stepper.system }
        set { stepper.system = newValue }
        _modify { yield &stepper.system }
    }

    /// D_0, the current solution row.
    @inlinable var state: UnsafeMutablePointer<Double> { stepper.differences }
    @inlinable var maximumNonFiniteRetries: Int { AdaptiveDriver.maximumNonFiniteRetries }

    @inlinable
    mutating func start(at time: Double, statistics: inout SolverStatistics) {
        stepper.restart(
            time: time, initialStep: initialStepSize, end: end, maximumStep: maximumStep, statistics: &statistics)
        companion.restarted(&stepper, time: time)
    }

    @inlinable
    mutating func plan(time: Double, stop: Double) -> (step: Double, newTime: Double, lands: Bool) {
        let (target, lands) = EventStops<System>.fit(step: min(stepper.step, maximumStep), distance: stop - time)
        if target != stepper.step { stepper.changeStep(to: target) }
        return (target, lands ? stop : time + target, lands)
    }

    @inlinable
    func underflows(step: Double, time: Double) -> Bool {
        !(step > 0) || step < 10 * time.ulp || time + step == time
    }

    @inlinable
    mutating func attempt(
        time: Double, step: Double, newTime: Double, lands: Bool, statistics: inout SolverStatistics
    ) -> StepVerdict {
        let verdict = stepper.attemptStep(to: newTime, statistics: &statistics)
        guard verdict == .accepted else { return verdict }
        return companion.accepted(&stepper, to: newTime, statistics: &statistics)
    }

    @inlinable
    func nonFiniteFailure(time: Double, newTime: Double) -> SolverError {
        stepper.nonFiniteFailure(at: newTime)
    }

    @inlinable
    mutating func accepted(time: Double, step: Double, newTime: Double, lands: Bool) {
        stepper.acceptStep()
    }

    @inlinable
    mutating func emitStep<Sink: SolutionSink>(
        from time: Double, to newTime: Double, step: Double, cursor: inout OutputCursor,
        into sink: inout Sink, observesSteps: Bool
    ) throws {
        let state = stepper.differences
        if cursor.hasInteriorPoint(after: time, before: newTime) {
            let scratch = UnsafeMutableBufferPointer(start: stepper.out, count: rows)
            try cursor.emitInterior(
                from: time, to: newTime, stepper: &stepper, step: step, start: state, end: state,
                scratch: scratch, into: &sink)
        }
        if observesSteps {
            try withUnsafePointer(to: &stepper) { pointer in
                try sink.observeStep(InterpolantStep(
                    interpolant: pointer, startTime: time, endTime: newTime, step: step, start: nil, end: state))
            }
        }
    }

    /// The accepted solution is D_0 already (`BDFStepper.acceptStep`).
    @inlinable mutating func commit() {}

    @inlinable
    mutating func restart(afterEventsAt time: Double, statistics: inout SolverStatistics) {
        stepper.restart(time: time, initialStep: nil, end: end, maximumStep: maximumStep, statistics: &statistics)
        companion.restarted(&stepper, time: time)
    }

    @inlinable
    mutating func continueAfterStep() {
        stepper.chooseStepAndOrder(maximumStep: maximumStep)
    }
}
