/// The buffers and counters a BDF step needs for forward sensitivities
/// (`BDFStepper+Sensitivities.swift`), slices of the solve's one workspace. Empty (every slice
/// of length zero), and never read, in a solve without sensitivities.
@usableFromInline
struct BDFSensitivityWorkspace {
    /// J at the accepted point (t_{n+1}, y_{n+1}), row-major n × n; entries outside a declared
    /// sparsity stay zero.
    @usableFromInline var currentJacobian: UnsafeMutablePointer<Double>
    /// ∂f/∂p, column-major n × p (`ParametricODESystem.parameterJacobian`).
    @usableFromInline var parameterJacobian: UnsafeMutablePointer<Double>
    /// atol_i / |p̄_k| for each selected parameter k, interleaved (i·m + k).
    @usableFromInline var absolute: UnsafeMutablePointer<Double>
    /// The selected parameters (m).
    @usableFromInline var parameters: UnsafeMutablePointer<Int>
    /// J's pattern in compressed rows (n + 1 row starts, then the columns), or a row start
    /// of −1 when J is treated as dense.
    @usableFromInline var rowStarts: UnsafeMutablePointer<Int>
    @usableFromInline var columns: UnsafeMutablePointer<Int>
    /// The corrector's vectors with the m sensitivities interleaved as in the rows (entry i of
    /// parameter k at i·m + k, n·m each; the prediction, iterate, correction and history are
    /// the rows' own, `BDFStepper.rowLength`): ∂f/∂p of the selected parameters, the weights,
    /// the increment Δ, and the multiple solve's scratch.
    @usableFromInline var blockParameterJacobian: UnsafeMutablePointer<Double>
    @usableFromInline var blockWeights, blockIncrement, blockScratch: UnsafeMutablePointer<Double>
    /// The m sums of squares of the corrector's norms.
    @usableFromInline var blockSums: UnsafeMutablePointer<Double>
    @usableFromInline var parameterCount = 0
    @usableFromInline var errorControl = true
    /// CVODES's crateS for the sensitivity corrector: the contraction rate measured in earlier
    /// steps with the current Jacobian (1 after a new one).
    @usableFromInline var rate = 1.0
    /// `BDFStepper.jacobianCount` of the Jacobian that `rate` was measured with.
    @usableFromInline var rateJacobian = -1
    /// Every entry of `parameterJacobian` is 0: its readers zero each column they read, so
    /// the next evaluation need not zero it first. False at the start of a solve.
    @usableFromInline var parameterJacobianIsZero = false
    @usableFromInline var parameterJacobianEvaluations = 0
    /// The end of the last attempt whose sensitivity corrector was not finite and the step
    /// that failure left (NaN: none), for the error report (`BDFStepper.nonFiniteFailure`).
    @usableFromInline var nonFinite = (time: Double.nan, nextStep: Double.nan)
    @usableFromInline var iterations = 0
    @usableFromInline var errorTestFailures = 0

    /// The slices of the sensitivity workspace: all empty without sensitivities (m = 0).
    @usableFromInline
    struct Layout: Sendable, Equatable {
        @usableFromInline let currentJacobian, parameterJacobian, absolute: WorkspaceSlice<Double>
        @usableFromInline let parameters, rowStarts, columns: WorkspaceSlice<Int>
        @usableFromInline let blockParameterJacobian: WorkspaceSlice<Double>
        @usableFromInline let blockWeights, blockIncrement, blockScratch, blockSums: WorkspaceSlice<Double>

        @inlinable
        init(dimension n: Int, sensitivityCount m: Int, parameterCount p: Int, allocator: inout WorkspaceAllocator) {
            let used = m > 0
            currentJacobian = allocator.doubles(used ? n * n : 0, "sensitivity.currentJacobian")
            parameterJacobian = allocator.doubles(used ? n * p : 0, "sensitivity.parameterJacobian")
            absolute = allocator.doubles(m * n, "sensitivity.absolute")
            parameters = allocator.indices(m, "sensitivity.parameters")
            rowStarts = allocator.indices(used ? n + 1 : 0, "sensitivity.rowStarts")
            columns = allocator.indices(used ? n * n : 0, "sensitivity.columns")
            blockParameterJacobian = allocator.doubles(m * n, "sensitivity.blockParameterJacobian")
            blockWeights = allocator.doubles(m * n, "sensitivity.blockWeights")
            blockIncrement = allocator.doubles(m * n, "sensitivity.blockIncrement")
            blockScratch = allocator.doubles(m * n, "sensitivity.blockScratch")
            blockSums = allocator.doubles(m, "sensitivity.blockSums")
        }
    }

    @inlinable
    init(_ layout: Layout, in memory: WorkspaceMemory) {
        currentJacobian = memory[layout.currentJacobian]
        parameterJacobian = memory[layout.parameterJacobian]
        absolute = memory[layout.absolute]
        parameters = memory[layout.parameters]
        rowStarts = memory[layout.rowStarts]
        columns = memory[layout.columns]
        blockParameterJacobian = memory[layout.blockParameterJacobian]
        blockWeights = memory[layout.blockWeights]
        blockIncrement = memory[layout.blockIncrement]
        blockScratch = memory[layout.blockScratch]
        blockSums = memory[layout.blockSums]
    }
}
