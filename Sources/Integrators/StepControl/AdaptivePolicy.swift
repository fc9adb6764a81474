/// The `StepPolicy` of the adaptive one-step methods (`AdaptiveStepper`: Rodas5P,
/// Rosenbrock23, Tsit5): a step is accepted when its error norm is at most 1, and the next
/// step comes from the PI controller (`PIStepSizeController`).
///
/// - The first step is `SolverOptions.initialStepSize` or `AdaptiveDriver.initialStep`'s.
/// - After a rejection the next step is the controller's; after a non-finite trial five times
///   smaller; after a singular iteration matrix (error `.infinity`) four times smaller, keeping
///   the Jacobian. A step after a rejection does not grow.
/// - A step shortened to land on a stop keeps the size it would have had (up to ten times the
///   landing step). After events the stepper restarts (fresh f and J, no stale FSAL) with the
///   last proposed step, but no larger than the first step accepted after the previous event
///   restart: repeated doses disturb the state alike, and starting from the large step of the
///   smooth stretch before the event took about five rejections per dose in the morphine
///   scenario.
@usableFromInline
struct AdaptivePolicy<Stepper: AdaptiveStepper>: StepPolicy {
    @usableFromInline var stepper: Stepper
    @usableFromInline var state: UnsafeMutablePointer<Double>
    @usableFromInline var trial: UnsafeMutablePointer<Double>
    /// Whether the current state sits in the `trial` slice (an odd number of swaps).
    @usableFromInline var stateIsInTrialSlot = false
    @usableFromInline let out: UnsafeMutableBufferPointer<Double>
    @usableFromInline let initialStepScratch: UnsafeMutablePointer<Double>
    @usableFromInline let tolerances: ToleranceVectors
    @usableFromInline var controller: PIStepSizeController
    @usableFromInline let n: Int
    @usableFromInline let end: Double
    @usableFromInline let maximumStep: Double
    @usableFromInline let initialStepSize: Double?
    /// The step the controller proposes next.
    @usableFromInline var step = 0.0
    @usableFromInline var previousRejected = false
    /// The error norm and size of the last attempt.
    @usableFromInline var lastError = 0.0
    @usableFromInline var lastAttempted = 0.0
    /// The first step accepted after the last event restart (NaN: none yet), and whether the
    /// current step is that first one.
    @usableFromInline var stepAfterEvent = Double.nan
    @usableFromInline var firstStepAfterEvent = false

    @inlinable
    init(
        stepper: Stepper, state: UnsafeMutablePointer<Double>, trial: UnsafeMutablePointer<Double>,
        out: UnsafeMutableBufferPointer<Double>, initialStepScratch: UnsafeMutablePointer<Double>,
        tolerances: ToleranceVectors, dimension n: Int, end: Double, maximumStep: Double,
        initialStepSize: Double?
    ) {
        self.stepper = stepper
        self.state = state
        self.trial = trial
        self.out = out
        self.initialStepScratch = initialStepScratch
        self.tolerances = tolerances
        self.n = n
        self.end = end
        self.maximumStep = maximumStep
        self.initialStepSize = initialStepSize
        controller = PIStepSizeController(
            errorOrder: Stepper.errorOrder, previousErrorWeight: Stepper.previousErrorWeight)
    }

    @inlinable
    var system: Stepper.System {
        get { stepper.system }
        set { stepper.system = newValue }
        _modify { yield &stepper.system }
    }

    @inlinable var maximumNonFiniteRetries: Int { AdaptiveDriver.maximumNonFiniteRetries }

    @inlinable
    mutating func start(at time: Double, statistics: inout SolverStatistics) {
        stepper.restart()
        if let given = initialStepSize {
            step = min(given, maximumStep)
        } else {
            step = AdaptiveDriver.initialStep(
                system: stepper.system, time: time, state: state, end: end, maximumStep: maximumStep,
                errorOrder: Stepper.errorOrder, tolerances: tolerances, dimension: n,
                scratch: initialStepScratch, statistics: &statistics)
        }
    }

    @inlinable
    mutating func plan(time: Double, stop: Double) -> (step: Double, newTime: Double, lands: Bool) {
        let (attempted, lands) = EventStops<Stepper.System>.fit(step: step, distance: stop - time)
        return (attempted, lands ? stop : time + attempted, lands)
    }

    @inlinable
    func underflows(step: Double, time: Double) -> Bool {
        !(step > 0) || time + step == time
    }

    @inlinable
    mutating func attempt(
        time: Double, step attempted: Double, newTime: Double, lands: Bool, statistics: inout SolverStatistics
    ) -> StepVerdict {
        var error = stepper.attemptStep(
            time: time, step: attempted, state: state, trial: trial, tolerances: tolerances,
            statistics: &statistics)
        if error <= 1, !StepLoop.allFinite(trial, dimension: n) { error = .nan }
        lastError = error
        lastAttempted = attempted
        if error <= 1 { return .accepted }
        statistics.rejectedSteps += 1
        previousRejected = true
        if error.isNaN {
            step = attempted * controller.minimumFactor
            return .nonFinite
        } else if error == .infinity {
            // Singular iteration matrix: shrink hard, keep the Jacobian.
            step = attempted * 0.25
        } else {
            step = controller.stepAfterRejection(attempted, error: error)
        }
        return .rejected
    }

    @inlinable
    func nonFiniteFailure(time: Double, newTime: Double) -> SolverError {
        var component = 0
        for i in 0..<n where !trial[i].isFinite { component = i; break }
        return .nonFiniteState(component: component, time: time + lastAttempted)
    }

    @inlinable
    mutating func accepted(time: Double, step attempted: Double, newTime: Double, lands: Bool) {
        var proposed = controller.stepAfterAcceptance(attempted, error: lastError)
        if previousRejected { proposed = min(proposed, attempted) }
        // A step shortened to land keeps the size it would have had.
        if lands { proposed = max(proposed, min(step, 10 * attempted)) }
        step = min(proposed, maximumStep)
        previousRejected = false
        if firstStepAfterEvent, !lands { stepAfterEvent = attempted }
        firstStepAfterEvent = false
    }

    @inlinable
    mutating func emitStep<Sink: SolutionSink>(
        from time: Double, to newTime: Double, step attempted: Double, cursor: inout OutputCursor,
        into sink: inout Sink, observesSteps: Bool
    ) throws {
        let interior = cursor.hasInteriorPoint(after: time, before: newTime)
        if interior || observesSteps { stepper.prepareDenseOutput(step: attempted) }
        if interior {
            try cursor.emitInterior(
                from: time, to: newTime, stepper: &stepper, step: attempted, start: state, end: trial,
                scratch: out, into: &sink)
        }
        if observesSteps {
            let start = state, end = trial
            try withUnsafePointer(to: &stepper) { pointer in
                try sink.observeStep(InterpolantStep(
                    interpolant: pointer, startTime: time, endTime: newTime, step: attempted,
                    start: start, end: end))
            }
        }
    }

    @inlinable
    mutating func commit() {
        stepper.acceptStep()
        swap(&state, &trial)
        stateIsInTrialSlot.toggle()
    }

    @inlinable
    mutating func restart(afterEventsAt time: Double, statistics: inout SolverStatistics) {
        stepper.restart()
        if stepAfterEvent.isFinite { step = min(step, stepAfterEvent) }
        firstStepAfterEvent = true
    }

    @inlinable
    mutating func continueAfterStep() {}
}
