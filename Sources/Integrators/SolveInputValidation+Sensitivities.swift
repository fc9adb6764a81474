extension SolveInputValidation {
    /// Everything an adaptive solve with forward sensitivities checks before any work:
    /// `validateAdaptive`, then `validate(sensitivities:system:dimension:)`.
    ///
    /// - Returns: the selected parameters and |p̄_k| for each.
    @inlinable
    static func validate<System: ParametricODESystem>(
        _ problem: ODEProblem<System>, options: SolverOptions, sensitivities: SensitivityOptions,
        eventTimes: [Double], output: OutputGrid
    ) throws -> (parameters: [Int], scales: [Double]) {
        let n = problem.system.dimension
        try validateAdaptive(problem, options: options, dimension: n, eventTimes: eventTimes, output: output)
        return try validate(sensitivities: sensitivities, system: problem.system, dimension: n)
    }

    /// Checks a forward-sensitivity request and resolves its defaults.
    ///
    /// - Returns: the selected parameters (all when none are named) and |p̄_k| for each.
    /// - Throws: `SolverError.invalidInput` when the system has no analytic Jacobian (the
    ///   sensitivity equations are built on J: a finite-difference J's error, about √ε relative,
    ///   would pass straight into every sensitivity), when a parameter index is out of range or
    ///   repeated, or when the initial sensitivities or the scales have the wrong length or are
    ///   not finite.
    @inlinable
    static func validate<System: ParametricODESystem>(
        sensitivities options: SensitivityOptions, system: System, dimension n: Int
    ) throws -> (parameters: [Int], scales: [Double]) {
        guard system.providesJacobian else {
            throw SolverError.invalidInput(
                "forward sensitivities need the system's analytic Jacobian, but providesJacobian is false "
                    + "(implement jacobian(time:state:into:) and return true from providesJacobian)")
        }
        let p = system.parameterCount
        let parameters = options.parameters ?? Array(0..<p)
        guard !parameters.isEmpty else {
            throw SolverError.invalidInput("no parameters selected for sensitivities (the system has \(p))")
        }
        var seen = Set<Int>()
        for k in parameters {
            guard k >= 0, k < p else {
                throw SolverError.invalidInput("sensitivity parameter \(k) is outside 0..<\(p)")
            }
            guard seen.insert(k).inserted else {
                throw SolverError.invalidInput("sensitivity parameter \(k) is selected twice")
            }
        }
        let m = parameters.count
        if let initial = options.initialSensitivities {
            guard initial.count == m * n else {
                throw SolverError.invalidInput(
                    "initial sensitivities have \(initial.count) values, expected \(m) parameters × \(n) states")
            }
            guard initial.allSatisfy(\.isFinite) else {
                throw SolverError.invalidInput("initial sensitivities must be finite")
            }
        }
        let scales = options.parameterScales ?? [Double](repeating: 1, count: m)
        guard scales.count == m else {
            throw SolverError.invalidInput("parameter scales have \(scales.count) values, expected \(m)")
        }
        guard scales.allSatisfy({ $0.isFinite && $0 != 0 }) else {
            throw SolverError.invalidInput("parameter scales must be finite and nonzero")
        }
        return (parameters, scales.map { abs($0) })
    }
}
