/// The buffers and counters a BDF step needs for forward sensitivities
/// (`BDFStepper+Sensitivities.swift`), slices of the solve's one workspace. Empty, and never
/// read, in a solve without sensitivities.
@usableFromInline
struct BDFSensitivityWorkspace {
    /// J at the accepted point (t_{n+1}, y_{n+1}), row-major n × n; entries outside a declared
    /// sparsity stay zero.
    @usableFromInline var currentJacobian: UnsafeMutablePointer<Double>
    /// ∂f/∂p, column-major n × p (`ParametricODESystem.parameterJacobian`).
    @usableFromInline var parameterJacobian: UnsafeMutablePointer<Double>
    /// atol_i / |p̄_k| for each selected parameter k, m rows of n.
    @usableFromInline var absolute: UnsafeMutablePointer<Double>
    /// The selected parameters (m).
    @usableFromInline var parameters: UnsafeMutablePointer<Int>
    /// J's pattern in compressed rows (n + 1 row starts, then the columns), or a row start
    /// of −1 when J is treated as dense.
    @usableFromInline var rowStarts: UnsafeMutablePointer<Int>
    @usableFromInline var columns: UnsafeMutablePointer<Int>
    @usableFromInline var parameterCount = 0
    @usableFromInline var errorControl = true
    /// CVODES's crateS for the sensitivity corrector: the contraction rate measured in earlier
    /// steps with the current Jacobian (1 after a new one).
    @usableFromInline var rate = 1.0
    /// `BDFStepper.jacobianCount` of the Jacobian that `rate` was measured with.
    @usableFromInline var rateJacobian = -1
    @usableFromInline var parameterJacobianEvaluations = 0
    @usableFromInline var iterations = 0
    @usableFromInline var errorTestFailures = 0

    @inlinable
    init() {
        let placeholder = UnsafeMutablePointer<Double>(bitPattern: 8)!
        let indexPlaceholder = UnsafeMutablePointer<Int>(bitPattern: 8)!
        currentJacobian = placeholder; parameterJacobian = placeholder; absolute = placeholder
        parameters = indexPlaceholder; rowStarts = indexPlaceholder; columns = indexPlaceholder
    }

    /// Doubles needed for n states, m sensitivities and p parameters.
    @inlinable
    static func count(dimension n: Int, sensitivityCount m: Int, parameterCount p: Int) -> Int {
        n * n + n * p + m * n
    }

    /// Ints needed for n states and m sensitivities.
    @inlinable
    static func indexCount(dimension n: Int, sensitivityCount m: Int) -> Int {
        m + n + 1 + n * n
    }
}
