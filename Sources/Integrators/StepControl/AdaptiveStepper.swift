/// One adaptive one-step method as `AdaptivePolicy` drives it in the shared step loop: it attempts
/// steps, estimates their error, and interpolates inside accepted steps.
///
/// A stepper owns no memory: it names its slices of the solve's single workspace (`Layout`,
/// from `WorkspaceAllocator`) and is made once that memory exists, so the step loop allocates
/// nothing. The loop and the policy own the time, the current and trial states, the
/// tolerances, events, output and step-size control; the stepper owns its stages, its cached
/// derivative (FSAL) and, for Rosenbrock methods, the Jacobian and the LU of the iteration
/// matrix. Everything is generic and `@inlinable` so a solve specializes on the system.
@usableFromInline
protocol AdaptiveStepper: DenseInterpolant {
    associatedtype System: ODESystem

    /// The system, mutable by time events.
    var system: System { get set }

    /// The order k of the local error estimate (err ∝ h^k), which sets the controller exponents.
    static var errorOrder: Double { get }
    /// β2 of the step-size controller (`PIStepSizeController`): how much the previous step's
    /// error weighs in choosing the next step (0: the standard controller).
    static var previousErrorWeight: Double { get }
    /// The method's named slices of the solve's workspace (`WorkspaceAllocator`).
    associatedtype Layout: StepperLayout

    /// A stepper for `system` working in its slices of the entered workspace `memory`.
    init(system: System, layout: Layout, memory: WorkspaceMemory)

    /// Forgets everything cached about the previous state: called at the start and after every
    /// event changed the state or the system (fresh derivative, fresh Jacobian, no stale FSAL).
    mutating func restart()

    /// Attempts a step of size `step` from (`time`, `state`), writing the candidate solution to
    /// `trial` and returning its error norm (see `ErrorNorm`); `.infinity` when the step cannot
    /// be taken at this size (a singular iteration matrix), NaN when it produced non-finite
    /// numbers.
    mutating func attemptStep(
        time: Double, step: Double, state: UnsafeMutablePointer<Double>,
        trial: UnsafeMutablePointer<Double>, tolerances: ToleranceVectors,
        statistics: inout SolverStatistics
    ) -> Double

    /// Called once the attempted step is accepted, before the driver swaps `state` and `trial`
    /// (FSAL methods keep their last stage derivative here).
    mutating func acceptStep()

    /// Prepares the dense output of the accepted step (called only when an output time falls
    /// inside it, so steps without output pay nothing).
    mutating func prepareDenseOutput(step: Double)
}

/// A method's dense output inside its last accepted step, as `OutputCursor` reads it.
@usableFromInline
protocol DenseInterpolant {
    /// Writes the dense output at `theta` in (0, 1) of the accepted step (of size `step`, from
    /// `start` to `end`) into `out`.
    func interpolate(
        theta: Double, step: Double, start: UnsafePointer<Double>, end: UnsafePointer<Double>,
        into out: UnsafeMutableBufferPointer<Double>)
}

/// Per-component absolute and relative tolerances, expanded once per solve from `Tolerance`.
@usableFromInline
struct ToleranceVectors {
    @usableFromInline let absolute: UnsafePointer<Double>
    @usableFromInline let relative: UnsafePointer<Double>

    @inlinable
    init(absolute: UnsafePointer<Double>, relative: UnsafePointer<Double>) {
        self.absolute = absolute
        self.relative = relative
    }
}
