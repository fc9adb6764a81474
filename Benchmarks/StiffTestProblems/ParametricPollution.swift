import Integrators

/// POLLU (`Pollution`) written as its 25 mass-action reactions with the rate constants
/// k1..k25 as parameters, for forward-sensitivity tests and benchmarks.
///
/// Every rate is r_j = k_j · (product of one or two species), so ∂f/∂k_j is the reaction's
/// stoichiometry times r_j / k_j, and f, J and ∂f/∂p all follow from one table (`reactions`).
/// The right-hand side equals `Pollution`'s (checked by the engine tests); it is slower than the
/// hand-written one, so compare solves of this type with each other only.
public struct ParametricPollution: ParametricODESystem {
    /// One reaction: rate k · y[first] (· y[second] when second ≥ 0), and the changes of the
    /// species it makes.
    public struct Reaction: Sendable {
        public var first: Int
        public var second: Int
        public var changes: [(species: Int, coefficient: Double)]
    }

    public var rateConstants: [Double]
    /// The table flattened for the loops: reactants (second −1 for a first-order reaction),
    /// and the changes of reaction j at `changeStart[j]..<changeStart[j + 1]`.
    @usableFromInline let firsts: [Int], seconds: [Int], changeStart: [Int]
    @usableFromInline let changeSpecies: [Int], changeCoefficients: [Double]
    @usableFromInline let sparsity: [Int]

    public init(rateConstants: [Double] = ParametricPollution.nominalRateConstants) {
        precondition(rateConstants.count == 25)
        self.rateConstants = rateConstants
        let reactions = Self.table
        firsts = reactions.map(\.first)
        seconds = reactions.map(\.second)
        var starts = [0]
        for reaction in reactions { starts.append(starts.last! + reaction.changes.count) }
        changeStart = starts
        changeSpecies = reactions.flatMap { $0.changes.map(\.species) }
        changeCoefficients = reactions.flatMap { $0.changes.map(\.coefficient) }
        var positions = Set<Int>()
        for reaction in reactions {
            for change in reaction.changes {
                positions.insert(change.species * 20 + reaction.first)
                if reaction.second >= 0 { positions.insert(change.species * 20 + reaction.second) }
            }
        }
        sparsity = positions.sorted()
    }

    public static let nominalRateConstants: [Double] = [
        0.35, 0.266e2, 0.123e5, 0.86e-3, 0.82e-3, 0.15e5, 0.13e-3, 0.24e5, 0.165e5, 0.9e4,
        0.22e-1, 0.12e5, 0.188e1, 0.163e5, 0.48e7, 0.35e-3, 0.175e-1, 0.1e9, 0.444e12, 0.124e4,
        0.21e1, 0.578e1, 0.474e-1, 0.178e4, 0.312e1,
    ]

    /// Reactions r1..r25 of `pollu.f` (species 0-based): reactants, then net changes.
    static let table: [Reaction] = {
        func r(_ a: Int, _ b: Int, _ changes: [(Int, Double)]) -> Reaction {
            Reaction(first: a - 1, second: b - 1, changes: changes.map { (species: $0.0 - 1, coefficient: $0.1) })
        }
        return [
            r(1, 0, [(1, -1), (2, 1), (3, 1)]),
            r(2, 4, [(1, 1), (2, -1), (4, -1)]),
            r(5, 2, [(1, 1), (2, -1), (5, -1), (6, 1)]),
            r(7, 0, [(5, 2), (7, -1), (8, 1)]),
            r(7, 0, [(7, -1), (8, 1)]),
            r(7, 6, [(5, 1), (6, -1), (7, -1), (8, 1)]),
            r(9, 0, [(5, 1), (8, 1), (9, -1), (10, 1)]),
            r(9, 6, [(6, -1), (9, -1), (11, 1)]),
            r(11, 2, [(1, 1), (2, -1), (10, 1), (11, -1), (12, 1)]),
            r(11, 1, [(1, -1), (11, -1), (13, 1)]),
            r(13, 0, [(1, 1), (11, 1), (13, -1)]),
            r(10, 2, [(1, 1), (2, -1), (10, -1), (14, 1)]),
            r(14, 0, [(5, 1), (7, 1), (14, -1)]),
            r(1, 6, [(1, -1), (6, -1), (15, 1)]),
            r(3, 0, [(3, -1), (4, 1)]),
            r(4, 0, [(4, -1), (16, 1)]),
            r(4, 0, [(3, 1), (4, -1)]),
            r(16, 0, [(6, 2), (16, -1)]),
            r(16, 0, [(3, 1), (16, -1)]),
            r(17, 6, [(5, 1), (6, -1), (17, -1), (18, 1)]),
            r(19, 0, [(2, 1), (19, -1)]),
            r(19, 0, [(1, 1), (3, 1), (19, -1)]),
            r(1, 4, [(1, -1), (4, -1), (19, 1)]),
            r(19, 1, [(1, -1), (19, -1), (20, 1)]),
            r(20, 0, [(1, 1), (19, 1), (20, -1)]),
        ]
    }()

    public var dimension: Int { 20 }
    public var parameterCount: Int { 25 }
    public var providesJacobian: Bool { true }
    public var isAutonomous: Bool { true }
    public var jacobianSparsity: [Int]? { sparsity }
    public var initialState: [Double] { Pollution().initialState }

    /// The species product of reaction j at y (r_j / k_j).
    @inlinable
    func monomial(_ j: Int, _ y: UnsafeBufferPointer<Double>) -> Double {
        seconds[j] >= 0 ? y[firsts[j]] * y[seconds[j]] : y[firsts[j]]
    }

    @inlinable
    public func evaluate(
        time: Double, state y: UnsafeBufferPointer<Double>, derivative f: UnsafeMutableBufferPointer<Double>
    ) {
        for i in 0..<20 { f[i] = 0 }
        for j in 0..<25 {
            let rate = rateConstants[j] * monomial(j, y)
            for t in changeStart[j]..<changeStart[j + 1] {
                f[changeSpecies[t]] = changeCoefficients[t] * rate + f[changeSpecies[t]]
            }
        }
    }

    @inlinable
    public func jacobian(
        time: Double, state y: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>
    ) {
        for i in 0..<400 { m[i] = 0 }
        jacobianEntries(time: time, state: y, into: m)
    }

    /// Writes the declared entries (zeroing them first, then adding each reaction's share).
    @inlinable
    public func jacobianEntries(
        time: Double, state y: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>
    ) {
        for position in sparsity { m[position] = 0 }
        for j in 0..<25 {
            let k = rateConstants[j], a = firsts[j], b = seconds[j]
            // ∂r/∂y_a and ∂r/∂y_b (for a square a == b the two shares add up to 2 k y_a).
            let byFirst = b >= 0 ? k * y[b] : k
            let bySecond = b >= 0 ? k * y[a] : 0
            for t in changeStart[j]..<changeStart[j + 1] {
                let row = changeSpecies[t] * 20, coefficient = changeCoefficients[t]
                m[row + a] = coefficient * byFirst + m[row + a]
                if b >= 0 { m[row + b] = coefficient * bySecond + m[row + b] }
            }
        }
    }

    @inlinable
    public func parameterJacobian(
        time: Double, state y: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>
    ) {
        for j in 0..<25 {
            let product = monomial(j, y)
            for t in changeStart[j]..<changeStart[j + 1] {
                m[j * 20 + changeSpecies[t]] = changeCoefficients[t] * product + m[j * 20 + changeSpecies[t]]
            }
        }
    }
}
